//! Local identifiers and typed references between the items of one record.
//!
//! Every item in a record (a party, a person, an event...) has an id that is
//! unique among the items of its kind, and other items point to it by that id.
//! Each kind has its own id type, so a person's id cannot be passed where a
//! party is expected.

use crate::scalars::newtype::{string_newtype, string_schema};

/// Why a string is not an acceptable identifier.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The id is empty.
    #[error("id is empty")]
    Empty,
    /// The id is longer than the limit.
    #[error("id is {len} characters long, more than the limit of {limit}")]
    TooLong {
        /// Its length in bytes (all allowed characters are ASCII).
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// The id has a character outside `A-Z a-z 0-9 . _ : -`, or does not start
    /// with a letter or digit.
    #[error(
        "id {id:?} has {found:?} at byte {position}; ids use A-Z, a-z, 0-9, '.', '_', ':' and '-', and start with a letter or digit"
    )]
    BadCharacter {
        /// The offending id.
        id: String,
        /// The first bad character.
        found: char,
        /// Its byte offset.
        position: usize,
    },
}

impl IdError {
    /// The problem code of this error: `InvalidId`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidId
    }
}

/// The longest id accepted, in characters.
pub const MAX_ID_LEN: usize = 128;

/// Which bytes an id may have after its first: ASCII letters, digits, `.`,
/// `_`, `:` and `-`.
#[allow(clippy::indexing_slicing, reason = "b < 256, the table's length")]
const ID_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b':' | b'-');
        b += 1;
    }
    table
};

pub(crate) fn check_id(text: &str) -> Result<(), IdError> {
    // The common case in one pass over the bytes; the loop below finds the
    // error when there is one.
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.len() <= MAX_ID_LEN
        && bytes.iter().all(|&b| ID_BYTE.get(usize::from(b)) == Some(&true))
    {
        return Ok(());
    }
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    for (position, c) in text.char_indices() {
        let ok = c.is_ascii_alphanumeric() || (position > 0 && matches!(c, '.' | '_' | ':' | '-'));
        if !ok {
            return Err(IdError::BadCharacter { id: text.to_owned(), found: c, position });
        }
    }
    if text.len() > MAX_ID_LEN {
        return Err(IdError::TooLong { len: text.len(), limit: MAX_ID_LEN });
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $type:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $type(compact_str::CompactString);

        impl $type {
            /// Checks `text` and makes an id of it.
            ///
            /// # Errors
            /// [`IdError`] when `text` is empty, longer than [`MAX_ID_LEN`] or has
            /// a character other than ASCII letters, digits, `.`, `_`, `:`, `-`.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use diplomatic_events::", stringify!($type), ";")]
            #[doc = concat!("assert!(", stringify!($type), "::parse(\"tr-delegation.2024\").is_ok());")]
            #[doc = concat!("assert!(", stringify!($type), "::parse(\"two words\").is_err());")]
            /// ```
            pub fn parse(text: &str) -> Result<Self, IdError> {
                check_id(text)?;
                Ok(Self(compact_str::CompactString::new(text)))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The id's own string: validation reads it out of line, so
            /// that the reading is not repeated at every reference.
            #[allow(dead_code, reason = "not every kind of id is referred to")]
            pub(crate) fn as_compact(&self) -> &compact_str::CompactString {
                &self.0
            }
        }

        // The stand-in for a broken required id is empty, which no id is:
        // it names nothing and nothing refers to it.
        string_newtype!($type, IdError, stand_in = Self(compact_str::CompactString::default()));
        string_schema!($type, {
            "description": concat!($what, ": ASCII letters, digits, '.', '_', ':' and '-', starting with a letter or digit, at most 128 characters."),
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"
        });
    };
}

id_type!(
    /// Identifies a record, ideally stably across the collection it belongs to.
    RecordId,
    "Id of the record, ideally stable across the collection it belongs to"
);
id_type!(
    /// Identifies a [`Party`](crate::Party) within a record.
    PartyId,
    "Local id of a party, unique among the parties of this record"
);
id_type!(
    /// Identifies a [`Person`](crate::Person) within a record.
    PersonId,
    "Local id of a person, unique among the people of this record"
);
id_type!(
    /// Identifies a [`Delegation`](crate::Delegation) within a record.
    DelegationId,
    "Local id of a delegation, unique among the delegations of this record"
);
id_type!(
    /// Identifies an [`Event`](crate::Event) (or one of its parts) within a record.
    EventId,
    "Local id of an event or event part, unique among the events of this record"
);
id_type!(
    /// Identifies a [`Statement`](crate::Statement) within a record.
    StatementId,
    "Local id of a statement, unique among the statements of this record"
);
id_type!(
    /// Identifies an [`Agreement`](crate::Agreement) within a record.
    AgreementId,
    "Local id of an agreement, unique among the agreements of this record"
);
id_type!(
    /// Identifies a [`Source`](crate::Source) within a record.
    SourceId,
    "Local id of a source, unique among the sources of this record"
);
id_type!(
    /// Identifies an [`Outcome`](crate::Outcome) within a record.
    OutcomeId,
    "Local id of an outcome, unique among the outcomes of this record"
);
