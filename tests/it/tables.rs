//! The Parquet tables: every committed record written and read back, row
//! counts held to counts taken from the records themselves, values of the
//! Baku record, deterministic bytes, partitions, a memory budget that
//! forces many row groups, and the documentation kept in step.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use arrow_array::{Array, BooleanArray, Date32Array, Int16Array, RecordBatch, StringArray};
use diplomatic_events::tables::{
    ParquetTables, Partitioning, TableOptions, TablesError, table_specs, tables_markdown,
};
use diplomatic_events::{JsonLines, Record, Severity};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A new empty folder under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/test-tables").join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Every valid record the repository commits: the record files and the
/// imported Office of the Historian visits.
fn committed() -> Vec<Record> {
    let files = crate::fixtures::valid_record_files();
    let mut records: Vec<Record> = files
        .iter()
        .map(|path| Record::from_json(&std::fs::read_to_string(path).unwrap()).unwrap())
        .collect();
    let visits = std::fs::File::open(root().join("examples/records/history-state-visits.jsonl"));
    for line in JsonLines::new(std::io::BufReader::new(visits.unwrap())) {
        records.push(line.result.unwrap());
    }
    for record in &records {
        assert!(!record.validate().iter().any(|p| p.severity == Severity::Error));
    }
    records
}

fn write(records: &[Record], dir: &Path, options: TableOptions) {
    let mut tables = ParquetTables::create(dir, options).unwrap();
    for record in records {
        tables.write(record).unwrap();
    }
    let summary = tables.finish().unwrap();
    assert_eq!(summary.records, records.len() as u64);
}

/// Every file under `dir`, at any depth, in name order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Every batch of every file of `table` under `dir`, files in name order.
fn read(dir: &Path, table: &str) -> Vec<RecordBatch> {
    let files = files_under(&dir.join(table));
    assert!(!files.is_empty(), "{table} has no file");
    let mut batches = Vec::new();
    for file in files {
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&file).unwrap())
            .unwrap()
            .build()
            .unwrap();
        batches.extend(reader.map(Result::unwrap));
    }
    batches
}

fn rows(dir: &Path, table: &str) -> usize {
    read(dir, table).iter().map(RecordBatch::num_rows).sum()
}

/// The values of a text column, nulls as `None`.
fn texts(dir: &Path, table: &str, column: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for batch in read(dir, table) {
        let array = batch.column_by_name(column).unwrap();
        let array = array.as_any().downcast_ref::<StringArray>().unwrap();
        out.extend(array.iter().map(|value| value.map(str::to_owned)));
    }
    out
}

/// Row counts of the main tables, taken from the records themselves.
fn expected_rows(records: &[Record]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    let mut add = |table, n: usize| *counts.entry(table).or_insert(0) += n;
    for record in records {
        let events = record.event.walk();
        add("records", 1);
        add("events", events.len());
        add("participations", events.iter().map(|e| e.participants.len()).sum());
        add("topics", events.iter().map(|e| e.topics.len()).sum());
        add("parties", record.parties.len());
        add("aliases", record.parties.iter().map(|p| p.aliases.len()).sum());
        add("people", record.people.len());
        add("positions", record.people.iter().map(|p| p.positions.len()).sum());
        add("name_variants", record.people.iter().map(|p| p.name_variants.len()).sum());
        add("delegations", record.delegations.len());
        add("delegation_members", record.delegations.iter().map(|d| d.all_members().count()).sum());
        add("statements", record.statements.len());
        add("speakers", record.statements.iter().map(|s| s.speakers.len()).sum());
        add("subjects", record.statements.iter().map(|s| s.about.len()).sum());
        add("agreements", record.agreements.len());
        add("agreement_parties", record.agreements.iter().map(|a| a.parties.len()).sum());
        add("signatories", record.agreements.iter().map(|a| a.signatories.len()).sum());
        add("steps", record.agreements.iter().map(|a| a.steps.len()).sum());
        add("outcomes", record.outcomes.len());
        add("relations", record.relations.len());
        add("sources", record.sources.len());
    }
    counts
}

