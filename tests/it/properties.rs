//! Properties over arbitrary valid records: round trips, byte stability,
//! agreement with the committed schema, and every broken rule caught.

use std::sync::OnceLock;

use diplomatic_events::{
    Accreditation, Actor, Agreement, AgreementKind, AgreementRelation, AgreementStatus,
    AgreementStep, Area, AreaKind, Code, Count, CountryCode, Date, Delegation, DelegationMember,
    DiplomaticRelations, DiplomaticStatus, Duration, Event, EventKind, ExtensionKey,
    ExtensionValue, Extensions, Modality, NameVariant, NameVariantKind, Outcome, OutcomeKind,
    Participation, Party, PartyId, PartyKind, Period, Person, Place, Position, RecognisedAs,
    Recognition, Record, RelatedAgreement, Relation, RelationKind, RelationsChange,
    RelationsChangeKind, ReportingVerb, Role, Signatory, Source, Statement, StatementMode,
    StepKind, Subject, Text, ThirdParty, ThirdPartyRole,
};
use proptest::prelude::*;
use proptest::sample::select;

fn text(s: &str) -> Text {
    Text::parse(s).expect("generated text is valid")
}

const GIVEN: &[&str] = &[
    "Haluk",
    "Cahit",
    "Łukasz",
    "François",
    "Zoë",
    "Владимир",
    "Никита",
    "عبد الله",
    "سلطان",
    "习近平",
    "岸田",
    "जवाहरलाल",
    "Ngozi",
    "Søren",
    "İlham",
];
const FAMILY: &[&str] = &[
    "Görgün",
    "Bağcı",
    "Dvořák",
    "Müller",
    "Хрущёв",
    "Путин",
    "الجابر",
    "نهيان",
    "文雄",
    "नेहरू",
    "Okonjo-Iweala",
    "Ørsted",
    "Əliyev",
    "O'Brien",
];

/// A UTC offset from -12:00 to +14:00 in quarter hours, with +05:45, Z and -00:00.
fn offset() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Z".to_owned()),
        Just("-00:00".to_owned()),
        Just("+05:45".to_owned()),
        Just("+05:30".to_owned()),
        (-48i32..=56).prop_map(|q| {
            let minutes = q * 15;
            let sign = if minutes < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
        }),
    ]
}

/// A date of any precision within `years`.
fn date(years: std::ops::RangeInclusive<u16>) -> impl Strategy<Value = Date> {
    (years, 1u8..=12, 1u8..=28, 0u8..24, 0u8..60, 0u8..60, 0usize..=9, offset(), 0u8..4).prop_map(
        |(y, m, d, hh, mm, ss, digits, offset, precision)| {
            let text = match precision {
                0 => format!("{y:04}"),
                1 => format!("{y:04}-{m:02}"),
                2 => format!("{y:04}-{m:02}-{d:02}"),
                _ => {
                    let fraction = if digits == 0 {
                        String::new()
                    } else {
                        format!(".{}", "7".repeat(digits))
                    };
                    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{fraction}{offset}")
                }
            };
            Date::parse(&text).expect("generated date is valid")
        },
    )
}

