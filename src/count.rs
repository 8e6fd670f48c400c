//! Counts that may be exact, approximate, a lower bound, or unknown.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::Text;

/// How many of something there are, saying exactly how much is known:
/// "three memoranda" is exact, "about 30 people" approximate, "more than ten
/// companies" a lower bound, "fewer than 50 guests" an upper bound,
/// "several memoranda" unknown.
///
/// `as_written` keeps the source's own words ("several", "a sizable
/// delegation") when they say more than the number does.
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
    },
    /// About `value`.
    Approximate {
        /// The approximate number.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// At least `value`.
    AtLeast {
        /// The lower bound.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// At most `value`.
    AtMost {
        /// The upper bound.
        value: u64,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// Not known.
    Unknown {
        /// The source's words for it ("several").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
}

impl Count {
    /// The source's words for the count, if kept.
    pub fn as_written(&self) -> Option<&Text> {
        match self {
            Count::Exact { as_written, .. }
            | Count::Approximate { as_written, .. }
            | Count::AtLeast { as_written, .. }
            | Count::AtMost { as_written, .. }
            | Count::Unknown { as_written } => as_written.as_ref(),
        }
    }
}

/// The qualifier of a [`Count`] or a [`Duration`](crate::Duration) on the
/// wire, its `kind`.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CountKind {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
    Unknown,
}

/// What a count or a duration says of its value, when it has one.
#[derive(Clone, Copy)]
pub(crate) enum Known {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
}

/// A value qualified as a [`Count`] is ([`Count`] itself, and
/// [`Duration`](crate::Duration)): read from one wire form, under one rule.
pub(crate) trait Qualified: Sized {
    /// The type of the value: a number, a length of time.
    type Value;
    /// What it is called in messages ("count").
    const NOUN: &'static str;
    /// The value qualified by `known`.
    fn known(known: Known, value: Self::Value, as_written: Option<Text>) -> Self;
    /// No value known.
    fn unknown(as_written: Option<Text>) -> Self;

    /// The item its wire fields say, or the code and message of why not:
    /// an unknown one has no `value`, any other needs one.
    fn from_wire(
        kind: CountKind,
        value: Option<Self::Value>,
        as_written: Option<Text>,
    ) -> Result<Self, (crate::Code, String)> {
        let known = match kind {
            CountKind::Exact => Known::Exact,
            CountKind::Approximate => Known::Approximate,
            CountKind::AtLeast => Known::AtLeast,
            CountKind::AtMost => Known::AtMost,
            CountKind::Unknown => {
                return match value {
                    None => Ok(Self::unknown(as_written)),
                    Some(_) => Err((
                        crate::Code::UnknownField,
                        format!("a {} of kind `unknown` has no `value`", Self::NOUN),
                    )),
                };
            }
        };
        match value {
            Some(value) => Ok(Self::known(known, value, as_written)),
            None => Err((crate::Code::MissingField, "missing field `value`".to_owned())),
        }
    }
}

/// The wire form of a [`Qualified`] item read flat, keeping full JSON
/// paths in errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound = "V: Deserialize<'de>")]
struct QualifiedWire<V> {
    kind: CountKind,
    #[serde(default)]
    value: Option<V>,
    #[serde(default)]
    as_written: Option<Text>,
}

/// Deserializes a [`Qualified`] item through its wire form.
pub(crate) fn deserialize_qualified<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Qualified,
    T::Value: Deserialize<'de>,
    D: Deserializer<'de>,
{
    let QualifiedWire { kind, value, as_written } = QualifiedWire::deserialize(deserializer)?;
    T::from_wire(kind, value, as_written).map_err(|(code, message)| {
        crate::json::errors::note_code(code);
        D::Error::custom(message)
    })
}

impl Qualified for Count {
    type Value = u64;
    const NOUN: &'static str = "count";

    fn known(known: Known, value: u64, as_written: Option<Text>) -> Self {
        match known {
            Known::Exact => Count::Exact { value, as_written },
            Known::Approximate => Count::Approximate { value, as_written },
            Known::AtLeast => Count::AtLeast { value, as_written },
            Known::AtMost => Count::AtMost { value, as_written },
        }
    }

    fn unknown(as_written: Option<Text>) -> Self {
        Count::Unknown { as_written }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_qualified(deserializer)
    }
}
