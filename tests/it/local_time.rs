//! Format 0.2's time and place: dates local to time zones, each side's
//! local date, durations, offsets against zones, territories.

use std::cmp::Ordering;

use diplomatic_events::{Code, Date, Record, TimeZone};

fn d(text: &str) -> Date {
    text.parse().expect(text)
}

fn z(name: &str) -> Option<TimeZone> {
    Some(name.parse().expect(name))
}

#[test]
fn dates_local_to_different_zones_compare_as_the_time_they_cover() {
    let (new_york, shanghai, baku) = (z("America/New_York"), z("Asia/Shanghai"), z("Asia/Baku"));
    // The 15th in New York and the 16th in Shanghai overlap for 13 hours.
    assert_eq!(
        d("2021-11-16").compare_zoned(shanghai, &d("2021-11-15"), new_york),
        Ordering::Equal
    );
    assert_eq!(
        d("2021-11-15").compare_zoned(new_york, &d("2021-11-16"), shanghai),
        Ordering::Equal
    );
    // The 17th in Shanghai begins after the 15th in New York has ended.
    assert_eq!(
        d("2021-11-17").compare_zoned(shanghai, &d("2021-11-15"), new_york),
        Ordering::Greater
    );
    // And the 14th in New York ends before the 16th in Shanghai begins.
    assert_eq!(d("2021-11-14").compare_zoned(new_york, &d("2021-11-16"), shanghai), Ordering::Less);
    // Months and years are stretches of time too.
    assert_eq!(d("2021-12").compare_zoned(shanghai, &d("2021-11-30"), new_york), Ordering::Equal);
    assert_eq!(d("2022").compare_zoned(shanghai, &d("2021-12-31"), new_york), Ordering::Equal);
    assert_eq!(d("2022").compare_zoned(shanghai, &d("2021-12-30"), new_york), Ordering::Greater);
    // A date-time against a local day: in it, before it, after it.
    let day = d("2024-04-02");
    assert_eq!(d("2024-04-01T20:00:00Z").compare_zoned(None, &day, baku), Ordering::Equal);
    assert_eq!(d("2024-04-01T19:59:59Z").compare_zoned(None, &day, baku), Ordering::Less);
    assert_eq!(d("2024-04-02T20:00:00Z").compare_zoned(None, &day, baku), Ordering::Greater);
    assert_eq!(d("2024-04-02T23:59:00+04:00").compare_zoned(None, &day, baku), Ordering::Equal);
}

#[test]
fn without_a_zone_or_with_one_zone_dates_compare_as_before() {
    let pairs = [
        ("2024-04-02", "2024-04-03"),
        ("2024-04", "2024-04-02"),
        ("2024", "2023-12-31"),
        ("2024-04-02T23:00:00Z", "2024-04-02"),
        ("2024-04-02T10:00:00+04:00", "2024-04-02T09:00:00+03:00"),
    ];
    for (a, b) in pairs {
        let expected = d(a).compare(&d(b));
        for (za, zb) in [(None, None), (z("Asia/Baku"), None), (None, z("Asia/Baku"))] {
            if d(a).time_of_day().is_some() && zb.is_some() {
                continue; // an instant against a day in a known zone: the zoned rule
            }
            assert_eq!(d(a).compare_zoned(za, &d(b), zb), expected, "{a} {b} {za:?} {zb:?}");
        }
        let same = z("Europe/Berlin");
        if d(a).time_of_day().is_none() && d(b).time_of_day().is_none() {
            assert_eq!(d(a).compare_zoned(same, &d(b), same), expected, "{a} {b} in one zone");
        }
    }
}

#[test]
fn days_that_begin_in_a_gap_or_around_a_change_of_clocks() {
    let new_york = z("America/New_York");
    // 2024-03-10 had 23 hours in New York: 05:00Z to 04:00Z the next day.
    let day = d("2024-03-10");
    assert_eq!(d("2024-03-10T04:59:59Z").compare_zoned(None, &day, new_york), Ordering::Less);
    assert_eq!(d("2024-03-10T05:00:00Z").compare_zoned(None, &day, new_york), Ordering::Equal);
    assert_eq!(d("2024-03-11T03:59:59Z").compare_zoned(None, &day, new_york), Ordering::Equal);
    assert_eq!(d("2024-03-11T04:00:00Z").compare_zoned(None, &day, new_york), Ordering::Greater);
}

