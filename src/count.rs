//! Counts that may be exact, approximate, a lower bound, or unknown.

use serde::{Deserialize, Serialize};

use crate::Text;

/// How many of something there are, saying exactly how much is known:
/// "three memoranda" is exact, "about 30 people" approximate, "more than ten
/// companies" a lower bound, "several memoranda" unknown.
///
/// `as_written` keeps the source's own words ("several", "a sizable
/// delegation") when they say more than the number does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
            | Count::Unknown { as_written } => as_written.as_ref(),
        }
    }
}
