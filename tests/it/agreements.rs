//! Format 0.2's agreements: every step of their life with its status,
//! per party and joined to events.

use diplomatic_events::{
    Agreement, AgreementKind, AgreementStatus, AgreementStep, Code, Event, EventKind, Party,
    Record, StepKind,
};

fn step(kind: StepKind, date: &str, party: Option<&str>) -> AgreementStep {
    let step = AgreementStep::new(kind).with_date(date.parse().unwrap());
    match party {
        Some(party) => step.with_party(party.parse().unwrap()),
        None => step,
    }
}

/// A record of one agreement between `us` and `fr` with `steps`.
fn with_steps(steps: Vec<AgreementStep>) -> Record {
    let event = Event::new("ceremony".parse().unwrap(), EventKind::SigningCeremony);
    let parties = ["us", "fr"].map(|id| {
        Party::state(id.parse().unwrap(), id.to_uppercase().parse().unwrap(), id.parse().unwrap())
    });
    let agreement = Agreement::new("paris".parse().unwrap(), AgreementKind::Agreement)
        .with_parties(["us".parse().unwrap(), "fr".parse().unwrap()])
        .with_steps(steps);
    Record::new("r".parse().unwrap(), event).with_parties(parties).with_agreements([agreement])
}

fn problems(record: &Record) -> Vec<(Code, String)> {
    record.validate().into_iter().map(|p| (p.code, p.path)).collect()
}

#[test]
fn every_status_has_its_step_and_every_step_its_status() {
    let statuses = [
        AgreementStatus::Negotiated,
        AgreementStatus::Concluded,
        AgreementStatus::Initialled,
        AgreementStatus::Signed,
        AgreementStatus::Adopted,
        AgreementStatus::Ratified,
        AgreementStatus::InForce,
        AgreementStatus::ProvisionallyApplied,
        AgreementStatus::Suspended,
        AgreementStatus::Terminated,
        AgreementStatus::WithdrawnFrom,
    ];
    for status in statuses {
        assert_eq!(status.step().status(), Some(status), "{status}");
    }
    for kin in [StepKind::Accepted, StepKind::Approved, StepKind::Acceded, StepKind::Succeeded] {
        assert_eq!(kin.status(), Some(AgreementStatus::Ratified), "{kin}");
    }
    assert_eq!(StepKind::Other("denounced".parse().unwrap()).status(), None);
    assert_eq!(AgreementStatus::WithdrawnFrom.as_str(), "withdrawn_from");
    assert_eq!(StepKind::ProvisionallyApplied.as_str(), "provisionally_applied");
}

/// The United States and the Paris Agreement: accepted in 2016, withdrawn
/// from in 2020, accepted again in 2021. Joining again is in order.
#[test]
fn a_party_that_withdraws_and_joins_again_is_in_order() {
    let record = with_steps(vec![
        step(StepKind::Adopted, "2015-12-12", None),
        step(StepKind::Signed, "2016-04-22", Some("us")),
        step(StepKind::Accepted, "2016-09-03", Some("us")),
        step(StepKind::EnteredIntoForce, "2016-11-04", None),
        step(StepKind::WithdrawnFrom, "2020-11-04", Some("us")),
        step(StepKind::Accepted, "2021-01-20", Some("us")),
        step(StepKind::EnteredIntoForce, "2021-02-19", Some("us")),
        step(StepKind::Other("denounced".parse().unwrap()), "2014", Some("fr")),
    ]);
    assert_eq!(problems(&record), []);
}

#[test]
fn a_step_before_every_step_of_an_earlier_stage_is_out_of_order() {
    let record = with_steps(vec![
        step(StepKind::Signed, "2016-04-22", None),
        // Consent by one party before anyone signed.
        step(StepKind::Ratified, "2016-03", Some("fr")),
        // In force before the text was even negotiated.
        step(StepKind::Negotiated, "2016-02", None),
        step(StepKind::EnteredIntoForce, "2016-01", None),
        // Withdrawn before it entered into force.
        step(StepKind::WithdrawnFrom, "2015", Some("us")),
        // Applied in the month of the signature: neither before nor after it, so in order.
        step(StepKind::ProvisionallyApplied, "2016-04", Some("us")),
    ]);
    let found = problems(&record);
    assert_eq!(
        found,
        [
            (Code::StepsOutOfOrder, "/agreements/0/steps/1/date".to_owned()),
            (Code::StepsOutOfOrder, "/agreements/0/steps/3/date".to_owned()),
            (Code::StepsOutOfOrder, "/agreements/0/steps/4/date".to_owned()),
        ]
    );
    let messages: Vec<String> = record.validate().into_iter().map(|p| p.message).collect();
    assert_eq!(messages[1], "entered_into_force on 2016-01 comes before negotiated on 2016-02");
}

#[test]
fn a_step_in_words_is_kept_and_warned_of_when_it_is_listed() {
    let json = r#"{"format_version":"0.2","id":"r","event":{"id":"e","kind":"meeting"},
        "agreements":[{"id":"a","kind":"treaty","steps":[
            {"step":{"other":"denounced"}},{"step":{"other":"Entered into force"}}]}]}"#;
    let record = Record::from_json(json).unwrap();
    assert_eq!(record.agreements[0].steps[0].step, StepKind::Other("denounced".parse().unwrap()));
    assert_eq!(
        problems(&record),
        [(Code::OtherIsListed, "/agreements/0/steps/1/step/other".to_owned())]
    );
}
