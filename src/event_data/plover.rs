//! PLOVER events, as the PLOVER manual's "Data Fields" chapter names
//! their fields, with a few named fields of ours that it invites.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use super::derive::Side;
use super::derive::{Act, Entity, alpha3};
use super::mapping;
use crate::{Date, Place, Precision, Record};

/// One PLOVER event derived from a record. Field names and order follow the
/// manual's "PLOVER JSON" table; `date_precision`, `record_id`, `rule` and
/// `pointers` are ours: how precisely the date is known (a month-precision
/// date is written as its first day), and where in which record the
/// event was read, by which rule of [`RULES`](super::RULES).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverEvent<'a> {
    /// Unique and stable: the record id, the rule and the JSON Pointer of
    /// what it was read from.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: Cow<'a, str>,
    /// The time of day with its UTC offset, when the record has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<&'a str>,
    /// The last day, for an event of several days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enddate: Option<Cow<'a, str>>,
    /// The end's time of day, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endtime: Option<&'a str>,
    /// Who acted: every participant of the acting sides (compound actors stay compound).
    pub actor: Vec<PloverEntity<'a>>,
    /// Who the act was directed at; empty when the sides cannot be told apart.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipient: Vec<PloverEntity<'a>>,
    /// The event category: `["CONSULT"]`.
    pub event: [&'static str; 1],
    /// The mode (`visit`, `phone`, `multilateral`, `third-party`...),
    /// written as a list of one.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "one_text")]
    pub mode: Option<&'static str>,
    /// Contexts from the topics and sectors (see [`CONTEXT_WORDS`](super::mapping::CONTEXT_WORDS)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<&'static str>,
    /// Where it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_loc: Option<PloverLocation<'a>>,
    /// The words it was read from, for a statement.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "one_text")]
    pub event_text: Option<&'a str>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_code: u8,
    /// PLOVER's conflict-cooperation score of the category and mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_scale: Option<f32>,
    /// The first source the record cites for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite_info: Option<PloverCitation<'a>>,
    /// `diplomatic-events` and the version of its mapping.
    pub coder: &'static str,
    /// `day`, `month`, `year` or `time`: how precisely `date` is known.
    pub date_precision: &'static str,
    /// The id of the record it was derived from.
    pub record_id: &'a str,
    /// The rule that derived it.
    pub rule: &'static str,
    /// The JSON Pointers, in the record, of what it was read from.
    pub pointers: Pointers,
}

/// The JSON Pointers of the parts of a record a row was read from, the
/// item's first (`/event/parts/0`, then its participants read). Kept as
/// indexes and written out only when asked: on the imported visits,
/// building them as strings for every event cost a tenth of the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pointers(pub(crate) super::derive::Origin);

impl Pointers {
    /// The pointers as strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.0.pointers()
    }
}

impl Serialize for Pointers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.to_vec())
    }
}

/// An entity object of the manual's "Information object for entities".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverEntity<'a> {
    /// The three-letter country or organisation code (`AZE`, `UNO`, `KOS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// The sector (`GOV`, `MIL`, `BUS`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<&'static str>,
    /// Its name in the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_text: Option<&'a str>,
    /// Its Wikidata item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_id: Option<&'a str>,
    /// The position a person acts in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<&'a str>,
}

/// The manual's "Location object", from the record's place.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverLocation<'a> {
    /// The venue, locality, region or country, the most precise given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_place: Option<&'a str>,
    /// The GeoNames id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    /// Latitude in decimal degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in decimal degrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The city.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<&'a str>,
    /// The region (province, state).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<&'a str>,
    /// The country's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<&'static str>,
    /// The country's three-letter ISO code, as the entities'.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<&'static str>,
    /// 4 for a city or a place in one, 1 for a country.
    pub resolution: u8,
}

/// The manual's "Information object for citations", from a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverCitation<'a> {
    /// The source's identifier in its collection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<&'a str>,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// Its language: the language subtag of its BCP 47 tag (`en`, `az`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    /// Its publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<&'a str>,
    /// The codebook and mapping the event follows.
    pub codebook: &'static str,
}

/// `event_text` as PLOVER lists it: `["..."]`.
fn one_text<S: serde::Serializer>(text: &Option<&str>, serializer: S) -> Result<S::Ok, S::Error> {
    text.as_slice().serialize(serializer)
}

