//! People: their names in several spellings and scripts, and their positions.

use crate::json::declare::record_struct;
use crate::json::wire_name::code_list;
use serde::{Deserialize, Serialize};

use crate::{Extensions, ExternalIds, LanguageTag, PartyId, PersonId, SourceId, Text};

record_struct! {
    /// A person who takes part in, or is mentioned in, an event.
    ///
    /// A person may be unnamed but described: "the CEO of ASELSAN" has no `name`,
    /// a `description`, and a position "CEO" at the party ASELSAN.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Person {
        /// Local id, unique among the people of the record.
        pub id: PersonId,
        /// The canonical form of the person's name ("Haluk Görgün"). Absent when
        /// the source does not name the person.
        pub name: Option<Text> => with_name,
        /// Other forms of the name: other spellings, transliterations, the name in
        /// its native script.
        pub name_variants: Vec<NameVariant> => with_name_variants,
        /// Who the person is, when unnamed ("the CEO of ASELSAN"), or a short note.
        pub description: Option<Text> => with_description,
        /// Positions held at the time of the event.
        pub positions: Vec<Position> => with_positions,
        /// Identifiers of this person in other datasets.
        #[default]
        pub external_ids: ExternalIds => with_external_ids,
        /// The sources that report this person (their name, their positions).
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this person, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Person {
    /// A named person.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{NameVariant, NameVariantKind, Person, Position};
    /// let gorgun = Person::named("gorgun".parse()?, "Haluk Görgün".parse()?)
    ///     .with_name_variants([NameVariant::new("Haluk Gorgun".parse()?, NameVariantKind::Spelling)])
    ///     .with_positions([Position::new("President of Defence Industries".parse()?)
    ///         .with_organisation("ssb".parse()?)]);
    /// assert_eq!(gorgun.name_variants.len(), 1);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn named(id: PersonId, name: Text) -> Self {
        Self::blank(id).with_name(name)
    }

    /// An unnamed person known by a description ("the CEO of ASELSAN").
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Person;
    /// let ceo = Person::described("ceo-1".parse()?, "the CEO of ASELSAN".parse()?);
    /// assert!(ceo.name.is_none());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn described(id: PersonId, description: Text) -> Self {
        Self::blank(id).with_description(description)
    }
}

record_struct! {
    /// Another form of a person's name.
    #[derive(Clone, Debug, PartialEq)]
    pub struct NameVariant {
        /// The name in this form ("Haluk Gorgun").
        pub name: Text,
        /// What kind of form it is.
        pub kind: NameVariantKind,
        /// The language or script of this form ("tr", "ru-Cyrl", "ar").
        pub language: Option<LanguageTag> => with_language,
        /// The sources that write the name so.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl NameVariant {
    /// A variant of `kind`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{NameVariant, NameVariantKind};
    /// let native = NameVariant::new("Илхам Алиев".parse()?, NameVariantKind::NativeScript)
    ///     .with_language("ru".parse()?);
    /// assert_eq!(native.kind, NameVariantKind::NativeScript);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(name: Text, kind: NameVariantKind) -> Self {
        Self::blank(name, kind)
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

record_struct! {
    /// A position a person held at the time of the event: a title and the
    /// organisation or state it is held in.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Position {
        /// The title as the source gives it ("Minister of Defense", "CEO", "Ambassador").
        pub title: Text,
        /// The party the position is held in or for (the ministry, the company, the state).
        pub organisation: Option<PartyId> => with_organisation,
        /// For an envoy, the party the position is accredited to (Azerbaijan, for
        /// Türkiye's ambassador to Azerbaijan).
        pub accredited_to: Option<PartyId> => with_accredited_to,
        /// The sources that give this position.
        pub sources: Vec<SourceId> => with_sources,
    }
}

impl Position {
    /// A position with a title only.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Position;
    /// let ambassador = Position::new("Ambassador".parse()?)
    ///     .with_organisation("tr".parse()?)
    ///     .with_accredited_to("az".parse()?);
    /// assert!(ambassador.accredited_to.is_some());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(title: Text) -> Self {
        Self::blank(title)
    }
}

code_list!(NameVariantKind);
