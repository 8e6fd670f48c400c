//! The mapping from a record to PLOVER events and CAMEO rows, as data: one
//! [`Rule`] per pattern of the record, with the PLOVER category and mode
//! and the CAMEO codes it yields; the tables of entity codes, sectors,
//! contexts and scales the rules use.

use serde::Serialize;

/// The codebooks the mapping follows.
pub const CODEBOOKS: &str = "PLOVER manual, draft 0.8 (2021-09-17, openeventdata/PLOVER) with its CAMEO-to-PLOVER table; CAMEO 1.1b3 (2012); GDELT 2.0 event codebook (columns) and its CAMEO Goldstein table";

/// The version of this mapping, as a literal for `concat!`.
macro_rules! mapping_version {
    () => {
        "diplomatic-events-mapping-1"
    };
}
pub(crate) use mapping_version;

/// The version of this mapping, written into every PLOVER event's
/// `coder` and `cite_info.codebook`; it changes whenever a rule does.
pub const MAPPING_VERSION: &str = mapping_version!();

/// One rule of the mapping: what in a record it reads, and what it derives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rule {
    /// The rule's name, written into every derived row's id.
    pub name: &'static str,
    /// What in the record the rule reads.
    pub reads: &'static str,
    /// The PLOVER event category, or `""` when the rule yields CAMEO rows only.
    pub plover_event: &'static str,
    /// The PLOVER mode, or `""`.
    pub plover_mode: &'static str,
    /// The CAMEO code from the PLOVER actor to the recipient (or, with no
    /// recipient, between every ordered pair of actors).
    pub cameo_forward: &'static str,
    /// The CAMEO code from the recipient back to the actor, or `""`.
    pub cameo_back: &'static str,
    /// Choices and limits.
    pub note: &'static str,
}

impl Rule {
    /// Whether it is `other`, by name: the rules are constants, so that
    /// the same rule may be at two addresses and `std::ptr::eq` can fail.
    pub(crate) fn is(&self, other: &Rule) -> bool {
        super::derive::same_key(self.name, other.name)
    }
}

/// A visit: hosts and guests of different sides.
pub const CONSULT_VISIT: Rule = Rule {
    name: "consult-visit",
    reads: "an event or part, in person, with a participant of role `host` and one of role `guest` on different sides",
    plover_event: "CONSULT",
    plover_mode: "visit",
    cameo_forward: "042",
    cameo_back: "043",
    note: "PLOVER: the guests are the actor, the hosts the recipient. CAMEO: guest to host 042 (make a visit), host to guest 043 (host a visit); two guest sides, or two host sides, consult each other (040).",
};

/// A call.
pub const CONSULT_PHONE: Rule = Rule {
    name: "consult-phone",
    reads: "an event or part held by phone or video (modality `phone`, `video` or `hybrid`, or kind `phone_call` or `video_call`)",
    plover_event: "CONSULT",
    plover_mode: "phone",
    cameo_forward: "041",
    cameo_back: "041",
    note: "Who called whom is not a field of the record: every side is an actor, and CAMEO gets 041 (discuss by telephone) both ways.",
};

/// A meeting of several sides.
pub const CONSULT_MULTILATERAL: Rule = Rule {
    name: "consult-multilateral",
    reads: "an event or part in person with three sides or more, or with an international organisation, an organ or a group of states among its sides",
    plover_event: "CONSULT",
    plover_mode: "multilateral",
    cameo_forward: "040",
    cameo_back: "040",
    note: "PLOVER keeps one event with every side as actor (a compound actor). CAMEO rows are dyadic: one 040 row for every ordered pair of sides, n(n-1) rows for n sides; with a host, host to guest is 043 and guest to host 042 instead.",
};

/// A meeting in a country of neither side.
pub const CONSULT_THIRD_PARTY: Rule = Rule {
    name: "consult-third-party",
    reads: "an event or part in person between two sides, none of them host, whose place is in a country of neither side, or with a mediator or facilitator",
    plover_event: "CONSULT",
    plover_mode: "third-party",
    cameo_forward: "044",
    cameo_back: "044",
    note: "CAMEO 044 (meet at a third location) both ways between the two sides; a mediator's own rows come from `mediate`.",
};

