//! Integration tests, one module per concept.

// The panicking-access lints guard library code against input-derived
// panics; in tests a panic is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod agreements;
mod api;
mod baku;
mod bench_smoke;
mod citations;
#[cfg(feature = "cli")]
mod cli;
mod countries_in_time;
mod country;
#[cfg(feature = "event-data")]
mod event_data;
mod every_problem;
mod extensions;
mod external_suites;
mod fast_reader;
mod fixtures;
mod formats;
mod fuzz_corpus;
mod history_state;
mod hostile;
mod json_lines;
mod local_time;
mod outcomes;
mod parse_errors;
mod properties;
mod scalars;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "parquet")]
mod tables;
mod time;
mod validation;