/// A date as PLOVER writes it: the day (the first of a month or year known
/// no better), the time of day, and how precise it is.
pub(crate) fn split_date(date: &Date) -> (Cow<'_, str>, Option<&str>, &'static str) {
    let text = date.as_str();
    match date.precision() {
        // `YYYY-MM-DDThh:mm...`: the day is the first ten bytes.
        Precision::Time => match (text.get(..10), text.get(11..)) {
            (Some(day), Some(time)) => (Cow::Borrowed(day), Some(time), "time"),
            _ => (Cow::Borrowed(text), None, "time"),
        },
        Precision::Year => (Cow::Owned(format!("{text}-01-01")), None, "year"),
        Precision::Month => (Cow::Owned(format!("{text}-01")), None, "month"),
        Precision::Day => (Cow::Borrowed(text), None, "day"),
    }
}

fn entity<'a>(entity: &Entity<'a>) -> PloverEntity<'a> {
    PloverEntity {
        code: entity.plover_code(),
        sector: entity.sector,
        entity_text: entity.name(),
        identifier_id: entity.wikidata(),
        office: entity.office(),
    }
}

pub(crate) fn location(place: &Place) -> PloverLocation<'_> {
    fn text(t: &Option<crate::Text>) -> Option<&str> {
        t.as_ref().map(crate::Text::as_str)
    }
    let country = place.country;
    PloverLocation {
        resolved_place: text(&place.venue)
            .or_else(|| text(&place.locality))
            .or_else(|| text(&place.region))
            .or_else(|| country.map(|c| c.name())),
        geonameid: place.geonames_id,
        lat: place.coordinates.as_ref().map(|c| c.latitude()),
        lon: place.coordinates.as_ref().map(|c| c.longitude()),
        city: text(&place.locality),
        province: text(&place.region),
        country: country.map(|c| c.name()),
        country_code: country.and_then(alpha3),
        resolution: if place.locality.is_some() || place.venue.is_some() { 4 } else { 1 },
    }
}

/// The codebook of every event's citation.
const CODEBOOK: &str = concat!("plover-0.8; ", mapping::mapping_version!());

/// The coder of every event.
const CODER: &str = concat!("diplomatic-events (", mapping::mapping_version!(), ")");

/// What a PLOVER event of an act holds besides its actors and recipients,
/// its contexts and its pointers (which the act keeps).
struct Common<'a> {
    date: Cow<'a, str>,
    time: Option<&'a str>,
    enddate: Option<Cow<'a, str>>,
    endtime: Option<&'a str>,
    date_precision: &'static str,
    event_loc: Option<PloverLocation<'a>>,
    cite_info: Option<PloverCitation<'a>>,
}

impl<'a> Common<'a> {
    /// The rest of the PLOVER event of `act`, unless its rule yields CAMEO
    /// rows only or it has no date.
    fn of(record: &'a Record, act: &Act<'a>) -> Option<Self> {
        if act.rule.plover_event.is_empty() {
            return None;
        }
        let (date, time, date_precision) = split_date(act.start?);
        let (enddate, endtime) = match act.end.map(split_date) {
            Some((end, end_time, _)) if end != date || end_time != time => (Some(end), end_time),
            _ => (None, None),
        };
        let cite_info = act.sources(record).next().map(|source| PloverCitation {
            citation: source.identifier.as_ref().map(crate::Text::as_str),
            url: source.url.as_ref().map(crate::Url::as_str),
            title: source.title.as_ref().map(crate::Text::as_str),
            language: source.language.as_ref().map(|l| language_of(l.as_str())),
            publication: source.publisher.as_ref().map(crate::Text::as_str),
            codebook: CODEBOOK,
        });
        let event_loc = act.place.map(location);
        Some(Common { date, time, enddate, endtime, date_precision, event_loc, cite_info })
    }
}

