//! Records as normalized tables in Apache Parquet, for DuckDB, Polars,
//! Spark, pandas and R (feature `parquet`).
//!
//! Each concept has its own table (`events`, `parties`, `signatories`...),
//! a row per item, joined by `record_id` and the items' local ids
//! (`event_id`, `party_id`, `agreement_id`). Every row of an item also
//! has its JSON Pointer in the record (`pointer`), which `citations` and
//! `extensions` join on. A column has the same name in every table where
//! it means the same thing; dates spread over five columns (as written,
//! first day, precision, instant in UTC, offset), counts over three (kind,
//! value, words). Every table and column is described in
//! [`docs/tables.md`](https://github.com/diplomatic-events/diplomatic-events/blob/main/docs/tables.md),
//! generated from the declarations by [`tables_markdown`].
//!
//! [`ParquetTables`] writes one folder per table, `DIR/events/part-0.parquet`,
//! or with [`Partitioning::Year`] one folder per year of the record's
//! event, hive-style (`DIR/events/year=2024/part-0.parquet`), which the
//! engines read as a `year` column and prune on. Output is deterministic:
//! the same records in the same order give the same bytes.
//!
//! Memory stays bounded whatever the input's size: rows are handed to the
//! Parquet writers in batches, row groups are closed as they fill, and
//! when the rows held for all tables pass a budget
//! ([`TableOptions::memory_budget`]) the largest are written out early.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use diplomatic_events::Record;
//! use diplomatic_events::tables::{ParquetTables, TableOptions};
//!
//! let json = std::fs::read_to_string("examples/records/baku-2024-04-02.json")?;
//! let record = Record::from_json(&json)?;
//! let dir = std::env::temp_dir().join(format!("tables-doc-{}", std::process::id()));
//! let mut tables = ParquetTables::create(&dir, TableOptions::default())?;
//! tables.write(&record)?;
//! let summary = tables.finish()?;
//! assert_eq!(summary.records, 1);
//! assert!(dir.join("signatories/part-0.parquet").exists());
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```

mod columns;
mod declare;
mod rows;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_schema::Schema;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

pub use columns::{ColumnSpec, TableSpec};
use declare::TableSet;

use crate::Record;

/// How the tables are split into folders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Partitioning {
    /// One file per table: `DIR/events/part-0.parquet`.
    #[default]
    None,
    /// One folder per year of the record's event (its start, else its
    /// end), hive-style: `DIR/events/year=2024/part-0.parquet`. A record
    /// whose event has no date goes to `year=__HIVE_DEFAULT_PARTITION__`,
    /// which the engines read as a null year. Every year folder has every
    /// table, empty or not, so a table always has files to read.
    Year,
}

/// Options of [`ParquetTables`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableOptions {
    /// How the tables are split into folders.
    pub partitioning: Partitioning,
    /// The most rows in one row group of a file.
    pub row_group_rows: usize,
    /// About how many bytes of rows may wait, over all tables and
    /// partitions, before the largest are written out as row groups.
    pub memory_budget: usize,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            partitioning: Partitioning::None,
            row_group_rows: 128 * 1024,
            memory_budget: 64 << 20,
        }
    }
}

impl TableOptions {
    /// The same options with `partitioning`.
    #[must_use]
    pub fn with_partitioning(mut self, partitioning: Partitioning) -> Self {
        self.partitioning = partitioning;
        self
    }

    /// The same options with a memory budget of `bytes`.
    #[must_use]
    pub fn with_memory_budget(mut self, bytes: usize) -> Self {
        self.memory_budget = bytes;
        self
    }
}

/// Why the tables could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TablesError {
    /// The output folder could not be used, or a file not written.
    #[error("{path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The output folder already holds files: tables are written into
    /// an empty or new folder, so that no file of an earlier run is
    /// mistaken for one of this run.
    #[error("{0}: the output folder is not empty; give a new or empty folder")]
    NotEmpty(PathBuf),
    /// The Parquet or Arrow library refused the data.
    #[error("{table}: {message}")]
    Parquet {
        /// The table being written.
        table: String,
        /// The library's message.
        message: String,
    },
}

/// What [`ParquetTables::finish`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TablesSummary {
    /// Records written.
    pub records: u64,
    /// Rows written, per table, in the order of [`table_specs`].
    pub rows: Vec<(&'static str, u64)>,
    /// Files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

/// Every table, with its columns, in the order they are documented.
pub fn table_specs() -> Vec<TableSpec> {
    declare::specs()
}

/// The documentation of every table and column, as Markdown: the text of
/// `docs/tables.md`, which a test keeps in step with the declarations.
pub fn tables_markdown() -> String {
    let mut out = String::from(
        "# The Parquet tables\n\n\
         Generated from `src/tables/declare.rs` by `diplomatic_events::tables::tables_markdown` \
         (run `UPDATE_DOCS=1 cargo test --features parquet --test it tables` after changing a table).\n\n\
         `diplomatic-events export --to parquet --out DIR` writes one folder per table \
         (`DIR/events/part-0.parquet`), or with `--partition year` one per year of the record's \
         event (`DIR/events/year=2024/part-0.parquet`; read with `hive_partitioning`). \
         Rows join on `record_id` and the items' local ids (`event_id`, `party_id`, \
         `person_id`, `delegation_id`, `statement_id`, `agreement_id`, `outcome_id`, \
         `source_id`); every row of an item has its JSON Pointer in the record (`pointer`), \
         which `citations` and `extensions` join on. A column has the same name wherever it \
         means the same thing. Types are as DuckDB names them; a column is empty (null) when \
         the record does not say.\n\n\
         A date is five columns: `X` as written, `X_date` (the first day it covers), \
         `X_precision`, `X_utc` and `X_offset_minutes` (for a date-time). A count is three: \
         `X_kind`, `X_value`, `X_as_written`; a duration four, with `X_seconds`. A code-list \
         column holds the listed value as written in records (`official_visit`), or, for a \
         value off the list (`{\"other\": \"state funeral\"}`), its words.\n",
    );
    for spec in declare::specs() {
        out.push_str(&format!("\n## `{}`\n\n{}\n\n", spec.name, spec.description));
        out.push_str("| column | type | description |\n| --- | --- | --- |\n");
        for column in &spec.columns {
            let required = if column.required { " NOT NULL" } else { "" };
            out.push_str(&format!(
                "| `{}` | {}{required} | {} |\n",
                column.name,
                column.sql_type,
                column.description.replace('|', "\\|")
            ));
        }
    }
    out
}

