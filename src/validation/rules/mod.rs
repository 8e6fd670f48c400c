//! The record rules, grouped by the items they check.

mod agreements;
mod people;
