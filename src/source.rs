//! Where the facts of a record come from.

use serde::{Deserialize, Serialize};

use crate::{Date, Extensions, LanguageTag, SourceId, Text, Url};

/// A document the record's facts are taken from: a news report, a press
/// release, an archive entry. A record may cite several.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// Local id, for statements and other items that cite this source.
    pub id: SourceId,
    /// Who published it ("APA", "Office of the Historian").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    /// Its title or headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The language it is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<LanguageTag>,
    /// When it was published, with the publisher's UTC offset when the time is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<Date>,
    /// When it was read or downloaded for this record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved_at: Option<Date>,
    /// The identifier of the item within its collection or dataset
    /// (an archive's record number, a wire story's slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Text>,
    /// Namespaced extra data about this source, kept exactly.
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

impl Source {
    /// A source with only its id; set the other fields with the `with_*` methods.
    pub fn new(id: SourceId) -> Self {
        Source {
            id,
            publisher: None,
            url: None,
            title: None,
            language: None,
            published_at: None,
            retrieved_at: None,
            identifier: None,
            extensions: Extensions::default(),
        }
    }

    /// Sets the publisher.
    pub fn with_publisher(mut self, publisher: Text) -> Self {
        self.publisher = Some(publisher);
        self
    }
    /// Sets the URL.
    pub fn with_url(mut self, url: Url) -> Self {
        self.url = Some(url);
        self
    }
    /// Sets the title.
    pub fn with_title(mut self, title: Text) -> Self {
        self.title = Some(title);
        self
    }
    /// Sets the language.
    pub fn with_language(mut self, language: LanguageTag) -> Self {
        self.language = Some(language);
        self
    }
    /// Sets the publication time.
    pub fn with_published_at(mut self, published_at: Date) -> Self {
        self.published_at = Some(published_at);
        self
    }
    /// Sets the retrieval time.
    pub fn with_retrieved_at(mut self, retrieved_at: Date) -> Self {
        self.retrieved_at = Some(retrieved_at);
        self
    }
    /// Sets the identifier within the source's collection.
    pub fn with_identifier(mut self, identifier: Text) -> Self {
        self.identifier = Some(identifier);
        self
    }
}