/// The PLOVER event of an act, unless its rule yields CAMEO rows only or
/// it has no date.
pub(crate) fn event<'a>(record: &'a Record, act: Act<'a>) -> Option<PloverEvent<'a>> {
    let Common { date, time, enddate, endtime, date_precision, event_loc, cite_info } =
        Common::of(record, &act)?;
    let rule = act.rule;
    let members = |sides: &[Side<'a>]| -> Vec<PloverEntity<'a>> {
        sides.iter().flat_map(|side| side.members.iter().map(entity)).collect()
    };
    let mut id = String::with_capacity(64);
    id.push_str(record.id.as_str());
    id.push(':');
    id.push_str(rule.name);
    id.push(':');
    act.origin.write_main(&mut id);
    Some(PloverEvent {
        id,
        date,
        time,
        enddate,
        endtime,
        actor: members(act.actors()),
        recipient: members(act.recipients()),
        event: [rule.plover_event],
        mode: Some(rule.plover_mode).filter(|mode| !mode.is_empty()),
        context: act.contexts,
        event_loc,
        event_text: act.text.map(crate::Text::as_str),
        quad_code: mapping::plover_quad(rule.plover_event),
        event_scale: mapping::plover_scale(rule.plover_event, rule.plover_mode),
        cite_info,
        coder: CODER,
        date_precision,
        record_id: record.id.as_str(),
        rule: rule.name,
        pointers: Pointers(act.origin),
    })
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it. Most
/// text has nothing to escape, which is found eight bytes at a time
/// ([`has_json_special`](crate::json::swar::has_json_special)).
fn push_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.push(b'"');
    if !crate::json::swar::has_json_special(bytes) {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    loop {
        let at = crate::json::reader::special_byte(bytes, start);
        out.extend_from_slice(bytes.get(start..at).unwrap_or_default());
        let Some(&b) = bytes.get(at) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                out.push(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'));
            }
        }
        start = at + 1;
    }
    out.push(b'"');
}

/// `,"name":`, what [`Object::key`] writes before a member's value: one
/// copy of a constant per member.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// Writes a JSON object's members one by one. Each member is written after
/// its comma (`,"name":`, see [`key!`]); the first one's comma becomes the
/// opening brace: one copy of a constant per key instead of four appends.
/// The methods that write a key are inlined into each call, so that the
/// key's length is known there and its copy needs no call to `memcpy`:
/// measured with callgrind, without `#[inline(always)]` a visit's event
/// cost 570 more instructions (7 % of the export beyond validation).
struct Object<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Object<'o> {
    fn new(out: &'o mut Vec<u8>) -> Self {
        Object { out, first: true }
    }

    /// Goes on with an object whose first member is written.
    fn continued(out: &'o mut Vec<u8>) -> Self {
        Object { out, first: false }
    }

    /// Starts a member: `key` is `,"name":` (see [`key!`]).
    #[inline(always)]
    fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        let at = self.out.len();
        self.out.extend_from_slice(key.as_bytes());
        if self.first {
            self.first = false;
            if let Some(comma) = self.out.get_mut(at) {
                *comma = b'{';
            }
        }
        self.out
    }

    /// A string that may need escapes: text for people.
    #[inline(always)]
    fn str(&mut self, key: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            push_str(self.key(key), value);
        }
    }

    /// A string that needs no escape, checked where it is made: a code, a
    /// date, a constant, an id, a URL, a language tag, a Wikidata item.
    #[inline(always)]
    fn plain(&mut self, key: &'static str, value: Option<&str>) {
        if let Some(value) = value {
            debug_assert_eq!(crate::json::reader::special_byte(value.as_bytes(), 0), value.len());
            let out = self.key(key);
            out.push(b'"');
            out.extend_from_slice(value.as_bytes());
            out.push(b'"');
        }
    }

    /// A whole number.
    #[inline(always)]
    fn whole(&mut self, key: &'static str, value: Option<u64>) {
        if let Some(value) = value {
            let (digits, start) = super::derive::decimal(value);
            self.key(key).extend_from_slice(digits.get(start..).unwrap_or_default());
        }
    }

    /// A score: a multiple of a half (as every score of the table is),
    /// written as serde_json writes it (`4.0`, `-5.5`) without its float
    /// formatting, which took a tenth of the writing of a visit's event;
    /// any other value by serde_json.
    fn scale(&mut self, key: &'static str, value: Option<f32>) {
        let Some(value) = value else { return };
        let halves = value * 2.0;
        if halves.fract() != 0.0
            || halves.abs() >= 200.0
            || value == 0.0 && value.is_sign_negative()
        {
            return self.number(key, Some(value));
        }
        let out = self.key(key);
        if value < 0.0 {
            out.push(b'-');
        }
        let halves = halves.abs() as u64;
        let (digits, start) = super::derive::decimal(halves / 2);
        out.extend_from_slice(digits.get(start..).unwrap_or_default());
        out.extend_from_slice(if halves % 2 == 0 { b".0" } else { b".5" });
    }

    /// A number, written by serde_json so that it is written the same.
    fn number(&mut self, key: &'static str, value: Option<impl Serialize>) {
        if let Some(value) = value {
            let out = self.key(key);
            let _ = serde_json::to_writer(&mut *out, &value);
        }
    }

    fn end(self) {
        if self.first {
            self.out.push(b'{');
        }
        self.out.push(b'}');
    }
}

