//! The bridge to event data: PLOVER events and CAMEO/GDELT-style rows
//! derived from a record (feature `event-data`).
//!
//! Event-data researchers analyse "actor, action, target, date, place"
//! rows. A record holds far more than a row; this module derives the rows
//! faithfully and says, for each, which [`Rule`] made it and from which
//! parts of the record (JSON Pointers), so that every row can be audited.
//!
//! - [`plover_events`]: one PLOVER event per consultation, signing,
//!   statement and outcome the record supports, with compound actors (a
//!   summit is one event with every participant, not N² dyads), mode,
//!   context, location and citation.
//! - [`cameo_rows`]: CAMEO rows in GDELT 2.0's column order, one per
//!   ordered pair of sides where CAMEO is dyadic: a meeting of n sides
//!   yields n(n-1) rows, a visit of one guest side to one host two (042
//!   and 043).
//! - [`RULES`]: the mapping, as data; [`NOT_DERIVED`]: what the record
//!   holds that no rule derives, and why.
//!
//! # Codes
//!
//! States are coded by their ISO 3166-1 alpha-3 code (PLOVER's rule, and
//! CAMEO's country codes); former states by their ISO 3166-3 alpha-3 code
//! (`SUN` for the Soviet Union, `YUG` for Yugoslavia); Kosovo, which has
//! none, `KOS`, as PLOVER writes it. The United Nations is `UNO` in both;
//! the European Union is `EUR` in PLOVER and `IGOEUREEC` in CAMEO, where
//! `EUR` means Europe; NATO is `IGOWSTNAT` in CAMEO; any other
//! international organisation, organ-less group of states or coalition is
//! `IGO`. An organ is coded as its organisation. A state's sector is
//! `GOV`; a public body's `GOV`, `MIL`, `LEG`, `JUD`, `SPY` or `COP` by the
//! words of its name ([`BODY_SECTOR_WORDS`](mapping::BODY_SECTOR_WORDS));
//! a company's `BUS`. A CAMEO actor code joins the country and the sector
//! (`TURGOV`, `AZEMIL`, `TURBUS`). A polity without a code has no code.
//! Dependent territories keep their own code (PLOVER folds them into
//! their state, which needs the dates of countries in time).
//!
//! # Dates
//!
//! PLOVER's `date` and GDELT's `SQLDATE` need a day: a date known only to
//! the month or year is written as its first day, and PLOVER's
//! `date_precision` says so. An undated item is not derived.
//!
//! # Example
//!
//! ```
//! use diplomatic_events::Record;
//! use diplomatic_events::event_data::{cameo_rows, plover_events};
//! let record = Record::from_json(&std::fs::read_to_string("examples/records/baku-2024-04-02.json")?)?;
//! let events = plover_events(&record);
//! assert_eq!(events[0].event, ["CONSULT"]);
//! assert_eq!(events[0].mode, ["visit"]);
//! let rows = cameo_rows(&record);
//! assert_eq!(rows[0].get("EventCode"), Some("042"));
//! assert_eq!(rows[0].get("Actor1Code"), Some("TURGOV"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cameo;
mod derive;
pub mod mapping;
mod plover;

use std::io::BufRead;

pub use cameo::{CAMEO_COLUMNS, CameoRow, cameo_header};
pub use mapping::{CODEBOOKS, MAPPING_VERSION, NOT_DERIVED, RULES, Rule};
pub use plover::{PloverCitation, PloverEntity, PloverEvent, PloverLocation};

use crate::{JsonLines, Problem, Record, Severity};

/// The PLOVER events of `record`, in the order of its items.
pub fn plover_events(record: &Record) -> Vec<PloverEvent> {
    derive::acts(record).iter().filter_map(|act| plover::event(record, act)).collect()
}

/// The CAMEO rows of `record`, in the order of its items.
pub fn cameo_rows(record: &Record) -> Vec<CameoRow> {
    let mut rows = Vec::new();
    for act in derive::acts(record) {
        cameo::rows(record, &act, &mut rows);
    }
    rows
}

/// What one line of JSON Lines gave: its rows, or why it gave none.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DerivedLine<T> {
    /// The line number, from 1.
    pub number: u64,
    /// The rows derived; empty for a record with errors.
    pub rows: Vec<T>,
    /// The record's problems (as `validate` reports them); a record with
    /// an error is not derived.
    pub problems: Vec<Problem>,
}

/// Derives the rows of every record of a JSON Lines input, a line at a
/// time in bounded memory; a record with an error gives no rows and its
/// problems.
///
/// # Example
/// ```
/// use diplomatic_events::event_data::{derive_lines, plover_events};
/// let input = std::fs::File::open("examples/records/history-state-visits.jsonl")?;
/// let first = derive_lines(std::io::BufReader::new(input), plover_events).next().unwrap();
/// assert_eq!((first.number, first.rows.len()), (1, 1));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn derive_lines<R: BufRead, T>(
    reader: R,
    derive: impl Fn(&Record) -> Vec<T>,
) -> impl Iterator<Item = DerivedLine<T>> {
    JsonLines::new(reader).map(move |line| derive_line(line.number, &line.result, &derive))
}

/// The rows of one record read (or not) from line `number`.
pub fn derive_line<T>(
    number: u64,
    result: &Result<Record, crate::Error>,
    derive: impl Fn(&Record) -> Vec<T>,
) -> DerivedLine<T> {
    match result {
        Err(error) => DerivedLine { number, rows: Vec::new(), problems: vec![error.to_problem()] },
        Ok(record) => {
            let problems = record.validate();
            let rows = if problems.iter().any(|p| p.severity == Severity::Error) {
                Vec::new()
            } else {
                derive(record)
            };
            DerivedLine { number, rows, problems }
        }
    }
}
