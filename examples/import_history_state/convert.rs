//! Conversion of the Office of the Historian's "Visits by Foreign Leaders"
//! rows to records. Shared by the importer (`main.rs`) and its tests.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diplomatic_events::{
    Actor, CountryResolver, Date, Event, EventKind, Modality, Participation, Party, PartyKind,
    Period, Person, Place, Position, Record, Resolution, Role, Source, Text,
};

/// One `<visit>` of the XML.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Row {
    pub(crate) id: String,
    pub(crate) start: String,
    pub(crate) end: String,
    pub(crate) visitor: String,
    pub(crate) from_slug: String,
    pub(crate) from_label: String,
    pub(crate) description: String,
}

/// Reads the `<visit>` rows of one XML file.
pub(crate) fn read_rows(xml: &str) -> Result<Vec<Row>, String> {
    use quick_xml::events::Event as Xml;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut rows = Vec::new();
    let mut row = Row::default();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Xml::Start(start) => {
                let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                if name == "from" {
                    for attribute in start.attributes() {
                        let attribute = attribute.map_err(|e| e.to_string())?;
                        if attribute.key.as_ref() == b"id" {
                            row.from_slug =
                                attribute.unescape_value().map_err(|e| e.to_string())?.into_owned();
                        }
                    }
                }
                // <em> inside a description is part of its text.
                if name != "em" {
                    text.clear();
                    path.push(name);
                }
            }
            Xml::Text(t) => text.push_str(&t.decode().map_err(|e| e.to_string())?),
            Xml::GeneralRef(r) => {
                let name = r.decode().map_err(|e| e.to_string())?;
                let c = match name.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r
                        .resolve_char_ref()
                        .map_err(|e| e.to_string())?
                        .ok_or(format!("unknown entity &{name};"))?,
                };
                text.push(c);
            }
            Xml::End(end) => {
                let name = String::from_utf8_lossy(end.name().as_ref()).into_owned();
                if name == "em" {
                    continue;
                }
                path.pop();
                let value = std::mem::take(&mut text);
                match name.as_str() {
                    "id" => row.id = value,
                    "start-date" => row.start = value,
                    "end-date" => row.end = value,
                    "visitor" => row.visitor = value,
                    "from" => row.from_label = value,
                    "description" => row.description = value,
                    "visit" => rows.push(std::mem::take(&mut row)),
                    _ => {}
                }
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    Ok(rows)
}

/// White space collapsed to single spaces, ends trimmed.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(s: &str) -> Result<Text, String> {
    Text::parse_collapsed(s).map_err(|e| format!("{s:?}: {e}"))
}

/// Known slips in the data, corrected before anything is resolved.
const SLUG_TYPOS: &[(&str, &str)] = &[("somoa", "samoa")];
const VISITOR_TYPOS: &[(&str, &str)] = &[
    ("Prime MinisterHaidar", "Prime Minister Haidar"),
    ("Prime Ministere ", "Prime Minister "),
    ("Prime Minster ", "Prime Minister "),
    ("Prime Minister-Prince ", "Prime Minister Prince "),
    ("President- elect ", "President-elect "),
    ("President- designate ", "President-designate "),
    ("Premier & Prince ", "Premier and Prince "),
];

/// Qualifiers in a `from` label that name a government, not another country.
const QUALIFIERS: &[&str] =
    &["(Provisional Government)", "(government-in-exile)", "(Interim Authority)"];

/// What the `from` element resolves to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) id: String,
    pub(crate) kind: PartyKind,
    pub(crate) name: Text,
}

