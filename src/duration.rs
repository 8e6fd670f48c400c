//! How long something lasted: exact, approximate, a bound, or unknown.
//!
//! # Example
//! ```
//! use diplomatic_events::Duration;
//! let talks = Duration::approximate("PT1H30M".parse()?)
//!     .with_as_written("nearly an hour and a half".parse()?);
//! assert_eq!(talks.value().and_then(|d| d.seconds()), Some(5_400));
//! let call = Duration::at_most("PT1H".parse()?).with_as_written("less than an hour".parse()?);
//! assert!(matches!(call, Duration::AtMost { .. }));
//! assert_eq!(call.as_written().map(|t| t.as_str()), Some("less than an hour"));
//! let disputed = Duration::disputed([Duration::exact("PT40M".parse()?), Duration::unknown()]);
//! assert_eq!(disputed.value(), None);
//! # Ok::<(), diplomatic_events::Error>(())
//! ```

use serde::Serialize;

use crate::{IsoDuration, SourceId, Text};

/// How long a meeting, call or visit lasted, saying how exactly it is
/// known, with the same qualifiers as a count: "40
/// minutes" is exact, "about 40 minutes" or "nearly an hour and a half"
/// approximate, "more than two hours" a lower bound, "less than an hour" an
/// upper bound, "a long meeting" unknown.
///
/// `as_written` keeps the source's own words. When the event's start and
/// end are known, validation checks that they allow the duration
/// (`duration-contradicts-time`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Duration {
    /// Exactly `value`.
    Exact {
        /// The length, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// About `value`.
    Approximate {
        /// The approximate length, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// At least `value`.
    AtLeast {
        /// The lower bound, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// At most `value`.
    AtMost {
        /// The upper bound, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// Not known.
    Unknown {
        /// The source's words for it ("a lengthy meeting").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
        /// The sources that give it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        sources: Vec<SourceId>,
    },
    /// Sources disagree: each report is one source's duration, with its
    /// `sources` ("three memoranda" in one, "four" in another). Validation
    /// warns (`sources-disagree`) when the reports contradict each other.
    Disputed {
        #[cfg_attr(feature = "schema", schemars(length(min = 2)))]
        /// The durations reported, each with the sources that give it.
        reports: Vec<Duration>,
    },
}

crate::count::qualified_methods!(Duration, IsoDuration, "duration", "durations");