/// A JSON value written with unusual but exact number spellings.
fn extension_json() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        select(vec![
            "12345678901234567890123",
            "1e2",
            "-0",
            "0.5",
            "1E-7",
            "-12.50",
            "true",
            "null"
        ])
        .prop_map(str::to_owned),
        "[a-zé ]{0,8}".prop_map(|s| format!("{s:?}")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::btree_map("[a-z]{1,5}", inner, 0..4).prop_map(|m| {
                let fields: Vec<String> =
                    m.into_iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

fn extensions() -> impl Strategy<Value = Extensions> {
    prop::collection::btree_map("[a-z]{1,4}(\\.[a-z]{1,4})?:[a-z_]{1,6}", extension_json(), 0..3)
        .prop_map(|m| {
            let mut extensions = Extensions::default();
            for (key, value) in m {
                let key = ExtensionKey::parse(&key).expect("generated key");
                extensions
                    .insert(key, &ExtensionValue::from_json(&value).expect("generated value"))
                    .expect("an extension value serializes");
            }
            extensions
        })
}

fn party_kind(index: usize) -> impl Strategy<Value = PartyKind> {
    let countries = CountryCode::all();
    let earlier: Vec<String> = (0..index).map(|i| format!("p{i}")).collect();
    let member_ids = earlier.clone();
    let parent = if earlier.is_empty() {
        Just(None).boxed()
    } else {
        proptest::option::of(select(earlier)).boxed()
    };
    let members = if member_ids.is_empty() {
        Just(Vec::new()).boxed()
    } else {
        proptest::sample::subsequence(member_ids.clone(), 0..=member_ids.len().min(3)).boxed()
    };
    (0u8..7, select(countries), proptest::option::of(select(CountryCode::all())), parent, members)
        .prop_map(|(kind, country, maybe, parent, members)| {
            let parent = parent.map(|p| p.parse().expect("id"));
            let members = members.into_iter().map(|m| m.parse().expect("id")).collect();
            match kind {
                0 => PartyKind::State { country },
                1 => PartyKind::Polity {},
                2 => PartyKind::InternationalOrganisation { members },
                3 => PartyKind::GroupOfStates { members },
                4 => PartyKind::PublicBody { country: maybe, parent },
                5 => PartyKind::Company { country: maybe, parent },
                _ => PartyKind::NonStateActor { country: maybe },
            }
        })
}

fn event_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        select(vec![
            EventKind::Visit,
            EventKind::StateVisit,
            EventKind::OfficialWorkingVisit,
            EventKind::Summit,
            EventKind::Conference,
            EventKind::Talks,
            EventKind::PhoneCall,
            EventKind::VideoCall,
            EventKind::SigningCeremony,
        ]),
        Just(EventKind::Other(text("state funeral"))),
    ]
}

fn role() -> impl Strategy<Value = Role> {
    select(vec![
        Role::Host,
        Role::Guest,
        Role::HeadOfDelegation,
        Role::Member,
        Role::AttendingOfficial,
        Role::Mediator,
        Role::Witness,
        Role::Observer,
        Role::Participant,
        Role::Chair,
        Role::Negotiator,
        Role::Signatory,
        Role::Facilitator,
        Role::Depositary,
        Role::Other(text("interpreter")),
        Role::Other(text("member")),
    ])
}

/// Everything a record needs, sized by the numbers of parties and people.
#[derive(Debug, Clone)]
struct Shape {
    parties: usize,
    people: usize,
}

pub(crate) fn record() -> impl Strategy<Value = Record> {
    (2usize..6, 2usize..6).prop_map(|(parties, people)| Shape { parties, people }).prop_flat_map(
        |shape| {
            let parties: Vec<_> = (0..shape.parties)
                .map(|i| {
                    (party_kind(i), select(GIVEN), select(FAMILY), any::<bool>(), extensions())
                        .prop_map(move |(kind, a, b, named, ext)| {
                            let mut party = Party::new(format!("p{i}").parse().expect("id"), kind);
                            if named {
                                party = party.with_name(text(&format!("{a} {b} Organisation {i}")));
                            } else {
                                party =
                                    party.with_description(text(&format!("unnamed {b} body {i}")));
                            }
                            party.extensions = ext;
                            party
                        })
                })
                .collect();
            let n_parties = shape.parties;
            let people: Vec<_> = (0..shape.people)
                .map(move |i| {
                    (select(GIVEN), select(FAMILY), 0..n_parties, any::<bool>()).prop_map(
                        move |(given, family, at, variant)| {
                            let mut person = Person::named(
                                format!("h{i}").parse().expect("id"),
                                text(&format!("{given} {family} {i}")),
                            )
                            .with_positions([Position::new(text("Minister"))
                                .with_organisation(format!("p{at}").parse().expect("id"))]);
                            if variant {
                                person = person.with_name_variants([NameVariant::new(
                                    text(&format!("{given} {family} the {i}th")),
                                    NameVariantKind::Transliteration,
                                )
                                .with_language("ru-Latn".parse().expect("tag"))]);
                            }
                            person
                        },
                    )
                })
                .collect();
            let n_people = shape.people;
            (
                parties,
                people,
                date(1800..=1999),
                date(1800..=1999),
                event_kind(),
                prop::collection::vec((0..n_people, role()), 1..4),
                prop::collection::vec(event_kind(), 0..3),
                (date(2001..=2010), date(2011..=2020), date(2021..=2030)),
                date(2031..=2040),
                (any::<bool>(), 0u8..5, extensions()),
            )
                .prop_map(
                    move |(
                        parties,
                        people,
                        start,
                        end,
                        kind,
                        roles,
                        part_kinds,
                        steps,
                        published,
                        (complete, size_kind, record_ext),
                    )| {
                        build(
                            n_parties, n_people, parties, people, start, end, kind, roles,
                            part_kinds, steps, published, complete, size_kind, record_ext,
                        )
                    },
                )
        },
    )
}

#[allow(clippy::too_many_arguments)]
fn build(
    n_parties: usize,
    n_people: usize,
    parties: Vec<Party>,
    people: Vec<Person>,
    a: Date,
    b: Date,
    kind: EventKind,
    roles: Vec<(usize, Role)>,
    part_kinds: Vec<EventKind>,
    (signed, ratified, in_force): (Date, Date, Date),
    published: Date,
    complete: bool,
    size_kind: u8,
    record_ext: Extensions,
) -> Record {
    let id = |prefix: &str, i: usize| format!("{prefix}{i}");
    let (start, end) = if a.compare(&b) == std::cmp::Ordering::Greater { (b, a) } else { (a, b) };
    let call = matches!(kind, EventKind::PhoneCall | EventKind::VideoCall);
    let mut event = Event::new("event".parse().expect("id"), kind)
        .with_time(Period::new(Some(start.clone()), Some(end)));
    if call {
        event = event.with_modality(Modality::Phone);
    } else {
        event = event
            .with_place(
                Place::in_territory("HK".parse().expect("HK"), "CN".parse().expect("CN"))
                    .with_venue(text("Government House"))
                    .with_areas([
                        Area::new(text("Central")).with_kind(AreaKind::District),
                        Area::new(text("Hong Kong Island")).with_kind(AreaKind::Island),
                    ]),
            )
            .with_modality(Modality::InPerson)
            .with_duration(
                Duration::approximate("PT1H30M".parse().expect("duration"))
                    .with_as_written(text("nearly an hour and a half")),
            );
    }
    for (person, role) in roles {
        event = event.with_participants([Participation::new(
            Actor::Person(id("h", person).parse().expect("id")),
            role,
        )
        .with_acting_for("p0".parse().expect("id"))
        .with_local_time(Period::on(start.clone()))]);
    }
    event = event.with_participants([Participation::new(
        Actor::Delegation("d0".parse().expect("id")),
        Role::Guest,
    )]);
    for (i, part_kind) in part_kinds.into_iter().enumerate() {
        event = event.with_parts([Event::new(id("part", i).parse().expect("id"), part_kind)
            .with_time(Period::on(start.clone()))]);
    }
    event = event.with_mentioned([Actor::Party(id("p", n_parties - 1).parse().expect("id"))]);

    let mut delegation = Delegation::new("d0".parse().expect("id"), "p0".parse().expect("id"))
        .with_head(
            DelegationMember::person("h0".parse().expect("id"))
                .with_affiliation("p1".parse().expect("id")),
        );
    for i in 1..n_people {
        delegation = delegation
            .with_members([DelegationMember::person(id("h", i).parse().expect("id"))
                .with_role(text("adviser"))]);
    }
    let listed = n_people as u64;
    delegation.members_complete = Some(complete);
    let cited = || ["s".parse().expect("id")];
    delegation.size = Some(match size_kind {
        0 => Count::exact(listed),
        1 => Count::at_least(listed).with_as_written(text("at least that many")),
        2 => Count::approximate(40),
        3 => Count::disputed([
            Count::exact(listed).with_sources(cited()),
            Count::at_least(listed).with_as_written(text("no fewer")),
        ]),
        _ => Count::unknown().with_as_written(text("sizable")).with_sources(cited()),
    });

    let agreement_parties: Vec<_> = ["p0", "p1"].iter().map(|p| p.parse().expect("id")).collect();
    let mut agreement =
        Agreement::new("a0".parse().expect("id"), AgreementKind::MemorandumOfUnderstanding)
            .with_status(AgreementStatus::InForce)
            .with_count(Count::unknown().with_as_written(text("several")))
            .with_signatories([Signatory::new(
                "h0".parse().expect("id"),
                "p0".parse().expect("id"),
            )])
            .with_steps([AgreementStep::new(StepKind::Signed)
                .with_date(signed)
                .with_event("event".parse().expect("id"))])
            .with_steps([AgreementStep::new(StepKind::Ratified)
                .with_date(ratified)
                .with_party("p1".parse().expect("id"))])
            .with_steps([AgreementStep::new(StepKind::EnteredIntoForce).with_date(in_force)]);
    agreement.parties = agreement_parties;
    agreement.third_parties = vec![ThirdParty::new(
        Actor::Person(id("h", n_people - 1).parse().expect("id")),
        ThirdPartyRole::Witness,
    )];

    let statement = Statement::new(
        "s0".parse().expect("id"),
        Actor::Person("h0".parse().expect("id")),
        ReportingVerb::ExpressedConfidence,
        StatementMode::Quote,
        text("Сотрудничество — важно; التعاون مهم; सहयोग"),
    )
    .with_event("event".parse().expect("id"))
    .with_addressees([Actor::Party("p1".parse().expect("id"))])
    .with_about([Subject::Agreement("a0".parse().expect("id"))])
    .with_about([Subject::Topic("defence industry".parse().expect("topic"))]);

    let mut record = Record::new("generated".parse().expect("id"), event);
    record.parties = parties;
    // A valid record names countries that existed when its event did: a
    // code that named nothing at either end of the event's time gives way
    // to France, which always did.
    let period = record.event.time.clone().expect("time");
    let existed = |code: CountryCode| {
        [&period.start, &period.end].into_iter().flatten().any(|d| code.as_of(d).is_valid())
    };
    let france: CountryCode = "FR".parse().expect("FR");
    for party in &mut record.parties {
        match &mut party.kind {
            PartyKind::State { country }
            | PartyKind::PublicBody { country: Some(country), .. }
            | PartyKind::Company { country: Some(country), .. }
            | PartyKind::NonStateActor { country: Some(country) }
                if !existed(*country) =>
            {
                *country = france;
            }
            _ => {}
        }
    }
    record.people = people;
    record.delegations = vec![delegation];
    record.agreements = vec![agreement];
    record.statements = vec![statement];
    record.sources = vec![
        Source::new("s".parse().expect("id"))
            .with_published_at(published)
            .with_language("az-Latn-AZ".parse().expect("tag")),
    ];
    record.extensions = record_ext;
    // Format 0.2, part 2: an act that amends the agreement, outcomes and
    // relations between the first two parties, each citing the source.
    let (p0, p1): (PartyId, PartyId) = ("p0".parse().expect("id"), "p1".parse().expect("id"));
    record.agreements.push(
        Agreement::new("a1".parse().expect("id"), AgreementKind::Protocol)
            .with_related([RelatedAgreement::new(
                AgreementRelation::Amends,
                "a0".parse().expect("id"),
            )])
            .with_steps([AgreementStep::new(StepKind::Other(text("opened for signature")))
                .with_sources(cited())])
            .with_sources(cited()),
    );
    let status = [DiplomaticStatus::Established, DiplomaticStatus::ChargeDAffaires];
    record.outcomes = vec![
        Outcome::new(
            "o0".parse().expect("id"),
            OutcomeKind::DiplomaticRelations(
                RelationsChange::new(RelationsChangeKind::Upgraded, [p0.clone(), p1.clone()])
                    .with_status(DiplomaticStatus::Established),
            ),
        )
        .with_event("event".parse().expect("id"))
        .with_sources(cited()),
        Outcome::new(
            "o1".parse().expect("id"),
            OutcomeKind::Accreditation(
                Accreditation::new("h0".parse().expect("id"), p1.clone())
                    .with_acting_for(p0.clone()),
            ),
        ),
    ];
    record.relations = vec![
        Relation::new(RelationKind::DiplomaticRelations(DiplomaticRelations::new(
            [p0.clone(), p1.clone()],
            status[usize::from(complete)],
        )))
        .with_as_of(start)
        .with_sources(cited()),
        Relation::new(RelationKind::Recognition(Recognition::new(
            p1,
            p0,
            RecognisedAs::Government,
            complete,
        ))),
    ];
    record
}

fn schema_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/record.schema.json"),
        )
        .expect("committed schema");
        let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
        jsonschema::options().should_validate_formats(true).build(&schema).expect("compiles")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn valid_records_round_trip_byte_for_byte(record in record()) {
        prop_assert_eq!(record.validate(), vec![]);
        let line = record.to_json_line().expect("serialises");
        let parsed = Record::from_json(&line).expect("own output parses");
        prop_assert_eq!(&parsed, &record);
        prop_assert_eq!(parsed.to_json_line().expect("serialises"), line);
        let pretty = record.to_json_pretty().expect("serialises");
        prop_assert_eq!(Record::from_json(&pretty).expect("parses").to_json_pretty().expect("serialises"), pretty);
    }

    #[test]
    fn valid_records_pass_the_committed_schema(record in record()) {
        let value: serde_json::Value = serde_json::from_str(&record.to_json_line().expect("serialises")).expect("json");
        let errors: Vec<String> = schema_validator().iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }

    #[test]
    fn breaking_one_rule_is_caught_with_its_code(mut record in record(), rule in 0usize..9) {
        let code = break_rule(&mut record, rule);
        let codes: Vec<Code> = record.validate().iter().map(|p| p.code).collect();
        prop_assert!(codes.contains(&code), "broke {:?}, got {:?}", code, codes);
    }
}