/// Any other meeting of two sides.
pub const CONSULT: Rule = Rule {
    name: "consult",
    reads: "an event or part in person between two sides, none of them host, in a country of one of them or in no known place",
    plover_event: "CONSULT",
    plover_mode: "",
    cameo_forward: "040",
    cameo_back: "040",
    note: "Host and guest cannot be told apart: both sides are the actor and there is no recipient (PLOVER, CONSULT).",
};

/// A mediator's part in a meeting.
pub const MEDIATE: Rule = Rule {
    name: "mediate",
    reads: "a participant of role `mediator` or `facilitator` in a meeting, on a side of its own",
    plover_event: "",
    plover_mode: "",
    cameo_forward: "045",
    cameo_back: "",
    note: "CAMEO only: 045 (engage in mediation) from the mediator to each other side. In PLOVER the mediator is one of the meeting's actors and its mode is `third-party`.",
};

/// Negotiators in a meeting.
pub const NEGOTIATE: Rule = Rule {
    name: "negotiate",
    reads: "participants of role `negotiator` on two sides or more of one meeting",
    plover_event: "",
    plover_mode: "",
    cameo_forward: "046",
    cameo_back: "046",
    note: "CAMEO only: 046 (engage in negotiation) between every ordered pair of negotiating sides; PLOVER keeps the meeting's CONSULT.",
};

/// Signing or ratifying an agreement.
pub const SIGN: Rule = Rule {
    name: "sign",
    reads: "an agreement step `signed`, `concluded`, `adopted`, `ratified`, `accepted`, `approved`, `acceded` or `succeeded`, dated or joined to a dated event",
    plover_event: "SUPPORT",
    plover_mode: "",
    cameo_forward: "057",
    cameo_back: "057",
    note: "A step by one party: that party is the actor and the other parties the recipient. A step by all: every party is the actor. CAMEO 057 (sign formal agreement) for every ordered pair; an act of one party alone (a resolution) yields no CAMEO row. Undated steps are not derived: an event row needs a date.",
};

/// Praise.
pub const PRAISE: Rule = Rule {
    name: "praise",
    reads: "a statement whose reporting verb is `commended`, `applauded`, `welcomed` or `expressed_satisfaction`",
    plover_event: "SUPPORT",
    plover_mode: "",
    cameo_forward: "051",
    cameo_back: "",
    note: "The speakers are the actor; the addressees, and the people, parties and delegations it is about, the recipient. Other reporting verbs (said, stressed, informed...) carry no event category and are not derived.",
};

/// A promise.
pub const PROMISE: Rule = Rule {
    name: "promise",
    reads: "a statement whose reporting verb is `promised` or `agreed`",
    plover_event: "AGREE",
    plover_mode: "",
    cameo_forward: "030",
    cameo_back: "",
    note: "CAMEO 030 (express intent to cooperate).",
};

/// An appeal.
pub const APPEAL: Rule = Rule {
    name: "appeal",
    reads: "a statement whose reporting verb is `called_for`",
    plover_event: "REQUEST",
    plover_mode: "",
    cameo_forward: "020",
    cameo_back: "",
    note: "CAMEO 020 (make an appeal or request).",
};

/// Criticism.
pub const CRITICISE: Rule = Rule {
    name: "criticise",
    reads: "a statement whose reporting verb is `condemned`",
    plover_event: "ACCUSE",
    plover_mode: "disapprove",
    cameo_forward: "111",
    cameo_back: "",
    note: "CAMEO 111 (criticize or denounce).",
};

/// Relations established.
pub const RELATIONS_ESTABLISHED: Rule = Rule {
    name: "relations-established",
    reads: "an outcome `diplomatic_relations` of change `established`, `restored` or `upgraded`",
    plover_event: "SUPPORT",
    plover_mode: "",
    cameo_forward: "050",
    cameo_back: "050",
    note: "PLOVER SUPPORT covers the initiation of diplomatic ties; both parties are the actor. CAMEO 050 (engage in diplomatic cooperation) both ways.",
};

