//! The indexes that serve the rules: every id with its kind and place, and
//! people's names by their fold, in hash tables reused between records.

pub(crate) mod hash;
pub(crate) mod ids;
pub(crate) mod names;
