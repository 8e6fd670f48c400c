//! People: their names in several spellings and scripts, and their positions.

use serde::{Deserialize, Serialize};

use crate::{Extensions, ExternalIds, LanguageTag, PartyId, PersonId, Text};

/// A person who takes part in, or is mentioned in, an event.
///
/// A person may be unnamed but described: "the CEO of ASELSAN" has no `name`,
/// a `description`, and a position "CEO" at the party ASELSAN.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// Local id, unique among the people of the record.
    pub id: PersonId,
    /// The canonical form of the person's name ("Haluk Görgün"). Absent when
    /// the source does not name the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Other forms of the name: other spellings, transliterations, the name in
    /// its native script.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name_variants: Vec<NameVariant>,
    /// Who the person is, when unnamed ("the CEO of ASELSAN"), or a short note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Positions held at the time of the event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    /// Identifiers of this person in other datasets.
    #[serde(default, skip_serializing_if = "ExternalIds::is_empty")]
    pub external_ids: ExternalIds,
    /// Namespaced extra data about this person, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Person {
    /// A named person.
    pub fn named(id: PersonId, name: Text) -> Self {
        Person { name: Some(name), ..Person::blank(id) }
    }

    /// An unnamed person known by a description ("the CEO of ASELSAN").
    pub fn described(id: PersonId, description: Text) -> Self {
        Person { description: Some(description), ..Person::blank(id) }
    }

    fn blank(id: PersonId) -> Self {
        Person {
            id,
            name: None,
            name_variants: Vec::new(),
            description: None,
            positions: Vec::new(),
            external_ids: ExternalIds::default(),
            extensions: Extensions::default(),
        }
    }

    /// Adds another form of the name.
    pub fn with_name_variant(mut self, variant: NameVariant) -> Self {
        self.name_variants.push(variant);
        self
    }
    /// Adds a position held at the time.
    pub fn with_position(mut self, position: Position) -> Self {
        self.positions.push(position);
        self
    }
    /// Sets the external ids.
    pub fn with_external_ids(mut self, external_ids: ExternalIds) -> Self {
        self.external_ids = external_ids;
        self
    }
}

/// Another form of a person's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NameVariant {
    /// The name in this form ("Haluk Gorgun").
    pub name: Text,
    /// What kind of form it is.
    pub kind: NameVariantKind,
    /// The language or script of this form ("tr", "ru-Cyrl", "ar").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageTag>,
}

impl NameVariant {
    /// A variant of `kind`.
    pub fn new(name: Text, kind: NameVariantKind) -> Self {
        NameVariant { name, kind, language: None }
    }

    /// Sets the language or script.
    pub fn with_language(mut self, language: LanguageTag) -> Self {
        self.language = Some(language);
        self
    }
}

/// Kinds of name variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameVariantKind {
    /// Another spelling in the same script, as found in a source ("Gorgun" for "Görgün").
    Spelling,
    /// A transliteration or transcription from another script ("Ilham Aliyev" from "İlham Əliyev" is a spelling; "Vladimir Putin" from "Владимир Путин" a transliteration).
    Transliteration,
    /// The name in the person's own language and script ("Владимир Путин").
    NativeScript,
    /// A former name, or a name used before a change (maiden name, regnal name).
    Former,
    /// A nickname or informal name.
    Informal,
}

/// A position a person held at the time of the event: a title and the
/// organisation or state it is held in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Position {
    /// The title as the source gives it ("Minister of Defense", "CEO", "Ambassador").
    pub title: Text,
    /// The party the position is held in or for (the ministry, the company, the state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<PartyId>,
    /// For an envoy, the party the position is accredited to (Azerbaijan, for
    /// Türkiye's ambassador to Azerbaijan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accredited_to: Option<PartyId>,
}

impl Position {
    /// A position with a title only.
    pub fn new(title: Text) -> Self {
        Position { title, organisation: None, accredited_to: None }
    }

    /// Sets the organisation.
    pub fn at(mut self, organisation: PartyId) -> Self {
        self.organisation = Some(organisation);
        self
    }

    /// Sets the party an envoy is accredited to.
    pub fn accredited_to(mut self, party: PartyId) -> Self {
        self.accredited_to = Some(party);
        self
    }
}
