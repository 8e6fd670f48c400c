//! Rewrites record files in canonical form, or checks that they are.
//!
//! `cargo run --example canonicalize -- FILE...` rewrites each file;
//! `cargo run --example canonicalize -- --check FILE...` only reports files
//! that differ from their canonical form, and exits 1 if any does.

use std::process::ExitCode;

use diplomatic_events::Record;

fn main() -> ExitCode {
    let mut check = false;
    let mut status = ExitCode::SUCCESS;
    for arg in std::env::args().skip(1) {
        if arg == "--check" {
            check = true;
            continue;
        }
        let result = std::fs::read_to_string(&arg).map_err(|e| e.to_string()).and_then(|text| {
            let record = Record::from_json(&text).map_err(|e| e.to_string())?;
            let canonical = record.to_json_pretty().map_err(|e| e.to_string())?;
            Ok((text, canonical))
        });
        match result {
            Ok((text, canonical)) if text == canonical => {}
            Ok((_, canonical)) if !check => {
                if let Err(e) = std::fs::write(&arg, canonical) {
                    eprintln!("{arg}: {e}");
                    status = ExitCode::FAILURE;
                }
            }
            Ok(_) => {
                eprintln!("{arg}: not in canonical form");
                status = ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("{arg}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