/// A record of one event with `event` as its JSON, and its problems' codes
/// and paths.
fn problems(event: &str) -> Vec<(Code, String)> {
    let json = format!(r#"{{"format_version": "0.2", "id": "r", "event": {event}}}"#);
    let record = Record::from_json(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    record.validate().into_iter().map(|p| (p.code, p.path)).collect()
}

#[test]
fn a_part_local_to_another_zone_is_inside_its_event_when_the_times_overlap() {
    // The parent's dates are local to New Delhi; the last stop's departure,
    // after midnight in Sydney, is still the 24th there.
    let tour = |end: &str| {
        format!(
            r#"{{"id": "e", "kind": "visit", "time": {{"start": "2023-05-19", "end": "2023-05-24", "time_zone": "Asia/Kolkata"}},
               "parts": [{{"id": "p", "kind": "official_visit", "time": {{"start": "2023-05-22", "end": "{end}"}},
                 "place": {{"locality": "Sydney", "country": "AU", "time_zone": "Australia/Sydney"}}}}]}}"#
        )
    };
    assert_eq!(problems(&tour("2023-05-25T00:30:00+10:00")), []);
    assert_eq!(
        problems(&tour("2023-05-25T06:00:00+10:00")),
        [(Code::PartOutsideParent, "/event/parts/0/time".to_owned())]
    );
    // The same part without time zones is judged by calendar dates, as in 0.1.
    let plain = r#"{"id": "e", "kind": "visit", "time": {"start": "2023-05-19", "end": "2023-05-24"},
        "parts": [{"id": "p", "kind": "official_visit", "time": {"start": "2023-05-22", "end": "2023-05-25T00:30:00+10:00"}}]}"#;
    assert_eq!(problems(plain), [(Code::PartOutsideParent, "/event/parts/0/time".to_owned())]);
}

#[test]
fn each_side_says_its_own_local_date() {
    let call = |beijing_day: &str| {
        format!(
            r#"{{"id": "e", "kind": "video_call", "time": {{"start": "2021-11-15T19:45:00-05:00", "end": "2021-11-15T23:15:00-05:00"}},
               "participants": [
                 {{"participant": {{"party": "us"}}, "role": "participant", "local_time": {{"start": "2021-11-15", "time_zone": "America/New_York"}}}},
                 {{"participant": {{"party": "cn"}}, "role": "participant", "local_time": {{"start": "{beijing_day}", "time_zone": "Asia/Shanghai"}}}}]}}"#
        )
    };
    let unresolved = |codes: Vec<(Code, String)>| -> Vec<(Code, String)> {
        codes.into_iter().filter(|(c, _)| *c != Code::UnresolvedReference).collect()
    };
    assert_eq!(unresolved(problems(&call("2021-11-16"))), []);
    assert_eq!(
        unresolved(problems(&call("2021-11-17"))),
        [(Code::LocalTimeOutsideEvent, "/event/participants/1/local_time".to_owned())]
    );
    assert_eq!(
        unresolved(problems(&call("2021-11-14"))),
        [(Code::LocalTimeOutsideEvent, "/event/participants/1/local_time".to_owned())]
    );
}

#[test]
fn offsets_must_be_the_zone_s_at_that_moment() {
    let event = |start: &str| {
        format!(
            r#"{{"id": "e", "kind": "meeting", "time": {{"start": "{start}"}},
               "place": {{"locality": "New York", "country": "US", "time_zone": "America/New_York"}}}}"#
        )
    };
    for ok in [
        "2024-07-04T10:00:00-04:00",
        "2024-01-04T10:00:00-05:00",
        "2024-07-04T14:00:00Z",
        "2024-07-04T14:00:00-00:00",
        "2024-07-04",
    ] {
        assert_eq!(problems(&event(ok)), [], "{ok}");
    }
    for wrong in
        ["2024-07-04T10:00:00-05:00", "2024-01-04T10:00:00-04:00", "2024-07-04T14:00:00+00:00"]
    {
        assert_eq!(
            problems(&event(wrong)),
            [(Code::OffsetOutsideTimeZone, "/event/time/start".to_owned())],
            "{wrong}"
        );
    }
}

