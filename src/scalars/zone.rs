//! Time zones by their IANA names, checked against the tz database.

use crate::scalars::newtype::{string_newtype, string_schema};

/// A time zone of the IANA tz database, by its name: `"Asia/Baku"`,
/// `"America/New_York"`, `"Atlantic/Bermuda"`, `"UTC"`.
///
/// The name must be one the tz database knows, spelled as it spells it
/// (case matters); the database is the one built into `chrono-tz`. Names
/// the database keeps for compatibility (`"Asia/Calcutta"`,
/// `"Europe/Kiev"`) are accepted and kept as written.
///
/// A day-precision [`Date`](crate::Date) is a local calendar date: the
/// time zone of its [`Period`](crate::Period), or of its event's
/// [`Place`](crate::Place), says where it is local, so that dates local to
/// different places can be compared as instants.
///
/// # Example
/// ```
/// use diplomatic_events::TimeZone;
/// let baku: TimeZone = "Asia/Baku".parse()?;
/// assert_eq!(baku.as_str(), "Asia/Baku");
/// assert!("Asia/Bakuu".parse::<TimeZone>().is_err());
/// assert!("asia/baku".parse::<TimeZone>().is_err());
/// # Ok::<(), diplomatic_events::TimeZoneError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeZone(chrono_tz::Tz);

/// Why a string is not a [`TimeZone`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{name:?} is not a time zone of the IANA tz database (write it as the database does, e.g. \"Asia/Baku\")"
)]
pub struct TimeZoneError {
    name: String,
}

impl TimeZoneError {
    /// The problem code of this error: `InvalidTimeZone`.
    pub fn code(&self) -> crate::Code {
        crate::Code::InvalidTimeZone
    }
}

impl TimeZone {
    /// The zone named `name`, exactly as the tz database spells it.
    ///
    /// # Errors
    /// [`TimeZoneError`] when the database has no zone of that name.
    ///
    /// # Example
    /// ```
    /// use diplomatic_events::TimeZone;
    /// assert!(TimeZone::parse("Asia/Kathmandu").is_ok());
    /// assert!(TimeZone::parse("UTC+4").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<Self, TimeZoneError> {
        lookup(name).map(TimeZone).ok_or_else(|| TimeZoneError { name: name.to_owned() })
    }

    /// The zone's name, as written.
    pub fn as_str(&self) -> &'static str {
        self.0.name()
    }

    /// The zone's offset from UTC, in seconds east, at the instant
    /// `seconds` after 1970-01-01T00:00:00Z.
    pub(crate) fn offset_at(self, unix_seconds: i64) -> i32 {
        use chrono::Offset as _;
        use chrono::TimeZone as _;
        match chrono::DateTime::from_timestamp(unix_seconds, 0) {
            Some(utc) => self.0.offset_from_utc_datetime(&utc.naive_utc()).fix().local_minus_utc(),
            None => 0,
        }
    }

    /// The instant, in seconds since 1970-01-01T00:00:00Z, at which the
    /// local wall-clock time `local` happens in this zone. A time in a gap
    /// (clocks put forward) is read with the offset before the gap, as RFC
    /// 5545 does, so a day that starts in a gap starts when the gap ends; a
    /// time that happens twice (clocks put back) is the earlier.
    pub(crate) fn instant_of_local(self, local: chrono::NaiveDateTime) -> i64 {
        use chrono::Offset as _;
        use chrono::TimeZone as _;
        use chrono::offset::LocalResult;
        let local_seconds = local.and_utc().timestamp();
        // One search of the zone's table of local times.
        let instant =
            |offset: chrono_tz::TzOffset| local_seconds - i64::from(offset.fix().local_minus_utc());
        match self.0.offset_from_local_datetime(&local) {
            LocalResult::Single(offset) => instant(offset),
            LocalResult::Ambiguous(a, b) => instant(a).min(instant(b)),
            // In a gap: read with the offset in force before it.
            LocalResult::None => local_seconds - i64::from(self.offset_at(local_seconds - 86_400)),
        }
    }
}

/// The zone named exactly `name`, from a table of the database's names
/// built on first use. chrono-tz's own look-up (`str::parse`, a perfect hash
/// keyed by SipHash) took about 430 instructions a name, 4 % of the time of
/// a record that names four zones (callgrind); this one takes about 80. The
/// table holds only the database's names, a third full, so a probe for any
/// text, in the database or not, stops within a few slots.
fn lookup(name: &str) -> Option<chrono_tz::Tz> {
    static TABLE: std::sync::OnceLock<Box<[u16]>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let size = (chrono_tz::TZ_VARIANTS.len() * 3).next_power_of_two();
        let mut table = vec![0u16; size].into_boxed_slice();
        for (index, zone) in chrono_tz::TZ_VARIANTS.iter().enumerate() {
            let mut slot = name_hash(zone.name()) & (size - 1);
            while table.get(slot).is_some_and(|&entry| entry != 0) {
                slot = (slot + 1) & (size - 1);
            }
            if let (Some(entry), Ok(index)) = (table.get_mut(slot), u16::try_from(index + 1)) {
                *entry = index;
            }
        }
        table
    });
    let mask = table.len() - 1;
    let mut slot = name_hash(name) & mask;
    loop {
        let entry = usize::from(*table.get(slot)?);
        let zone = chrono_tz::TZ_VARIANTS.get(entry.checked_sub(1)?)?;
        if zone.name() == name {
            return Some(*zone);
        }
        slot = (slot + 1) & mask;
    }
}