/// Writes the PLOVER event of `act` into `out` as one line of JSON, without
/// the newline, and says whether it has one: what [`event`] gives, as
/// serde writes it, written straight from the act without building the
/// event (on the imported visits, building it cost a fifth of the export).
/// A test holds the two to the same bytes on every committed record, every
/// imported visit and generated records.
///
/// Neighbouring constants are written as one (`","date":"`), and what
/// cannot hold an escape (codes, dates, ids, URLs, language tags,
/// Wikidata items, JSON Pointers of indexes) is copied unchecked.
pub(crate) fn write_event<'a>(
    record: &'a Record,
    act: &Act<'a>,
    written: &mut Written<'a>,
    out: &mut Vec<u8>,
) -> bool {
    let rule = act.rule;
    let Some(start) = act.start.filter(|_| !rule.plover_event.is_empty()) else { return false };
    let record_id = record.id.as_str().as_bytes();
    out.extend_from_slice(b"{\"id\":\"");
    out.extend_from_slice(record_id);
    out.push(b':');
    out.extend_from_slice(rule.name.as_bytes());
    out.push(b':');
    act.origin.write_main(out);
    out.extend_from_slice(b"\",\"date\":\"");
    let (day, precision) = day_of(start);
    out.extend_from_slice(day.0);
    out.extend_from_slice(day.1);
    out.push(b'"');
    let time = time_of(start);
    if let Some(time) = time {
        out.extend_from_slice(b",\"time\":\"");
        out.extend_from_slice(time);
        out.push(b'"');
    }
    if let Some(end) = act.end {
        let (end_day, _) = day_of(end);
        let end_time = time_of(end);
        if !same_day(end_day, day) || end_time != time {
            out.extend_from_slice(b",\"enddate\":\"");
            out.extend_from_slice(end_day.0);
            out.extend_from_slice(end_day.1);
            out.push(b'"');
            if let Some(end_time) = end_time {
                out.extend_from_slice(b",\"endtime\":\"");
                out.extend_from_slice(end_time);
                out.push(b'"');
            }
        }
    }
    out.extend_from_slice(b",\"actor\":");
    write_entities(out, act.actors(), written);
    if !act.recipients().is_empty() {
        out.extend_from_slice(b",\"recipient\":");
        write_entities(out, act.recipients(), written);
    }
    out.extend_from_slice(b",\"event\":[\"");
    out.extend_from_slice(rule.plover_event.as_bytes());
    out.extend_from_slice(b"\"]");
    if !rule.plover_mode.is_empty() {
        out.extend_from_slice(b",\"mode\":[\"");
        out.extend_from_slice(rule.plover_mode.as_bytes());
        out.extend_from_slice(b"\"]");
    }
    if let Some((first, rest)) = act.contexts.split_first() {
        out.extend_from_slice(b",\"context\":[\"");
        out.extend_from_slice(first.as_bytes());
        for context in rest {
            out.extend_from_slice(b"\",\"");
            out.extend_from_slice(context.as_bytes());
        }
        out.extend_from_slice(b"\"]");
    }
    if let Some(place) = act.place {
        out.extend_from_slice(b",\"event_loc\":");
        match &written.place {
            Some((last, piece)) if std::ptr::eq(*last, place) => {
                out.extend_from_within(piece.clone())
            }
            _ => {
                let start = out.len();
                write_location(out, place);
                written.place = Some((place, start..out.len()));
            }
        }
    }
    if let Some(text) = act.text {
        out.extend_from_slice(b",\"event_text\":[");
        push_str(out, text.as_str());
        out.push(b']');
    }
    let mut object = Object::continued(out);
    object.whole(key!("quad_code"), Some(u64::from(mapping::plover_quad(rule.plover_event))));
    object.scale(key!("event_scale"), mapping::plover_scale(rule.plover_event, rule.plover_mode));
    if let Some(source) = act.sources(record).next() {
        out.extend_from_slice(b",\"cite_info\":");
        match &written.source {
            Some((last, piece)) if std::ptr::eq(*last, source) => {
                out.extend_from_within(piece.clone());
            }
            _ => {
                let start = out.len();
                write_citation(out, source);
                written.source = Some((source, start..out.len()));
            }
        }
    }
    out.extend_from_slice(
        concat!(
            ",\"coder\":\"diplomatic-events (",
            mapping::mapping_version!(),
            ")\",\"date_precision\":\""
        )
        .as_bytes(),
    );
    out.extend_from_slice(precision.as_bytes());
    out.extend_from_slice(b"\",\"record_id\":\"");
    out.extend_from_slice(record_id);
    out.extend_from_slice(b"\",\"rule\":\"");
    out.extend_from_slice(rule.name.as_bytes());
    out.extend_from_slice(b"\",\"pointers\":[\"");
    act.origin.write_all(out, "\",\"");
    out.extend_from_slice(b"\"]}");
    true
}