#[test]
fn durations_are_held_to_the_event_s_start_and_end() {
    let event = |time: &str, duration: &str| {
        format!(r#"{{"id": "e", "kind": "meeting", "time": {time}, "duration": {duration}}}"#)
    };
    let two_hours = r#"{"start": "2024-12-10T10:00:00+01:00", "end": "2024-12-10T12:00:00+01:00"}"#;
    let one_day = r#"{"start": "2024-12-10", "end": "2024-12-10"}"#;
    // A day of unknown zone against an instant: it may be local anywhere.
    let mixed = r#"{"start": "2024-12-10", "end": "2024-12-10T12:00:00+01:00"}"#;
    let cases = [
        (two_hours, r#"{"kind": "exact", "value": "PT2H"}"#, true),
        (two_hours, r#"{"kind": "exact", "value": "PT120M"}"#, true),
        (two_hours, r#"{"kind": "exact", "value": "PT3H"}"#, false),
        (two_hours, r#"{"kind": "at_least", "value": "PT2H"}"#, true),
        (two_hours, r#"{"kind": "at_least", "value": "PT2H1M"}"#, false),
        (two_hours, r#"{"kind": "at_most", "value": "PT1H"}"#, false),
        (two_hours, r#"{"kind": "at_most", "value": "PT2H"}"#, true),
        (two_hours, r#"{"kind": "approximate", "value": "PT5H"}"#, true),
        (two_hours, r#"{"kind": "exact", "value": "P1M"}"#, true),
        (two_hours, r#"{"kind": "unknown", "as_written": "a long meeting"}"#, true),
        (one_day, r#"{"kind": "exact", "value": "PT24H"}"#, true),
        (one_day, r#"{"kind": "exact", "value": "P2D"}"#, false),
        (one_day, r#"{"kind": "at_most", "value": "PT1M"}"#, true),
        (mixed, r#"{"kind": "exact", "value": "PT26H"}"#, true),
        (mixed, r#"{"kind": "exact", "value": "P2D"}"#, false),
    ];
    for (time, duration, agrees) in cases {
        let found = problems(&event(time, duration));
        let expected = if agrees {
            vec![]
        } else {
            vec![(Code::DurationContradictsTime, "/event/duration/value".to_owned())]
        };
        assert_eq!(found, expected, "{time} {duration}");
    }
}

#[test]
fn a_day_local_to_the_event_is_not_before_a_report_published_that_day() {
    let json = |zone: &str| {
        format!(
            r#"{{"format_version": "0.2", "id": "r",
                "event": {{"id": "e", "kind": "visit", "time": {{"start": "2024-04-02"}},
                  "place": {{"locality": "Baku", "country": "AZ"{zone}}}}},
                "sources": [{{"id": "s", "published_at": "2024-04-01T21:00:00Z"}}]}}"#
        )
    };
    let codes = |text: String| -> Vec<Code> {
        Record::from_json(&text).expect("parses").validate().into_iter().map(|p| p.code).collect()
    };
    // Without a zone the calendar dates say the 1st is before the 2nd; in
    // Baku, 21:00 UTC on the 1st is 01:00 on the 2nd.
    assert_eq!(codes(json("")), [Code::SourceBeforeEvent]);
    assert_eq!(codes(json(r#", "time_zone": "Asia/Baku""#)), []);
}

#[test]
fn time_zones_and_durations_are_strict_on_both_paths() {
    for (field, value, code) in [
        ("time_zone", r#""Asia/Bakuu""#, Code::InvalidTimeZone),
        ("time_zone", r#""asia/baku""#, Code::InvalidTimeZone),
        ("time_zone", r#""+04:00""#, Code::InvalidTimeZone),
        ("time_zone", r#""""#, Code::InvalidTimeZone),
    ] {
        let json = format!(
            r#"{{"format_version": "0.2", "id": "r", "event": {{"id": "e", "kind": "visit", "place": {{"{field}": {value}}}}}}}"#
        );
        let error = Record::from_json(&json).expect_err(&json);
        assert_eq!((error.code(), error.path()), (code, "/event/place/time_zone"), "{json}");
        assert_eq!(diplomatic_events::__private::read_fast(&json), None);
    }
    for (duration, code, path) in [
        (r#"{"kind": "exact", "value": "1h"}"#, Code::InvalidDuration, "/event/duration/value"),
        (r#"{"kind": "exact"}"#, Code::MissingField, "/event/duration"),
        (r#"{"kind": "unknown", "value": "PT1H"}"#, Code::UnknownField, "/event/duration"),
        (r#"{"kind": "roughly", "value": "PT1H"}"#, Code::UnknownVariant, "/event/duration/kind"),
    ] {
        let json = format!(
            r#"{{"format_version": "0.2", "id": "r", "event": {{"id": "e", "kind": "visit", "duration": {duration}}}}}"#
        );
        let error = Record::from_json(&json).expect_err(&json);
        assert_eq!((error.code(), error.path()), (code, path), "{json}: {error}");
    }
}
