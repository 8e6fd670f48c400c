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
//! - [`write_plover_events`] and [`write_cameo_rows`]: the same lines
//!   written straight into a buffer, as the `export` command writes them;
//!   [`checked_lines`]: the records of a JSON Lines input, each checked,
//!   to derive rows from those without errors.
//! - [`RULES`]: the mapping, as data; [`NOT_DERIVED`]: what the record
//!   holds that no rule derives, and why.
//!
//! # The mapping
//!
//! Each rule of [`RULES`], with the PLOVER category / mode it yields and
//! its CAMEO code from actor to recipient (and back); the notes of each
//! rule say the choices made. A test holds this table to [`RULES`].
//!
//! | rule | reads | PLOVER | CAMEO |
//! | --- | --- | --- | --- |
//! | `consult-visit` | an event or part, in person, with a participant of role `host` and one of role `guest` on different sides | CONSULT / visit | 042 / back 043 |
//! | `consult-phone` | an event or part held by phone or video (modality `phone`, `video` or `hybrid`, or kind `phone_call` or `video_call`) | CONSULT / phone | 041 / back 041 |
//! | `consult-multilateral` | an event or part in person with three sides or more, or with an international organisation, an organ or a group of states among its sides | CONSULT / multilateral | 040 / back 040 |
//! | `consult-third-party` | an event or part in person between two sides, none of them host, whose place is in a country of neither side, or with a mediator or facilitator | CONSULT / third-party | 044 / back 044 |
//! | `consult` | an event or part in person between two sides, none of them host, in a country of one of them or in no known place | CONSULT | 040 / back 040 |
//! | `mediate` | a participant of role `mediator` or `facilitator` in a meeting, on a side of its own | (none) | 045 |
//! | `negotiate` | participants of role `negotiator` on two sides or more of one meeting | (none) | 046 / back 046 |
//! | `sign` | an agreement step `signed`, `concluded`, `adopted`, `ratified`, `accepted`, `approved`, `acceded` or `succeeded`, dated or joined to a dated event | SUPPORT | 057 / back 057 |
//! | `praise` | a statement whose reporting verb is `commended`, `applauded`, `welcomed` or `expressed_satisfaction` | SUPPORT | 051 |
//! | `promise` | a statement whose reporting verb is `promised` or `agreed` | AGREE | 030 |
//! | `appeal` | a statement whose reporting verb is `called_for` | REQUEST | 020 |
//! | `criticise` | a statement whose reporting verb is `condemned` | ACCUSE / disapprove | 111 |
//! | `relations-established` | an outcome `diplomatic_relations` of change `established`, `restored` or `upgraded` | SUPPORT | 050 / back 050 |
//! | `relations-reduced` | an outcome `diplomatic_relations` of change `severed` or `downgraded` | SANCTION / withdraw | 161 / back 161 |
//! | `recognise` | an outcome `recognition` of change `granted` | SUPPORT | 054 |
//! | `withdraw-recognition` | an outcome `recognition` of change `withdrawn` | SANCTION / withdraw | 160 |
//! | `admit` | an outcome `membership` of change `admitted`, `admitted_as_observer` or `reinstated` | SUPPORT | 050 |
//! | `expel` | an outcome `membership` of change `suspended` or `expelled` | SANCTION / expel | 166 |
//! | `leave` | an outcome `membership` of change `left` | SANCTION / withdraw | 160 |
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
//! Dependent territories keep their own code in both exports (PLOVER's
//! manual folds them into their state: `CountryCode::plover` gives that
//! code, for readers who want it).
//!
//! # Dates
//!
//! PLOVER's `date` and GDELT's `SQLDATE` need a day: a date known only to
//! the month or year is written as its first day, and PLOVER's
//! `date_precision` says so. An undated item is not derived.
//!
//! # The Baku record, row by row
//!
//! `tests/fixtures/event-data/` holds the rows derived from
//! `examples/records/baku-2024-04-02.json`. Its seven PLOVER events:
//!
//! 1. `consult-visit` at `/event`: the visit. The Turkish delegation is a
//!    `guest` and Azerbaijan the `host`: CONSULT, mode `visit`, actor
//!    Türkiye (`TUR`, `GOV`), recipient Azerbaijan; context `military`
//!    from the topics.
//! 2. and 3. `consult-visit` at `/event/parts/0` and `/event/parts/1`: the
//!    meetings with the defence minister and with the president, each
//!    with Haluk Görgün among the actors and the Azerbaijani participant,
//!    with his office, as recipient.
//! 4. `sign` at `/agreements/0/steps/0`: the memoranda signed during the
//!    visit (the step has no date of its own; it is joined to the visit,
//!    whose day it takes). SUPPORT, with the unnamed Turkish and
//!    Azerbaijani firms (`BUS`) as actor.
//! 5. `praise` at `/statements/3`: "the sides applauded" (SUPPORT), both
//!    sides speaking, so both are the actor.
//! 6. `praise` at `/statements/4`: Aliyev "commended" Turkish products
//!    (SUPPORT), Türkiye the recipient.
//! 7. `praise` at `/statements/6`: Görgün "conveyed satisfaction" with
//!    the visit of his own delegation (SUPPORT): he is the actor, and
//!    there is no recipient.
//!
//! The other statements' verbs (emphasised, expressed confidence,
//! stressed, underscored, informed) carry no category and are not derived.
//!
//! Its twelve CAMEO rows: for each of the three visits, `TURGOV` to
//! `AZEGOV` 042 (make a visit, Goldstein 1.9) and back 043 (host, 2.8); the
//! memoranda, `TURBUS` to `AZEBUS` and back, 057 (sign formal agreement,
//! 8.0); statement 3 both ways and statement 4 from `AZEGOV` to `TURGOV`,
//! 051 (praise or endorse, 3.4); statement 6, with no recipient, gives no
//! dyad and so no row.
//!
//! # Example
//!
//! ```
//! use diplomatic_events::Record;
//! use diplomatic_events::event_data::{cameo_rows, plover_events};
//! let record = Record::from_json(&std::fs::read_to_string("examples/records/baku-2024-04-02.json")?)?;
//! let events = plover_events(&record);
//! assert_eq!(events[0].event, ["CONSULT"]);
//! assert_eq!(events[0].mode, Some("visit"));
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

