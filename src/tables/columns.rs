//! The plumbing of the tables: the kinds of column a table declares, how
//! each kind spreads over Arrow columns (a date over five), and the
//! builders that rows are appended to.
//!
//! A table is declared once, in [`super::declare`], with the
//! [`tables!`](crate::tables::tables) macro: each column's name, kind,
//! description and the value it takes from a row. The macro gives the
//! table's [`TableSpec`] (its Arrow schema and its documentation) and the
//! function that appends a row, so the two cannot drift apart.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int16Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder, UInt64Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};

use crate::{Count, Date, Duration, Precision};

/// The Arrow type of one column, as the tables use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Physical {
    /// UTF-8 text.
    Text,
    /// An unsigned 64-bit number.
    UInt64,
    /// A signed 64-bit number.
    Int64,
    /// A signed 16-bit number.
    Int16,
    /// `true` or `false`.
    Bool,
    /// A 64-bit float.
    Float64,
    /// A calendar date.
    Date32,
    /// An instant, in microseconds since 1970 in UTC.
    Timestamp,
}

impl Physical {
    /// The Arrow data type.
    fn data_type(self) -> DataType {
        match self {
            Physical::Text => DataType::Utf8,
            Physical::UInt64 => DataType::UInt64,
            Physical::Int64 => DataType::Int64,
            Physical::Int16 => DataType::Int16,
            Physical::Bool => DataType::Boolean,
            Physical::Float64 => DataType::Float64,
            Physical::Date32 => DataType::Date32,
            Physical::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        }
    }

    /// The type as the documentation names it, in the words of SQL
    /// engines (DuckDB's).
    pub(crate) fn sql_name(self) -> &'static str {
        match self {
            Physical::Text => "VARCHAR",
            Physical::UInt64 => "UBIGINT",
            Physical::Int64 => "BIGINT",
            Physical::Int16 => "SMALLINT",
            Physical::Bool => "BOOLEAN",
            Physical::Float64 => "DOUBLE",
            Physical::Date32 => "DATE",
            Physical::Timestamp => "TIMESTAMP WITH TIME ZONE",
        }
    }

    fn builder(self) -> Builder {
        match self {
            Physical::Text => Builder::Text(StringBuilder::with_capacity(0, 0)),
            Physical::UInt64 => Builder::UInt64(UInt64Builder::with_capacity(0)),
            Physical::Int64 => Builder::Int64(Int64Builder::with_capacity(0)),
            Physical::Int16 => Builder::Int16(Int16Builder::with_capacity(0)),
            Physical::Bool => Builder::Bool(BooleanBuilder::with_capacity(0)),
            Physical::Float64 => Builder::Float64(Float64Builder::with_capacity(0)),
            Physical::Date32 => Builder::Date32(Date32Builder::with_capacity(0)),
            Physical::Timestamp => Builder::Timestamp(
                TimestampMicrosecondBuilder::with_capacity(0).with_timezone("UTC"),
            ),
        }
    }
}

/// One Arrow column of a table: its name, type and description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSpec {
    /// The column's name, the same in every table where it means the
    /// same thing (`record_id`, `party_id`, `start_date`).
    pub name: String,
    /// Its type, as SQL engines name it (`VARCHAR`, `DATE`, `UBIGINT`).
    pub sql_type: &'static str,
    /// Whether it always has a value.
    pub required: bool,
    /// What it holds.
    pub description: String,
    pub(crate) physical: Physical,
}

/// A table: its name, what one row of it is, and its columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSpec {
    /// The table's name, which is also its folder (`events`).
    pub name: &'static str,
    /// What one row is.
    pub description: String,
    /// The columns, in order.
    pub columns: Vec<ColumnSpec>,
}