/// FNV-1a over the name's bytes.
fn name_hash(name: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // The table has fewer than 2^16 slots: the low bits are enough.
    (hash as usize) ^ ((hash >> 32) as usize)
}

string_newtype!(TimeZone, TimeZoneError);
string_schema!(TimeZone, {
    "description": "The name of a time zone in the IANA tz database, as the database spells it (\"Asia/Baku\", \"America/New_York\", \"UTC\"). Only the crate checks that the database has it.",
    "type": "string",
    "minLength": 1,
    "maxLength": 64,
    "pattern": "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9][A-Za-z0-9_+-]*)*$"
});

#[cfg(test)]
#[expect(clippy::expect_used, reason = "tests of names the database has")]
mod tests {
    use super::TimeZone;

    /// The wall-clock time `seconds` after 1970-01-01T00:00.
    fn at(seconds: i64) -> chrono::NaiveDateTime {
        chrono::DateTime::from_timestamp(seconds, 0).expect("in range").naive_utc()
    }

    #[test]
    fn local_times_in_gaps_and_overlaps_have_one_instant() {
        let new_york = TimeZone::parse("America/New_York").expect("in the database");
        // 2024-03-10 02:30 does not exist in New York (clocks go from 02:00
        // to 03:00 EST→EDT): read with EST, -05:00, it is 07:30Z.
        let gap = 1_710_037_800; // 2024-03-10T02:30:00 as if UTC
        assert_eq!(new_york.instant_of_local(at(gap)), gap + 5 * 3_600);
        // A day that starts in a gap starts when it ends: Asia/Beirut put its
        // clocks from 00:00 to 01:00 on 2024-03-31, at 22:00Z the day before.
        let beirut = TimeZone::parse("Asia/Beirut").expect("in the database");
        let midnight = 1_711_843_200; // 2024-03-31T00:00:00 as if UTC
        assert_eq!(beirut.instant_of_local(at(midnight)), midnight - 2 * 3_600);
        // 2024-11-03 01:30 happens twice: the earlier is 05:30Z (EDT).
        let twice = 1_730_597_400; // 2024-11-03T01:30:00 as if UTC
        assert_eq!(new_york.instant_of_local(at(twice)), twice + 4 * 3_600);
        // An ordinary time: Baku, +04:00.
        let baku = TimeZone::parse("Asia/Baku").expect("in the database");
        assert_eq!(baku.instant_of_local(at(1_712_016_000)), 1_712_016_000 - 4 * 3_600);
    }

    /// The date comparison skips the zones' tables for dates more than 32
    /// hours apart, on the bound that no offset is 16 hours or more from
    /// UTC: held here for every zone, every year from 1800 to 2100.
    #[test]
    fn no_offset_is_sixteen_hours_from_utc() {
        let mut largest = 0;
        for zone in chrono_tz::TZ_VARIANTS {
            let zone = TimeZone(zone);
            for year in 1800..2100_i64 {
                for quarter in 0..4 {
                    let instant = (year - 1970) * 31_556_952 + quarter * 7_889_238;
                    largest = largest.max(zone.offset_at(instant).unsigned_abs());
                }
            }
        }
        assert!(largest < 16 * 3_600, "an offset of {largest} s");
        assert!(largest > 15 * 3_600, "the extremes were not reached: {largest} s");
    }

    #[test]
    fn every_database_name_is_accepted_and_matches_the_schema_pattern() {
        let pattern = |name: &str| {
            let mut parts = name.split('/');
            let first = parts.next().unwrap_or_default();
            let part_ok = |p: &str, first: bool| {
                let mut chars = p.chars();
                chars.next().is_some_and(|c| {
                    if first { c.is_ascii_alphabetic() } else { c.is_ascii_alphanumeric() }
                }) && chars.all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
            };
            part_ok(first, true) && parts.all(|p| part_ok(p, false)) && name.len() <= 64
        };
        for zone in chrono_tz::TZ_VARIANTS {
            let name = zone.name();
            assert_eq!(TimeZone::parse(name).map(|z| z.as_str()), Ok(name));
            assert!(pattern(name), "{name} does not match the schema pattern");
        }
    }
}
