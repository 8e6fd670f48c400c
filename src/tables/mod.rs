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
//! when what is held passes a budget ([`TableOptions::memory_budget`]) the
//! largest row groups are ended early and the files written to longest ago
//! closed (their next rows begin `part-1.parquet`). With partitions, rows
//! wait instead in Arrow IPC streams under `DIR/.spill` (uncompressed, on
//! disk, about the size of the input), and [`ParquetTables::finish`]
//! writes each partition's files one at a time: thousands of year folders
//! never hold thousands of Parquet writers in memory, and each table has
//! one file per year.
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
    slots: Vec<Slot>,
}

impl Partition {
    fn new(specs: &[TableSpec]) -> Self {
        Partition {
            rows: TableSet::new(specs),
            slots: specs.iter().map(|_| Slot::default()).collect(),
        }
    }
}

/// The files of one table in one partition: the open writer, if any, how
/// many files were begun, and when (in records) it was last written to.
#[derive(Default)]
struct Slot {
    writer: Option<ArrowWriter<LazyFile>>,
    /// With partitions, the rows wait in an Arrow IPC stream under
    /// `DIR/.spill` until [`ParquetTables::finish`] writes each partition's
    /// files one at a time.
    spill: Option<arrow_ipc::writer::StreamWriter<LazyFile>>,
    files: u32,
    last_used: u64,
}

/// Rows of a table are handed to its writer once this many are held.
const BATCH_ROWS: usize = 8192;

/// How often, in records, the memory held is added up.
const CHECK_EVERY: u64 = 256;

