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

/// The UN Security Council, an organ of the UN, and its resolution 2231
/// endorsing the JCPOA; an amending protocol, and agreements superseding
/// each other.
const RELATED: &str = r#"{"format_version":"0.2","id":"r","event":{"id":"e","kind":"meeting"},
  "parties":[
    {"id":"un","kind":{"type":"international_organisation"},"name":"United Nations"},
    {"id":"unsc","kind":{"type":"organ","organisation":"un","members":["ir"]},"name":"UN Security Council"},
    {"id":"ir","kind":{"type":"state","country":"IR"}},
    {"id":"committee","kind":{"type":"organ","organisation":"ir"},"name":"A committee"}],
  "agreements":[
    {"id":"jcpoa","kind":"plan_of_action"},
    {"id":"res-2231","kind":"resolution","parties":["unsc"],
     "related":[{"relation":"endorses","agreement":"jcpoa"},{"relation":"amends","agreement":"res-2231"}]},
    {"id":"a","kind":"treaty","related":[{"relation":"supersedes","agreement":"b"}]},
    {"id":"b","kind":"treaty","related":[{"relation":"supersedes","agreement":"c"},{"relation":{"other":"annex of"},"agreement":"a"}]},
    {"id":"c","kind":"treaty","related":[{"relation":"supersedes","agreement":"a"},{"relation":"annex_of","agreement":"missing"}]}]}"#;

#[test]
fn acts_of_organs_refer_to_agreements_and_nothing_supersedes_itself() {
    let record = Record::from_json(RELATED).unwrap();
    assert_eq!(
        record.parties[1].kind,
        diplomatic_events::PartyKind::Organ {
            organisation: "un".parse().unwrap(),
            members: vec!["ir".parse().unwrap()]
        }
    );
    assert_eq!(record.agreements[1].kind, AgreementKind::Resolution);
    let found: Vec<(Code, String, String)> =
        record.validate().into_iter().map(|p| (p.code, p.path, p.message)).collect();
    let expected = [
        (
            Code::OrganOutsideOrganisation,
            "/parties/3/kind/organisation",
            "organ \"committee\" belongs to \"ir\", a party of type `state`: an organ belongs to an international organisation or to another organ",
        ),
        (
            Code::RefersToItself,
            "/agreements/1/related/1/agreement",
            "agreement \"res-2231\" amends itself",
        ),
        (Code::OtherIsListed, "/agreements/3/related/1/relation/other", ""),
        (
            Code::UnresolvedReference,
            "/agreements/4/related/1/agreement",
            "no agreement has id \"missing\"",
        ),
        (
            Code::ReferenceCycle,
            "/agreements/4/related/0/agreement",
            "a cycle of agreements: \"a\" supersedes \"b\" supersedes \"c\" supersedes \"a\"",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((code, path, message), (want_code, want_path, want_message)) in found.iter().zip(expected)
    {
        assert_eq!((code, path.as_str()), (&want_code, want_path));
        if !want_message.is_empty() {
            assert_eq!(message, want_message);
        }
    }
}

#[test]
fn an_organ_needs_its_organisation_and_takes_no_country() {
    let kind = |body: &str| {
        let json = format!(
            r#"{{"format_version":"0.2","id":"r","event":{{"id":"e","kind":"meeting"}},"parties":[{{"id":"o","kind":{body},"name":"O"}}]}}"#
        );
        Record::from_json(&json).map(|_| ()).map_err(|e| (e.path().to_owned(), e.to_string()))
    };
    let (path, message) = kind(r#"{"type":"organ"}"#).unwrap_err();
    assert_eq!(path, "/parties/0/kind");
    assert!(message.contains("needs `organisation`"), "{message}");
    let (_, message) = kind(r#"{"type":"organ","organisation":"un","country":"US"}"#).unwrap_err();
    assert!(message.contains("has no field `country`"), "{message}");
    let (_, message) = kind(r#"{"type":"state","country":"US","organisation":"un"}"#).unwrap_err();
    assert!(message.contains("has no field `organisation`"), "{message}");
}

/// A hostile chain: 5,000 agreements, each superseding the next and the
/// first. Every reference back to the first closes a cycle, each found at
/// once (the walk is linear) and each named in a message of bounded
/// length.
#[test]
fn long_cycles_are_found_in_linear_time_with_short_messages() {
    let n = 5_000;
    let agreements: Vec<String> = (0..n)
        .map(|i| {
            let mut related = Vec::new();
            if i + 1 < n {
                related.push(format!(r#"{{"relation":"supersedes","agreement":"a{}"}}"#, i + 1));
            }
            if i > 0 {
                related.push(r#"{"relation":"supersedes","agreement":"a0"}"#.to_owned());
            }
            format!(r#"{{"id":"a{i}","kind":"treaty","related":[{}]}}"#, related.join(","))
        })
        .collect();
    let json = format!(
        r#"{{"format_version":"0.2","id":"r","event":{{"id":"e","kind":"meeting"}},"agreements":[{}]}}"#,
        agreements.join(",")
    );
    let record = Record::from_json(&json).unwrap();
    let problems = record.validate();
    assert_eq!(problems.len(), n - 1);
    assert!(problems.iter().all(|p| p.code == Code::ReferenceCycle && p.message.len() < 300));
    let longest = problems.iter().find(|p| p.message.contains("in all")).unwrap();
    assert_eq!(
        longest.message,
        "a cycle of agreements: \"a0\" supersedes \"a1\" supersedes \"a2\" supersedes \"a3\" supersedes \"a4\" supersedes \"a5\" supersedes \"a6\" supersedes \"a7\" supersedes ... (5000 agreements in all) supersedes \"a0\""
    );
}