/// Which folder a record's rows go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PartitionKey {
    Whole,
    Year(Option<u16>),
}

impl PartitionKey {
    fn of(record: &Record, partitioning: Partitioning) -> Self {
        match partitioning {
            Partitioning::None => PartitionKey::Whole,
            Partitioning::Year => {
                let time = record.event.time.as_ref();
                let date = time.and_then(|time| time.start.as_ref().or(time.end.as_ref()));
                PartitionKey::Year(date.map(crate::Date::year_number))
            }
        }
    }

    /// The folder under a table's folder, if any.
    fn folder(self) -> Option<String> {
        match self {
            PartitionKey::Whole => None,
            PartitionKey::Year(Some(year)) => Some(format!("year={year}")),
            PartitionKey::Year(None) => Some("year=__HIVE_DEFAULT_PARTITION__".to_owned()),
        }
    }
}

/// The rows and writers of one partition.
struct Partition {
    rows: TableSet,
    writers: Vec<Option<ArrowWriter<LazyFile>>>,
}

/// Rows of a table are handed to its writer once this many are held.
const BATCH_ROWS: usize = 8192;

/// How often, in records, the memory held is added up.
const CHECK_EVERY: u64 = 256;

/// Writes records into normalized Parquet tables in a folder. Call
/// [`write`](Self::write) for each valid record, then
/// [`finish`](Self::finish): files are only complete once it returns.
pub struct ParquetTables {
    dir: PathBuf,
    options: TableOptions,
    specs: Vec<TableSpec>,
    schemas: Vec<Arc<Schema>>,
    properties: WriterProperties,
    partitions: BTreeMap<PartitionKey, Partition>,
    records: u64,
}

impl std::fmt::Debug for ParquetTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetTables")
            .field("dir", &self.dir)
            .field("options", &self.options)
            .field("records", &self.records)
            .finish_non_exhaustive()
    }
}