/// The day of `date` as PLOVER writes it, in two pieces (the first of a
/// month or year known no better: `2024-04` and `-01`), and how precisely
/// it is known.
fn day_of(date: &Date) -> ((&[u8], &'static [u8]), &'static str) {
    let text = date.as_bytes();
    match date.precision() {
        // `YYYY-MM-DDThh:mm...`: the day is the first ten bytes.
        Precision::Time => ((text.get(..10).unwrap_or(text), b""), "time"),
        Precision::Year => ((text, b"-01-01"), "year"),
        Precision::Month => ((text, b"-01"), "month"),
        Precision::Day => ((text, b""), "day"),
    }
}

/// Whether two days of [`day_of`] are the same: `2024-04` and `-01` is
/// `2024-04-01`.
fn same_day(a: (&[u8], &[u8]), b: (&[u8], &[u8])) -> bool {
    if a.1.len() == b.1.len() {
        // Of the same precision (the common case): one comparison each.
        return a.0 == b.0 && a.1 == b.1;
    }
    a.0.len() + a.1.len() == b.0.len() + b.1.len()
        && a.0.iter().chain(a.1).eq(b.0.iter().chain(b.1))
}

/// The time of day of `date` with its UTC offset, when it has one.
fn time_of(date: &Date) -> Option<&[u8]> {
    match date.precision() {
        Precision::Time => date.as_bytes().get(11..),
        _ => None,
    }
}

/// What the events of one record wrote that a later event of it may write
/// again, as pieces of the output to copy: the last place's location
/// object, the last source's citation and the last few entities. The
/// events of a record mostly share their place and source, and name the
/// same parties and people. Copying them took the PLOVER export of the
/// committed records (3.4 events a record) from 23.1 M to 21.0 M
/// instructions beyond validating (50 rounds, callgrind); a visit, one
/// event, costs 140 more for keeping them.
#[derive(Default)]
pub(crate) struct Written<'a> {
    /// The last place written, and where its location object is.
    place: Option<(&'a Place, Range<usize>)>,
    /// The last source written, and where its citation object is.
    source: Option<(&'a crate::Source, Range<usize>)>,
    /// The last entities written, the oldest replaced first.
    entities: [Option<(Entity<'a>, Range<usize>)>; 8],
    /// How many entities were written: the slot of `entities` the next new
    /// one takes is this modulo their number.
    entities_written: usize,
}

/// Writes the members of `sides` as a list of entity objects, `[...]`.
fn write_entities<'a>(out: &mut Vec<u8>, sides: &[Side<'a>], written: &mut Written<'a>) {
    out.push(b'[');
    let mut first = true;
    for member in sides.iter().flat_map(|side| side.members.iter()) {
        if !first {
            out.push(b',');
        }
        first = false;
        let slots = written.entities.len();
        let filled = written.entities.iter().take(written.entities_written.min(slots));
        if let Some((_, piece)) = filled.flatten().find(|(entity, _)| entity.is(member)) {
            out.extend_from_within(piece.clone());
            continue;
        }
        let start = out.len();
        write_entity(out, member);
        if let Some(slot) = written.entities.get_mut(written.entities_written % slots) {
            *slot = Some((*member, start..out.len()));
        }
        written.entities_written += 1;
    }
    out.push(b']');
}

/// Writes the entity object of `member`.
fn write_entity(out: &mut Vec<u8>, member: &Entity<'_>) {
    let mut object = match (member.plover_code(), member.sector) {
        // Most entities have both codes: one copy between them.
        (Some(code), Some(sector)) => object_out(
            out,
            &[b"{\"code\":\"", code.as_bytes(), b"\",\"sector\":\"", sector.as_bytes(), b"\""],
        ),
        (code, sector) => {
            let mut object = Object::new(out);
            object.plain(key!("code"), code);
            object.plain(key!("sector"), sector);
            object
        }
    };
    object.str(key!("entity_text"), member.name());
    object.plain(key!("identifier_id"), member.wikidata());
    object.str(key!("office"), member.office());
    object.end();
}

/// Writes `pieces` as the start of an object whose first member they are.
fn object_out<'o>(out: &'o mut Vec<u8>, pieces: &[&[u8]]) -> Object<'o> {
    pieces.iter().for_each(|piece| out.extend_from_slice(piece));
    Object::continued(out)
}

