//! PLOVER events, as the PLOVER manual's "Data Fields" chapter names
//! their fields, with a few named fields of ours that it invites.

use serde::Serialize;

use super::derive::{Act, Entity, alpha3};
use super::mapping;
use crate::{Date, Place, Record};

/// One PLOVER event derived from a record. Field names and order follow the
/// manual's "PLOVER JSON" table; `date_precision`, `record_id`, `rule` and
/// `pointers` are ours: how precisely the date is known (a month-precision
/// date is written as its first day), and where in which record the
/// event was read, by which rule of [`RULES`](super::RULES).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverEvent {
    /// Unique and stable: the record id, the rule and the JSON Pointer of
    /// what it was read from.
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The time of day with its UTC offset, when the record has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The last day, for an event of several days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enddate: Option<String>,
    /// The end's time of day, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endtime: Option<String>,
    /// Who acted: every participant of the acting sides (compound actors stay compound).
    pub actor: Vec<PloverEntity>,
    /// Who the act was directed at; empty when the sides cannot be told apart.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipient: Vec<PloverEntity>,
    /// The event category: `["CONSULT"]`.
    pub event: Vec<&'static str>,
    /// The mode (`visit`, `phone`, `multilateral`, `third-party`...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mode: Vec<&'static str>,
    /// Contexts from the topics and sectors (see [`CONTEXT_WORDS`](super::mapping::CONTEXT_WORDS)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<&'static str>,
    /// Where it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_loc: Option<PloverLocation>,
    /// The words it was read from, for a statement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub event_text: Vec<String>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_code: u8,
    /// PLOVER's conflict-cooperation score of the category and mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_scale: Option<f32>,
    /// The first source the record cites for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite_info: Option<PloverCitation>,
    /// `diplomatic-events` and the version of its mapping.
    pub coder: String,
    /// `day`, `month`, `year` or `time`: how precisely `date` is known.
    pub date_precision: &'static str,
    /// The id of the record it was derived from.
    pub record_id: String,
    /// The rule that derived it.
    pub rule: &'static str,
    /// The JSON Pointers, in the record, of what it was read from.
    pub pointers: Vec<String>,
}

/// An entity object of the manual's "Information object for entities".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverEntity {
    /// The three-letter country or organisation code (`AZE`, `UNO`, `KOS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// The sector (`GOV`, `MIL`, `BUS`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<&'static str>,
    /// Its name in the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_text: Option<String>,
    /// Its Wikidata item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier_id: Option<String>,
    /// The position a person acts in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
}

/// The manual's "Location object", from the record's place.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverLocation {
    /// The venue, locality, region or country, the most precise given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_place: Option<String>,
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
    pub city: Option<String>,
    /// The region (province, state).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The country's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The country's three-letter ISO code, as the entities'.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<&'static str>,
    /// 4 for a city or a place in one, 1 for a country.
    pub resolution: u8,
}

/// The manual's "Information object for citations", from a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PloverCitation {
    /// The source's identifier in its collection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its language, as an ISO 639-1 code when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Its publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// The codebook and mapping the event follows.
    pub codebook: String,
}

/// A date as PLOVER writes it: the day (the first of a month or year known
/// no better), the time of day, and how precise it is.
pub(crate) fn split_date(date: &Date) -> (String, Option<String>, &'static str) {
    let text = date.as_str();
    match (text.len(), text.split_once('T')) {
        (_, Some((day, time))) => (day.to_owned(), Some(time.to_owned()), "time"),
        (4, None) => (format!("{text}-01-01"), None, "year"),
        (7, None) => (format!("{text}-01"), None, "month"),
        _ => (text.to_owned(), None, "day"),
    }
}

fn entity(entity: &Entity<'_>) -> PloverEntity {
    PloverEntity {
        code: entity.plover_code,
        sector: entity.sector,
        entity_text: entity.name.map(str::to_owned),
        identifier_id: entity.wikidata.map(str::to_owned),
        office: entity.office.map(str::to_owned),
    }
}

pub(crate) fn location(place: &Place) -> PloverLocation {
    let text = |t: &Option<crate::Text>| t.as_ref().map(|t| t.as_str().to_owned());
    let country = place.country;
    PloverLocation {
        resolved_place: text(&place.venue)
            .or_else(|| text(&place.locality))
            .or_else(|| text(&place.region))
            .or_else(|| country.map(|c| c.name().to_owned())),
        geonameid: place.geonames_id,
        lat: place.coordinates.as_ref().map(|c| c.latitude()),
        lon: place.coordinates.as_ref().map(|c| c.longitude()),
        city: text(&place.locality),
        province: text(&place.region),
        country: country.map(|c| c.name().to_owned()),
        country_code: country.and_then(alpha3),
        resolution: if place.locality.is_some() || place.venue.is_some() { 4 } else { 1 },
    }
}

/// The PLOVER event of an act, unless its rule yields CAMEO rows only or
/// it has no date.
pub(crate) fn event(record: &Record, act: &Act<'_>) -> Option<PloverEvent> {
    let rule = act.rule;
    if rule.plover_event.is_empty() {
        return None;
    }
    let (date, time, date_precision) = split_date(act.start?);
    let (enddate, endtime) = match act.end.map(split_date) {
        Some((end, end_time, _)) if end != date || end_time != time => (Some(end), end_time),
        _ => (None, None),
    };
    let members = |sides: &[super::derive::Side<'_>]| -> Vec<PloverEntity> {
        sides.iter().flat_map(|side| side.members.iter().map(entity)).collect()
    };
    let source = act.sources.first().and_then(|id| record.source(id));
    let cite_info = source.map(|source| PloverCitation {
        citation: source.identifier.as_ref().map(|t| t.as_str().to_owned()),
        url: source.url.as_ref().map(|u| u.as_str().to_owned()),
        title: source.title.as_ref().map(|t| t.as_str().to_owned()),
        language: source.language.as_ref().map(|l| {
            let tag = l.as_str();
            tag.split('-').next().unwrap_or(tag).to_owned()
        }),
        publication: source.publisher.as_ref().map(|t| t.as_str().to_owned()),
        codebook: format!("plover-0.8; {}", mapping::MAPPING_VERSION),
    });
    let pointer = act.pointers.first().map_or("", String::as_str);
    Some(PloverEvent {
        id: format!("{}:{}:{pointer}", record.id, rule.name),
        date,
        time,
        enddate,
        endtime,
        actor: members(&act.actors),
        recipient: members(&act.recipients),
        event: vec![rule.plover_event],
        mode: if rule.plover_mode.is_empty() { Vec::new() } else { vec![rule.plover_mode] },
        context: act.contexts.clone(),
        event_loc: act.place.map(location),
        event_text: act.text.map(|t| t.as_str().to_owned()).into_iter().collect(),
        quad_code: mapping::plover_quad(rule.plover_event),
        event_scale: mapping::plover_scale(rule.plover_event, rule.plover_mode),
        cite_info,
        coder: format!("diplomatic-events ({})", mapping::MAPPING_VERSION),
        date_precision,
        record_id: record.id.as_str().to_owned(),
        rule: rule.name,
        pointers: act.pointers.clone(),
    })
}
