//! Parties: the states, organisations and groups that act in diplomacy.

use crate::json::collect::{Collect, Collector, Node};
use crate::json::declare::record_struct;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::{Count, CountryCode, Extensions, ExternalIds, PartyId, Sector, SourceId, Text};

record_struct! {
    /// A state, organisation, company or group that takes part in an event,
    /// sends a delegation, is a party to an agreement, or is talked about.
    ///
    /// A party may be unnamed but described: "Azerbaijani defence industry firms"
    /// is a [`PartyKind::Company`] with country `AZ`, sector "defence industry",
    /// no `name`, a `description`, and a `count` that is unknown.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Party {
        /// Local id, unique among the parties of the record.
        pub id: PartyId,
        /// What kind of party this is, with what identifies it (a state's country code).
        pub kind: PartyKind,
        /// The party's usual name in the record's working language ("Türkiye", "ASELSAN").
        /// Absent for a party the source does not name.
        pub name: Option<Text> => with_name,
        /// Other names and abbreviations ("Turkey", "SSB", "Savunma Sanayii Başkanlığı").
        pub aliases: Vec<Text> => with_aliases,
        /// A description, for an unnamed party ("Azerbaijani defence industry firms")
        /// or to tell apart parties with similar names.
        pub description: Option<Text> => with_description,
        /// Fields of activity ("defence industry").
        pub sectors: Vec<Sector> => with_sectors,
        /// How many organisations this entry stands for, when it stands for
        /// several unnamed ones ("firms"). Absent for a single party.
        pub count: Option<Count> => with_count,
        /// Identifiers of this party in other datasets.
        #[default]
        pub external_ids: ExternalIds => with_external_ids,
        /// The sources that report this party.
        pub sources: Vec<SourceId> => with_sources,
        /// Namespaced extra data about this party, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Party {
    /// A party of `kind` with no name yet; see the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::{Party, PartyKind};
    /// let nato = Party::new("nato".parse()?, PartyKind::InternationalOrganisation { members: vec![] })
    ///     .with_name("North Atlantic Treaty Organization".parse()?)
    ///     .with_aliases(["NATO".parse()?]);
    /// assert_eq!(nato.aliases.len(), 1);
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: PartyId, kind: PartyKind) -> Self {
        Self::blank(id, kind)
    }

    /// A state by its country code, named.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Party;
    /// let turkey = Party::state("tr".parse()?, "TR".parse()?, "Türkiye".parse()?);
    /// assert_eq!(turkey.country().map(|c| c.as_str()), Some("TR"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn state(id: PartyId, country: CountryCode, name: Text) -> Self {
        Party::new(id, PartyKind::State { country }).with_name(name)
    }

    /// The country the party is, or belongs to, when known from its kind.
    pub fn country(&self) -> Option<CountryCode> {
        match &self.kind {
            PartyKind::State { country } => Some(*country),
            PartyKind::PublicBody { country, .. }
            | PartyKind::Company { country, .. }
            | PartyKind::NonStateActor { country, .. } => *country,
            PartyKind::Polity {}
            | PartyKind::InternationalOrganisation { .. }
            | PartyKind::Organ { .. }
            | PartyKind::GroupOfStates { .. } => None,
        }
    }
}

/// The kinds of party, each with what identifies it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PartyKind {
    /// A state or state-like entity with a code: a current ISO 3166-1 state,
    /// an entity with a documented non-ISO code (Kosovo, `XK`), or a former
    /// state by its ISO 3166-3 code (Soviet Union, `SUHH`).
    State {
        /// Its code.
        country: CountryCode,
    },
    /// A historical polity that has no code at all (the Kingdom of Hawaii).
    /// Give its `name`.
    Polity {},
    /// An international organisation (UN, EU, African Union, NATO).
    InternationalOrganisation {
        /// Member states or organisations named in the record, when relevant.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<PartyId>,
    },
    /// An organ of an international organisation, or of another organ: a
    /// council, an assembly, a commission, a committee (the UN Security
    /// Council, the Council of the EU). Its resolutions and decisions are
    /// its acts, recorded as agreements with the organ as their party.
    Organ {
        /// The organisation (or organ) it belongs to, a party of this record.
        organisation: PartyId,
        /// Its members named in the record, when relevant (the Council's
        /// members in a given year).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<PartyId>,
    },
    /// A named group of states without an organisation of its own (P5+1, G20, Quad).
    GroupOfStates {
        /// Its members, as parties of this record.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<PartyId>,
    },
    /// A ministry, agency, armed force or other public body.
    PublicBody {
        /// The state it belongs to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<CountryCode>,
        /// The body it is part of (a ministry for a department).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<PartyId>,
    },
    /// A company, state-owned or private (ASELSAN, ROKETSAN).
    Company {
        /// The country it belongs to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<CountryCode>,
        /// Its parent company or owning body.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parent: Option<PartyId>,
    },
    /// A political party, armed group, movement, NGO or other non-state actor.
    NonStateActor {
        /// The country it is based in or belongs to.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<CountryCode>,
    },
}

/// The wire form of [`PartyKind`] read flat, so that an error inside it keeps
/// its full JSON path (serde's internally tagged enums lose it) and the
/// fields that do not fit the `type` are named.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartyKindWire {
    #[serde(rename = "type")]
    pub(crate) kind: PartyType,
    #[serde(default)]
    pub(crate) country: Option<CountryCode>,
    #[serde(default)]
    pub(crate) parent: Option<PartyId>,
    #[serde(default)]
    pub(crate) organisation: Option<PartyId>,
    #[serde(default)]
    pub(crate) members: Option<Vec<PartyId>>,
}

