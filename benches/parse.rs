//! Parse and write speed of whole records.
//!
//! `cargo bench --bench parse`. Reports time per record; divide the record
//! size by it for MB/s.

use diplomatic_events::Record;

const BAKU: &str = include_str!("../examples/records/baku-2024-04-02.json");

fn main() {
    divan::main();
}

/// Parsing the canonical example from pretty JSON.
#[divan::bench]
fn parse_baku(bencher: divan::Bencher<'_, '_>) {
    bencher
        .counter(divan::counter::BytesCount::of_str(BAKU))
        .bench(|| Record::from_json(divan::black_box(BAKU)));
}

/// The serde_json floor: the same bytes skipped without building anything.
#[divan::bench]
fn ignored_any_baku(bencher: divan::Bencher<'_, '_>) {
    bencher
        .counter(divan::counter::BytesCount::of_str(BAKU))
        .bench(|| serde_json::from_str::<serde::de::IgnoredAny>(divan::black_box(BAKU)));
}

/// Writing the canonical example as one JSON line.
#[divan::bench]
fn write_line_baku(bencher: divan::Bencher<'_, '_>) {
    let Ok(record) = Record::from_json(BAKU) else {
        panic!("the canonical example parses");
    };
    bencher.bench(|| divan::black_box(&record).to_json_line());
}
