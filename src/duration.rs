//! How long something lasted: exact, approximate, a bound, or unknown.

use serde::{Deserialize, Deserializer, Serialize};

use crate::count::{Known, Qualified, deserialize_qualified};
use crate::{IsoDuration, Text};

/// How long a meeting, call or visit lasted, saying how exactly it is
/// known, with the same qualifiers as a [`Count`](crate::Count): "40
/// minutes" is exact, "about 40 minutes" or "nearly an hour and a half"
/// approximate, "more than two hours" a lower bound, "less than an hour" an
/// upper bound, "a long meeting" unknown.
///
/// `as_written` keeps the source's own words. When the event's start and
/// end are known, validation checks that they allow the duration
/// (`duration-contradicts-time`).
///
/// # Example
/// ```
/// use diplomatic_events::Duration;
/// let talks = Duration::approximate("PT1H30M".parse()?)
///     .with_as_written("nearly an hour and a half".parse()?);
/// assert_eq!(talks.value().and_then(|d| d.seconds()), Some(5_400));
/// # Ok::<(), diplomatic_events::Error>(())
/// ```
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
    },
    /// About `value`.
    Approximate {
        /// The approximate length, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// At least `value`.
    AtLeast {
        /// The lower bound, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// At most `value`.
    AtMost {
        /// The upper bound, as an ISO 8601 duration.
        value: IsoDuration,
        /// The source's words for it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
    /// Not known.
    Unknown {
        /// The source's words for it ("a lengthy meeting").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        as_written: Option<Text>,
    },
}

impl Duration {
    /// Exactly `value`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Duration;
    /// let talks = Duration::exact("PT40M".parse()?);
    /// assert_eq!(talks.value().map(|d| d.as_str()), Some("PT40M"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn exact(value: IsoDuration) -> Self {
        Duration::Exact { value, as_written: None }
    }

    /// About `value`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Duration;
    /// let call = Duration::approximate("PT40M".parse()?).with_as_written("about 40 minutes".parse()?);
    /// assert_eq!(call.as_written().map(|t| t.as_str()), Some("about 40 minutes"));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn approximate(value: IsoDuration) -> Self {
        Duration::Approximate { value, as_written: None }
    }

    /// At least `value`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Duration;
    /// let talks = Duration::at_least("PT2H".parse()?).with_as_written("more than two hours".parse()?);
    /// assert!(matches!(talks, Duration::AtLeast { .. }));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn at_least(value: IsoDuration) -> Self {
        Duration::AtLeast { value, as_written: None }
    }

    /// At most `value`.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Duration;
    /// let call = Duration::at_most("PT1H".parse()?).with_as_written("less than an hour".parse()?);
    /// assert_eq!(call.value().and_then(|d| d.seconds()), Some(3_600));
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn at_most(value: IsoDuration) -> Self {
        Duration::AtMost { value, as_written: None }
    }

    /// The same duration with the source's words for it.
    pub fn with_as_written(mut self, words: Text) -> Self {
        match &mut self {
            Duration::Exact { as_written, .. }
            | Duration::Approximate { as_written, .. }
            | Duration::AtLeast { as_written, .. }
            | Duration::AtMost { as_written, .. }
            | Duration::Unknown { as_written } => *as_written = Some(words),
        }
        self
    }

    /// The length, unless it is unknown.
    pub fn value(&self) -> Option<&IsoDuration> {
        match self {
            Duration::Exact { value, .. }
            | Duration::Approximate { value, .. }
            | Duration::AtLeast { value, .. }
            | Duration::AtMost { value, .. } => Some(value),
            Duration::Unknown { .. } => None,
        }
    }

    /// The source's words for the duration, if kept.
    pub fn as_written(&self) -> Option<&Text> {
        match self {
            Duration::Exact { as_written, .. }
            | Duration::Approximate { as_written, .. }
            | Duration::AtLeast { as_written, .. }
            | Duration::AtMost { as_written, .. }
            | Duration::Unknown { as_written } => as_written.as_ref(),
        }
    }
}

impl Qualified for Duration {
    type Value = IsoDuration;
    const NOUN: &'static str = "duration";

    fn known(known: Known, value: IsoDuration, as_written: Option<Text>) -> Self {
        match known {
            Known::Exact => Duration::Exact { value, as_written },
            Known::Approximate => Duration::Approximate { value, as_written },
            Known::AtLeast => Duration::AtLeast { value, as_written },
            Known::AtMost => Duration::AtMost { value, as_written },
        }
    }

    fn unknown(as_written: Option<Text>) -> Self {
        Duration::Unknown { as_written }
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_qualified(deserializer)
    }
}