#[test]
fn every_committed_record_is_in_its_tables() {
    let records = committed();
    assert!(records.len() > 3_264);
    let dir = scratch("committed");
    write(&records, &dir, TableOptions::default());
    for (table, expected) in expected_rows(&records) {
        assert_eq!(rows(&dir, table), expected, "{table}");
    }
    // Every table has its file, and every file the declared columns.
    for spec in table_specs() {
        let batches = read(&dir, spec.name);
        let names: Vec<String> = match batches.first() {
            Some(batch) => batch.schema().fields().iter().map(|f| f.name().clone()).collect(),
            None => continue,
        };
        let declared: Vec<String> = spec.columns.iter().map(|c| c.name.clone()).collect();
        assert_eq!(names, declared, "{}", spec.name);
    }
    // The keys are never null.
    for spec in table_specs() {
        for column in spec.columns.iter().filter(|c| c.required) {
            for batch in read(&dir, spec.name) {
                assert_eq!(batch.column_by_name(&column.name).unwrap().null_count(), 0);
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_baku_record_reads_back_as_written() {
    let json = std::fs::read_to_string(root().join("examples/records/baku-2024-04-02.json"));
    let record = Record::from_json(&json.unwrap()).unwrap();
    let dir = scratch("baku");
    write(std::slice::from_ref(&record), &dir, TableOptions::default());

    let events = texts(&dir, "events", "event_id");
    let walked: Vec<Option<String>> =
        record.event.walk().iter().map(|e| Some(e.id.as_str().to_owned())).collect();
    assert_eq!(events, walked);
    let parents = texts(&dir, "events", "parent_event_id");
    assert_eq!(parents[0], None);
    assert!(parents[1..].iter().all(|p| p.as_deref() == Some(record.event.id.as_str())));

    // The start date in its five columns.
    let batch = &read(&dir, "events")[0];
    let start = record.event.time.as_ref().unwrap().start.as_ref().unwrap();
    assert_eq!(texts(&dir, "events", "start")[0].as_deref(), Some(start.as_str()));
    assert_eq!(texts(&dir, "events", "start_precision")[0].as_deref(), Some("day"));
    let day = batch.column_by_name("start_date").unwrap();
    let day = day.as_any().downcast_ref::<Date32Array>().unwrap().value_as_date(0);
    assert_eq!(day, start.calendar_day());
    let offset = batch.column_by_name("start_offset_minutes").unwrap();
    assert!(offset.as_any().downcast_ref::<Int16Array>().unwrap().is_null(0));

    // Signatories, each with the party they signed for.
    let signed: Vec<(String, String)> = record
        .agreements
        .iter()
        .flat_map(|a| a.signatories.iter())
        .map(|s| (s.person.as_str().to_owned(), s.acting_for.as_str().to_owned()))
        .collect();
    let people = texts(&dir, "signatories", "person_id");
    let acting_for = texts(&dir, "signatories", "acting_for");
    let read_back: Vec<(String, String)> =
        people.into_iter().zip(acting_for).map(|(p, a)| (p.unwrap(), a.unwrap())).collect();
    assert_eq!(read_back, signed);

    // The head of a delegation is flagged, first.
    let heads = &read(&dir, "delegation_members")[0];
    let is_head = heads.column_by_name("is_head").unwrap();
    let is_head = is_head.as_any().downcast_ref::<BooleanArray>().unwrap();
    assert_eq!(is_head.value(0), record.delegations[0].head.is_some());

    // Citations name sources of the record, at pointers of rows.
    let sources: Vec<String> = record.sources.iter().map(|s| s.id.as_str().to_owned()).collect();
    for cited in texts(&dir, "citations", "source_id") {
        assert!(sources.contains(&cited.unwrap()));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The bytes of every file under `dir`, by path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path.strip_prefix(dir).unwrap().to_path_buf(), bytes)
        })
        .collect()
}

#[test]
fn the_same_records_give_the_same_bytes() {
    let records = committed();
    let (first, second) = (scratch("same-1"), scratch("same-2"));
    let options = TableOptions::default().with_partitioning(Partitioning::Year);
    write(&records, &first, options);
    write(&records, &second, options);
    let (a, b) = (snapshot(&first), snapshot(&second));
    assert!(a.len() > 100);
    assert_eq!(a, b);
    std::fs::remove_dir_all(&first).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
}

#[test]
fn partitions_by_year_hold_the_same_rows() {
    let records = committed();
    let dir = scratch("years");
    write(&records, &dir, TableOptions::default().with_partitioning(Partitioning::Year));
    // One folder per year, each with every table.
    let years: Vec<String> = std::fs::read_dir(dir.join("events"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(years.iter().all(|y| y.starts_with("year=")));
    assert!(years.contains(&"year=2024".to_owned()));
    for spec in table_specs() {
        for year in &years {
            assert!(dir.join(spec.name).join(year).join("part-0.parquet").is_file());
        }
    }
    for (table, expected) in expected_rows(&records) {
        assert_eq!(rows(&dir, table), expected, "{table}");
    }
    // A year folder holds exactly the records of that year.
    let in_2024 = records
        .iter()
        .filter(|r| {
            let time = r.event.time.as_ref();
            let date = time.and_then(|t| t.start.as_ref().or(t.end.as_ref()));
            date.is_some_and(|d| d.year_number() == 2024)
        })
        .count();
    let file = dir.join("records/year=2024/part-0.parquet");
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(file).unwrap());
    assert_eq!(reader.unwrap().metadata().file_metadata().num_rows() as usize, in_2024);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_small_memory_budget_writes_the_same_rows_in_more_pieces() {
    let records = committed();
    for partitioning in [Partitioning::None, Partitioning::Year] {
        let dir = scratch("budget");
        let options =
            TableOptions::default().with_partitioning(partitioning).with_memory_budget(64 << 10);
        write(&records, &dir, options);
        for (table, expected) in expected_rows(&records) {
            assert_eq!(rows(&dir, table), expected, "{table}");
        }
        if partitioning == Partitioning::None {
            // Row groups ended early, or files closed and new ones begun.
            let mut pieces = 0;
            for entry in std::fs::read_dir(dir.join("events")).unwrap() {
                let file = std::fs::File::open(entry.unwrap().path()).unwrap();
                let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
                pieces += reader.metadata().num_row_groups();
            }
            assert!(pieces > 1, "{pieces}");
        } else {
            // The rows waiting for their partition are gone.
            assert!(!dir.join(".spill").exists());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn tables_go_into_a_new_or_empty_folder_only() {
    let dir = scratch("not-empty");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("old.parquet"), b"old").unwrap();
    let error = ParquetTables::create(&dir, TableOptions::default()).unwrap_err();
    assert!(matches!(error, TablesError::NotEmpty(_)));
    assert!(
        error.to_string().ends_with("the output folder is not empty; give a new or empty folder")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_records_still_give_every_table() {
    let dir = scratch("empty");
    write(&[], &dir, TableOptions::default());
    for spec in table_specs() {
        assert_eq!(rows(&dir, spec.name), 0);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_documentation_is_the_declarations() {
    let path = root().join("docs/tables.md");
    let generated = tables_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/tables.md is stale: run UPDATE_DOCS=1 cargo test --features parquet --test it tables"
    );
    // Where a column means the same thing, it has the same name and type.
    let mut types = BTreeMap::new();
    for spec in table_specs() {
        for column in &spec.columns {
            if column.name.ends_with("_id") || column.name == "pointer" {
                let previous = types.insert(column.name.clone(), column.sql_type);
                assert!(previous.is_none_or(|t| t == column.sql_type), "{}", column.name);
            }
        }
    }
}
