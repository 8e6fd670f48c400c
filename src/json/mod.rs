//! Reading JSON: all the machinery between the text and the record types,
//! private to the crate except for the JSON Lines readers it re-exports.
//!
//! - [`reader`]: the fast path of `Record::from_json`, a reader that knows the
//!   record's shape;
//! - [`strict`]: the adapter that makes serde refuse what the format refuses
//!   (repeated keys, `null` for absent values, too many items);
//! - [`collect`]: the slow path of a broken record, which reads on past
//!   each problem to report them all;
//! - [`errors`]: how serde's errors become the crate's `Error`, with their
//!   codes and JSON Pointers;
//! - [`swar`]: word-at-a-time byte tests shared by the readers and checks;
//! - [`lines`]: JSON Lines, read line by line or in parallel;
//! - [`compressed`]: gzip and zstd input, told by its magic bytes.

pub(crate) mod collect;
pub(crate) mod compressed;
pub(crate) mod declare;
pub(crate) mod errors;
pub(crate) mod grammar;
pub(crate) mod lines;
pub(crate) mod reader;
pub(crate) mod strict;
pub(crate) mod swar;
pub(crate) mod wire_name;