/// What an open writer holds besides its rows (encoders, buffers,
/// statistics), counted against the budget so that the number of open
/// files stays bounded too (measured: about 130 KiB per writer when 3,616
/// were open at once).
const WRITER_OVERHEAD: usize = 128 << 10;

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
    /// Rows written per table, and files closed, so far.
    rows: Vec<u64>,
    files: u64,
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
        let specs_len = specs.len();
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
            rows: vec![0; specs_len],
            files: 0,
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
        let partition = self.partitions.entry(key).or_insert_with(|| Partition::new(specs));
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

    /// Hands the rows held for `table` of partition `key` to its writer,
    /// beginning a file if none is open (`part-0.parquet`, then
    /// `part-1.parquet` after a file was closed to keep to the budget).
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
        let Some(slot) = partition.slots.get_mut(table) else { return Ok(()) };
        // Nothing to hand over, and a file already begun: nothing to do.
        if columns.rows == 0 && slot.files > 0 {
            return Ok(());
        }
        let batch = columns.finish(schema).map_err(|e| parquet_error(e.to_string()))?;
        if let PartitionKey::Year(_) = key {
            let spill = match &mut slot.spill {
                Some(spill) => spill,
                None => {
                    let folder = key.folder().unwrap_or_default();
                    let path =
                        self.dir.join(".spill").join(spec.name).join(format!("{folder}.arrows"));
                    let file = LazyFile { path, pending: Vec::new(), created: false };
                    let spill = arrow_ipc::writer::StreamWriter::try_new(file, schema)
                        .map_err(|e| parquet_error(e.to_string()))?;
                    slot.files += 1;
                    slot.spill.insert(spill)
                }
            };
            if batch.num_rows() > 0 {
                spill.write(&batch).map_err(|e| parquet_error(e.to_string()))?;
            }
            return Ok(());
        }
        let writer = match &mut slot.writer {
            Some(writer) => writer,
            None => {
                let mut path = self.dir.join(spec.name);
                if let Some(folder) = key.folder() {
                    path.push(folder);
                }
                path.push(format!("part-{}.parquet", slot.files));
                let file = LazyFile { path, pending: Vec::new(), created: false };
                let writer =
                    ArrowWriter::try_new(file, Arc::clone(schema), Some(self.properties.clone()))
                        .map_err(|e| parquet_error(e.to_string()))?;
                slot.files += 1;
                slot.writer.insert(writer)
            }
        };
        if batch.num_rows() > 0 {
            writer.write(&batch).map_err(|e| parquet_error(e.to_string()))?;
        }
        slot.last_used = self.records;
        Ok(())
    }

    /// Closes the open file of `table` in partition `key`, if any.
    fn close(&mut self, key: PartitionKey, table: usize) -> Result<(), TablesError> {
        let writer = self
            .partitions
            .get_mut(&key)
            .and_then(|partition| partition.slots.get_mut(table))
            .and_then(|slot| slot.writer.take());
        let Some(writer) = writer else { return Ok(()) };
        let name = self.specs.get(table).map_or("", |spec| spec.name);
        let metadata = writer
            .close()
            .map_err(|e| TablesError::Parquet { table: name.to_owned(), message: e.to_string() })?;
        if let Some(rows) = self.rows.get_mut(table) {
            *rows += u64::try_from(metadata.file_metadata().num_rows()).unwrap_or(0);
        }
        self.files += 1;
        Ok(())
    }

    /// When what is held passes the budget, hands every table's rows to
    /// its writer, ends the row group of any writer holding an eighth of
    /// the budget, then closes the files written to longest ago until half
    /// the budget is left (their next rows begin a new file). A row group
    /// is only ended when it is large, so that the files' metadata (one
    /// entry per row group, held until a file is closed) stays small.
    /// What is closed depends only on the records, so the output is the
    /// same at every run.
    fn keep_to_budget(&mut self) -> Result<(), TablesError> {
        let budget = self.options.memory_budget;
        if self.held_bytes() <= budget {
            return Ok(());
        }
        let keys: Vec<PartitionKey> = self.partitions.keys().copied().collect();
        for &key in &keys {
            for table in 0..self.specs.len() {
                self.hand_over(key, table)?;
            }
        }
        for partition in self.partitions.values_mut() {
            for slot in &mut partition.slots {
                if let Some(spill) = &mut slot.spill {
                    let file = spill.get_mut();
                    file.spill()
                        .map_err(|source| TablesError::Io { path: file.path.clone(), source })?;
                }
            }
        }
        for partition in self.partitions.values_mut() {
            for (table, slot) in partition.slots.iter_mut().enumerate() {
                let Some(writer) = &mut slot.writer else { continue };
                if writer.memory_size() >= budget / 8 {
                    let name = self.specs.get(table).map_or("", |spec| spec.name);
                    writer.flush().map_err(|e| TablesError::Parquet {
                        table: name.to_owned(),
                        message: e.to_string(),
                    })?;
                    writer.sync().map_err(|source| TablesError::Io {
                        path: writer.inner().path.clone(),
                        source,
                    })?;
                }
            }
        }
        let mut open: Vec<(u64, PartitionKey, usize, usize)> = Vec::new();
        for (key, partition) in &self.partitions {
            for (table, slot) in partition.slots.iter().enumerate() {
                if let Some(writer) = &slot.writer {
                    open.push((
                        slot.last_used,
                        *key,
                        table,
                        writer.memory_size() + WRITER_OVERHEAD,
                    ));
                }
            }
        }
        open.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut held: usize = self.held_bytes();
        for (_, key, table, size) in open {
            if held <= budget / 2 {
                break;
            }
            self.close(key, table)?;
            held = held.saturating_sub(size);
        }
        Ok(())
    }

    /// About how many bytes are held: rows in the builders, and the open
    /// writers' row groups and overhead.
    fn held_bytes(&mut self) -> usize {
        let mut held = 0;
        for partition in self.partitions.values_mut() {
            held += partition.rows.each_mut().iter().map(|columns| columns.bytes).sum::<usize>();
            held += partition
                .slots
                .iter()
                .filter_map(|slot| slot.writer.as_ref())
                .map(|writer| writer.memory_size() + WRITER_OVERHEAD)
                .sum::<usize>();
            held += partition
                .slots
                .iter_mut()
                .filter_map(|slot| slot.spill.as_mut())
                .map(|spill| spill.get_mut().pending.len())
                .sum::<usize>();
        }
        held
    }

    /// Writes the Parquet file of `table` in partition `key` from its
    /// spilled rows, and removes them.
    fn unspill(&mut self, key: PartitionKey, table: usize) -> Result<(), TablesError> {
        let spill = self
            .partitions
            .get_mut(&key)
            .and_then(|partition| partition.slots.get_mut(table))
            .and_then(|slot| slot.spill.take());
        let (Some(mut spill), Some(spec), Some(schema)) =
            (spill, self.specs.get(table), self.schemas.get(table))
        else {
            return Ok(());
        };
        let parquet_error =
            |message: String| TablesError::Parquet { table: spec.name.to_owned(), message };
        spill.finish().map_err(|e| parquet_error(e.to_string()))?;
        let mut file = spill.into_inner().map_err(|e| parquet_error(e.to_string()))?;
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| TablesError::Io { path, source }
        };
        file.spill().map_err(io(&file.path))?;
        let reader = std::fs::File::open(&file.path).map_err(io(&file.path))?;
        let reader = arrow_ipc::reader::StreamReader::try_new_buffered(reader, None)
            .map_err(|e| parquet_error(e.to_string()))?;
        let mut path = self.dir.join(spec.name);
        if let Some(folder) = key.folder() {
            path.push(folder);
        }
        path.push("part-0.parquet");
        let out = LazyFile { path, pending: Vec::new(), created: false };
        let mut writer =
            ArrowWriter::try_new(out, Arc::clone(schema), Some(self.properties.clone()))
                .map_err(|e| parquet_error(e.to_string()))?;
        for batch in reader {
            let batch = batch.map_err(|e| parquet_error(e.to_string()))?;
            writer.write(&batch).map_err(|e| parquet_error(e.to_string()))?;
            // A row group is ended early when it would pass half the budget.
            if writer.memory_size() >= self.options.memory_budget / 2 {
                writer.flush().map_err(|e| parquet_error(e.to_string()))?;
            }
        }
        let metadata = writer.close().map_err(|e| parquet_error(e.to_string()))?;
        if let Some(rows) = self.rows.get_mut(table) {
            *rows += u64::try_from(metadata.file_metadata().num_rows()).unwrap_or(0);
        }
        self.files += 1;
        std::fs::remove_file(&file.path).map_err(io(&file.path))?;
        Ok(())
    }

    /// Writes what is held and closes every file. Each table has a file in
    /// each partition, empty or not.
    ///
    /// # Errors
    /// When a file cannot be written.
    pub fn finish(mut self) -> Result<TablesSummary, TablesError> {
        if self.partitions.is_empty() && self.options.partitioning == Partitioning::None {
            self.partitions.insert(PartitionKey::Whole, Partition::new(&self.specs));
        }
        let keys: Vec<PartitionKey> = self.partitions.keys().copied().collect();
        for key in keys {
            for table in 0..self.specs.len() {
                self.hand_over(key, table)?;
                self.close(key, table)?;
                self.unspill(key, table)?;
            }
            // This partition's builders and writers are done with.
            self.partitions.remove(&key);
        }
        let spilled = self.dir.join(".spill");
        if spilled.exists() {
            std::fs::remove_dir_all(&spilled)
                .map_err(|source| TablesError::Io { path: spilled, source })?;
        }
        Ok(TablesSummary {
            records: self.records,
            rows: self.specs.iter().map(|spec| spec.name).zip(self.rows.iter().copied()).collect(),
            files: self.files,
            bytes: folder_bytes(&self.dir),
        })
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
