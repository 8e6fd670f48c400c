//! CAMEO rows in GDELT's column order: one row per ordered pair of sides
//! where CAMEO is dyadic.

use super::derive::{Act, Side, push_number, same_key};
use super::mapping;
use crate::Record;

/// The columns of GDELT 2.0's event table, in order, then ours:
/// `RecordId`, `Rule` and `Pointers` (where in which record the row was
/// read, by which rule) and `ActionGeo_GeoNamesID` (GDELT's `FeatureID`
/// is a GNS or GNIS id, which records do not hold).
pub const CAMEO_COLUMNS: [&str; 65] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
    "RecordId",
    "Rule",
    "Pointers",
    "ActionGeo_GeoNamesID",
];

/// One CAMEO row: a value (possibly empty) for each of [`CAMEO_COLUMNS`],
/// kept as its tab-separated line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameoRow {
    line: String,
}

impl CameoRow {
    pub(crate) fn from_line(line: String) -> Self {
        CameoRow { line }
    }

    /// The value of `column`, if it is one of [`CAMEO_COLUMNS`].
    pub fn get(&self, column: &str) -> Option<&str> {
        let i = CAMEO_COLUMNS.iter().position(|c| *c == column)?;
        self.line.split('\t').nth(i)
    }

    /// The row as one line of tab-separated values (without the newline);
    /// tabs and line breaks inside a value are written as spaces.
    pub fn as_tsv(&self) -> &str {
        &self.line
    }
}

/// The header line of [`CAMEO_COLUMNS`], tab-separated.
pub fn cameo_header() -> String {
    CAMEO_COLUMNS.join("\t")
}

/// Appends `value` as one TSV field. Every value written is a [`Text`](crate::Text),
/// an id, a URL, a code or a number, none of which can hold a tab or a
/// line break (a text refuses control characters), so none is escaped.
fn push_field(out: &mut String, value: &str) {
    debug_assert!(!value.contains(['\t', '\n', '\r']), "{value:?}");
    out.push_str(value);
}

/// Appends `n` empty fields, each after a tab.
fn empty(out: &mut String, n: usize) {
    const TABS: &str = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
    let mut left = n;
    while left > 0 {
        let now = left.min(TABS.len());
        out.push_str(TABS.get(..now).unwrap_or_default());
        left -= now;
    }
}

/// The columns of an act's rows that do not depend on the pair, written
/// once into one buffer: the row id's stem; the date's columns; those from
/// `NumMentions` to `SOURCEURL` followed by ours, copied as one piece: one
/// allocation where there were four strings and a fifth for the date's
/// digits. The pieces of the pairs (sides and codes) are written after
/// them.
struct Shared {
    text: String,
    /// Where the id's stem ends.
    id_end: usize,
    /// Where the date's columns end.
    date_end: usize,
    /// Where ours end.
    ours_end: usize,
}

impl Shared {
    fn piece(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or_default()
    }
    fn id(&self) -> &str {
        self.piece(0, self.id_end)
    }
    fn date(&self) -> &str {
        self.piece(self.id_end, self.date_end)
    }
    /// The columns from `NumMentions` to the end of the row.
    fn rest(&self) -> &str {
        self.piece(self.date_end, self.ours_end)
    }
}