/// The `type` of a party kind.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PartyType {
    State,
    Polity,
    InternationalOrganisation,
    Organ,
    GroupOfStates,
    PublicBody,
    Company,
    NonStateActor,
}

impl PartyKind {
    /// The members named for an international organisation, an organ or a
    /// group of states; none for any other kind.
    pub fn members(&self) -> &[PartyId] {
        match self {
            PartyKind::InternationalOrganisation { members }
            | PartyKind::Organ { members, .. }
            | PartyKind::GroupOfStates { members } => members,
            _ => &[],
        }
    }

    /// Whether a party of this kind has members: an international
    /// organisation, an organ or a group of states.
    pub fn is_organisation(&self) -> bool {
        matches!(
            self,
            PartyKind::InternationalOrganisation { .. }
                | PartyKind::Organ { .. }
                | PartyKind::GroupOfStates { .. }
        )
    }

    /// The kind's `type` as written in records: `"state"`, `"polity"`,
    /// `"international_organisation"`...
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::PartyKind;
    /// let kind = PartyKind::State { country: "AZ".parse()? };
    /// assert_eq!(kind.as_str(), "state");
    /// assert_eq!(kind.to_string(), "state");
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PartyKind::State { .. } => PartyType::State,
            PartyKind::Polity {} => PartyType::Polity,
            PartyKind::InternationalOrganisation { .. } => PartyType::InternationalOrganisation,
            PartyKind::Organ { .. } => PartyType::Organ,
            PartyKind::GroupOfStates { .. } => PartyType::GroupOfStates,
            PartyKind::PublicBody { .. } => PartyType::PublicBody,
            PartyKind::Company { .. } => PartyType::Company,
            PartyKind::NonStateActor { .. } => PartyType::NonStateActor,
        }
        .as_str()
    }
}

impl std::fmt::Display for PartyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartyType {
    fn as_str(self) -> &'static str {
        match self {
            PartyType::State => "state",
            PartyType::Polity => "polity",
            PartyType::InternationalOrganisation => "international_organisation",
            PartyType::Organ => "organ",
            PartyType::GroupOfStates => "group_of_states",
            PartyType::PublicBody => "public_body",
            PartyType::Company => "company",
            PartyType::NonStateActor => "non_state_actor",
        }
    }
}

impl Collect for PartyKindWire {
    /// `None` when any field has a problem: the type's check needs them all.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        let before = cx.found();
        crate::json::collect::collect_members!(node, cx, [
            "type" => kind: PartyType,
            "country" => country: Option<CountryCode>,
            "parent" => parent: Option<PartyId>,
            "organisation" => organisation: Option<PartyId>,
            "members" => members: Option<Vec<PartyId>>,
        ]);
        let kind = cx.required(node, "type", kind);
        if cx.found() > before {
            return None;
        }
        Some(PartyKindWire {
            kind: kind?,
            country: country.read().flatten(),
            parent: parent.read().flatten(),
            organisation: organisation.read().flatten(),
            members: members.read().flatten(),
        })
    }
}

crate::json::collect::collect_with_serde!(PartyType);

/// Each field on its own; what the type makes of them is checked once they
/// are read.
impl Collect for PartyKind {
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        let wire = PartyKindWire::collect(node, cx)?;
        wire.into_kind()
            .map_err(|message| cx.invalid(node, crate::Code::InvalidPartyKind, message))
            .ok()
    }
}

impl PartyKindWire {
    /// The kind, when the fields given are those its `type` takes.
    pub(crate) fn into_kind(self) -> Result<PartyKind, String> {
        let PartyKindWire { kind, country, parent, organisation, members } = self;
        // The fields each type takes, besides `type`, as bits of `FIELDS`
        // (bits, not names: this runs for every party read).
        const FIELDS: [&str; 4] = ["country", "parent", "organisation", "members"];
        let takes: u8 = match kind {
            PartyType::State | PartyType::NonStateActor => 0b0001,
            PartyType::Polity => 0,
            PartyType::InternationalOrganisation | PartyType::GroupOfStates => 0b1000,
            PartyType::Organ => 0b1100,
            PartyType::PublicBody | PartyType::Company => 0b0011,
        };
        let given = u8::from(country.is_some())
            | u8::from(parent.is_some()) << 1
            | u8::from(organisation.is_some()) << 2
            | u8::from(members.is_some()) << 3;
        let extra = given & !takes;
        if extra != 0 {
            let field = FIELDS.get(extra.trailing_zeros() as usize).copied().unwrap_or_default();
            return Err(format!("a party of type `{}` has no field `{field}`", kind.as_str()));
        }
        let members = members.unwrap_or_default();
        Ok(match kind {
            PartyType::State => PartyKind::State {
                country: country.ok_or(
                    "a party of type `state` needs `country`; a polity without a code is of type `polity`",
                )?,
            },
            PartyType::Polity => PartyKind::Polity {},
            PartyType::InternationalOrganisation => PartyKind::InternationalOrganisation { members },
            PartyType::Organ => PartyKind::Organ {
                organisation: organisation
                    .ok_or("a party of type `organ` needs `organisation`, the party it belongs to")?,
                members,
            },
            PartyType::GroupOfStates => PartyKind::GroupOfStates { members },
            PartyType::PublicBody => PartyKind::PublicBody { country, parent },
            PartyType::Company => PartyKind::Company { country, parent },
            PartyType::NonStateActor => PartyKind::NonStateActor { country },
        })
    }
}

impl<'de> Deserialize<'de> for PartyKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PartyKindWire::deserialize(deserializer)?.into_kind().map_err(|message| {
            crate::json::errors::note_code(crate::Code::InvalidPartyKind);
            D::Error::custom(message)
        })
    }
}
