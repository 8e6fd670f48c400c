//! Design notes: why the code is shaped as it is, for maintainers.
//!
//! Nothing here is API. It records the decisions a reader of `src/` would
//! otherwise have to rediscover, and the measurements behind each
//! micro-optimisation (figures from `benches/corpora.rs` and
//! `benches/throughput.rs`, and instruction counts from callgrind; see
//! `BENCHMARKS.md` for the runs).
//!
//! # One declaration per record struct
//!
//! Each record struct is written once, inside `record_struct!`
//! (`json/declare.rs`). The macro writes the struct's serde attributes, the
//! fast reader's field list, the `with_*` helpers and the list of fields a
//! test holds to the generated schema. Adding a field is one edit, and the
//! fast reader cannot disagree with serde about which fields are required,
//! since neither takes a serde attribute from anywhere else. Every struct
//! of the schema with fields of its own must be either declared so, read by
//! hand with a field list the same test checks (`ExternalIds`), or read by
//! serde whole (`Coordinates`); the test fails on a struct that is none of
//! these.
//!
//! # The fast reader stays
//!
//! `Record::from_json` reads valid input once, with a reader that knows the
//! record's shape (`json/reader/`), and hands anything it does not accept
//! itself to serde with the JSON path tracked, which builds the record or
//! names the problem. Measured on the 3,264 imported visits (parse +
//! validate, 300,000 records, one thread; `BENCHMARKS.md`, "The fast
//! reader stays"): the fast reader runs at 0.40 of the `IgnoredAny` floor;
//! serde_json's derived code alone, without the strict adapter or the path,
//! at 0.23 (1.4 times the fast reader's instructions); serde with the strict
//! adapter and the path tracked, as for errors, at 0.13. The speed target,
//! parse + validate at least 0.35 of the floor on every real corpus, is not
//! met without it. The reader may be stricter than serde, never looser; the tests in
//! `tests/it/fast_reader.rs` and the fuzz target check that whatever it
//! accepts, serde accepts as the same record.
//!
//! # Where the time of a real record went, and what was done
//!
//! The committed records and the imported visits were measured one by one
//! (`benches/corpora.rs`). The generated corpus of the benchmarks had hidden
//! these costs, which real records have and it did not:
//!
//! - **Instruction cache.** Every field's read inlined its own copy of the
//!   string scan and of its type's check; the code of a record's read no
//!   longer fitted in the instruction cache. One out-of-line copy of the
//!   plain string scan (`Reader::plain_string`) and one function per
//!   scalar type's read raised every real corpus by 0.01 to 0.04 of the
//!   floor, for a few more instructions; one copy of the list loop per item
//!   type, likewise.
//! - **White space.** `Reader::peek` compares a byte with the space once
//!   before looking for white space: records mostly come on one line.
//! - **Names outside Latin.** Cyrillic, Greek and Arabic names were
//!   decomposed (NFD) and lower-cased character by character for the
//!   `same-person-twice` fold: up to 60 % of a record's parse time went to
//!   validation. Every character of the Basic Multilingual Plane now folds
//!   by a table built a block of 256 at a time on first use
//!   (`index/names.rs`), which a test holds to the general fold.
//! - **Text outside ASCII.** Text made of characters of combining class 0
//!   and NFC quick-check Yes is in NFC whatever surrounds them, so it skips
//!   the normalisation check (`scalars/text.rs`): the common scripts by
//!   their ranges, the rest of the plane by a table built from the Unicode
//!   data a block at a time; a test holds both to the tables.
//! - **Dates and extension values.** A date-time with an offset is 25
//!   bytes, one more than an inline `CompactString` holds: its text is kept
//!   in 35 inline bytes. An extension value's text is a `CompactString`, so
//!   a number or a word costs no allocation.
//! - **Open code lists.** `other-is-listed` built serde's "unknown variant"
//!   message for every `{"other": ...}` value to learn it was not listed;
//!   the list of names now comes from the code list's serde code
//!   (`json/wire_name.rs`) and is searched.
//! - **Extension values.** Each value went through serde_json twice (the
//!   raw value, then a walk for repeated keys with a path string per
//!   element) and `RawValue::from_string` parsed it a third time. The
//!   reader now finds a value's end with a grammar of its own
//!   (`json/grammar.rs`, held to serde_json by a test); a scan that
//!   allocates nothing vouches for values without repeated keys, `\u`
//!   escapes or floats out of range, and only the others are walked.
//! - **serde for small values.** Counts, external ids, whole numbers and
//!   `{"other": ...}` values went through serde_json from the reader; they
//!   are read directly now.
//! - **URLs, language tags, extension keys.** Each was checked in several
//!   passes (`find`, `split`, table scans); each has a one-pass check of
//!   the common case, with the full check naming the problem otherwise,
//!   and a test that the two agree.
//! - **Dropping empty maps.** An empty `BTreeMap`'s drop still walks its
//!   absent nodes, about 90 instructions, up to a dozen times a record;
//!   `Extensions` keeps its map in `ManuallyDrop` and drops it only when it
//!   has entries. (An empty map owns no memory.)
//!
//! # Validation in two passes
//!
//! `Record::validate` checks first without keeping places: a valid record
//! is checked without building a JSON Pointer step. Only a record with a
//! problem is checked again, keeping places, to report each. The rules are
//! written once (`validation/rules/`, one function per rule, named after
//! its code) and compiled for both modes; a unit test holds that the two
//! passes agree on every fixture. The walk over the record's items is in
//! `validation/walk.rs`; the indexes that serve the rules (every id by kind
//! and position, names by their fold) are in `validation/index/`, reused
//! from record to record on a thread without allocating.
//!
//! # Names are sorted, not hashed
//!
//! `same-person-twice` folds every name into one buffer and sorts the
//! folds, keyed first by their first eight bytes as a number: O(L log n)
//! byte comparisons for n names of L bytes, whatever the names. It used to
//! hash names case-blind (bit 5 set in every byte, which lower-cases ASCII
//! letters a word at a time) and confirm a matching hash by folding both
//! names; names of `[` and `{`, which differ only in that bit, all met on
//! one probe chain, and 10,000 of them took seconds. The sort costs a few
//! points of validation time on records with many people (BENCHMARKS.md);
//! `validation/complexity_tests.rs` counts its comparisons on colliding and
//! plain names at three sizes.
//!
//! # The id index
//!
//! An id of up to 8 ASCII bytes is hashed from its bytes in one word with
//! its kind and length written into the bytes' free top bits: no two such
//! ids share a hash, so a lookup compares one word and no text. The kind
//! takes three bits and the length four; a compile-time assertion
//! (`index/ids.rs`) refuses an eighth kind of id, which would not fit.
//!
//! # Roles, reviewed against PLOVER and Popolo
//!
//! [`Role`](crate::Role) is what a participant did at the event, not who
//! they are. Reviewed in format 0.2 against the lists users already code
//! with:
//!
//! - **PLOVER's CONSULT modes** (manual, section CONSULT, table "CONSULT
//!   modes"): `visit` (the actor visits, the recipient hosts), `third-party`
//!   (hosted by a third party), `multilateral` (in an alliance or
//!   organisation) and `phone` (by phone or another remote medium). PLOVER
//!   codes all participants as actors when nobody hosts. Here a visit is
//!   `guest` and `host`; a meeting at a third location is the others as
//!   `participant` with the third party as `host` (or `facilitator`);
//!   multilateral is an event of kind `conference` or `summit` with
//!   `participant`s; phone and video are the event's
//!   [`Modality`](crate::Modality), not a role, so that every role applies
//!   to every medium. Before 0.2 there was no neutral role, and both sides
//!   of a call had to be written as `guest`, which PLOVER reads as "visit".
//! - **Open States' events** type a participant as `host`, `chair` or
//!   `participant`: all three are here. **Popolo** has no event roles: a
//!   `Membership` of a person in an organisation carries a free-text `role`
//!   ("Chair", "Member"), and an event's attendees, who can only be people,
//!   have none. Its "member" is membership of an organisation; this
//!   list's `member` is membership of a delegation, so `other-is-listed`
//!   never advises `member` for `{"other": "member"}` (a conference's
//!   member state), which keeps its words.
//! - **CAMEO** 045 (mediate) and 046 (negotiate), and treaty practice:
//!   `mediator` proposes terms, `facilitator` brings the sides together or
//!   passes messages without proposing terms, `negotiator` speaks for a
//!   side, and
//!   `signatory` signs at the event (the agreement's own signatories, with
//!   the party each acts for, stay on the agreement). `depositary` holds an
//!   instrument; `witness` and `observer` were already here.
//!
//! Kept out: "delegate" (a member of a delegation, already `member`),
//! "organiser" (usually the host, otherwise a `facilitator`) and
//! "interpreter" (rarely reported; `{"other": "interpreter"}` keeps it).
//!
//! # Local time
//!
//! A date of day precision is a calendar date somewhere: 2 April in Baku
//! began at 20:00 UTC on 1 April. The zone comes from the period's
//! `time_zone`, else the event's place's, else the parent event's; a
//! participant's `local_time` names its own. Two dates local to different
//! known zones are compared as the stretches of UTC time they cover
//! (`Date::compare_zoned`): one is before the other only when all of it is.
//! A date whose zone is not known is taken to be local wherever the date
//! it is compared with is, which is the rule of format 0.1, so no 0.1
//! record changes verdict. A date-time is an instant whatever its zone; its
//! offset must be the zone's at that moment, except `Z` and `-00:00`,
//! which write the instant in UTC and claim no local offset. The tz
//! database is `chrono-tz`'s, compiled in: the check needs no file at run
//! time and gives the same answer on every machine for one release of the
//! crate. A local midnight that does not exist (clocks put forward at
//! midnight) starts the day when the gap ends.
//!
//! A look-up in a zone's table costs a few hundred instructions, so the
//! rules ask only "is this date wholly before that one?", which needs one
//! end of each date, not both; and two dates more than 32 hours apart as
//! written are in order whatever their zones, since no offset in the
//! database is 16 hours from UTC (a unit test samples every zone from 1800
//! to 2100). On the tour across four time zones
//! (`examples/records/itinerary-across-time-zones-2023-05-19.json`) this
//! took the record from 74,000 to 43,000 instructions, parse and
//! validation together (callgrind). A participant's local time and an
//! event's duration are boxed: most records have neither, and inline they
//! made every participation 192 bytes instead of 88.
//!
//! # Outcomes, relations and disputed values
//!
//! An outcome or a relation is one of a few kinds, each with its own
//! fields (a membership has a member and an organisation; a change of
//! diplomatic relations has two parties). They are written as one-key
//! objects naming the kind, `{"membership": {...}}`, as actors are, and
//! not with a `"type"` tag beside the fields as party kinds are: serde
//! reads an internally tagged enum through a buffer that loses the JSON
//! path of an error inside it, and a one-key object needs no hand-written
//! wire form. Each kind's fields are a `record_struct!`, so the fast reader,
//! the helpers and the schema check come with it, and the schema says
//! exactly which fields each kind needs (a `oneOf` of one-key objects,
//! which pydantic, TypeScript and Go read as a tagged union).
//!
//! A value the sources disagree on is kept where the value lives, as a
//! `disputed` count or duration holding each source's report, rather than
//! as a list beside every single-valued field or a record-level table of
//! claims addressed by JSON Pointer: a reader that only wants one number
//! meets the dispute where it reads the number, the fields keep their
//! types, and a 0.1 record is a 0.2 record unchanged. Names already had
//! their variants, which now cite their sources; a step taken once (signed,
//! in force) may be listed once per source's date. Validation warns
//! (`sources-disagree`) only where one value is expected and the reports
//! cannot all be true: exactly 3 and exactly 4, or exactly 5 and at least
//! 6, but not exactly 12 and more than ten, nor "about" anything; a report
//! that the list beside it or the event's time contradicts is a warning
//! too, since the record keeps it on purpose, where an undisputed count
//! would be an error.
//!
//! The order of an agreement's steps is checked by stages (negotiated,
//! initialled, signed or adopted, consent to be bound or provisional
//! application, in force or suspended, ended): a step is out of order when
//! it comes before every step of an earlier stage, by its party or by all.
//! Comparing with every earlier step instead made a party that withdrew and
//! joined again (the United States and the Paris Agreement) out of order,
//! and took time quadratic in the steps; keeping the earliest date of each
//! stage, per party, makes it linear.
//!
//! # Event data: acts first, rows after
//!
//! A record is read once into acts (the private `derive` module of
//! `event_data`, feature `event-data`): each rule of the mapping that applies yields
//! one act with its sides, date, place, contexts, sources and where in the
//! record it was read. PLOVER events and CAMEO rows are two ways of
//! writing the same acts, so they cannot disagree about what a record
//! says, and the mapping table (`RULES`) is data that both read. An act
//! borrows everything from the record; JSON Pointers are kept as indexes
//! and written only into the output. The command writes each record's
//! lines straight into one buffer, and a PLOVER event's JSON by hand, held
//! by tests to serde's bytes: on the imported visits, serde's serializer
//! alone had cost half of what reading and validating the record did. The
//! writer (`write_event` in `plover`) writes an event straight from an act,
//! without building a `PloverEvent` (whose `write_json` is serde's; a test
//! holds the two to the same bytes), and copies what a record's earlier
//! events wrote of the same place, source or entity. The key words of
//! contexts and sectors are found in one pass over a topic through an index
//! of each table's first three letters (`KeyWords` in `mapping`): searching
//! a lower-cased copy for each key word in turn had been a third of the
//! PLOVER export of the committed records.
//! BENCHMARKS.md has the figures.