/// Resolves a `from` element: its label first (as of the visit's date), then
/// its slug. Hawaii, which has no code, is a polity named for the period.
/// `None` when nothing resolves: such a row is reported, never misfiled.
pub(crate) fn resolve_from(slug: &str, label: &str, date: NaiveDate) -> Option<Resolved> {
    let slug = SLUG_TYPOS.iter().find(|(typo, _)| *typo == slug).map_or(slug, |(_, fixed)| fixed);
    let label = tidy(label);
    if slug == "hawaii" {
        let name = match date {
            d if d < NaiveDate::from_ymd_opt(1893, 1, 17)? => "Kingdom of Hawaii",
            d if d < NaiveDate::from_ymd_opt(1898, 8, 12)? => "Republic of Hawaii",
            _ => return None,
        };
        return Some(Resolved {
            id: "hawaii".into(),
            kind: PartyKind::Polity {},
            name: Text::parse(name).ok()?,
        });
    }
    let mut bare = label.clone();
    for qualifier in QUALIFIERS {
        bare = tidy(&bare.replace(qualifier, ""));
    }
    // The library reads "Dahomey (Benin)" and "Yugoslavia (Kosovo)" as of
    // the date; the slug is the fallback for labels it does not know.
    let year = u16::try_from(chrono::Datelike::year(&date)).ok()?;
    let day = Date::day(
        year,
        u8::try_from(chrono::Datelike::month(&date)).ok()?,
        u8::try_from(chrono::Datelike::day(&date)).ok()?,
    )
    .ok()?;
    let resolver = CountryResolver::new().on(day);
    let resolution = match resolver.resolve(&bare) {
        found @ (Resolution::Found(_) | Resolution::NoCode(_)) => found,
        // Unknown, or ambiguous ("Korea"): the slug says which.
        _ => resolver.resolve(slug),
    };
    let country = match resolution {
        Resolution::Found(found) => found.code,
        // A country that had no code on the date: a polity, by its name.
        Resolution::NoCode(_) => {
            return Some(Resolved {
                id: slug.to_owned(),
                kind: PartyKind::Polity {},
                name: Text::parse(&label).ok()?,
            });
        }
        _ => return None,
    };
    let id = country.as_str().to_lowercase();
    Some(Resolved { id, kind: PartyKind::State { country }, name: Text::parse(&label).ok()? })
}

/// Titles that open a visitor's text, longest first where one starts another.
const TITLES: &[&str] = &[
    "Acting Prime Minister",
    "Acting President",
    "Interim Prime Minister",
    "Interim President",
    "Provisional President",
    "Prime Minister",
    "President-designate",
    "President-elect",
    "President-Elect",
    "President",
    "Federal Chancellor",
    "Chancellor-elect",
    "Chancellor",
    "Vice Premier",
    "Premier",
    "Crown Prince",
    "Grand Duchess",
    "Grand Duke",
    "King",
    "Queen",
    "Regent",
    "Prince",
    "Emperor",
    "Shah",
    "Sultan",
    "Amir",
    "Emir",
    "Sheikh",
    "Pope",
    "Taoiseach",
    "Chairman of the Presidency",
    "Chairman",
    "General Secretary",
    "First Secretary",
    "Governor General",
    "Chief of State",
    "Head of State",
    "Junta Member",
    "Brigadier General",
    "Lieutenant General",
    "General",
];

/// One visitor: the titles held and the name, if any.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Visitor {
    pub(crate) titles: Vec<String>,
    pub(crate) name: Option<String>,
}

fn split_title(part: &str) -> (Option<&'static str>, &str) {
    for title in TITLES {
        if let Some(rest) = part.strip_prefix(title) {
            if rest.is_empty() || rest.starts_with(' ') {
                return (Some(title), rest.trim());
            }
        }
    }
    (None, part.trim())
}

