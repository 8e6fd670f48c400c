//! Counts that may be exact, approximate, a lower bound, or unknown.
//!
//! # Example
//! ```
//! use diplomatic_events::Count;
//! let documents = Count::disputed([
//!     Count::exact(3).with_sources(["apa".parse()?]),
//!     Count::at_least(2).with_as_written("several".parse()?).with_sources(["trend".parse()?]),
//! ]);
//! assert_eq!(documents.reports().len(), 2);
//! assert_eq!(documents.reports()[1].as_written().map(|t| t.as_str()), Some("several"));
//! assert_eq!(Count::exact(3).reports(), [Count::exact(3)]);
//! assert_eq!(Count::exact(3).value(), Some(&3));
//! # Ok::<(), diplomatic_events::Error>(())
//! ```

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};

use crate::json::collect::{Collect, Collector, Node};
use crate::{SourceId, Text};

/// How many of something there are, saying exactly how much is known:
/// "three memoranda" is exact, "about 30 people" approximate, "more than ten
/// companies" a lower bound, "fewer than 50 guests" an upper bound,
/// "several memoranda" unknown.
///
/// `as_written` keeps the source's own words ("several", "a sizable
/// delegation") when they say more than the number does; when sources
/// disagree, a disputed count keeps each one's report with its sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Count {
    /// Exactly `value`.
    Exact {
        /// The number.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// About `value`.
    Approximate {
        /// The approximate number.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// At least `value`.
    AtLeast {
        /// The lower bound.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// At most `value`.
    AtMost {
        /// The upper bound.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// Not known.
    Unknown {
        /// The source's words for it ("several").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// Sources disagree: each report is one source's count, with its
    /// `sources` ("three memoranda" in one, "four" in another). Validation
    /// warns (`sources-disagree`) when the reports contradict each other.
    Disputed {
        #[cfg_attr(feature = "schema", schemars(length(min = 2)))]
        /// The counts reported, each with the sources that give it.
        reports: Vec<Count>,
    },
}

/// The methods and the wire form that [`Count`] and
/// [`Duration`](crate::Duration) share, written once: both are a value
/// (a number, a length) qualified as exact, approximate, a bound, unknown
/// or disputed, each report with the source's words and its sources.
macro_rules! qualified_methods {
    ($type:ident, $value:ty, $noun:literal, $nouns:literal) => {
        impl $type {
            /// Exactly `value`.
            pub fn exact(value: $value) -> Self {
                $type::Exact { value, as_written: None, sources: Vec::new() }
            }

            /// About `value`.
            pub fn approximate(value: $value) -> Self {
                $type::Approximate { value, as_written: None, sources: Vec::new() }
            }

            /// At least `value`.
            pub fn at_least(value: $value) -> Self {
                $type::AtLeast { value, as_written: None, sources: Vec::new() }
            }

            /// At most `value`.
            pub fn at_most(value: $value) -> Self {
                $type::AtMost { value, as_written: None, sources: Vec::new() }
            }

            /// Not known ("several", "a long meeting").
            pub fn unknown() -> Self {
                $type::Unknown { as_written: None, sources: Vec::new() }
            }

            #[doc = concat!("The ", $nouns, " that sources disagree on, each with its sources.")]
            pub fn disputed(reports: impl IntoIterator<Item = $type>) -> Self {
                $type::Disputed { reports: reports.into_iter().collect() }
            }

            #[doc = concat!("The same ", $noun, " with the source's words for it (not for a")]
            #[doc = concat!("disputed ", $noun, ", whose reports keep their own).")]
            #[must_use]
            pub fn with_as_written(mut self, words: crate::Text) -> Self {
                if let Some((as_written, _)) = self.notes_mut() {
                    *as_written = Some(words);
                }
                self
            }

            #[doc = concat!("The same ", $noun, " with `sources` added to those that give it")]
            #[doc = concat!("(not for a disputed ", $noun, ", whose reports cite their own).")]
            #[must_use]
            pub fn with_sources(
                mut self,
                sources: impl IntoIterator<Item = crate::SourceId>,
            ) -> Self {
                if let Some((_, cited)) = self.notes_mut() {
                    cited.extend(sources);
                }
                self
            }

            /// The value, unless it is unknown or disputed.
            pub fn value(&self) -> Option<&$value> {
                match self {
                    $type::Exact { value, .. }
                    | $type::Approximate { value, .. }
                    | $type::AtLeast { value, .. }
                    | $type::AtMost { value, .. } => Some(value),
                    $type::Unknown { .. } | $type::Disputed { .. } => None,
                }
            }

            #[doc = concat!("The source's words for the ", $noun, ", if kept.")]
            pub fn as_written(&self) -> Option<&crate::Text> {
                self.notes().and_then(|(as_written, _)| as_written.as_ref())
            }

            #[doc = concat!("The sources that give the ", $noun, "; none for a disputed one")]
            #[doc = concat!("(see its [`reports`](", stringify!($type), "::reports)).")]
            pub fn sources(&self) -> &[crate::SourceId] {
                self.notes().map_or(&[], |(_, sources)| sources)
            }

            /// Reports in words, each with the sources that give it, for
            /// messages: "exactly 3 (apa), at least 4 (trend)".
            #[cold]
            pub(crate) fn describe_reports(reports: &[$type]) -> String {
                let words = |report: &$type| match report {
                    $type::Exact { value, .. } => format!("exactly {value}"),
                    $type::Approximate { value, .. } => format!("about {value}"),
                    $type::AtLeast { value, .. } => format!("at least {value}"),
                    $type::AtMost { value, .. } => format!("at most {value}"),
                    $type::Unknown { .. } => "unknown".to_owned(),
                    $type::Disputed { reports } => {
                        format!("disputed ({})", Self::describe_reports(reports))
                    }
                };
                let described: Vec<String> = reports
                    .iter()
                    .map(|report| {
                        let cited: Vec<&str> =
                            report.sources().iter().map(|s| s.as_str()).collect();
                        if cited.is_empty() {
                            words(report)
                        } else {
                            format!("{} ({})", words(report), cited.join(", "))
                        }
                    })
                    .collect();
                described.join(", ")
            }

            #[doc = concat!("What the sources report: a disputed ", $noun, "'s reports, or the")]
            #[doc = concat!($noun, " itself.")]
            pub fn reports(&self) -> &[$type] {
                match self {
                    $type::Disputed { reports } => reports,
                    _ => std::slice::from_ref(self),
                }
            }

            /// The source's words and the sources, but of a disputed one.
            fn notes(&self) -> Option<(&Option<crate::Text>, &Vec<crate::SourceId>)> {
                match self {
                    $type::Exact { as_written, sources, .. }
                    | $type::Approximate { as_written, sources, .. }
                    | $type::AtLeast { as_written, sources, .. }
                    | $type::AtMost { as_written, sources, .. }
                    | $type::Unknown { as_written, sources } => Some((as_written, sources)),
                    $type::Disputed { .. } => None,
                }
            }

            /// [`Self::notes`], to change them.
            fn notes_mut(
                &mut self,
            ) -> Option<(&mut Option<crate::Text>, &mut Vec<crate::SourceId>)> {
                match self {
                    $type::Exact { as_written, sources, .. }
                    | $type::Approximate { as_written, sources, .. }
                    | $type::AtLeast { as_written, sources, .. }
                    | $type::AtMost { as_written, sources, .. }
                    | $type::Unknown { as_written, sources } => Some((as_written, sources)),
                    $type::Disputed { .. } => None,
                }
            }
        }

        impl $crate::count::Qualified for $type {
            type Value = $value;
            const NOUN: &'static str = $noun;

            fn known(
                known: $crate::count::Known,
                value: $value,
                $crate::count::Notes { as_written, sources }: $crate::count::Notes,
            ) -> Self {
                use $crate::count::Known;
                match known {
                    Known::Exact => $type::Exact { value, as_written, sources },
                    Known::Approximate => $type::Approximate { value, as_written, sources },
                    Known::AtLeast => $type::AtLeast { value, as_written, sources },
                    Known::AtMost => $type::AtMost { value, as_written, sources },
                }
            }

            fn unknown($crate::count::Notes { as_written, sources }: $crate::count::Notes) -> Self {
                $type::Unknown { as_written, sources }
            }

            fn disputed(reports: Vec<Self>) -> Self {
                $type::Disputed { reports }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                $crate::count::deserialize_qualified(deserializer)
            }
        }

        impl $crate::json::collect::Collect for $type {
            fn collect(
                node: &$crate::json::collect::Node<'_>,
                cx: &mut $crate::json::collect::Collector,
            ) -> Option<Self> {
                $crate::count::collect_qualified(node, cx)
            }
        }
    };
}
pub(crate) use qualified_methods;

qualified_methods!(Count, u64, "count", "counts");

/// The qualifier of a [`Count`] or a [`Duration`](crate::Duration) on the
/// wire, its `kind`.
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CountKind {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
    Unknown,
    Disputed,
}

/// What a count or a duration says of its value, when it has one.
#[derive(Clone, Copy)]
pub(crate) enum Known {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
}

pub(crate) trait Qualified: Sized {
    /// What is qualified: a number, a duration.
    type Value;
    /// The item's name in messages: "count", "duration".
    const NOUN: &'static str;
    /// A known value, qualified.
    fn known(known: Known, value: Self::Value, notes: Notes) -> Self;
    /// An unknown value.
    fn unknown(notes: Notes) -> Self;
    /// The values that sources disagree on.
    fn disputed(reports: Vec<Self>) -> Self;

    /// The item from its wire form, or the code and message of what is
    /// wrong with it: a field its kind does not take, or one it needs.
    fn from_wire(wire: QualifiedWire<Self::Value, Self>) -> Result<Self, (crate::Code, String)> {
        let QualifiedWire { kind, value, as_written, sources, reports } = wire;
        let refuse = |field: &str| {
            let kind = crate::json::wire_name::unit_variant_name(&kind).unwrap_or_default();
            Err((
                crate::Code::UnknownField,
                format!("a {} of kind `{kind}` has no `{field}`", Self::NOUN),
            ))
        };
        let known = match kind {
            CountKind::Disputed => {
                let given = [
                    ("value", value.is_some()),
                    ("as_written", as_written.is_some()),
                    ("sources", sources.is_some()),
                ];
                if let Some((field, _)) = given.iter().find(|(_, given)| *given) {
                    return refuse(field);
                }
                let reports = reports
                    .ok_or((crate::Code::MissingField, "missing field `reports`".to_owned()))?;
                if reports.len() < 2 {
                    return Err((
                        crate::Code::InvalidValue,
                        format!("a disputed {} has at least two reports", Self::NOUN),
                    ));
                }
                return Ok(Self::disputed(reports));
            }
            _ if reports.is_some() => return refuse("reports"),
            CountKind::Exact => Known::Exact,
            CountKind::Approximate => Known::Approximate,
            CountKind::AtLeast => Known::AtLeast,
            CountKind::AtMost => Known::AtMost,
            CountKind::Unknown => {
                return match value {
                    None => Ok(Self::unknown(Notes {
                        as_written,
                        sources: sources.unwrap_or_default(),
                    })),
                    Some(_) => refuse("value"),
                };
            }
        };
        let notes = Notes { as_written, sources: sources.unwrap_or_default() };
        match value {
            Some(value) => Ok(Self::known(known, value, notes)),
            None => Err((crate::Code::MissingField, "missing field `value`".to_owned())),
        }
    }
}

/// What any report of a qualified item may say besides its value: the
/// source's words and the sources.
pub(crate) struct Notes {
    pub(crate) as_written: Option<Text>,
    pub(crate) sources: Vec<SourceId>,
}

/// The wire form of a [`Qualified`] item read flat, keeping full JSON
/// paths in errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "V: Deserialize<'de>, T: Deserialize<'de>")]
pub(crate) struct QualifiedWire<V, T> {
    pub(crate) kind: CountKind,
    #[serde(default)]
    pub(crate) value: Option<V>,
    #[serde(default)]
    pub(crate) as_written: Option<Text>,
    #[serde(default)]
    pub(crate) sources: Option<Vec<SourceId>>,
    #[serde(default)]
    pub(crate) reports: Option<Vec<T>>,
}

impl<V, T> Collect for QualifiedWire<V, T>
where
    V: Collect + DeserializeOwned,
    T: Collect + DeserializeOwned,
{
    /// `None` when any field has a problem: the kind's check needs them all.
    fn collect(node: &Node<'_>, cx: &mut Collector) -> Option<Self> {
        let before = cx.found();
        crate::json::collect::collect_members!(node, cx, [
            "kind" => kind: CountKind,
            "value" => value: Option<V>,
            "as_written" => as_written: Option<Text>,
            "sources" => sources: Option<Vec<SourceId>>,
            "reports" => reports: Option<Vec<T>>,
        ]);
        let kind = cx.required(node, "kind", kind);
        if cx.found() > before {
            return None;
        }
        Some(QualifiedWire {
            kind: kind?,
            value: value.read().flatten(),
            as_written: as_written.read().flatten(),
            sources: sources.read().flatten(),
            reports: reports.read().flatten(),
        })
    }
}

crate::json::collect::collect_with_serde!(CountKind);

/// Collects a [`Qualified`] item through its wire form, every field on its
/// own; what its kind makes of the fields is checked once they are read.
pub(crate) fn collect_qualified<T>(node: &Node<'_>, cx: &mut Collector) -> Option<T>
where
    T: Qualified + Collect + DeserializeOwned,
    T::Value: Collect + DeserializeOwned,
{
    let wire = QualifiedWire::<T::Value, T>::collect(node, cx)?;
    T::from_wire(wire).map_err(|(code, message)| cx.invalid(node, code, message)).ok()
}

/// Deserializes a [`Qualified`] item through its wire form.
pub(crate) fn deserialize_qualified<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Qualified + Deserialize<'de>,
    T::Value: Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::from_wire(QualifiedWire::deserialize(deserializer)?).map_err(|(code, message)| {
        crate::json::errors::note_code(code);
        D::Error::custom(message)
    })
}