/// Relations reduced.
pub const RELATIONS_REDUCED: Rule = Rule {
    name: "relations-reduced",
    reads: "an outcome `diplomatic_relations` of change `severed` or `downgraded`",
    plover_event: "SANCTION",
    plover_mode: "withdraw",
    cameo_forward: "161",
    cameo_back: "161",
    note: "CAMEO 161 (reduce or break diplomatic relations). Which side broke them off is not a field of the outcome: both are the actor, and CAMEO gets both ways.",
};

/// Recognition granted.
pub const RECOGNISE: Rule = Rule {
    name: "recognise",
    reads: "an outcome `recognition` of change `granted`",
    plover_event: "SUPPORT",
    plover_mode: "",
    cameo_forward: "054",
    cameo_back: "",
    note: "CAMEO 054 (grant diplomatic recognition), from the recognising party to the recognised.",
};

/// Recognition withdrawn.
pub const WITHDRAW_RECOGNITION: Rule = Rule {
    name: "withdraw-recognition",
    reads: "an outcome `recognition` of change `withdrawn`",
    plover_event: "SANCTION",
    plover_mode: "withdraw",
    cameo_forward: "160",
    cameo_back: "",
    note: "CAMEO has no code of its own for it: 160 (reduce relations).",
};

/// A member admitted.
pub const ADMIT: Rule = Rule {
    name: "admit",
    reads: "an outcome `membership` of change `admitted`, `admitted_as_observer` or `reinstated`",
    plover_event: "SUPPORT",
    plover_mode: "",
    cameo_forward: "050",
    cameo_back: "",
    note: "The organisation is the actor and the member the recipient; CAMEO 050 (engage in diplomatic cooperation).",
};

/// A member suspended or expelled.
pub const EXPEL: Rule = Rule {
    name: "expel",
    reads: "an outcome `membership` of change `suspended` or `expelled`",
    plover_event: "SANCTION",
    plover_mode: "expel",
    cameo_forward: "166",
    cameo_back: "",
    note: "CAMEO 166 (expel or withdraw), from the organisation to the member.",
};

/// A member leaving.
pub const LEAVE: Rule = Rule {
    name: "leave",
    reads: "an outcome `membership` of change `left`",
    plover_event: "SANCTION",
    plover_mode: "withdraw",
    cameo_forward: "160",
    cameo_back: "",
    note: "CAMEO 160 (reduce relations), from the member to the organisation.",
};

/// Every rule, in the order derived rows come out.
pub const RULES: &[Rule] = &[
    CONSULT_VISIT,
    CONSULT_PHONE,
    CONSULT_MULTILATERAL,
    CONSULT_THIRD_PARTY,
    CONSULT,
    MEDIATE,
    NEGOTIATE,
    SIGN,
    PRAISE,
    PROMISE,
    APPEAL,
    CRITICISE,
    RELATIONS_ESTABLISHED,
    RELATIONS_REDUCED,
    RECOGNISE,
    WITHDRAW_RECOGNITION,
    ADMIT,
    EXPEL,
    LEAVE,
];

/// What the record holds that no rule derives, and why.
pub const NOT_DERIVED: &[(&str, &str)] = &[
    (
        "statements of other reporting verbs (said, stated, emphasised, stressed, underscored, noted, informed, announced, expressed confidence or concern, proposed, warned, denied)",
        "they report speech, not an act of a category; a coder would code what was said, which the record keeps as text",
    ),
    (
        "appointments and accreditations",
        "neither codebook has a category for them; the meeting at which credentials were presented is derived as a consultation",
    ),
    ("relations as they stood", "they describe a state of affairs, not an event"),
    (
        "agreement steps initialled, negotiated, provisionally applied, entered into force, suspended, terminated, withdrawn from, or in words",
        "no category of either codebook is the step itself",
    ),
    (
        "participants of role attending official, witness, observer or depositary",
        "present without being a side of the meeting",
    ),
    ("undated items", "an event row needs a date"),
    ("a meeting of one side only", "an event needs two sides"),
    (
        "CAMEO rows of an act that would yield more than 250,000 (`MAX_ROWS_PER_ACT`; over 500 sides)",
        "a hostile record must not produce unbounded output; its PLOVER event, one compound event, is still derived",
    ),
];