/// Splits "President A and Prime Minister B" into visitors. A title with no
/// name ("Premier and Prince Sihanouk") belongs to the person named next.
pub(crate) fn parse_visitors(raw: &str) -> Vec<Visitor> {
    let mut text = tidy(raw);
    for (typo, fixed) in VISITOR_TYPOS {
        text = text.replace(typo, fixed);
    }
    // Split at " and " or ", " only where a title follows.
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens.get(i).copied().unwrap_or_default();
        let rest = tokens.get(i + 1..).map(|t| t.join(" ")).unwrap_or_default();
        let next_is_title = split_title(&rest).0.is_some();
        if token == "and" && next_is_title && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
        } else if token.ends_with(',') && next_is_title {
            current.push_str(if current.is_empty() { "" } else { " " });
            current.push_str(token.trim_end_matches(','));
            parts.push(std::mem::take(&mut current));
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(token);
        }
        i += 1;
    }
    if !current.is_empty() {
        parts.push(current);
    }
    let mut visitors: Vec<Visitor> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for part in parts {
        let (title, name) = split_title(&part);
        let mut titles = std::mem::take(&mut pending);
        titles.extend(title.map(str::to_owned));
        if name.is_empty() {
            pending = titles;
            continue;
        }
        visitors.push(Visitor { titles, name: Some(name.to_owned()) });
    }
    if !pending.is_empty() {
        visitors.push(Visitor { titles: pending, name: None });
    }
    visitors
}

/// The kind of event a description says, if it says one.
pub(crate) fn event_kind(description: &str) -> EventKind {
    let lower = tidy(description).to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    if starts("state visit") {
        EventKind::StateVisit
    } else if starts("official working visit") {
        EventKind::OfficialWorkingVisit
    } else if starts("official visit") {
        EventKind::OfficialVisit
    } else if starts("working visit") {
        EventKind::WorkingVisit
    } else if starts("private visit") {
        EventKind::PrivateVisit
    } else if starts("attended") {
        if lower.contains("summit") {
            EventKind::Summit
        } else if lower.contains("conference") {
            EventKind::Conference
        } else if lower.contains("signing") {
            EventKind::SigningCeremony
        } else if lower.contains("meeting") {
            EventKind::Meeting
        } else {
            EventKind::Visit
        }
    } else if starts("met with") || starts("informal meeting") {
        EventKind::Meeting
    } else {
        EventKind::Visit
    }
}

/// Why a row or group of rows did not become a record.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Failure {
    /// The `from` element resolves to no party.
    Unresolved { slug: String, label: String },
    /// Something in the row is not valid for the format.
    Invalid(String),
}

fn day(s: &str) -> Result<(Date, NaiveDate), Failure> {
    let date = Date::parse(s.trim()).map_err(|e| Failure::Invalid(e.to_string()))?;
    let naive =
        date.calendar_day().ok_or_else(|| Failure::Invalid(format!("{s:?} is not a day")))?;
    Ok((date, naive))
}

