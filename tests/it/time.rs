//! Dates of explicit precision, parsed strictly and written back exactly.

use diplomatic_events::{Date, Precision, UtcOffset};

#[test]
fn precisions() {
    for (text, precision) in [
        ("2024", Precision::Year),
        ("0999", Precision::Year),
        ("2024-04", Precision::Month),
        ("2024-04-02", Precision::Day),
        ("2024-02-29", Precision::Day),
        ("2024-04-03T10:00:00+03:00", Precision::Time),
        ("2024-04-03T10:00:00.5Z", Precision::Time),
    ] {
        let date: Date = text.parse().expect(text);
        assert_eq!(date.precision(), precision, "{text}");
        assert_eq!(date.to_string(), text);
    }
}

#[test]
fn offsets_round_trip_exactly() {
    for (text, offset) in [
        ("2024-04-02T10:00:00+05:30", UtcOffset::Minutes(330)),
        ("2024-04-02T10:00:00+05:45", UtcOffset::Minutes(345)),
        ("2024-04-02T10:00:00-12:00", UtcOffset::Minutes(-720)),
        ("2024-04-02T10:00:00+14:00", UtcOffset::Minutes(840)),
        ("2024-04-02T10:00:00-03:30", UtcOffset::Minutes(-210)),
        ("2024-04-02T10:00:00+00:00", UtcOffset::Minutes(0)),
        ("2024-04-02T10:00:00-00:00", UtcOffset::UnknownLocal),
        ("2024-04-02T10:00:00Z", UtcOffset::Z),
    ] {
        let date: Date = text.parse().expect(text);
        assert_eq!(date.time_of_day().map(|t| t.offset()), Some(offset), "{text}");
        let json = serde_json::to_string(&date).expect("serialises");
        assert_eq!(json, format!("\"{text}\""));
        let back: Date = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, date);
    }
}

#[test]
fn fractions_keep_their_digits() {
    for text in
        ["2024-04-02T10:00:00.5Z", "2024-04-02T10:00:00.50Z", "2024-04-02T10:00:00.123456789+01:00"]
    {
        assert_eq!(text.parse::<Date>().expect(text).to_string(), text);
    }
    let t = "2024-04-02T10:00:00.25Z".parse::<Date>().expect("valid").time_of_day().expect("time");
    assert_eq!(t.nanosecond(), 250_000_000);
}

#[test]
fn error_messages() {
    let err = |s: &str| s.parse::<Date>().expect_err(s).to_string();
    let syntax = |s: &str| {
        format!(
            "{s:?} is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)"
        )
    };
    for bad in [
        "",
        "24",
        "20245",
        "2024-4",
        "2024-04-2",
        "2024/04/02",
        "2024-04-02 10:00:00Z",
        "2024-04-02t10:00:00Z",
        "2024-04-02T10:00:00z",
        "2024-04-02T10:00Z",
        "2024-04-02T10:00:00+0545",
        "2024-04-02T10:00:00+05",
        "2024-04-02T10:00:00.Z",
        "2024-04-02T10:00:00.1234567890Z",
        "2024-04-02T10:00:00Z ",
        "+2024",
        "-0001",
        "２０２４",
    ] {
        assert_eq!(err(bad), syntax(bad), "{bad:?}");
    }
    assert_eq!(
        err("2024-04-02T10:00:00"),
        "\"2024-04-02T10:00:00\" has a time of day but no UTC offset: add Z, +hh:mm or -hh:mm"
    );
    assert_eq!(err("2024-13"), "\"2024-13\" is not a real date or time: month 13 is out of range");
    assert_eq!(
        err("2024-00-01"),
        "\"2024-00-01\" is not a real date or time: month 0 is out of range"
    );
    assert_eq!(
        err("2024-02-30"),
        "\"2024-02-30\" is not a real date or time: day 30 is out of range"
    );
    assert_eq!(
        err("2023-02-29"),
        "\"2023-02-29\" is not a real date or time: day 29 is out of range"
    );
    assert_eq!(
        err("2024-04-02T24:00:00Z"),
        "\"2024-04-02T24:00:00Z\" is not a real date or time: hour 24 is out of range"
    );
    assert_eq!(
        err("2024-04-02T10:60:00Z"),
        "\"2024-04-02T10:60:00Z\" is not a real date or time: minute 60 is out of range"
    );
    assert_eq!(
        err("2024-04-02T10:00:61Z"),
        "\"2024-04-02T10:00:61Z\" is not a real date or time: second 61 is out of range"
    );
    assert_eq!(
        err("2024-04-02T10:00:00+24:00"),
        "\"2024-04-02T10:00:00+24:00\" is not a real date or time: offset hour 24 is out of range"
    );
    assert_eq!(
        err("2024-04-02T10:00:00+05:60"),
        "\"2024-04-02T10:00:00+05:60\" is not a real date or time: offset minute 60 is out of range"
    );
    assert_eq!(
        err("2016-12-31T23:59:60Z"),
        "\"2016-12-31T23:59:60Z\" is a leap second (second 60), which is not supported"
    );
}