/// Breaks one rule of a valid generated record and says which code must follow.
fn break_rule(record: &mut Record, rule: usize) -> Code {
    let id = |s: &str| s.parse().expect("id");
    match rule {
        0 => {
            let twin = Person::named(id("h0"), text("Another Name"));
            record.people.push(twin);
            Code::DuplicateId
        }
        1 => {
            record
                .event
                .participants
                .push(Participation::new(Actor::Person(id("nobody")), Role::Guest));
            Code::UnresolvedReference
        }
        2 => {
            let start = record.event.time.as_ref().and_then(|t| t.start.clone()).expect("start");
            let before = Date::year(start.year_number() - 1).expect("year");
            record.event.time = Some(Period::new(Some(start), Some(before)));
            Code::EndBeforeStart
        }
        3 => {
            let outsider = record.parties.last().map(|p| p.id.clone()).expect("party");
            record.agreements[0].parties.retain(|p| p != &outsider);
            record.agreements[0].signatories.push(Signatory::new(id("h0"), outsider));
            Code::SignatoryNotParty
        }
        4 => {
            record.statements[0].speakers.clear();
            Code::NoSpeaker
        }
        5 => {
            record.delegations[0].size = Some(Count::exact(0));
            Code::CountBelowListed
        }
        6 => {
            record.people.push(Person::described(id("ghost"), text("x")));
            record.people.last_mut().expect("pushed").description = None;
            Code::Anonymous
        }
        7 => {
            let signed = record.agreements[0].steps[0].date.clone().expect("date");
            let before = Date::year(signed.year_number() - 1).expect("year");
            record.agreements[0]
                .steps
                .push(AgreementStep::new(StepKind::Ratified).with_date(before));
            Code::StepsOutOfOrder
        }
        _ => {
            record.sources.push(
                Source::new("early".parse().expect("id"))
                    .with_published_at(Date::year(1700).expect("year")),
            );
            Code::SourceBeforeEvent
        }
    }
}