impl ParquetTables {
    /// Tables to be written into `dir`, which is made if missing and must
    /// be empty.
    ///
    /// # Errors
    /// [`TablesError::NotEmpty`] when `dir` holds anything,
    /// [`TablesError::Io`] when it cannot be made or read.
    pub fn create(dir: impl AsRef<Path>, options: TableOptions) -> Result<Self, TablesError> {
        let dir = dir.as_ref().to_path_buf();
        let io = |source| TablesError::Io { path: dir.clone(), source };
        std::fs::create_dir_all(&dir).map_err(io)?;
        if std::fs::read_dir(&dir).map_err(io)?.next().is_some() {
            return Err(TablesError::NotEmpty(dir));
        }
        let specs = declare::specs();
        let schemas = specs.iter().map(TableSpec::schema).collect();
        // Zstandard: smaller files than Snappy for text-heavy tables, and
        // read by DuckDB, Polars, Spark, pandas (pyarrow) and R (arrow).
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_size(options.row_group_rows.max(1))
            .build();
        Ok(ParquetTables {
            dir,
            options,
            specs,
            schemas,
            properties,
            partitions: BTreeMap::new(),
            records: 0,
        })
    }

    /// Adds the rows of one record. Only valid records belong in the
    /// tables: check them first ([`Record::validate`]).
    ///
    /// # Errors
    /// When a file cannot be written.
    pub fn write(&mut self, record: &Record) -> Result<(), TablesError> {
        let key = PartitionKey::of(record, self.options.partitioning);
        let specs = &self.specs;
        let partition = self.partitions.entry(key).or_insert_with(|| Partition {
            rows: TableSet::new(specs),
            writers: specs.iter().map(|_| None).collect(),
        });
        rows::append_record(&mut partition.rows, record);
        if partition.rows.mismatch {
            return Err(TablesError::Parquet {
                table: String::new(),
                message: "a row does not fit its table's columns".to_owned(),
            });
        }
        let full: Vec<usize> = partition
            .rows
            .each_mut()
            .into_iter()
            .enumerate()
            .filter(|(_, columns)| columns.rows >= BATCH_ROWS)
            .map(|(table, _)| table)
            .collect();
        for table in full {
            self.hand_over(key, table)?;
        }
        self.records += 1;
        if self.records % CHECK_EVERY == 0 {
            self.keep_to_budget()?;
        }
        Ok(())
    }

    /// Hands the rows held for `table` of partition `key` to its writer.
    fn hand_over(&mut self, key: PartitionKey, table: usize) -> Result<(), TablesError> {
        let (Some(partition), Some(schema), Some(spec)) =
            (self.partitions.get_mut(&key), self.schemas.get(table), self.specs.get(table))
        else {
            return Ok(());
        };
        let parquet_error =
            |message: String| TablesError::Parquet { table: spec.name.to_owned(), message };
        let Some(columns) = partition.rows.each_mut().into_iter().nth(table) else {
            return Ok(());
        };
        let batch = columns.finish(schema).map_err(|e| parquet_error(e.to_string()))?;
        let Some(slot) = partition.writers.get_mut(table) else { return Ok(()) };
        let writer = match slot {
            Some(writer) => writer,
            None => {
                let mut path = self.dir.join(spec.name);
                if let Some(folder) = key.folder() {
                    path.push(folder);
                }
                path.push("part-0.parquet");
                let file = LazyFile { path, pending: Vec::new(), created: false };
                let writer =
                    ArrowWriter::try_new(file, Arc::clone(schema), Some(self.properties.clone()))
                        .map_err(|e| parquet_error(e.to_string()))?;
                slot.insert(writer)
            }
        };
        if batch.num_rows() > 0 {
            writer.write(&batch).map_err(|e| parquet_error(e.to_string()))?;
        }
        Ok(())
    }

