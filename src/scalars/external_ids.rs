//! Identifiers of parties and people in other datasets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scalars::newtype::{string_newtype, string_schema};
use crate::{ExtensionKey, Text};

/// A Wikidata item id: `Q` followed by a number without leading zeros (`"Q42"`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WikidataId(String);

/// Why a string is not a [`WikidataId`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a Wikidata item id: expected Q followed by a number, such as \"Q42\"")]
pub struct WikidataIdError(String);

impl WikidataIdError {
    /// The problem code of this error: `InvalidWikidataId`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidWikidataId
    }
}

impl WikidataId {
    /// Checks `id`.
    ///
    /// # Errors
    /// [`WikidataIdError`] when `id` is not `Q` followed by 1 to 18 digits
    /// without a leading zero.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::WikidataId;
    /// assert_eq!(WikidataId::parse("Q42")?.as_str(), "Q42");
    /// assert!(WikidataId::parse("42").is_err());
    /// # Ok::<(), diplomatic_events::WikidataIdError>(())
    /// ```
    pub fn parse(id: &str) -> Result<Self, WikidataIdError> {
        let digits = id.strip_prefix('Q').unwrap_or_default();
        let ok = (1..=18).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if ok { Ok(WikidataId(id.to_owned())) } else { Err(WikidataIdError(id.to_owned())) }
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_newtype!(WikidataId, WikidataIdError);
string_schema!(WikidataId, {
    "description": "A Wikidata item id, such as \"Q42\".",
    "type": "string",
    "pattern": "^Q[1-9][0-9]{0,17}$"
});

/// Identifiers of the same party or person elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExternalIds {
    /// The Wikidata item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<WikidataId>,
    /// Ids in other schemes, under a namespaced key naming the scheme
    /// (`"icews:actor_id"`, `"org.example:person"`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::scalars::newtype::unique_map"
    )]
    #[cfg_attr(feature = "schema", schemars(schema_with = "other_ids_schema"))]
    pub other: BTreeMap<ExtensionKey, Text>,
}

impl crate::json::collect::Collect for ExternalIds {
    fn collect(
        node: &crate::json::collect::Node<'_>,
        cx: &mut crate::json::collect::Collector,
    ) -> Option<Self> {
        crate::json::collect::collect_members!(node, cx, [
            "wikidata" => wikidata: Option<WikidataId>,
            "other" => other: OtherIds,
        ]);
        if wikidata.is_broken() || other.is_broken() {
            return None;
        }
        Some(ExternalIds {
            wikidata: wikidata.read().flatten(),
            other: other.read().map(|OtherIds(other)| other).unwrap_or_default(),
        })
    }
}

/// [`ExternalIds::other`] as it is collected: a map whose keys are checked
/// one by one.
struct OtherIds(BTreeMap<ExtensionKey, Text>);

impl<'de> Deserialize<'de> for OtherIds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::scalars::newtype::unique_map(deserializer).map(OtherIds)
    }
}

impl crate::json::collect::Collect for OtherIds {
    fn collect(
        node: &crate::json::collect::Node<'_>,
        cx: &mut crate::json::collect::Collector,
    ) -> Option<Self> {
        match &node.shape {
            crate::json::collect::Shape::Object(_) => cx.map(node).map(OtherIds),
            _ => cx.serde(node),
        }
    }
}

/// The schema of [`ExternalIds::other`], as of extensions (schemars would
/// say only the keys' pattern, not their length).
#[cfg(feature = "schema")]
fn other_ids_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    crate::scalars::extensions::namespaced_map_schema::<Text>(
        generator,
        "Ids in other schemes, under a namespaced key naming the scheme (`\"icews:actor_id\"`, `\"org.example:person\"`).",
    )
}

impl ExternalIds {
    /// Whether no id is given.
    pub fn is_empty(&self) -> bool {
        self.wikidata.is_none() && self.other.is_empty()
    }

    /// Ids with only a Wikidata item.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::ExternalIds;
    /// let ids = ExternalIds::wikidata("Q1065".parse()?)
    ///     .with_other("icews:actor_id".parse()?, "UN".parse()?);
    /// assert_eq!(ids.other.len(), 1);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn wikidata(id: WikidataId) -> Self {
        ExternalIds { wikidata: Some(id), other: BTreeMap::new() }
    }

    /// Sets [`wikidata`](Self::wikidata).
    #[must_use]
    pub fn with_wikidata(mut self, id: WikidataId) -> Self {
        self.wikidata = Some(id);
        self
    }

    /// Adds the id `id` in the scheme `scheme` to [`other`](Self::other),
    /// replacing an id already given for that scheme (one id a scheme).
    #[must_use]
    pub fn with_other(mut self, scheme: ExtensionKey, id: Text) -> Self {
        self.other.insert(scheme, id);
        self
    }
}