impl TableSpec {
    /// The Arrow schema of the table.
    pub(crate) fn schema(&self) -> Arc<Schema> {
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|column| Field::new(&column.name, column.physical.data_type(), !column.required))
            .collect();
        Arc::new(Schema::new(fields))
    }

    /// Empty builders for the table's columns.
    pub(crate) fn builders(&self) -> Columns {
        Columns {
            builders: self.columns.iter().map(|column| column.physical.builder()).collect(),
            rows: 0,
            bytes: 0,
        }
    }
}

/// The kinds of column a table declares. Most are one Arrow column; a
/// date is five, a count three, a duration four.
pub(crate) trait Kind {
    /// The value a row gives for a column of this kind.
    type Value<'a>;
    /// The Arrow columns it spreads over: the suffix added to the declared
    /// name, the type, and what the column holds (`{}` stands for the
    /// declared description).
    const PARTS: &'static [(&'static str, Physical, &'static str)];
    /// Appends `value` to the next [`Self::PARTS`] builders.
    fn append(cursor: &mut Cursor<'_>, value: Self::Value<'_>);
}

/// Text, or nothing: ids, names, code-list values.
pub(crate) struct Text;
/// Text that every row has: the keys.
pub(crate) struct Key;
/// A whole number of 0 or more.
pub(crate) struct Number;
/// A position in a list, from 0.
pub(crate) struct Index;
/// `true` or `false`, or nothing.
pub(crate) struct Flag;
/// A decimal number (degrees).
pub(crate) struct Decimal;
/// A [`Date`]: as written, the first day it covers, its precision, the
/// instant in UTC and the UTC offset (the last two for a date-time).
pub(crate) struct DateColumns;
/// A [`Count`]: its kind, its value and the source's words.
pub(crate) struct CountColumns;
/// A [`Duration`]: its kind, its value as written and in seconds, and the
/// source's words.
pub(crate) struct DurationColumns;

impl Kind for Text {
    type Value<'a> = Option<&'a str>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[("", Physical::Text, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: Option<&str>) {
        cursor.text(value);
    }
}

impl Kind for Key {
    type Value<'a> = &'a str;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[("", Physical::Text, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: &str) {
        cursor.text(Some(value));
    }
}

impl Kind for Number {
    type Value<'a> = Option<u64>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] =
        &[("", Physical::UInt64, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: Option<u64>) {
        cursor.uint64(value);
    }
}

impl Kind for Index {
    type Value<'a> = usize;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[("", Physical::Int64, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: usize) {
        // A list in a record read from text has far fewer than 2^63 items.
        let value = i64::try_from(value).unwrap_or(i64::MAX);
        cursor.int64(Some(value));
    }
}

impl Kind for Flag {
    type Value<'a> = Option<bool>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[("", Physical::Bool, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: Option<bool>) {
        cursor.bool(value);
    }
}

impl Kind for Decimal {
    type Value<'a> = Option<f64>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] =
        &[("", Physical::Float64, "{}")];
    fn append(cursor: &mut Cursor<'_>, value: Option<f64>) {
        cursor.float(value);
    }
}

/// Days from 1970-01-01 to the first day `date` covers.
fn first_day(date: &Date) -> Option<i32> {
    let day = match date.calendar_day() {
        Some(day) => day,
        None => {
            let year = i32::from(date.year_number());
            let month = date.as_str().get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            chrono::NaiveDate::from_ymd_opt(year, month, 1)?
        }
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from(day.signed_duration_since(epoch).num_days()).ok()
}

/// Microseconds from 1970 in UTC to a date-time's instant.
fn instant(date: &Date) -> Option<i64> {
    let time = date.time_of_day()?;
    let day = date.calendar_day()?;
    let local = day.and_hms_nano_opt(
        u32::from(time.hour()),
        u32::from(time.minute()),
        u32::from(time.second()),
        time.nanosecond(),
    )?;
    let utc = local - chrono::Duration::minutes(i64::from(time.offset().minutes()));
    Some(utc.and_utc().timestamp_micros())
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Time => "time",
    }
}

impl Kind for DateColumns {
    type Value<'a> = Option<&'a Date>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[
        ("", Physical::Text, "{}, as written (`2024`, `2024-04-02`, `2024-04-02T10:00:00+04:00`)."),
        (
            "_date",
            Physical::Date32,
            "The first calendar day it covers (`2024` gives 2024-01-01); a date-time's local day as written.",
        ),
        (
            "_precision",
            Physical::Text,
            "How precisely it is known: `year`, `month`, `day` or `time`.",
        ),
        (
            "_utc",
            Physical::Timestamp,
            "For a date-time, its instant in UTC (to the microsecond; the text keeps every digit).",
        ),
        (
            "_offset_minutes",
            Physical::Int16,
            "For a date-time, its UTC offset in minutes east of UTC, as written (0 for `Z` and for `-00:00`, local offset unknown).",
        ),
    ];
    fn append(cursor: &mut Cursor<'_>, value: Option<&Date>) {
        cursor.text(value.map(Date::as_str));
        let day = value.and_then(first_day);
        cursor.date32(day);
        cursor.text(value.map(|date| precision_name(date.precision())));
        let utc = value.and_then(instant);
        cursor.timestamp(utc);
        let offset = value.and_then(Date::time_of_day).map(|time| time.offset().minutes());
        cursor.int16(offset);
    }
}

/// The qualifier of a count, as written in records.
pub(crate) fn qualifier_of_count(count: &Count) -> &'static str {
    match count {
        Count::Exact { .. } => "exact",
        Count::Approximate { .. } => "approximate",
        Count::AtLeast { .. } => "at_least",
        Count::AtMost { .. } => "at_most",
        Count::Unknown { .. } => "unknown",
        Count::Disputed { .. } => "disputed",
    }
}