/// The Goldstein scale value of a CAMEO code, as GDELT's
/// `CAMEO.goldsteinscale.txt` writes it, for the codes the rules use.
pub fn goldstein_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "020" => "3.0",
        "030" => "4.0",
        "040" => "1.0",
        "041" => "1.0",
        "042" => "1.9",
        "043" => "2.8",
        "044" => "2.5",
        "045" => "5.0",
        "046" => "7.0",
        "050" => "3.5",
        "051" => "3.4",
        "054" => "6.0",
        "057" => "8.0",
        "111" => "-2.0",
        "160" => "-4.0",
        "161" => "-4.0",
        "166" => "-7.0",
        _ => return None,
    })
}

/// The Goldstein scale value of a CAMEO code (see [`goldstein_text`]).
pub fn goldstein(code: &str) -> Option<f32> {
    goldstein_text(code).and_then(|text| text.parse().ok())
}

/// CAMEO's quad class of a code, by its root: 1 verbal cooperation (01-05),
/// 2 material cooperation (06-08), 3 verbal conflict (09-14), 4 material
/// conflict (15-20).
pub fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|root| root.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=14) => 3,
        _ => 4,
    }
}

/// PLOVER's quad category of an event category.
pub fn plover_quad(event: &str) -> u8 {
    match event {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => 1,
        "COOPERATE" | "AID" | "RETREAT" => 2,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => 3,
        _ => 4,
    }
}

/// PLOVER's conflict-cooperation score of a category and mode (the
/// manual's "PLOVER conflict-cooperation scores" table).
pub fn plover_scale(event: &str, mode: &str) -> Option<f32> {
    Some(match (event, mode) {
        ("CONSULT", "visit") => 4.0,
        ("CONSULT", "third-party") => 1.0,
        ("CONSULT", "multilateral") => 4.0,
        ("CONSULT", "phone") => 1.5,
        ("CONSULT", _) => 2.5,
        ("AGREE", _) => 2.5,
        ("SUPPORT", _) => 5.0,
        ("REQUEST", _) => 0.0,
        ("ACCUSE", "disapprove") => -2.0,
        ("SANCTION", "withdraw") => -6.0,
        ("SANCTION", "expel") => -5.5,
        ("SANCTION", _) => -6.0,
        _ => return None,
    })
}

/// PLOVER contexts from the words of topics and sectors: a context is
/// given when a topic or sector contains one of its words (folded to
/// lower case). The list is short on purpose: a context is a claim.
pub const CONTEXT_WORDS: &[(&str, &[&str])] = &[
    ("military", &["military", "defence", "defense", "armed forces", "army", "navy", "air force"]),
    ("economic", &["econom", "trade", "investment", "finance", "financial", "business"]),
    ("technology", &["technolog"]),
    ("environment", &["climate", "environment"]),
    ("cbrn", &["nuclear", "chemical weapon", "biological weapon"]),
    ("health", &["health", "pandemic", "epidemic"]),
    ("migration", &["migration", "refugee"]),
    ("natural_resource", &["energy", "oil", "gas", "mining"]),
    ("legal", &["legal", "justice", "judicial"]),
    ("diplomatic", &["diplomatic", "relations"]),
    ("territory", &["territor", "border"]),
    ("peacekeeping", &["peacekeeping"]),
    ("terrorism", &["terroris"]),
    ("cyber", &["cyber"]),
];

/// The contexts of `words` (topics and sectors), in the table's order.
pub fn contexts<'a>(words: impl Iterator<Item = &'a str>) -> Vec<&'static str> {
    let found = words.fold(0, |found, word| found | CONTEXTS.rows_in(word));
    if found == 0 {
        // No key word (most items): no walk through the table.
        return Vec::new();
    }
    CONTEXT_WORDS
        .iter()
        .enumerate()
        .filter(|(row, _)| found & (1 << row) != 0)
        .map(|(_, (context, _))| *context)
        .collect()
}