#[test]
fn constructors_check_like_the_parser() {
    assert_eq!(Date::year(1874).expect("valid").as_str(), "1874");
    assert_eq!(Date::month(1955, 11).expect("valid").as_str(), "1955-11");
    assert_eq!(Date::day(2024, 4, 2).expect("valid").as_str(), "2024-04-02");
    assert!(Date::day(2024, 2, 30).is_err());
    assert!(Date::month(2024, 13).is_err());
    assert!(Date::year(10000).is_err());
}

/// Two date-times compare as instants in UTC, across midnight, month and
/// year ends and every kind of offset; a date-time and a day compare by
/// the date-time's local date. Checked against chrono's own arithmetic.
#[test]
fn date_times_compare_as_instants() {
    use std::cmp::Ordering;
    let days = ["1999-12-31", "2000-01-01", "2024-02-28", "2024-02-29", "2024-03-01"];
    let times = ["00:00:00", "00:30:00.5", "13:59:59", "23:45:00", "23:59:59.999999999"];
    let offsets = ["Z", "+00:00", "-00:00", "+14:00", "-12:00", "+05:45", "-03:30"];
    let mut dates = Vec::new();
    for day in days {
        for time in times {
            for offset in offsets {
                let text = format!("{day}T{time}{offset}");
                let date: Date = text.parse().expect("valid");
                let local = chrono::NaiveDateTime::parse_from_str(
                    &format!("{day}T{time}"),
                    "%Y-%m-%dT%H:%M:%S%.f",
                )
                .expect("valid");
                let minutes = match offset {
                    "Z" | "+00:00" | "-00:00" => 0,
                    _ => {
                        let sign = if offset.starts_with('-') { -1 } else { 1 };
                        let hours: i64 = offset[1..3].parse().expect("hours");
                        let mins: i64 = offset[4..6].parse().expect("minutes");
                        sign * (hours * 60 + mins)
                    }
                };
                let utc = local - chrono::TimeDelta::minutes(minutes);
                dates.push((text, date, utc, local.date()));
            }
        }
    }
    for (a_text, a, a_utc, a_day) in &dates {
        for (b_text, b, b_utc, _) in &dates {
            assert_eq!(a.compare(b), a_utc.cmp(b_utc), "{a_text} against {b_text}");
        }
        for day in days {
            let d: Date = day.parse().expect("valid");
            let expected =
                a_day.cmp(&chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("day"));
            assert_eq!(a.compare(&d), expected, "{a_text} against {day}");
            assert_eq!(d.compare(a), expected.reverse(), "{day} against {a_text}");
        }
    }
    let month: Date = "2024-02".parse().expect("valid");
    let late: Date = "2024-02-29T23:00:00-05:00".parse().expect("valid");
    assert_eq!(month.compare(&late), Ordering::Equal);
}