/// The qualifier of a duration, as written in records.
pub(crate) fn qualifier_of_duration(duration: &Duration) -> &'static str {
    match duration {
        Duration::Exact { .. } => "exact",
        Duration::Approximate { .. } => "approximate",
        Duration::AtLeast { .. } => "at_least",
        Duration::AtMost { .. } => "at_most",
        Duration::Unknown { .. } => "unknown",
        Duration::Disputed { .. } => "disputed",
    }
}

impl Kind for CountColumns {
    type Value<'a> = Option<&'a Count>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[
        (
            "_kind",
            Physical::Text,
            "{}: `exact`, `approximate`, `at_least`, `at_most`, `unknown` or `disputed` (each report is a row of `reports`).",
        ),
        ("_value", Physical::UInt64, "The number, unless unknown or disputed."),
        ("_as_written", Physical::Text, "The source's words for it (\"several\")."),
    ];
    fn append(cursor: &mut Cursor<'_>, value: Option<&Count>) {
        cursor.text(value.map(qualifier_of_count));
        let number = value.and_then(Count::value).copied();
        cursor.uint64(number);
        cursor.text(value.and_then(Count::as_written).map(|text| text.as_str()));
    }
}

impl Kind for DurationColumns {
    type Value<'a> = Option<&'a Duration>;
    const PARTS: &'static [(&'static str, Physical, &'static str)] = &[
        (
            "_kind",
            Physical::Text,
            "{}: `exact`, `approximate`, `at_least`, `at_most`, `unknown` or `disputed` (each report is a row of `reports`).",
        ),
        (
            "_value",
            Physical::Text,
            "The length as an ISO 8601 duration (`PT40M`), unless unknown or disputed.",
        ),
        ("_seconds", Physical::UInt64, "The length in seconds, when it has no years or months."),
        (
            "_as_written",
            Physical::Text,
            "The source's words for it (\"nearly an hour and a half\").",
        ),
    ];
    fn append(cursor: &mut Cursor<'_>, value: Option<&Duration>) {
        cursor.text(value.map(qualifier_of_duration));
        let length = value.and_then(Duration::value);
        cursor.text(length.map(|length| length.as_str()));
        let seconds = length.and_then(crate::IsoDuration::seconds);
        cursor.uint64(seconds);
        cursor.text(value.and_then(Duration::as_written).map(|text| text.as_str()));
    }
}