/// Writes the location object of `place`: what [`location`] gives.
fn write_location(out: &mut Vec<u8>, place: &Place) {
    fn text(t: &Option<crate::Text>) -> Option<&str> {
        t.as_ref().map(crate::Text::as_str)
    }
    let country = place.country;
    let mut loc = Object::new(out);
    let resolved =
        text(&place.venue).or_else(|| text(&place.locality)).or_else(|| text(&place.region));
    // Country names hold nothing to escape (a test reads them all).
    match resolved {
        Some(resolved) => loc.str(key!("resolved_place"), Some(resolved)),
        None => loc.plain(key!("resolved_place"), country.map(|c| c.name())),
    }
    loc.whole(key!("geonameid"), place.geonames_id);
    loc.number(key!("lat"), place.coordinates.as_ref().map(|c| c.latitude()));
    loc.number(key!("lon"), place.coordinates.as_ref().map(|c| c.longitude()));
    loc.str(key!("city"), text(&place.locality));
    loc.str(key!("province"), text(&place.region));
    loc.plain(key!("country"), country.map(|c| c.name()));
    loc.plain(key!("country_code"), country.and_then(alpha3));
    let resolution = if place.locality.is_some() || place.venue.is_some() { 4 } else { 1 };
    loc.whole(key!("resolution"), Some(resolution));
    loc.end();
}

/// Writes the citation object of `source`: what [`Common::of`] gives.
fn write_citation(out: &mut Vec<u8>, source: &crate::Source) {
    let mut cite_info = Object::new(out);
    cite_info.str(key!("citation"), source.identifier.as_ref().map(crate::Text::as_str));
    cite_info.plain(key!("url"), source.url.as_ref().map(crate::Url::as_str));
    cite_info.str(key!("title"), source.title.as_ref().map(crate::Text::as_str));
    cite_info.plain(key!("language"), source.language.as_ref().map(|l| language_of(l.as_str())));
    cite_info.str(key!("publication"), source.publisher.as_ref().map(crate::Text::as_str));
    cite_info.plain(key!("codebook"), Some(CODEBOOK));
    cite_info.end();
}

/// The language subtag of a BCP 47 tag: `en` of `en-GB`.
fn language_of(tag: &str) -> &str {
    match tag.bytes().position(|b| b == b'-') {
        Some(end) => tag.get(..end).unwrap_or(tag),
        None => tag,
    }
}

impl PloverEvent<'_> {
    /// Appends the event as one line of JSON, without the newline: the
    /// same bytes as `serde_json::to_writer`. (`write_plover_events` writes
    /// the same lines straight from a record, faster.)
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // Writing into a `Vec` cannot fail, and the event serialises.
        let _ = serde_json::to_writer(out, self);
    }
}

#[cfg(test)]
mod tests {
    use super::Object;

    /// The writer copies country names unchecked: none holds a character
    /// JSON escapes.
    #[test]
    fn country_names_need_no_escape() {
        for code in crate::CountryCode::all() {
            let name = code.name();
            assert!(!crate::json::swar::has_json_special(name.as_bytes()), "{name}");
            assert_eq!(serde_json::to_string(name).unwrap_or_default(), format!("\"{name}\""));
        }
    }

    /// Scores are written as serde_json writes them: every half from -150
    /// to 150, both zeros, and values that are no half.
    #[test]
    fn scores_are_written_as_serde_writes_them() {
        let halves = (-300..=300).map(|h| h as f32 / 2.0);
        let others = [-0.0, 0.25, 1.1, -7.3, 1e-7, 123.5, 99.5, 1e20, f32::MAX, f32::MIN];
        for value in halves.chain(others) {
            let mut ours = Vec::new();
            let mut object = Object::new(&mut ours);
            object.scale(key!("s"), Some(value));
            object.end();
            let serde = format!("{{\"s\":{}}}", serde_json::to_string(&value).unwrap_or_default());
            assert_eq!(String::from_utf8(ours).unwrap_or_default(), serde, "{value}");
        }
    }
}