fn shared(record: &Record, act: &Act<'_>, start: &crate::Date, mut text: String) -> Shared {
    text.clear();
    push_field(&mut text, record.id.as_str());
    text.push(':');
    text.push_str(act.rule.name);
    text.push(':');
    act.origin.write_main(&mut text);
    let id_end = text.len();

    // `YYYY-MM-DD` as `YYYYMMDD` (a month or year known no better from
    // its first day), from the date's bytes without a string for it.
    let mut digits = *b"00000101";
    let mut len = 0;
    for &b in start.as_bytes().iter().take(10).filter(|b| b.is_ascii_digit()) {
        if let Some(slot) = digits.get_mut(len) {
            *slot = b;
            len += 1;
        }
    }
    let number = |range: std::ops::Range<usize>| -> u64 {
        let bytes = digits.get(range).unwrap_or_default();
        bytes.iter().fold(0, |n, b| n * 10 + u64::from(b - b'0'))
    };
    let (year, month, day_of_month) = (number(0..4), number(4..6), number(6..8));
    // SQLDATE's eight digits, MonthYear's six, Year's four.
    digits.iter().for_each(|&b| text.push(char::from(b)));
    text.push('\t');
    digits.iter().take(6).for_each(|&b| text.push(char::from(b)));
    text.push('\t');
    digits.iter().take(4).for_each(|&b| text.push(char::from(b)));
    // GDELT's FractionDate: the year plus (month × 30 + day) / 365, to four
    // places, in ten-thousandths so that no float is formatted.
    let fraction = year * 10_000 + ((month * 30 + day_of_month) * 10_000 + 182) / 365;
    text.push('\t');
    push_number(&mut text, fraction / 10_000);
    text.push('.');
    let places = fraction % 10_000;
    for unit in [1000, 100, 10, 1] {
        text.push(char::from(b'0' + (places / unit % 10) as u8));
    }
    let date_end = text.len();

    let sources = act.sources(record);
    // NumMentions, NumSources, NumArticles, AvgTone.
    text.push_str("\t\t");
    push_number(&mut text, sources.clone().count() as u64);
    text.push_str("\t\t");
    // Actor1Geo and Actor2Geo: 8 columns each, empty.
    empty(&mut text, 16);
    // ActionGeo: Type, FullName, CountryCode (FIPS, not held), ADM1,
    // ADM2, Lat, Long, FeatureID (GNS, not held).
    let mut geo_id = None;
    match act.place {
        Some(place) => {
            let us = place.country.is_some_and(|c| c.as_str() == "US");
            text.push('\t');
            text.push_str(match (place.locality.is_some() || place.venue.is_some(), us) {
                (true, true) => "3",
                (true, false) => "4",
                (false, _) => "1",
            });
            text.push('\t');
            let names = [
                place.locality.as_ref().map(crate::Text::as_str),
                place.region.as_ref().map(crate::Text::as_str),
                place.country.map(|c| c.name()),
            ];
            for (i, name) in names.into_iter().flatten().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                push_field(&mut text, name);
            }
            empty(&mut text, 3);
            text.push('\t');
            if let Some(coordinates) = &place.coordinates {
                use std::fmt::Write as _;
                let _ = write!(text, "{}\t{}", coordinates.latitude(), coordinates.longitude());
            } else {
                text.push('\t');
            }
            geo_id = place.geonames_id;
        }
        None => empty(&mut text, 7),
    }
    // FeatureID and DATEADDED, empty; SOURCEURL.
    empty(&mut text, 3);
    if let Some(url) = sources.filter_map(|s| s.url.as_ref()).next() {
        push_field(&mut text, url.as_str());
    }

    text.push('\t');
    push_field(&mut text, record.id.as_str());
    text.push('\t');
    text.push_str(act.rule.name);
    text.push('\t');
    act.origin.write_all(&mut text, " ");
    text.push('\t');
    if let Some(id) = geo_id {
        push_number(&mut text, id);
    }
    let ours_end = text.len();
    Shared { text, id_end, date_end, ours_end }
}

/// Appends the eleven columns of one actor: code, name, country, four
/// empty (known group, ethnic, two religions), three types.
fn push_actor(out: &mut String, side: &Side<'_>) {
    let entity = &side.party;
    out.push('\t');
    entity.write_cameo_code(out);
    out.push('\t');
    push_field(out, entity.name().unwrap_or_default());
    out.push('\t');
    out.push_str(entity.country.unwrap_or_default());
    empty(out, 4);
    out.push('\t');
    out.push_str(entity.sector.unwrap_or_default());
    empty(out, 2);
}

/// The most CAMEO rows one act yields: a meeting of n sides gives n(n-1),
/// so a record could ask for a hundred million (10,000 participants);
/// beyond 250,000 (500 sides, more than any real meeting) the act gives no
/// rows, [`write_cameo_rows`](super::write_cameo_rows) names it, and
/// [`NOT_DERIVED`](super::NOT_DERIVED) says so.
pub const MAX_ROWS_PER_ACT: usize = 250_000;