/// A builder of one Arrow column.
pub(crate) enum Builder {
    Text(StringBuilder),
    UInt64(UInt64Builder),
    Int64(Int64Builder),
    Int16(Int16Builder),
    Bool(BooleanBuilder),
    Float64(Float64Builder),
    Date32(Date32Builder),
    Timestamp(TimestampMicrosecondBuilder),
}

impl Builder {
    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::UInt64(b) => Arc::new(b.finish()),
            Builder::Int64(b) => Arc::new(b.finish()),
            Builder::Int16(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Float64(b) => Arc::new(b.finish()),
            Builder::Date32(b) => Arc::new(b.finish()),
            Builder::Timestamp(b) => Arc::new(b.finish()),
        }
    }
}

/// The rows of one table not yet handed to its writer.
pub(crate) struct Columns {
    builders: Vec<Builder>,
    /// How many rows they hold.
    pub(crate) rows: usize,
    /// About how many bytes they hold: the text, and 8 a value.
    pub(crate) bytes: usize,
}

impl Columns {
    /// A cursor over the builders, for appending one row.
    pub(crate) fn row(&mut self) -> Cursor<'_> {
        self.rows += 1;
        Cursor { builders: self.builders.iter_mut(), bytes: &mut self.bytes, mismatch: false }
    }

    /// The rows as a record batch of `schema`, the builders emptied.
    ///
    /// # Errors
    /// When the columns do not fit the schema: a row that appended another
    /// kind of value than its table declares, which the tests rule out.
    pub(crate) fn finish(
        &mut self,
        schema: &Arc<Schema>,
    ) -> Result<RecordBatch, arrow_schema::ArrowError> {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        self.rows = 0;
        self.bytes = 0;
        RecordBatch::try_new(Arc::clone(schema), arrays)
    }
}

/// Appends one row's values to the builders, in column order.
pub(crate) struct Cursor<'a> {
    builders: std::slice::IterMut<'a, Builder>,
    bytes: &'a mut usize,
    /// Whether a value met a builder of another type, or no builder.
    pub(crate) mismatch: bool,
}

/// A method of [`Cursor`] that appends an optional value to the next
/// builder, which must be of the given variant.
macro_rules! append_to {
    ($($method:ident($type:ty) => $variant:ident),* $(,)?) => {
        $(fn $method(&mut self, value: Option<$type>) {
            *self.bytes += 8;
            match self.builders.next() {
                Some(Builder::$variant(builder)) => builder.append_option(value),
                _ => self.mismatch = true,
            }
        })*
    };
}

impl Cursor<'_> {
    append_to! {
        uint64(u64) => UInt64,
        int64(i64) => Int64,
        int16(i16) => Int16,
        bool(bool) => Bool,
        float(f64) => Float64,
        date32(i32) => Date32,
        timestamp(i64) => Timestamp,
    }

    fn text(&mut self, value: Option<&str>) {
        *self.bytes += 8 + value.map_or(0, str::len);
        match self.builders.next() {
            Some(Builder::Text(builder)) => builder.append_option(value),
            _ => self.mismatch = true,
        }
    }

    /// Whether every builder got a value.
    pub(crate) fn is_complete(&mut self) -> bool {
        !self.mismatch && self.builders.next().is_none()
    }
}

/// The Arrow columns of a declared column of kind `K`, named after `name`.
pub(crate) fn columns_of<K: Kind>(
    name: &str,
    required: bool,
    description: &str,
) -> Vec<ColumnSpec> {
    K::PARTS
        .iter()
        .map(|(suffix, physical, words)| ColumnSpec {
            name: format!("{name}{suffix}"),
            sql_type: physical.sql_name(),
            required: required && suffix.is_empty(),
            description: if *words == "{}" {
                description.to_owned()
            } else {
                words.replace("{}", description.trim_end_matches('.'))
            },
            physical: *physical,
        })
        .collect()
}
