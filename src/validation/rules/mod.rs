//! The record rules, one function per rule, named after its code, grouped
//! by what they compare. The walk (`walk.rs`) calls each where it applies.

mod agreements;
mod code_lists;
mod countries;
mod counts;
mod dates;
mod delegations;
mod names;
mod outcomes;
mod parties;
mod places;
mod references;
mod sources;
mod statements;
mod time;

pub(super) use countries::days_of_period;
pub(super) use dates::Zoned;
pub(super) use delegations::UnresolvedMembers;
pub(super) use names::SeenNames;
