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

/// The wire form of [`Count`] read flat, keeping full JSON paths in errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountWire {
    kind: CountKind,
    #[serde(default)]
    value: Option<u64>,
    #[serde(default)]
    as_written: Option<Text>,
}

#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CountKind {
    Exact,
    Approximate,
    AtLeast,
    AtMost,
    Unknown,
}

impl Count {
    /// The count its wire fields say, or the code and message of why not.
    pub(crate) fn from_wire(
        kind: CountKind,
        value: Option<u64>,
        as_written: Option<Text>,
    ) -> Result<Count, (crate::Code, &'static str)> {
        match (kind, value) {
            (CountKind::Unknown, Some(_)) => {
                Err((crate::Code::UnknownField, "a count of kind `unknown` has no `value`"))
            }
            (CountKind::Unknown, None) => Ok(Count::Unknown { as_written }),
            (_, None) => Err((crate::Code::MissingField, "missing field `value`")),
            (CountKind::Exact, Some(value)) => Ok(Count::Exact { value, as_written }),
            (CountKind::Approximate, Some(value)) => Ok(Count::Approximate { value, as_written }),
            (CountKind::AtLeast, Some(value)) => Ok(Count::AtLeast { value, as_written }),
            (CountKind::AtMost, Some(value)) => Ok(Count::AtMost { value, as_written }),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let CountWire { kind, value, as_written } = CountWire::deserialize(deserializer)?;
        Count::from_wire(kind, value, as_written).map_err(|(code, message)| {
            crate::json::errors::note_code(code);
            D::Error::custom(message)
        })
    }
}