/// The sector of a public body from its name and description: the first
/// row of [`BODY_SECTOR_WORDS`] with a word in either, else `GOV`.
pub(crate) fn body_sector<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    let found = texts.fold(0, |found, text| found | BODY_SECTORS.rows_in(text));
    let first = found.trailing_zeros() as usize;
    BODY_SECTOR_WORDS.get(first).map_or("GOV", |(sector, _)| sector)
}

/// [`CONTEXT_WORDS`], indexed for [`KeyWords::rows_in`].
const CONTEXTS: KeyWords = KeyWords::new(CONTEXT_WORDS);

/// [`BODY_SECTOR_WORDS`], indexed for [`KeyWords::rows_in`].
const BODY_SECTORS: KeyWords = KeyWords::new(BODY_SECTOR_WORDS);

/// A table of rows with their key words, and for each three bytes (by a
/// hash of their letters) the rows that have a key word starting with
/// them. Looking for every key word in a topic one at a time, on a copy
/// folded to lower case, made these tables about a third of the cost of
/// the PLOVER export of the committed records (callgrind). An index of the
/// first two letters then looked further at most positions of English
/// text (`en`, `re`, `de` start key words), a branch hard to predict; three
/// letters (`env`, `ene`, `ref`, `rel`, `def`) are rarely there when no key
/// word is. Cachegrind, the committed records' PLOVER export (50 rounds):
/// the search from 1.78 M to 1.28 M instructions and from 44 K to 15 K
/// mispredicted branches; the index (2 KiB, rows as 16 bits) from 27 K to
/// 21 K cache misses.
struct KeyWords {
    rows: &'static [(&'static str, &'static [&'static str])],
    /// For each slot of [`KeyWords::slot`], the rows with a key word whose
    /// first three bytes fall in it.
    first_three: [u16; 1024],
}

impl KeyWords {
    /// The slot of three bytes in `first_three`: a hash of their low five
    /// bits, the same for an ASCII letter in either case. Other bytes, and
    /// other letters, may share a slot; a candidate is always checked in
    /// full.
    const fn slot(a: u8, b: u8, c: u8) -> usize {
        let letters = ((a as u32 & 31) << 10) | ((b as u32 & 31) << 5) | (c as u32 & 31);
        (letters.wrapping_mul(0x9E37_79B1) >> 22) as usize
    }

    /// Indexes `rows`; a table of more than 16 rows, or with a key word
    /// shorter than three bytes or not in lower-case ASCII, fails to compile.
    #[expect(
        clippy::indexing_slicing,
        reason = "only used in constants, so out of bounds fails the build"
    )]
    const fn new(rows: &'static [(&'static str, &'static [&'static str])]) -> Self {
        assert!(rows.len() <= 16, "a key-word table has at most 16 rows");
        let mut first_three = [0; 1024];
        let mut row = 0;
        while row < rows.len() {
            let keys = rows[row].1;
            let mut key = 0;
            while key < keys.len() {
                let bytes = keys[key].as_bytes();
                assert!(bytes.len() >= 3, "a key word has at least three letters");
                let mut at = 0;
                while at < bytes.len() {
                    assert!(
                        bytes[at].is_ascii() && !bytes[at].is_ascii_uppercase(),
                        "key words are lower-case ASCII"
                    );
                    at += 1;
                }
                first_three[Self::slot(bytes[0], bytes[1], bytes[2])] |= 1 << row;
                key += 1;
            }
            row += 1;
        }
        KeyWords { rows, first_three }
    }

    /// The rows with a key word in `text` folded to lower case, as bits
    /// (bit `r` for row `r`): what `text.to_lowercase().contains(key)`
    /// finds, without the copy for ASCII text.
    fn rows_in(&self, text: &str) -> u32 {
        if text.is_ascii() {
            self.rows_in_ascii_folded(text.as_bytes())
        } else {
            // Unicode folding may change the length and yields ASCII from
            // a few other letters (the Kelvin sign): fold first.
            self.rows_in_ascii_folded(text.to_lowercase().as_bytes())
        }
    }

    /// [`KeyWords::rows_in`] with ASCII letters compared without case.
    fn rows_in_ascii_folded(&self, bytes: &[u8]) -> u32 {
        let mut found = 0;
        for (at, three) in bytes.windows(3).enumerate() {
            // Most positions start no key word: one look-up each.
            let [a, b, c] = [0, 1, 2].map(|i| three.get(i).copied().unwrap_or(0));
            let slot = self.first_three.get(Self::slot(a, b, c));
            let mut candidates = u32::from(slot.copied().unwrap_or(0)) & !found;
            while candidates != 0 {
                let row = candidates.trailing_zeros();
                candidates &= candidates - 1;
                let keys = self.rows.get(row as usize).map_or(&[][..], |(_, keys)| keys);
                let rest = bytes.get(at..).unwrap_or_default();
                let starts = |key: &&str| {
                    rest.get(..key.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(key.as_bytes()))
                };
                if keys.iter().any(starts) {
                    found |= 1 << row;
                }
            }
        }
        found
    }
}