#[cfg(feature = "event-data")]
fn plover_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("schemas/plover/plover-event.schema.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("json");
        jsonschema::validator_for(&schema).expect("compiles")
    })
}

#[cfg(feature = "event-data")]
proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every generated record derives PLOVER events valid against the
    /// schema of PLOVER's data fields, written as serde writes them, and
    /// CAMEO rows of every column.
    #[test]
    fn derived_rows_are_well_formed(record in record()) {
        use diplomatic_events::event_data::{CAMEO_COLUMNS, cameo_rows, plover_events};
        let mut serde_lines = String::new();
        for event in plover_events(&record) {
            serde_lines.push_str(&serde_json::to_string(&event).expect("serialises"));
            serde_lines.push('\n');
            let value = serde_json::to_value(&event).expect("serialises");
            let errors: Vec<String> = plover_validator().iter_errors(&value).map(|e| e.to_string()).collect();
            prop_assert!(errors.is_empty(), "{}: {:?}", event.id, errors);
            let mut ours = Vec::new();
            event.write_json(&mut ours);
            prop_assert_eq!(String::from_utf8(ours).expect("UTF-8"), serde_json::to_string(&event).expect("serialises"));
        }
        let mut written = Vec::new();
        diplomatic_events::event_data::write_plover_events(&record, &mut written);
        prop_assert_eq!(String::from_utf8(written).expect("UTF-8"), serde_lines);
        for row in cameo_rows(&record) {
            prop_assert_eq!(row.as_tsv().split('\t').count(), CAMEO_COLUMNS.len());
        }
    }
}
