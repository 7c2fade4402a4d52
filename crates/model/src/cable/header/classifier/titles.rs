//! The words around a classifier's name: titles, offices, and the title cables misspell most.

/// Titles, offices and words around a name: `Deputy Chief of Mission`, `PolCouns`, `A/DCM`.
const TITLE_WORDS: &[&str] = &[
    "a.i",
    "asia",
    "at",
    "by",
    "central",
    "cief",
    "conoff",
    "counsel",
    "councilor",
    "counseor",
    "counsleor",
    "delegate",
    "direcotr",
    "off",
    "polmincons",
    "coun",
    "couns",
    "ecmin",
    "large",
    "ltc",
    "mcounselor",
    "min",
    "to",
    "useu",
    "acting",
    "adcm",
    "advisor",
    "adviser",
    "affaires",
    "affairs",
    "agency",
    "ait",
    "amb",
    "ambassador",
    "and",
    "assistant",
    "attache",
    "bureau",
    "cda",
    "cg",
    "charge",
    "chargé",
    "chief",
    "commercial",
    "consul",
    "consul-general",
    "consular",
    "coordinator",
    "counselor",
    "counsellor",
    "d'affaires",
    "d’affaires",
    "dcm",
    "defense",
    "delegation",
    "department",
    "dept",
    "deputy",
    "desk",
    "diplomacy",
    "dir",
    "director",
    "dr",
    "econ",
    "econcouns",
    "econmincouns",
    "economic",
    "econoff",
    "ecopol",
    "ecpo",
    "embassy",
    "envoy",
    "executive",
    "for",
    "general",
    "global",
    "head",
    "information",
    "interim",
    "intern",
    "leader",
    "legal",
    "management",
    "mc",
    "mil",
    "mincouns",
    "minister",
    "mission",
    "mr",
    "mrs",
    "ms",
    "of",
    "office",
    "officer",
    "permanent",
    "pmc",
    "po",
    "pol",
    "polcouns",
    "polecon",
    "political",
    "politico",
    "polmil",
    "polmincouns",
    "poloff",
    "principal",
    "public",
    "regional",
    "representative",
    "rso",
    "secretary",
    "section",
    "security",
    "senior",
    "special",
    "staff",
    "state",
    "team",
    "the",
    "under",
    "unit",
    "us",
    "u.s",
    "usun",
];

pub(super) fn is_title(word: &str) -> bool {
    // `COUNSEL0R`: a zero typed for the letter O.
    let word = word
        .trim_end_matches(['.', ',', ';', ':', '\'', '’'])
        .replace('0', "o");
    let word = word.as_str();
    let known = |w: &str| TITLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w));
    // `Minister-Counselor`, `Pol-Mil`: each part a title.
    word.contains('/')
        || known(word)
        || (word.contains('-') && word.split('-').any(known))
        || misspelt_ambassador(word)
}

/// `Ambassaor`, `Amabassador`, `AMBASSAD0R`, `Abassador`, `Ambbassador`: the title the
/// cables misspell most, a word of 8 to 11 letters opening with `amb`, `amab` or `abas`.
fn misspelt_ambassador(word: &str) -> bool {
    let lower = word.to_ascii_lowercase().replace('0', "o");
    ["amb", "amab", "abas"]
        .iter()
        .any(|start| lower.starts_with(start))
        && (8..=11).contains(&lower.len())
        && lower.bytes().all(|b| b.is_ascii_lowercase())
}
