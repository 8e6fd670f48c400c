//! What reading compressed JSON Lines costs: the imported Office of the
//! Historian visits (ten copies, about 30 MB of text), plain, gzip (level 6)
//! and zstd (level 3), each read and validated on one thread through
//! `decompressed`, and decompressed alone. MB/s of the plain text, best of
//! 5 interleaved rounds.
//!
//! `cargo bench --bench compressed --features compression`

// A benchmark may stop on a broken corpus; the lints guard library code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::hint::black_box;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

use diplomatic_events::{JsonLines, decompressed};

fn main() {
    let visits = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/records/history-state-visits.jsonl"),
    )
    .expect("the imported visits");
    let plain = visits.repeat(10);
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    gzip.write_all(&plain).unwrap();
    let gzip = gzip.finish().unwrap();
    let zstd = zstd::encode_all(&plain[..], 3).unwrap();
    let inputs = [("plain", &plain), ("gzip, level 6", &gzip), ("zstd, level 3", &zstd)];
    let mut read = [Duration::MAX; 3];
    let mut decompress = [Duration::MAX; 3];
    for _ in 0..5 {
        for (i, (_, bytes)) in inputs.iter().enumerate() {
            let start = Instant::now();
            let mut text = Vec::with_capacity(plain.len());
            decompressed(&bytes[..]).unwrap().read_to_end(&mut text).unwrap();
            black_box(&text);
            decompress[i] = decompress[i].min(start.elapsed());

            let start = Instant::now();
            let mut valid = 0;
            for line in JsonLines::new(decompressed(&bytes[..]).unwrap()) {
                valid += usize::from(line.result.is_ok_and(|r| r.validate().is_empty()));
            }
            assert_eq!(valid, 32_640);
            read[i] = read[i].min(start.elapsed());
        }
    }
    let mbs = |d: Duration| plain.len() as f64 / 1e6 / d.as_secs_f64();
    println!(
        "{:<16} {:>10} {:>8} {:>16} {:>14} {:>8}",
        "input", "bytes", "ratio", "decompress MB/s", "read+validate", "/ plain"
    );
    for (i, (name, bytes)) in inputs.iter().enumerate() {
        println!(
            "{:<16} {:>10} {:>8.2} {:>16.0} {:>14.0} {:>8.2}",
            name,
            bytes.len(),
            plain.len() as f64 / bytes.len() as f64,
            mbs(decompress[i]),
            mbs(read[i]),
            read[0].as_secs_f64() / read[i].as_secs_f64(),
        );
    }
}