/// Converts one row, or several rows of one multilateral meeting, to a record.
pub(crate) fn convert(rows: &[&Row]) -> Result<Record, Failure> {
    let first = rows.first().ok_or_else(|| Failure::Invalid("no rows".into()))?;
    let (start, start_day) = day(&first.start)?;
    let (end, _) = day(&first.end)?;
    let invalid = |e: String| Failure::Invalid(e);
    let description = tidy(&first.description);
    let mut kind = event_kind(&description);
    if rows.len() > 1 {
        let lower = description.to_lowercase();
        if lower.contains("summit") {
            kind = EventKind::Summit;
        } else if lower.contains("conference") {
            kind = EventKind::Conference;
        }
    }
    let ids: Vec<&str> = rows.iter().map(|r| r.id.trim()).collect();
    // A merged summit of dozens of rows gets a short id; every row id is
    // still in its source.
    let record_id = match ids.as_slice() {
        [first, _, _, _, _, rest @ ..] => {
            format!("history-state-visit-{first}-and-{}-more", rest.len() + 4)
        }
        _ => format!("history-state-visit-{}", ids.join("-")),
    };
    let mut event = Event::new("visit".parse().map_err(|e| invalid(format!("{e}")))?, kind)
        .with_time(Period::new(Some(start), Some(end)))
        .with_place({
            let mut place = Place::default();
            place.country = Some("US".parse().map_err(|e| invalid(format!("{e}")))?);
            place
        })
        .with_modality(Modality::InPerson);
    if !description.is_empty() {
        event = event.with_description(text(&description).map_err(invalid)?);
    }
    let us = Party::state(
        "us".parse().map_err(|e| invalid(format!("{e}")))?,
        "US".parse().map_err(|e| invalid(format!("{e}")))?,
        text("United States").map_err(invalid)?,
    );
    event = event.with_participants([Participation::new(Actor::Party(us.id.clone()), Role::Host)]);
    let mut parties: BTreeMap<String, Party> = BTreeMap::new();
    let mut people = Vec::new();
    let mut sources = Vec::new();
    for row in rows {
        let resolved =
            resolve_from(&row.from_slug, &row.from_label, start_day).ok_or_else(|| {
                Failure::Unresolved { slug: row.from_slug.clone(), label: tidy(&row.from_label) }
            })?;
        let party_id: diplomatic_events::PartyId =
            resolved.id.parse().map_err(|e| invalid(format!("{e}")))?;
        parties.entry(resolved.id.clone()).or_insert_with(|| {
            Party::new(party_id.clone(), resolved.kind.clone()).with_name(resolved.name.clone())
        });
        for visitor in parse_visitors(&row.visitor) {
            let person_id: diplomatic_events::PersonId =
                format!("visitor-{}-{}", row.id.trim(), people.len() + 1)
                    .parse()
                    .map_err(|e| invalid(format!("{e}")))?;
            let mut person = match &visitor.name {
                Some(name) => Person::named(person_id.clone(), text(name).map_err(invalid)?),
                None => Person::described(
                    person_id.clone(),
                    text(&format!("{} of {}", visitor.titles.join(" and "), resolved.name))
                        .map_err(invalid)?,
                ),
            };
            for title in &visitor.titles {
                person = person.with_positions([Position::new(text(title).map_err(invalid)?)
                    .with_organisation(party_id.clone())]);
            }
            people.push(person);
            event = event.with_participants([Participation::new(
                Actor::Person(person_id),
                Role::Guest,
            )
            .with_acting_for(party_id.clone())]);
        }
        let source_id = format!("visit-{}", row.id.trim());
        sources.push(
            Source::new(source_id.parse().map_err(|e| invalid(format!("{e}")))?)
                .with_publisher(
                    text("Office of the Historian, U.S. Department of State").map_err(invalid)?,
                )
                .with_title(text("Visits by Foreign Leaders").map_err(invalid)?)
                .with_url(
                    "https://history.state.gov/departmenthistory/visits"
                        .parse()
                        .map_err(|e| invalid(format!("{e}")))?,
                )
                .with_language("en".parse().map_err(|e| invalid(format!("{e}")))?)
                .with_identifier(text(row.id.trim()).map_err(invalid)?),
        );
    }
    let mut record = Record::new(record_id.parse().map_err(|e| invalid(format!("{e}")))?, event);
    record.parties = std::iter::once(us).chain(parties.into_values()).collect();
    record.people = people;
    record.sources = sources;
    Ok(record)
}

/// Groups rows for conversion. Without `merge`, one group per row. With it,
/// rows with the same dates and description from different countries (the
/// Quad Leaders' Summit of 2021-09-24, ids 3034-3036) become one group.
pub(crate) fn group(rows: &[Row], merge: bool) -> Vec<Vec<&Row>> {
    if !merge {
        return rows.iter().map(|r| vec![r]).collect();
    }
    let mut groups: Vec<Vec<&Row>> = Vec::new();
    let mut index: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for row in rows {
        let description = tidy(&row.description);
        let key = (row.start.trim().to_owned(), row.end.trim().to_owned(), description.clone());
        let mergeable = !description.is_empty() && description.to_lowercase().contains("summit");
        match index.get(&key) {
            Some(&at)
                if mergeable
                    && groups
                        .get(at)
                        .is_some_and(|g| g.iter().all(|r| r.from_slug != row.from_slug)) =>
            {
                if let Some(group) = groups.get_mut(at) {
                    group.push(row);
                }
            }
            _ => {
                index.insert(key, groups.len());
                groups.push(vec![row]);
            }
        }
    }
    groups
}