/// The sector of a public body, from words of its name (folded to lower
/// case); `GOV` when none matches.
pub const BODY_SECTOR_WORDS: &[(&str, &[&str])] = &[
    ("MIL", &["defence", "defense", "armed forces", "military", "army", "navy", "air force"]),
    ("LEG", &["parliament", "assembly", "congress", "senate", "legislat"]),
    ("JUD", &["court", "judiciary"]),
    ("SPY", &["intelligence"]),
    ("COP", &["police"]),
];

#[cfg(test)]
mod tests {
    use super::{BODY_SECTOR_WORDS, BODY_SECTORS, CONTEXT_WORDS, CONTEXTS};

    /// The rows whose key words `text.to_lowercase()` contains: what the
    /// index must find.
    fn rows_by_search(table: &[(&str, &[&str])], text: &str) -> u32 {
        let folded = text.to_lowercase();
        table
            .iter()
            .enumerate()
            .filter(|(_, (_, keys))| keys.iter().any(|key| folded.contains(key)))
            .fold(0, |found, (row, _)| found | 1 << row)
    }

    /// The index finds what a search of the folded text finds, on texts with
    /// key words at either end, in capitals, split, overlapping, after
    /// non-ASCII letters and hidden behind letters that fold to ASCII.
    #[test]
    fn the_index_finds_what_a_search_finds() {
        let texts = [
            "",
            "e",
            "Trade",
            "TRADE AND INVESTMENT",
            "bilateral trade",
            "tradeoff",
            "t rade",
            "Ministry of Defence",
            "Ministère de la Défense",
            "Военная Army",
            "Armed\u{a0}Forces",
            "armed forces",
            "air-force",
            "Nuclear energy and climate",
            "eco nomy",
            "economy",
            "oilgas",
            "Parliament of Ukraine",
            "Supreme Court",
            "\u{212a}ourt",
            "Intelligence",
            "İntelligence",
            "police",
            "Cyber-security",
            "Counter-terrorism",
            "territorial integrity",
            "diplomatic relations",
            "pandemic preparedness",
            "refugees and migration",
            "PEACEKEEPING",
            "legalese",
            "{}[]\"\\",
        ];
        for (table, index) in [(CONTEXT_WORDS, &CONTEXTS), (BODY_SECTOR_WORDS, &BODY_SECTORS)] {
            for text in texts {
                assert_eq!(index.rows_in(text), rows_by_search(table, text), "{text:?}");
                // Every cut, so that key words meet the end of the text.
                for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
                    let cut = text.get(..end).unwrap_or_default();
                    assert_eq!(index.rows_in(cut), rows_by_search(table, cut), "{cut:?}");
                }
            }
        }
    }

    /// Each key word of each table is found in itself, in capitals and
    /// inside other words.
    #[test]
    fn every_key_word_is_found() {
        for (table, index) in [(CONTEXT_WORDS, &CONTEXTS), (BODY_SECTOR_WORDS, &BODY_SECTORS)] {
            for (row, (_, keys)) in table.iter().enumerate() {
                for key in *keys {
                    for text in [key.to_string(), key.to_uppercase(), format!("x{key}y")] {
                        assert_ne!(index.rows_in(&text) & (1 << row), 0, "{text:?}");
                    }
                }
            }
        }
    }
}