pub use cameo::{CAMEO_COLUMNS, CameoRow, MAX_ROWS_PER_ACT, cameo_header};
pub use mapping::{CODEBOOKS, MAPPING_VERSION, NOT_DERIVED, RULES, Rule};
pub use plover::{PloverCitation, PloverEntity, PloverEvent, PloverLocation, Pointers};

use crate::{JsonLines, Problem, Record, Severity};

/// The PLOVER events of `record`, in the order of its items; they borrow
/// its text.
pub fn plover_events(record: &Record) -> Vec<PloverEvent<'_>> {
    derive::acts(record).into_iter().filter_map(|act| plover::event(record, act)).collect()
}

/// Writes the PLOVER events of `record` into `out` as JSON lines, each
/// with its newline, and gives how many: what `plover_events` gives, as
/// [`PloverEvent::write_json`] writes each, written straight from what the
/// record supports without building the events (what `export --to plover`
/// writes).
pub fn write_plover_events(record: &Record, out: &mut Vec<u8>) -> usize {
    let mut written = 0;
    let mut pieces = plover::Written::default();
    derive::each_act(record, &mut |act| {
        if plover::write_event(record, &act, &mut pieces, out) {
            out.push(b'\n');
            written += 1;
        }
    });
    written
}

/// The CAMEO rows of `record`, in the order of its items.
pub fn cameo_rows(record: &Record) -> Vec<CameoRow> {
    let mut text = String::new();
    write_cameo_rows(record, &mut text);
    text.lines().map(|line| CameoRow::from_line(line.to_owned())).collect()
}

/// Writes the CAMEO rows of `record` into `out` as tab-separated lines,
/// each with its newline: what `cameo_rows` gives, without a string for
/// each row (what `export --to cameo` writes).
pub fn write_cameo_rows(record: &Record, out: &mut String) -> CameoWritten {
    cameo::with_scratch(|scratch| {
        let mut written = CameoWritten::default();
        derive::each_act(record, &mut |act| match cameo::write_rows(record, &act, scratch, out) {
            Some(rows) => written.rows += rows,
            None => {
                let mut pointer = String::new();
                act.origin.write_main(&mut pointer);
                written.over_limit.push(pointer);
            }
        });
        written
    })
}

/// What [`write_cameo_rows`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CameoWritten {
    /// How many rows.
    pub rows: usize,
    /// The JSON Pointers of the items whose rows would have been more than
    /// [`MAX_ROWS_PER_ACT`], and of which none was written.
    pub over_limit: Vec<String>,
}

/// One record of a JSON Lines input, checked: the record when it has no
/// error (rows may be derived from it), and its problems.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CheckedRecord {
    /// The line number, from 1.
    pub number: u64,
    /// The record, unless it could not be read or has an error (a record
    /// with an error is reported, never derived).
    pub record: Option<Record>,
    /// The problems, as `validate` reports them.
    pub problems: Vec<Problem>,
}

/// The records of a JSON Lines input, each checked, a line at a time in
/// bounded memory: derive rows from each `record` that is there.
///
/// # Example
/// ```
/// use diplomatic_events::event_data::{checked_lines, plover_events};
/// let input = std::fs::File::open("examples/records/history-state-visits.jsonl")?;
/// let first = checked_lines(std::io::BufReader::new(input)).next().unwrap();
/// let events = first.record.as_ref().map(plover_events).unwrap_or_default();
/// assert_eq!((first.number, events.len()), (1, 1));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn checked_lines<R: BufRead>(reader: R) -> impl Iterator<Item = CheckedRecord> {
    JsonLines::new(reader).map(|line| check(line.number, line.result))
}

/// One record read (or not) from line `number`, checked.
pub fn check(number: u64, result: Result<Record, crate::Error>) -> CheckedRecord {
    match result {
        Err(error) => CheckedRecord { number, record: None, problems: error.into_problems() },
        Ok(record) => {
            let problems = record.validate();
            let record =
                (!problems.iter().any(|p| p.severity == Severity::Error)).then_some(record);
            CheckedRecord { number, record, problems }
        }
    }
}
