//! Open vocabularies: topics and sectors, in the words of the source.

use serde::{Deserialize, Serialize};

use crate::Text;

/// What an event, meeting or statement is about, in a short phrase
/// ("military and military-technical cooperation", "energy security").
/// An open vocabulary: use the source's words or a project's own list.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Topic(pub Text);

/// A field of activity of an organisation or an agreement ("defence industry",
/// "energy", "various sectors"). An open vocabulary, like [`Topic`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Sector(pub Text);

macro_rules! text_wrapper {
    ($type:ident) => {
        impl $type {
            /// The text.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl From<Text> for $type {
            fn from(text: Text) -> Self {
                $type(text)
            }
        }

        impl std::str::FromStr for $type {
            type Err = crate::TextError;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Text::parse(text).map($type)
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_wrapper!(Topic);
text_wrapper!(Sector);
