// A deterministic generator of realistic records for the benchmarks, in
// three sizes. Shared by benches/throughput.rs and the smoke test (tests/it/bench_smoke.rs)
// through `#[path]`, so it has no crate-level items of its own.

use diplomatic_events::Record;

/// The sizes of record generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum Size {
    /// A phone call between two leaders, with one statement (about 1 KB).
    Small,
    /// A visit with two meetings, four people, a delegation, a statement
    /// and an agreement (about 2.8 KB).
    Typical,
    /// A summit with 50 participants (about 20 KB).
    Large,
}

/// A small deterministic pseudo-random sequence (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let len = items.len().max(1) as u64;
        items.get((self.next() % len) as usize).copied().unwrap_or_default()
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const COUNTRIES: &[&str] = &[
    "TR", "AZ", "FR", "DE", "US", "CN", "IN", "JP", "BR", "ZA", "NG", "KZ", "ID", "MX", "EG", "XK",
    "GB", "IT", "KR", "SA",
];
const GIVEN: &[&str] = &[
    "Haluk",
    "Zakir",
    "Ilham",
    "Cahit",
    "Emmanuel",
    "Olaf",
    "Narendra",
    "Fumio",
    "Luiz",
    "Cyril",
    "Bola",
    "Kassym-Jomart",
    "Joko",
    "Claudia",
    "Abdel",
    "Vjosa",
    "Keir",
    "Giorgia",
    "Yoon",
    "Mohammed",
];
const FAMILY: &[&str] = &[
    "Görgün",
    "Hasanov",
    "Aliyev",
    "Bağcı",
    "Macron",
    "Scholz",
    "Modi",
    "Kishida",
    "Lula",
    "Ramaphosa",
    "Tinubu",
    "Tokayev",
    "Widodo",
    "Sheinbaum",
    "el-Sisi",
    "Osmani",
    "Starmer",
    "Meloni",
    "Suk-yeol",
    "bin Salman",
];
const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Minister of Foreign Affairs",
    "Minister of Defense",
    "Ambassador",
    "CEO",
    "Deputy Minister of Trade",
];
const TOPICS: &[&str] = &[
    "military-technical cooperation",
    "energy security",
    "trade and investment",
    "transport corridors",
    "defense industry",
    "climate finance",
    "regional security",
];
const VERBS: &[&str] = &[
    "said",
    "emphasised",
    "stressed",
    "expressed_confidence",
    "commended",
    "informed",
    "noted",
    "welcomed",
];

