//! Where the facts of a record come from.

use crate::json::declare::record_struct;

use crate::{Date, Extensions, LanguageTag, SourceId, Text, Url};

record_struct! {
    /// A document the record's facts are taken from: a news report, a press
    /// release, an archive entry. A record may cite several.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Source {
        /// Local id, for statements and other items that cite this source.
        pub id: SourceId,
        /// Who published it ("APA", "Office of the Historian").
        pub publisher: Option<Text> => with_publisher,
        /// Where it can be read.
        pub url: Option<Url> => with_url,
        /// Its title or headline.
        pub title: Option<Text> => with_title,
        /// The language it is written in.
        pub language: Option<LanguageTag> => with_language,
        /// When it was published, with the publisher's UTC offset when the time is known.
        pub published_at: Option<Date> => with_published_at,
        /// When it was read or downloaded for this record.
        pub retrieved_at: Option<Date> => with_retrieved_at,
        /// The identifier of the item within its collection or dataset
        /// (an archive's record number, a wire story's slug).
        pub identifier: Option<Text> => with_identifier,
        /// Namespaced extra data about this source, kept exactly.
        #[default]
        pub extensions: Extensions => with_extensions,
    }
}

impl Source {
    /// A source with only its id; set the other fields with the `with_*` methods.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::Source;
    /// let source = Source::new("readout".parse()?)
    ///     .with_publisher("Presidency of Azerbaijan".parse()?)
    ///     .with_url("https://president.az/en/articles/view/65000".parse()?)
    ///     .with_published_at("2024-04-02T18:00:00+04:00".parse()?);
    /// assert!(source.url.is_some());
    /// # Ok::<(), diplomatic_events::Error>(())
    /// ```
    pub fn new(id: SourceId) -> Self {
        Self::blank(id)
    }
}
