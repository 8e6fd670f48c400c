//! CAMEO rows in GDELT's column order: one row per ordered pair of sides
//! where CAMEO is dyadic.

use super::derive::{Act, Side};
use super::mapping;
use super::plover::split_date;
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

/// One CAMEO row: a value (possibly empty) for each of [`CAMEO_COLUMNS`].
#[derive(Clone, Debug, PartialEq)]
pub struct CameoRow {
    values: Vec<String>,
}

impl CameoRow {
    /// The value of `column`, if it is one of [`CAMEO_COLUMNS`].
    pub fn get(&self, column: &str) -> Option<&str> {
        let i = CAMEO_COLUMNS.iter().position(|c| *c == column)?;
        self.values.get(i).map(String::as_str)
    }

    /// The row as one line of tab-separated values (without the newline);
    /// tabs and line breaks inside a value become spaces.
    pub fn to_tsv(&self) -> String {
        let clean = |value: &String| value.replace(['\t', '\n', '\r'], " ");
        self.values.iter().map(clean).collect::<Vec<_>>().join("\t")
    }

    fn set(&mut self, column: &str, value: impl Into<String>) {
        if let Some(slot) =
            CAMEO_COLUMNS.iter().position(|c| *c == column).and_then(|i| self.values.get_mut(i))
        {
            *slot = value.into();
        }
    }
}

/// The header line of [`CAMEO_COLUMNS`], tab-separated.
pub fn cameo_header() -> String {
    CAMEO_COLUMNS.join("\t")
}

/// The rows of an act: one per ordered pair of sides the rule relates.
pub(crate) fn rows(record: &Record, act: &Act<'_>, out: &mut Vec<CameoRow>) {
    let Some(start) = act.start else { return };
    let rule = act.rule;
    let mut pairs: Vec<(&Side<'_>, &Side<'_>, &'static str)> = Vec::new();
    fn ordered<'s, 'a>(
        sides: &'s [Side<'a>],
        code: &'static str,
        pairs: &mut Vec<(&'s Side<'a>, &'s Side<'a>, &'static str)>,
    ) {
        for a in sides {
            for b in sides {
                if a.key != b.key {
                    pairs.push((a, b, code));
                }
            }
        }
    }
    if act.recipients.is_empty() {
        // No recipient: every ordered pair of actors, hosts of a
        // multilateral meeting hosting (043) and being visited (042).
        for a in &act.actors {
            for b in &act.actors {
                if a.key == b.key {
                    continue;
                }
                let code = match (act.hosts.contains(&a.key), act.hosts.contains(&b.key)) {
                    (true, false) => "043",
                    (false, true) => "042",
                    _ => rule.cameo_forward,
                };
                pairs.push((a, b, code));
            }
        }
    } else {
        for a in &act.actors {
            for b in &act.recipients {
                pairs.push((a, b, rule.cameo_forward));
            }
        }
        if !rule.cameo_back.is_empty() {
            for b in &act.recipients {
                for a in &act.actors {
                    pairs.push((b, a, rule.cameo_back));
                }
            }
        }
        if std::ptr::eq(rule, &mapping::CONSULT_VISIT) {
            // Two guest sides, or two host sides, consult each other.
            ordered(&act.actors, "040", &mut pairs);
            ordered(&act.recipients, "040", &mut pairs);
        }
    }
    let (day, _, _) = split_date(start);
    let digits: String = day.chars().filter(char::is_ascii_digit).collect();
    let year = digits.get(..4).unwrap_or_default().to_owned();
    let month: u32 = digits.get(4..6).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day_of_month: u32 = digits.get(6..8).and_then(|d| d.parse().ok()).unwrap_or(1);
    // GDELT's FractionDate: the year plus (month × 30 + day) / 365.
    let fraction =
        year.parse::<f64>().unwrap_or(0.0) + f64::from(month * 30 + day_of_month) / 365.0;
    let pointer = act.pointers.first().map_or("", String::as_str);
    let source_url = act
        .sources
        .iter()
        .filter_map(|id| record.source(id))
        .find_map(|s| s.url.as_ref().map(|u| u.as_str().to_owned()))
        .unwrap_or_default();
    for (n, (actor1, actor2, code)) in pairs.into_iter().enumerate() {
        let mut row = CameoRow { values: vec![String::new(); CAMEO_COLUMNS.len()] };
        row.set("GLOBALEVENTID", format!("{}:{}:{pointer}:{n}", record.id, rule.name));
        row.set("SQLDATE", digits.clone());
        row.set("MonthYear", digits.get(..6).unwrap_or_default());
        row.set("Year", year.clone());
        row.set("FractionDate", format!("{fraction:.4}"));
        for (prefix, side) in [("Actor1", actor1), ("Actor2", actor2)] {
            let entity = &side.party;
            row.set(&format!("{prefix}Code"), entity.cameo_code.clone().unwrap_or_default());
            row.set(&format!("{prefix}Name"), entity.name.unwrap_or_default());
            row.set(&format!("{prefix}CountryCode"), entity.country.unwrap_or_default());
            row.set(&format!("{prefix}Type1Code"), entity.sector.unwrap_or_default());
        }
        row.set("IsRootEvent", "1");
        row.set("EventCode", code);
        row.set("EventBaseCode", code.get(..3).unwrap_or(code));
        row.set("EventRootCode", code.get(..2).unwrap_or(code));
        row.set("QuadClass", mapping::quad_class(code).to_string());
        row.set(
            "GoldsteinScale",
            mapping::goldstein(code).map(|g| format!("{g:.1}")).unwrap_or_default(),
        );
        row.set("NumSources", act.sources.len().to_string());
        if let Some(place) = act.place {
            let us = place.country.is_some_and(|c| c.as_str() == "US");
            let geo_type = match (place.locality.is_some() || place.venue.is_some(), us) {
                (true, true) => "3",
                (true, false) => "4",
                (false, _) => "1",
            };
            let full_name: Vec<&str> = [place.locality.as_ref(), place.region.as_ref()]
                .into_iter()
                .flatten()
                .map(|t| t.as_str())
                .chain(place.country.map(|c| c.name()))
                .collect();
            row.set("ActionGeo_Type", geo_type);
            row.set("ActionGeo_FullName", full_name.join(", "));
            if let Some(coordinates) = &place.coordinates {
                row.set("ActionGeo_Lat", coordinates.latitude().to_string());
                row.set("ActionGeo_Long", coordinates.longitude().to_string());
            }
            if let Some(id) = place.geonames_id {
                row.set("ActionGeo_GeoNamesID", id.to_string());
            }
        }
        row.set("SOURCEURL", source_url.clone());
        row.set("RecordId", record.id.as_str());
        row.set("Rule", rule.name);
        row.set("Pointers", act.pointers.join(" "));
        out.push(row);
    }
}