/// JSON text of one record of `size`, the `index`-th of its sequence.
pub(crate) fn record_json(size: Size, index: u64) -> String {
    let mut rng = Rng(index.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ size as u64);
    let day = 1 + rng.below(27);
    let month = 1 + rng.below(12);
    // From 2009: every code of COUNTRIES names a state then (Kosovo from 2008).
    let year = 2009 + rng.below(16);
    let date = format!("{year:04}-{month:02}-{day:02}");
    let (people, states, kind, parts) = match size {
        Size::Small => (2, 2, "phone_call", 0),
        Size::Typical => (4, 2, "official_visit", 2),
        Size::Large => (50, 20, "summit", 3),
    };
    let mut parties = Vec::new();
    let mut person_list = Vec::new();
    let mut used_countries = Vec::new();
    for i in 0..states {
        let code = COUNTRIES.get(i).copied().unwrap_or("TR");
        used_countries.push(code);
        parties.push(format!(
            r#"{{"id":"{}","kind":{{"type":"state","country":"{code}"}},"name":"State {code}"{}}}"#,
            code.to_lowercase(),
            if size == Size::Large {
                format!(r#","external_ids":{{"wikidata":"Q{}"}}"#, 100 + rng.below(90_000))
            } else {
                String::new()
            }
        ));
    }
    let company = format!(
        r#"{{"id":"co1","kind":{{"type":"company","country":"{}"}},"name":"{} Savunma Sanayii","sectors":["defense industry"]}}"#,
        used_countries.first().copied().unwrap_or("TR"),
        rng.pick(FAMILY)
    );
    parties.push(company);
    for i in 0..people {
        let party =
            used_countries.get(i % used_countries.len()).copied().unwrap_or("tr").to_lowercase();
        let name = format!("{} {} {i}", rng.pick(GIVEN), rng.pick(FAMILY));
        let variant = if i % 5 == 0 {
            format!(
                r#","name_variants":[{{"name":"{} transliterated {i}","kind":"transliteration","language":"ru-Latn"}}]"#,
                rng.pick(GIVEN)
            )
        } else {
            String::new()
        };
        person_list.push(format!(
            r#"{{"id":"h{i}","name":"{name}"{variant},"positions":[{{"title":"{}","organisation":"{party}"}}]}}"#,
            rng.pick(TITLES)
        ));
    }
    let participant = |i: usize, rng: &mut Rng| {
        let party =
            used_countries.get(i % used_countries.len()).copied().unwrap_or("tr").to_lowercase();
        let role = if i == 0 {
            "host"
        } else if i % 7 == 3 {
            "attending_official"
        } else {
            "guest"
        };
        let _ = rng.next();
        format!(r#"{{"participant":{{"person":"h{i}"}},"role":"{role}","acting_for":"{party}"}}"#)
    };
    let all: Vec<String> = (0..people).map(|i| participant(i, &mut rng)).collect();
    let mut part_json = Vec::new();
    for p in 0..parts {
        let some: Vec<String> =
            (0..people.min(2)).map(|i| participant((i + p) % people, &mut rng)).collect();
        part_json.push(format!(
            r#"{{"id":"part{p}","kind":"talks","time":{{"start":"{date}","end":"{date}"}},"modality":"in_person","participants":[{}]}}"#,
            some.join(","),
        ));
    }
    let place = if size == Size::Small {
        String::new()
    } else {
        r#","place":{"venue":"Presidential Palace","locality":"Baku","country":"AZ","coordinates":{"latitude":40.37767,"longitude":49.89201},"geonames_id":587084}"#.to_owned()
    };
    let modality = if size == Size::Small { "phone" } else { "in_person" };
    let parts_field = if part_json.is_empty() {
        String::new()
    } else {
        format!(r#","parts":[{}]"#, part_json.join(","))
    };
    let delegation = if size == Size::Small {
        String::new()
    } else {
        let members: Vec<String> = (2..people.min(8))
            .map(|i| format!(r#"{{"member":{{"person":"h{i}"}},"affiliation":"co1"}}"#))
            .collect();
        format!(
            r#","delegations":[{{"id":"d1","represents":"{}","head":{{"member":{{"person":"h1"}}}},"members":[{}],"members_complete":false,"size":{{"kind":"unknown","as_written":"sizable"}}}}]"#,
            used_countries.get(1).copied().unwrap_or("az").to_lowercase(),
            members.join(",")
        )
    };
    let statements: Vec<String> = (0..match size { Size::Small => 1, Size::Typical => 1, Size::Large => 12 })
        .map(|s| {
            let event = if parts > 0 { format!("part{}", s % parts) } else { "e".to_owned() };
            format!(
                r#"{{"id":"s{s}","speakers":[{{"person":"h{}"}}],"event":"{event}","reporting_verb":"{}","mode":"paraphrase","text":"the cooperation in {} will strengthen the relations between the two countries","language":"en","about":[{{"topic":"{}"}}]}}"#,
                s % people,
                rng.pick(VERBS),
                rng.pick(TOPICS),
                rng.pick(TOPICS)
            )
        })
        .collect();
    let agreements = if size == Size::Small {
        String::new()
    } else {
        format!(
            r#","agreements":[{{"id":"a1","kind":"memorandum_of_understanding","status":"signed","count":{{"kind":"unknown","as_written":"several"}},"parties":["{}","{}"],"signatories":[{{"person":"h0","acting_for":"{}"}}],"steps":[{{"step":"signed","date":"{date}","event":"e"}}],"sectors":["various sectors"]}}]"#,
            used_countries.first().copied().unwrap_or("tr").to_lowercase(),
            used_countries.get(1).copied().unwrap_or("az").to_lowercase(),
            used_countries.first().copied().unwrap_or("tr").to_lowercase()
        )
    };
    let published = format!("{:04}-{month:02}-{day:02}T10:00:00+03:00", year + 1);
    format!(
        r#"{{"format_version":"0.2","id":"bench-{index}","event":{{"id":"e","kind":"{kind}","title":"Generated event {index}","time":{{"start":"{date}","end":"{date}"}}{place},"modality":"{modality}","participants":[{}],"topics":["{}","{}"]{parts_field}}},"parties":[{}],"people":[{}]{delegation},"statements":[{}]{agreements},"sources":[{{"id":"src","publisher":"Example Wire","url":"https://example.org/news/{index}","title":"Report {index}","language":"en","published_at":"{published}"}}]}}"#,
        all.join(","),
        rng.pick(TOPICS),
        rng.pick(TOPICS),
        parties.join(","),
        person_list.join(","),
        statements.join(","),
    )
}

/// JSON Lines of `count` records of `size`, checked to be valid.
pub(crate) fn json_lines(size: Size, count: u64) -> String {
    let mut out = String::new();
    for index in 0..count {
        let line = record_json(size, index);
        debug_assert!(
            Record::from_json(&line).map(|r| r.validate().is_empty()).unwrap_or(false),
            "{line}"
        );
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The one-line form of every committed valid record file: the valid
/// fixtures, then the example records, each folder in name order. These
/// and the imported visits are the real records speed is judged on.
#[allow(dead_code)]
pub(crate) fn committed_lines() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines = Vec::new();
    for dir in ["tests/fixtures/valid", "examples/records"] {
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("a folder of records")
            .map(|entry| entry.expect("a folder entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("a record file");
            let record = Record::from_json(&text).expect("a valid record");
            lines.push(record.to_json_line().expect("serializes"));
        }
    }
    lines
}