/// Calls `each` with every ordered pair of sides the act relates, as
/// indexes into its sides, and its CAMEO code, in the order of the rows.
fn pairs(act: &Act<'_>, mut each: impl FnMut(usize, usize, &'static str)) {
    /// Every ordered pair of the sides `range` with `code`.
    fn ordered(
        sides: &[Side<'_>],
        range: std::ops::Range<usize>,
        code: &'static str,
        each: &mut impl FnMut(usize, usize, &'static str),
    ) {
        for i in range.clone() {
            for j in range.clone() {
                let key = |k: usize| sides.get(k).map(|side| side.key).unwrap_or_default();
                if !same_key(key(i), key(j)) {
                    each(i, j, code);
                }
            }
        }
    }
    let rule = act.rule;
    let (actors, sides) = (0..act.actor_count, act.sides.len());
    if act.recipients().is_empty() {
        // No recipient: every ordered pair of actors, hosts of a
        // multilateral meeting hosting (043) and being visited (042).
        let hosted = rule.is(&mapping::CONSULT_MULTILATERAL);
        for (i, a) in act.actors().iter().enumerate() {
            for (j, b) in act.actors().iter().enumerate() {
                if same_key(a.key, b.key) {
                    continue;
                }
                let code = match (hosted && a.hosting(), hosted && b.hosting()) {
                    (true, false) => "043",
                    (false, true) => "042",
                    _ => rule.cameo_forward,
                };
                each(i, j, code);
            }
        }
        return;
    }
    for i in actors.clone() {
        for j in act.actor_count..sides {
            each(i, j, rule.cameo_forward);
        }
    }
    if !rule.cameo_back.is_empty() {
        for j in act.actor_count..sides {
            for i in actors.clone() {
                each(j, i, rule.cameo_back);
            }
        }
    }
    if rule.is(&mapping::CONSULT_VISIT) {
        // Two guest sides, or two host sides, consult each other.
        ordered(&act.sides, actors, "040", &mut each);
        ordered(&act.sides, act.actor_count..sides, "040", &mut each);
    }
}

/// Writes the rows of an act into `out`, each line with its newline, and
/// gives how many: one per ordered pair of sides the rule relates; `None`
/// when they would be more than [`MAX_ROWS_PER_ACT`], and none is written.
///
/// What a row shares with others is written once into one buffer and
/// copied: the act's columns, each side's eleven actor columns and each
/// code's five. A meeting of n sides gives n(n-1) rows, each of which wrote
/// both sides and its code again: writing them once took the CAMEO export
/// of the committed records from 47.3 M to 42.1 M instructions beyond
/// validation (callgrind, 50 rounds), and cost a visit (two rows, two
/// sides) 0.3 k more. The pairs are walked once, into the scratch, rather
/// than once to count them and find their codes and again to write them:
/// 1.6 M fewer instructions on the committed records, 330 fewer a visit.
pub(crate) fn write_rows(
    record: &Record,
    act: &Act<'_>,
    scratch: &mut Scratch,
    out: &mut String,
) -> Option<usize> {
    let Some(start) = act.start else { return Some(0) };
    let sides = act.sides.len();
    if sides.saturating_mul(sides.saturating_sub(1)) > MAX_ROWS_PER_ACT {
        return None;
    }
    // The rows' pairs and the codes they use (a few), in one pass: each
    // pair as its two sides and the index of its code in `codes`.
    let (codes, rows) = (&mut scratch.codes, &mut scratch.rows);
    codes.clear();
    rows.clear();
    pairs(act, |actor1, actor2, code| {
        let at = match codes.iter().position(|known| same_key(known, code)) {
            Some(at) => at,
            None => {
                codes.push(code);
                codes.len() - 1
            }
        };
        rows.push((actor1, actor2, at));
    });
    let written = rows.len();
    if written == 0 {
        return Some(0);
    }
    let mut shared = shared(record, act, start, std::mem::take(&mut scratch.text));
    // Where each side's actor columns are in the shared text, the actors'
    // then the recipients', then each code's columns (IsRootEvent, the
    // codes, QuadClass, GoldsteinScale) in the order of `codes`.
    let pieces = &mut scratch.pieces;
    pieces.clear();
    for side in &act.sides {
        let from = shared.text.len();
        push_actor(&mut shared.text, side);
        pieces.push((from, shared.text.len()));
    }
    for code in codes.iter() {
        let from = shared.text.len();
        let text = &mut shared.text;
        text.push_str("\t1\t");
        text.push_str(code);
        text.push('\t');
        text.push_str(code.get(..3).unwrap_or(code));
        text.push('\t');
        text.push_str(code.get(..2).unwrap_or(code));
        text.push('\t');
        text.push(char::from(b'0' + mapping::quad_class(code)));
        text.push('\t');
        text.push_str(mapping::goldstein_text(code).unwrap_or_default());
        pieces.push((from, text.len()));
    }
    let piece = |at: usize| {
        pieces.get(at).and_then(|&(from, to)| shared.text.get(from..to)).unwrap_or_default()
    };
    out.reserve(written * (shared.ours_end + 160));
    for (n, &(actor1, actor2, code)) in rows.iter().enumerate() {
        out.push_str(shared.id());
        out.push(':');
        push_number(out, n as u64);
        out.push('\t');
        out.push_str(shared.date());
        out.push_str(piece(actor1));
        out.push_str(piece(actor2));
        out.push_str(piece(sides.saturating_add(code)));
        out.push_str(shared.rest());
        out.push('\n');
    }
    // Kept unless an unusually large act made it large, as the
    // validation's buffers are.
    if shared.text.capacity() <= 1 << 20 {
        scratch.text = std::mem::take(&mut shared.text);
    }
    if scratch.rows.capacity() > 1 << 16 {
        scratch.rows = Vec::new();
    }
    Some(written)
}

/// The buffers of [`write_rows`], kept from act to act and from record to
/// record (see [`with_scratch`]): made anew, they cost three allocations
/// an act, 480 instructions a visit, 6 % of what the CAMEO export of a
/// visit costs beyond validating it (callgrind).
#[derive(Default)]
pub(crate) struct Scratch {
    /// The shared columns and the pieces of the pairs.
    text: String,
    /// The codes of the act's rows.
    codes: Vec<&'static str>,
    /// The act's rows: the sides of each (as indexes into the act's) and
    /// its code (into `codes`).
    rows: Vec<(usize, usize, usize)>,
    /// Where each side's and each code's columns are in `text`.
    pieces: Vec<(usize, usize)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs `write` with this thread's [`Scratch`], or with a new one when it
/// is in use or gone (while the thread's locals are torn down).
pub(crate) fn with_scratch<R>(mut write: impl FnMut(&mut Scratch) -> R) -> R {
    SCRATCH
        .try_with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => write(&mut scratch),
            Err(_) => write(&mut Scratch::default()),
        })
        .unwrap_or_else(|_| write(&mut Scratch::default()))
}
