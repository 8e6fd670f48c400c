//! How long something lasted: exact, approximate, a bound, or unknown.

use serde::{Deserialize, Deserializer, Serialize};

use crate::count::{Known, Notes, Qualified, deserialize_qualified};
use crate::{IsoDuration, SourceId, Text};

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
        Duration::Exact { value, as_written: None, sources: Vec::new() }
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
        Duration::Approximate { value, as_written: None, sources: Vec::new() }
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
        Duration::AtLeast { value, as_written: None, sources: Vec::new() }
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
        Duration::AtMost { value, as_written: None, sources: Vec::new() }
    }

    /// Not known.
    pub fn unknown() -> Self {
        Duration::Unknown { as_written: None, sources: Vec::new() }
    }

    /// The durations that sources disagree on, each with its sources.
    pub fn disputed(reports: impl IntoIterator<Item = Duration>) -> Self {
        Duration::Disputed { reports: reports.into_iter().collect() }
    }

    /// The same duration with the source's words for it (not for a
    /// disputed duration, whose reports keep their own).
    #[must_use]
    pub fn with_as_written(mut self, words: Text) -> Self {
        if let Some((as_written, _)) = self.notes_mut() {
            *as_written = Some(words);
        }
        self
    }

    /// The same duration with `sources` added to those that give it (not
    /// for a disputed duration, whose reports cite their own).
    #[must_use]
    pub fn with_sources(mut self, sources: impl IntoIterator<Item = SourceId>) -> Self {
        if let Some((_, cited)) = self.notes_mut() {
            cited.extend(sources);
        }
        self
    }

    /// The length, unless it is unknown or disputed.
    pub fn value(&self) -> Option<&IsoDuration> {
        match self {
            Duration::Exact { value, .. }
            | Duration::Approximate { value, .. }
            | Duration::AtLeast { value, .. }
            | Duration::AtMost { value, .. } => Some(value),
            Duration::Unknown { .. } | Duration::Disputed { .. } => None,
        }
    }

    /// The source's words for the duration, if kept.
    pub fn as_written(&self) -> Option<&Text> {
        match self {
            Duration::Exact { as_written, .. }
            | Duration::Approximate { as_written, .. }
            | Duration::AtLeast { as_written, .. }
            | Duration::AtMost { as_written, .. }
            | Duration::Unknown { as_written, .. } => as_written.as_ref(),
            Duration::Disputed { .. } => None,
        }
    }

    /// The sources that give the duration; none for a disputed one (see
    /// its [`reports`](Duration::reports)).
    pub fn sources(&self) -> &[SourceId] {
        match self {
            Duration::Exact { sources, .. }
            | Duration::Approximate { sources, .. }
            | Duration::AtLeast { sources, .. }
            | Duration::AtMost { sources, .. }
            | Duration::Unknown { sources, .. } => sources,
            Duration::Disputed { .. } => &[],
        }
    }

    /// What the sources report: a disputed duration's reports, or the
    /// duration itself.
    pub fn reports(&self) -> &[Duration] {
        match self {
            Duration::Disputed { reports } => reports,
            _ => std::slice::from_ref(self),
        }
    }

    fn notes_mut(&mut self) -> Option<(&mut Option<Text>, &mut Vec<SourceId>)> {
        match self {
            Duration::Exact { as_written, sources, .. }
            | Duration::Approximate { as_written, sources, .. }
            | Duration::AtLeast { as_written, sources, .. }
            | Duration::AtMost { as_written, sources, .. }
            | Duration::Unknown { as_written, sources } => Some((as_written, sources)),
            Duration::Disputed { .. } => None,
        }
    }
}

impl Qualified for Duration {
    type Value = IsoDuration;
    const NOUN: &'static str = "duration";

    fn known(known: Known, value: IsoDuration, Notes { as_written, sources }: Notes) -> Self {
        match known {
            Known::Exact => Duration::Exact { value, as_written, sources },
            Known::Approximate => Duration::Approximate { value, as_written, sources },
            Known::AtLeast => Duration::AtLeast { value, as_written, sources },
            Known::AtMost => Duration::AtMost { value, as_written, sources },
        }
    }

    fn unknown(Notes { as_written, sources }: Notes) -> Self {
        Duration::Unknown { as_written, sources }
    }

    fn disputed(reports: Vec<Self>) -> Self {
        Duration::Disputed { reports }
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_qualified(deserializer)
    }
}
