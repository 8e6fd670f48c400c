//! Records through every serde format, not only JSON: each valid fixture
//! written and read back with CBOR, MessagePack and YAML gives an equal
//! record, and its JSON is still byte for byte the fixture's (extension
//! values keep their exact spelling).

use diplomatic_events::Record;

use crate::fixtures::valid_record_files;

/// Every valid fixture and example record, with its canonical text.
fn records() -> Vec<(String, String, Record)> {
    let records: Vec<_> = valid_record_files()
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable fixture");
            let record = Record::from_json(&text).expect("valid fixture");
            (path.display().to_string(), text, record)
        })
        .collect();
    // The round trip must cover extension values of every JSON type.
    let with_extensions = records.iter().filter(|(_, text, _)| text.contains("\"extensions\""));
    assert!(with_extensions.count() >= 2, "fixtures with extensions");
    records
}

/// Writes and reads back each record with `write` and `read`, then checks
/// the record is equal and its JSON unchanged.
fn round_trip<E: std::fmt::Debug>(
    format: &str,
    write: impl Fn(&Record) -> Vec<u8>,
    read: impl Fn(&[u8]) -> Result<Record, E>,
) {
    for (name, text, record) in records() {
        let bytes = write(&record);
        let back = read(&bytes).unwrap_or_else(|e| panic!("{format}, {name}: {e:?}"));
        assert_eq!(back, record, "{format}, {name}");
        assert_eq!(back.to_json_pretty().expect("serializes"), text, "{format}, {name}: JSON");
    }
}

#[test]
fn records_round_trip_through_cbor() {
    round_trip(
        "CBOR",
        |record| {
            let mut bytes = Vec::new();
            ciborium::into_writer(record, &mut bytes).expect("CBOR writes");
            bytes
        },
        |bytes| ciborium::from_reader::<Record, _>(bytes),
    );
}

#[test]
fn records_round_trip_through_messagepack() {
    round_trip(
        "MessagePack",
        |record| rmp_serde::to_vec_named(record).expect("MessagePack writes"),
        |bytes| rmp_serde::from_slice::<Record>(bytes),
    );
}

#[test]
fn records_round_trip_through_yaml() {
    round_trip(
        "YAML",
        |record| serde_yaml::to_string(record).expect("YAML writes").into_bytes(),
        |bytes| serde_yaml::from_slice::<Record>(bytes),
    );
}