    /// When the rows held pass the budget, hands every table's rows to its
    /// writer and closes the largest row groups until half the budget is
    /// left. What is closed depends only on the records, so the output is
    /// the same at every run.
    fn keep_to_budget(&mut self) -> Result<(), TablesError> {
        if self.held_bytes() <= self.options.memory_budget {
            return Ok(());
        }
        let keys: Vec<PartitionKey> = self.partitions.keys().copied().collect();
        for &key in &keys {
            for table in 0..self.specs.len() {
                self.hand_over(key, table)?;
            }
        }
        let mut sizes: Vec<(usize, PartitionKey, usize)> = Vec::new();
        for (key, partition) in &self.partitions {
            for (table, writer) in partition.writers.iter().enumerate() {
                if let Some(writer) = writer {
                    sizes.push((writer.in_progress_size(), *key, table));
                }
            }
        }
        // Largest first; ties by partition and table, for determinism.
        sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut held: usize = sizes.iter().map(|(size, ..)| size).sum();
        for (size, key, table) in sizes {
            if held <= self.options.memory_budget / 2 {
                break;
            }
            let name = self.specs.get(table).map_or("", |spec| spec.name);
            let writer = self
                .partitions
                .get_mut(&key)
                .and_then(|partition| partition.writers.get_mut(table))
                .and_then(Option::as_mut);
            if let Some(writer) = writer {
                writer.flush().map_err(|e| TablesError::Parquet {
                    table: name.to_owned(),
                    message: e.to_string(),
                })?;
                writer.sync().map_err(|source| TablesError::Io {
                    path: writer.inner().path.clone(),
                    source,
                })?;
            }
            held = held.saturating_sub(size);
        }
        Ok(())
    }

    /// About how many bytes of rows are held: in the builders, and in the
    /// writers' open row groups.
    fn held_bytes(&mut self) -> usize {
        let mut held = 0;
        for partition in self.partitions.values_mut() {
            held += partition.rows.each_mut().iter().map(|columns| columns.bytes).sum::<usize>();
            held += partition
                .writers
                .iter()
                .flatten()
                .map(ArrowWriter::in_progress_size)
                .sum::<usize>();
        }
        held
    }

    /// Writes what is held and closes every file. Each table has a file in
    /// each partition, empty or not.
    ///
    /// # Errors
    /// When a file cannot be written.
    pub fn finish(mut self) -> Result<TablesSummary, TablesError> {
        let mut summary = TablesSummary {
            records: self.records,
            rows: self.specs.iter().map(|spec| (spec.name, 0)).collect(),
            ..TablesSummary::default()
        };
        if self.partitions.is_empty() && self.options.partitioning == Partitioning::None {
            let specs = &self.specs;
            self.partitions.insert(
                PartitionKey::Whole,
                Partition {
                    rows: TableSet::new(specs),
                    writers: specs.iter().map(|_| None).collect(),
                },
            );
        }
        let keys: Vec<PartitionKey> = self.partitions.keys().copied().collect();
        for key in keys {
            for table in 0..self.specs.len() {
                self.hand_over(key, table)?;
            }
            let Some(partition) = self.partitions.remove(&key) else { continue };
            for (table, writer) in partition.writers.into_iter().enumerate() {
                let Some(writer) = writer else { continue };
                let name = self.specs.get(table).map_or("", |spec| spec.name);
                let metadata = writer.close().map_err(|e| TablesError::Parquet {
                    table: name.to_owned(),
                    message: e.to_string(),
                })?;
                let rows = u64::try_from(metadata.file_metadata().num_rows()).unwrap_or(0);
                if let Some((_, count)) = summary.rows.get_mut(table) {
                    *count += rows;
                }
                summary.files += 1;
            }
        }
        summary.bytes = folder_bytes(&self.dir);
        Ok(summary)
    }
}

/// The bytes of the files under `dir`.
fn folder_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => folder_bytes(&entry.path()),
            Ok(_) => entry.metadata().map_or(0, |m| m.len()),
            Err(_) => 0,
        })
        .sum()
}

/// A file that is only open while bytes are written to it: the tables of
/// every partition of a large collection may be thousands of files, more
/// than a process may hold open at once. Bytes wait in `pending` until the
/// writer flushes (at the end of each row group) or a mebibyte is waiting.
struct LazyFile {
    path: PathBuf,
    pending: Vec<u8>,
    created: bool,
}

impl LazyFile {
    fn spill(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() && self.created {
            return Ok(());
        }
        let mut file = if self.created {
            std::fs::OpenOptions::new().append(true).open(&self.path)?
        } else {
            if let Some(folder) = self.path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            std::fs::File::create(&self.path)?
        };
        self.created = true;
        file.write_all(&self.pending)?;
        self.pending.clear();
        Ok(())
    }
}

impl Write for LazyFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= 1 << 20 {
            self.spill()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.spill()
    }
}
