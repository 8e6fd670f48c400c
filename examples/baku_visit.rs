//! Builds the canonical Baku record (2 April 2024) with the Rust API, checks
//! that it equals `examples/records/baku-2024-04-02.json`, and prints it.
//!
//! Run with `cargo run --example baku_visit`.

use std::error::Error;

use diplomatic_events::{
    Actor, Agreement, AgreementKind, AgreementStatus, AgreementStep, Coordinates, Count,
    CountryCode, Date, Delegation, DelegationMember, Event, EventKind, ExternalIds, LanguageTag,
    Modality, NameVariant, NameVariantKind, Participation, Party, PartyKind, Period, Person, Place,
    Position, Record, ReportingVerb, Role, Source, Statement, StatementMode, StepKind, Subject,
    Text,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn text(s: &str) -> Result<Text> {
    Ok(Text::parse(s)?)
}

fn baku() -> Result<Place> {
    Ok(Place::locality(text("Baku")?, "AZ".parse()?))
}

fn talks(id: &str, title: &str) -> Result<Event> {
    Ok(Event::new(id.parse()?, EventKind::Talks)
        .with_title(text(title)?)
        .with_time(Period::on("2024-04-02".parse()?))
        .with_place(baku()?)
        .with_modality(Modality::InPerson)
        .with_participants([Participation::new(
            Actor::Delegation("tr-delegation".parse()?),
            Role::Guest,
        )])
        .with_participants([Participation::new(
            Actor::Person("gorgun".parse()?),
            Role::HeadOfDelegation,
        )
        .with_acting_for("tr".parse()?)]))
}

fn event() -> Result<Event> {
    let mut place = baku()?.with_time_zone("Asia/Baku".parse()?);
    place.coordinates = Some(Coordinates::new(40.37767, 49.89201)?);
    place.geonames_id = Some(587084);

    let defense_minister = talks("talks-defense-minister", "Talks with Defense Minister")?
        .with_participants([Participation::new(Actor::Person("hasanov".parse()?), Role::Host)
            .with_acting_for("az".parse()?)])
        .with_participants([Participation::new(
            Actor::Person("bagci".parse()?),
            Role::AttendingOfficial,
        )
        .with_acting_for("tr".parse()?)])
        .with_mentioned([Actor::Person("aliyev".parse()?)])
        .with_mentioned([Actor::Person("erdogan".parse()?)])
        .with_topics(["development of military and military-technical cooperation".parse()?])
        .with_topics(["expanding bilateral cooperation".parse()?]);

    let president = talks("talks-president", "Talks with president")?
        .with_participants([Participation::new(Actor::Person("aliyev".parse()?), Role::Host)
            .with_acting_for("az".parse()?)])
        .with_topics(["allied relations between Azerbaijan and Türkiye".parse()?])
        .with_topics(["military and defense industry".parse()?])
        .with_topics(["development of the defense industry in Azerbaijan".parse()?]);

    Ok(Event::new("visit".parse()?, EventKind::Visit)
        .with_title(text("Visit of the Turkish defense-industry delegation to Azerbaijan")?)
        .with_time(Period::on("2024-04-02".parse()?))
        .with_place(place)
        .with_modality(Modality::InPerson)
        .with_participants([Participation::new(
            Actor::Delegation("tr-delegation".parse()?),
            Role::Guest,
        )])
        .with_participants([Participation::new(Actor::Party("az".parse()?), Role::Host)])
        .with_topics(["defense industry".parse()?])
        .with_topics(["military cooperation".parse()?])
        .with_parts([defense_minister])
        .with_parts([president]))
}

const COMPANIES: [&str; 6] = ["ASELSAN", "ASFAT", "HAVELSAN", "REPKON", "ROKETSAN", "TUSAS"];

fn parties() -> Result<Vec<Party>> {
    let tr: CountryCode = "TR".parse()?;
    let az: CountryCode = "AZ".parse()?;
    let company = |country| PartyKind::Company { country: Some(country), parent: None };
    let mut parties = vec![
        Party::state("tr".parse()?, tr, text("Türkiye")?)
            .with_aliases([text("Turkey")?])
            .with_external_ids(ExternalIds::wikidata("Q43".parse()?)),
        Party::state("az".parse()?, az, text("Azerbaijan")?)
            .with_external_ids(ExternalIds::wikidata("Q227".parse()?)),
        Party::new("ssb".parse()?, PartyKind::PublicBody { country: Some(tr), parent: None })
            .with_name(text("Secretariat of Defense Industries under the Presidency of Türkiye")?)
            .with_sectors(["defense industry".parse()?]),
    ];
    for name in COMPANIES {
        parties.push(
            Party::new(name.to_lowercase().parse()?, company(tr))
                .with_name(text(name)?)
                .with_sectors(["defense industry".parse()?]),
        );
    }
    for (id, country, description) in [
        ("tr-delegation-companies", tr, "companies from the Turkish delegation"),
        ("az-defense-firms", az, "Azerbaijani defense industry firms"),
    ] {
        parties.push(
            Party::new(id.parse()?, company(country))
                .with_description(text(description)?)
                .with_sectors(["defense industry".parse()?])
                .with_count(Count::unknown()),
        );
    }
    Ok(parties)
}

fn people() -> Result<Vec<Person>> {
    let position = |title: &str, at: &str| -> Result<Position> {
        Ok(Position::new(text(title)?).with_organisation(at.parse()?))
    };
    let mut people = vec![
        Person::named("gorgun".parse()?, text("Haluk Görgün")?)
            .with_name_variants([NameVariant::new(
                text("Haluk Gorgun")?,
                NameVariantKind::Spelling,
            )])
            .with_positions([position(
                "President of the Secretariat of Defense Industries",
                "ssb",
            )?]),
        Person::named("hasanov".parse()?, text("Zakir Hasanov")?)
            .with_positions([position("Minister of Defense", "az")?]),
        Person::named("aliyev".parse()?, text("Ilham Aliyev")?)
            .with_positions([position("President", "az")?]),
        Person::named("erdogan".parse()?, text("Recep Tayyip Erdoğan")?),
        Person::named("bagci".parse()?, text("Cahit Bağcı")?).with_positions([position(
            "Ambassador",
            "tr",
        )?
        .with_accredited_to("az".parse()?)]),
    ];
    for name in COMPANIES {
        let company = name.to_lowercase();
        people.push(
            Person::described(format!("{company}-ceo").parse()?, text(&format!("CEO of {name}"))?)
                .with_positions([position("CEO", &company)?]),
        );
    }
    Ok(people)
}

fn delegation() -> Result<Delegation> {
    let mut delegation = Delegation::new("tr-delegation".parse()?, "tr".parse()?)
        .with_name(text("Turkish delegation")?)
        .with_head(DelegationMember::person("gorgun".parse()?).with_affiliation("ssb".parse()?));
    for name in COMPANIES {
        let company = name.to_lowercase();
        delegation = delegation
            .with_members([DelegationMember::person(format!("{company}-ceo").parse()?)
                .with_affiliation(company.parse()?)]);
    }
    Ok(delegation
        .with_members_complete(false)
        .with_size(Count::unknown().with_as_written(text("sizable")?)))
}

fn statements() -> Result<Vec<Statement>> {
    let en: LanguageTag = "en".parse()?;
    let said = |id: &str,
                speaker: &str,
                at: &str,
                verb: ReportingVerb,
                words: &str|
     -> Result<Statement> {
        Ok(Statement::new(
            id.parse()?,
            Actor::Person(speaker.parse()?),
            verb,
            StatementMode::Paraphrase,
            text(words)?,
        )
        .with_event(at.parse()?)
        .with_language(en.clone()))
    };
    let topic = |words: &str| -> Result<Subject> { Ok(Subject::Topic(words.parse()?)) };
    let party = |id: &str| -> Result<Subject> { Ok(Subject::Party(id.parse()?)) };
    let person = |id: &str| -> Result<Subject> { Ok(Subject::Person(id.parse()?)) };
    let minister = "talks-defense-minister";
    let president = "talks-president";
    Ok(vec![
        said("hasanov-significance", "hasanov", minister, ReportingVerb::Emphasised,
            "the significance of such encounters in terms of expanding bilateral cooperation")?
            .with_about([topic("expanding bilateral cooperation")?]),
        said("hasanov-confidence", "hasanov", minister, ReportingVerb::ExpressedConfidence,
            "the cooperative manufacturing projects launched by Azerbaijan and Türkiye will strengthen the defense capabilities of the two fraternal countries' forces")?
            .with_about([party("az")?])
            .with_about([party("tr")?])
            .with_about([topic("cooperative manufacturing projects")?]),
        said("gorgun-connections", "gorgun", minister, ReportingVerb::Stressed,
            "real connections between Ilham Aliyev and Recep Tayyip Erdoğan have a good impact on military cooperation, as well as other fields")?
            .with_about([person("aliyev")?])
            .with_about([person("erdogan")?])
            .with_about([topic("military cooperation")?]),
        Statement::new(
            "sides-allied-relations".parse()?,
            Actor::Delegation("tr-delegation".parse()?),
            ReportingVerb::Applauded,
            StatementMode::Paraphrase,
            text("the successful development of allied relations between Azerbaijan and Türkiye in all areas, including the military and defense industry")?,
        )
        .with_speakers([Actor::Person("aliyev".parse()?)])
        .with_event(president.parse()?)
        .with_language(en.clone())
        .with_about([party("az")?])
        .with_about([party("tr")?])
        .with_about([topic("allied relations between Azerbaijan and Türkiye")?]),
        said("aliyev-recognition", "aliyev", president, ReportingVerb::Commended,
            "the global recognition of Turkish military-industrial complex products for their quality and efficiency")?
            .with_about([party("tr")?])
            .with_about([topic("Turkish military-industrial complex products")?]),
        said("aliyev-steps", "aliyev", president, ReportingVerb::Underscored,
            "serious steps have been taken regarding the development of the defense industry in Azerbaijan")?
            .with_about([party("az")?])
            .with_about([topic("development of the defense industry in Azerbaijan")?]),
        said("gorgun-satisfaction", "gorgun", president, ReportingVerb::ExpressedSatisfaction,
            "satisfaction with the visit to Azerbaijan with a sizable delegation, which included heads of influential companies, which constitute the backbone of Türkiye's defense industry")?
            .with_about([Subject::Event("visit".parse()?)])
            .with_about([Subject::Delegation("tr-delegation".parse()?)]),
        said("gorgun-memoranda", "gorgun", president, ReportingVerb::Informed,
            "the signing of several memoranda between the companies from the Turkish delegation and Azerbaijani defense industry firms across various sectors during the trip")?
            .with_addressees([Actor::Person("aliyev".parse()?)])
            .with_about([Subject::Agreement("memoranda".parse()?)]),
    ])
}

fn agreement() -> Result<Agreement> {
    let mut memoranda =
        Agreement::new("memoranda".parse()?, AgreementKind::MemorandumOfUnderstanding)
            .with_status(AgreementStatus::Signed)
            .with_count(Count::unknown().with_as_written(text("several")?))
            .with_parties(["tr-delegation-companies".parse()?])
            .with_parties(["az-defense-firms".parse()?])
            .with_steps([AgreementStep::new(StepKind::Signed).with_event("visit".parse()?)])
            .with_sectors(["various sectors".parse()?]);
    memoranda.parties_complete = Some(true);
    Ok(memoranda)
}

fn record() -> Result<Record> {
    let mut record = Record::new("baku-2024-04-02".parse()?, event()?);
    record.parties = parties()?;
    record.people = people()?;
    record.delegations = vec![delegation()?];
    record.statements = statements()?;
    record.agreements = vec![agreement()?];
    let published: Date = "2024-04-03T10:00:00+03:00".parse()?;
    record.sources = vec![
        Source::new("report".parse()?).with_language("en".parse()?).with_published_at(published),
    ];
    Ok(record)
}

fn main() -> Result<()> {
    let built = record()?;
    let parsed = Record::from_json(include_str!("records/baku-2024-04-02.json"))?;
    if built != parsed {
        return Err(
            "the record built in Rust differs from examples/records/baku-2024-04-02.json".into()
        );
    }
    print!("{}", built.to_json_pretty()?);
    Ok(())
}
