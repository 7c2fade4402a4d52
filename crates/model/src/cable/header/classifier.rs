//! The classifier line: `Classified By: DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS
//! 1.4 B/D`: who classified (the title as written, and the person's name alone) and why.

/// What a classifier line says.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Classifier {
    /// Who, as written: `DEPUTY CHIEF OF MISSION ALEX WOLFF`.
    pub by: Option<String>,
    /// The person's name alone: `ALEX WOLFF`.
    pub name: Option<String>,
    /// Why: `1.4 B/D`.
    pub reasons: Option<String>,
}

/// Reads the value of a `Classified By` field.
pub(super) fn read(value: &str) -> Classifier {
    let mut value = value.trim_start_matches([':', ' ']).trim();
    // A page that cut the line short (`Classified By: A...`) ends it there, without the
    // word it cut.
    if let Some(at) = value.find("...") {
        let cut = &value[..at];
        value = if cut.ends_with(|c: char| c.is_alphanumeric()) {
            cut.trim_end_matches(|c: char| !c.is_whitespace())
        } else {
            cut
        };
    }
    // `CLASSIFIED BY: CLASSIFIED BY POLITICAL MINISTER ...`
    while value
        .get(..13)
        .is_some_and(|start| start.eq_ignore_ascii_case("CLASSIFIED BY"))
    {
        value = value[13..].trim_start_matches([':', ' ']).trim();
    }
    let (who, reasons) = match reasons_start(value) {
        Some((at, len)) => (&value[..at], Some(&value[at + len..])),
        None => (value, None),
    };
    let by = non_empty(trim_connectors(
        who.trim()
            .trim_end_matches([',', '.', ';', ':', ' ', '"', '-']),
    ));
    Classifier {
        name: by.as_deref().and_then(name),
        by,
        reasons: reasons.and_then(|r| non_empty(&reasons_text(r))),
    }
}

/// `... Alejandro D. Wolff per`, `Jeff Hovenier for`, `Aubrey Carlson. Re asons`: the
/// words announcing reasons the reasons did not follow, dropped from the end.
fn trim_connectors(mut who: &str) -> &str {
    const CONNECTORS: [&str; 8] = [
        "for", "per", "re", "rea", "reas", "asons", "sons", "reasons",
    ];
    while let Some((head, last)) = who.rsplit_once(char::is_whitespace)
        && CONNECTORS.contains(&last.to_ascii_lowercase().as_str())
    {
        who = head.trim_end_matches([',', '.', ';', ':', ' ', '-']);
    }
    who
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Where the reasons start: `for reasons`, `Reason:`, `REAS ONS` (a word broken by the
/// teletype), `based upon`, or the first `1.4` / `1.5` when no word announces them.
fn reasons_start(value: &str) -> Option<(usize, usize)> {
    let lower = value.to_ascii_lowercase();
    let word_start = |at: usize| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
    let announced = ["for reas", "by reas", "based upon", "based on", "reas"]
        .iter()
        .filter_map(|needle| {
            lower
                .match_indices(needle)
                .find(|(at, _)| word_start(*at))
                .map(|(at, _)| (at, needle.len()))
        })
        .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
    if let Some((at, len)) = announced {
        return Some((at, len + broken_word_tail(&lower[at + len..])));
    }
    let bytes = value.as_bytes();
    (0..bytes.len())
        .find(|&i| {
            word_start(i)
                && bytes[i] == b'1'
                && value[i + 1..].trim_start().starts_with('.')
                && value[i + 1..]
                    .trim_start()
                    .trim_start_matches(['.', ' '])
                    .starts_with(['4', '5', '6'])
        })
        .map(|at| (at, 0))
}

/// The rest of a word after its first letters: `ons` in `reasons`, and what the teletype
/// broke off it (`REAS ONS`, `reaso ns`).
fn broken_word_tail(rest: &str) -> usize {
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = &rest[letters..];
    let fragment = after
        .strip_prefix(' ')
        .map(|f| f.bytes().take_while(u8::is_ascii_alphabetic).count())
        .filter(|&n| {
            (1..=3).contains(&n) && matches!(&after[1..=n], "ons" | "ns" | "s" | "on" | "n")
        });
    letters + fragment.map_or(0, |n| n + 1)
}

/// The reasons up to where they end: reasons are section numbers, letters and `and`
/// (`1.4 (b) and (d)`, `1.5 (B AND D)`, `1.4 b/d`), so the first word of three letters or
/// more (`Summary`, `(SBU) Kifaya`, a redaction) or a dashed separator ends them.
fn reasons_text(reasons: &str) -> String {
    let mut text = reasons.trim_start_matches([':', ',', ' ']).trim();
    // `BASED UPON REASON 1.4(B)`: the word that announces them.
    if text
        .get(..6)
        .is_some_and(|start| start.eq_ignore_ascii_case("reason"))
    {
        text = text[6..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        text = text.trim_start_matches([':', ',', ' ']);
    }
    let mut end = text.len();
    let mut at = 0;
    for word in text.split(' ') {
        // `(b)(c)(d)` has three letters but no word of them.
        let is_word = word
            .split(|c: char| !c.is_alphabetic())
            .any(|run| run.len() >= 3 && !run.eq_ignore_ascii_case("and"));
        if is_word || word.starts_with("--") {
            end = at;
            break;
        }
        at += word.len() + 1;
    }
    text[..end.min(text.len())]
        .trim_end_matches(['.', ' ', ';', ',', '"', ':'])
        .to_string()
}

/// Titles, offices and words around a name: `Deputy Chief of Mission`, `PolCouns`, `A/DCM`.
const TITLE_WORDS: &[&str] = &[
    "a.i",
    "at",
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

fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';', ':']);
    let known = |w: &str| TITLE_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w));
    // `Minister-Counselor`, `Pol-Mil`: each part a title.
    word.contains('/') || known(word) || (word.contains('-') && word.split('-').any(known))
}

/// A word of a person's name: capitalised, letters and `.-'` (`ZUNIGA-BROWN`, `T.`), or a
/// particle (`de`, `van`); not a redaction.
const PARTICLES: [&str; 8] = ["de", "da", "del", "van", "von", "al", "bin", "la"];

/// `de`, `Van`: a particle of a name, not a name of its own.
fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn is_name_word(word: &str) -> bool {
    // `LEE 0. COLDREN`: a zero typed for the initial O.
    let plain = word == "0."
        || word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
    let capital = word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '0');
    let redacted = word.chars().all(|c| c == 'X' || c == 'x');
    plain && !redacted && (capital || PARTICLES.contains(&word))
}

/// The person's name alone: of the parts between commas (`POLITICAL AND ECONOMIC
/// COUNSELOR, TIMOTHY P. ZUNIGA-BROWN`), the first that ends with a name once the titles
/// before it are dropped (`DEPUTY CHIEF OF MISSION ALEX WOLFF`); within a part, the name
/// follows its last `and` or `for` (`Minister-Counselor for Economic and Political
/// Affairs Donald A. Blome`). In mixed case, an office in capitals (`DTRA`, `AIT`) is a
/// title too.
fn name(who: &str) -> Option<String> {
    let mixed_case = who.chars().any(char::is_lowercase);
    let is_office =
        |w: &str| mixed_case && w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    let name_in = |part: &str| {
        let words = mend_broken_words(part.split_whitespace().collect());
        let run = words.iter().rev().take_while(|w| is_name_word(w)).count();
        let run = &words[words.len() - run..];
        // The name follows the last title (`Kirkuk PRT Team Leader Howard Keegan`), and
        // a place after `to` (`AMBASSADOR TO SUDAN TIMOTHY CARNEY`); a name has three
        // words at most (`Affiars Margaret H. Nardi`, a misspelt title before it).
        let after_title = run
            .iter()
            .rposition(|w| is_title(w) || is_office(w))
            .map_or(0, |at| {
                at + 1 + usize::from(run[at].eq_ignore_ascii_case("to"))
            });
        let name = &run[after_title.min(run.len())..];
        let mut kept = 0;
        let keep = name
            .iter()
            .rev()
            .take_while(|w| {
                kept += usize::from(!is_particle(w));
                kept <= 3
            })
            .count();
        let name = &name[name.len() - keep..];
        let has_name = name
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        has_name.then(|| name.join(" ").trim_end_matches([',', '.']).to_string())
    };
    let segments: Vec<&str> = who.split([',', ';']).collect();
    segments.iter().enumerate().find_map(|(i, segment)| {
        let parts: Vec<&str> = sentences(segment)
            .into_iter()
            .flat_map(|p| p.split(" and "))
            .flat_map(|p| p.split(" AND "))
            .flat_map(|p| p.split(" for "))
            .flat_map(|p| p.split(" FOR "))
            .flat_map(|p| p.split(" & "))
            .collect();
        let name = parts.iter().rev().find_map(|part| name_in(part))?;
        // `THOMAS W. SIMONS, JR.`: the suffix after the comma belongs to the name.
        let suffix = segments.get(i + 1).map(|s| s.trim()).filter(|s| {
            ["JR", "Jr", "SR", "Sr", "II", "III", "IV"].contains(&s.trim_end_matches('.'))
        });
        Some(match suffix {
            Some(suffix) => format!("{name}, {suffix}"),
            None => name,
        })
    })
}

/// A segment cut at the ends of its sentences (`Amb. Jackie Sanders. E.O 12958`,
/// `LAURENT CHARBONNET.  REA SONS`): a period after a word of three letters or more that
/// is no title's abbreviation; an initial's (`T.`) does not end one.
fn sentences(segment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in segment.match_indices(". ") {
        let word = segment[start..at].rsplit(' ').next().unwrap_or("");
        if word.len() >= 3 && !word.contains('.') && !is_title(word) {
            out.push(&segment[start..=at]);
            start = at + 2;
        }
    }
    out.push(&segment[start..]);
    out
}

/// Joins a name the teletype broke after its first letter (`Hoyt Y ee` for `Hoyt Yee`).
fn mend_broken_words(words: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let broken = out
            .last()
            .is_some_and(|last| last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()))
            && word.len() >= 2
            && word.chars().all(|c| c.is_ascii_lowercase());
        match out.last_mut() {
            Some(last) if broken => last.push_str(word),
            _ => out.push(word.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_name_reasons(value: &str) -> (Option<String>, Option<String>, Option<String>) {
        let c = read(value);
        (c.by, c.name, c.reasons)
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn the_peers_classifier_lines_give_the_name_alone() {
        // heuer/cablemap's test_reader_classificationist.py, cable by cable.
        for (value, name) in [
            (
                "Kirkuk PRT Team Leader Howard Keegan for reason 1.4 (b)",
                "Howard Keegan",
            ),
            (
                "AMBASSADOR TO SUDAN TIMOTHY CARNEY. REASON 1.5(D).",
                "TIMOTHY CARNEY",
            ),
            (
                "THOMAS W. SIMONS, JR., AMBASSADOR. REASON: 1.5 (B)",
                "THOMAS W. SIMONS, JR.",
            ),
            (
                "Ambassador Richard L. Baltimore, III. Reasons: 1.4 (b)",
                "Richard L. Baltimore, III",
            ),
            (
                "LEE 0. COLDREN, DIRECTOR, SA/PAB. REASON: 1.5(D).",
                "LEE 0. COLDREN",
            ),
            (
                "Deputy Coordinator Hoyt Y ee for reasons 1.4 (b)",
                "Hoyt Yee",
            ),
            (
                "Acting Permanent Representative Alejandro D. Wolff per reasons 1.4 (b)",
                "Alejandro D. Wolff",
            ),
            (
                "OFFICER LAURENT CHARBONNET.  REA SONS: 1.4 (B,D)",
                "LAURENT CHARBONNET",
            ),
            (
                "Amb. Jackie Sanders. E.O 12958. Reasons 1.4 (B&D).",
                "Jackie Sanders",
            ),
            ("DCM THEODORE KATTOUF - 1.5 B,D.", "THEODORE KATTOUF"),
            (
                "Acting Counselor for Political-Military Affiars Margaret H. Nardi for reasons 1.4",
                "Margaret H. Nardi",
            ),
            (
                "AMBASSADOR-AT-LARGE PIERRE-RICHARD PROSPER FOR REASONS 1.5 (B)",
                "PIERRE-RICHARD PROSPER",
            ),
        ] {
            assert_eq!(by_name_reasons(value).1.as_deref(), Some(name), "{value}");
        }
    }

    #[test]
    fn title_name_and_reasons() {
        assert_eq!(
            by_name_reasons("DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS 1.4 B/D"),
            (
                some("DEPUTY CHIEF OF MISSION ALEX WOLFF"),
                some("ALEX WOLFF"),
                some("1.4 B/D")
            )
        );
        assert_eq!(
            by_name_reasons("JOHN Q. DOE, DEPUTY CHIEF OF MISSION. REASONS 1.5 (B) AND (D)."),
            (
                some("JOHN Q. DOE, DEPUTY CHIEF OF MISSION"),
                some("JOHN Q. DOE"),
                some("1.5 (B) AND (D)")
            )
        );
        assert_eq!(
            by_name_reasons("CHARGE D'AFFAIRES DANNY R. RUSSEL FOR REAS ONS 1.5 (B AND D)"),
            (
                some("CHARGE D'AFFAIRES DANNY R. RUSSEL"),
                some("DANNY R. RUSSEL"),
                some("1.5 (B AND D)")
            )
        );
    }

    #[test]
    fn names_behind_offices_and_lists() {
        for (who, name) in [
            (
                "POLITICAL AND ECONOMIC COUNSELOR, TIMOTHY P. ZUNIGA-BROWN",
                "TIMOTHY P. ZUNIGA-BROWN",
            ),
            ("Poloff Steven Prohaska and DTRA Fred Carter", "Fred Carter"),
            (
                "ACTING U/S FOR ARMS CONTROL AND INTERNATIONAL SECURITY (T) JOHN C. ROOD",
                "JOHN C. ROOD",
            ),
            ("Charge d' Affaires, a.i. Lisa Kubiske", "Lisa Kubiske"),
            ("Pol-Mil Officer Joel Ehrendreich", "Joel Ehrendreich"),
            ("PolMinCouns Gregory L. Berry", "Gregory L. Berry"),
            (
                "Minister-Counselor for Economic and Political Affairs Donald A. Blome",
                "Donald A. Blome",
            ),
            (
                "Charge d'Affaires J. Robert Manzanares",
                "J. Robert Manzanares",
            ),
            ("Jeffrey D. Feltman, Ambassador", "Jeffrey D. Feltman"),
            ("AIT Director Bill Stanton", "Bill Stanton"),
            ("ISN Acting A/S Vann H. Van Diepen", "Vann H. Van Diepen"),
            ("Pol M/C Josiah Rosenblatt", "Josiah Rosenblatt"),
        ] {
            assert_eq!(read(who).name.as_deref(), Some(name), "{who}");
        }
        assert_eq!(read("XXXXXXXXXXXX reason 1.4 (g,h)").name, None);
        assert_eq!(read("A/DCM ...").name, None);
        assert_eq!(read("A...").by, None);
        assert_eq!(read("CLASSIFIED Bé").by.as_deref(), Some("CLASSIFIED Bé"));
        assert_eq!(read("X, reasoé 1.4").by.as_deref(), Some("X"));
        assert_eq!(
            read("Paul Wohlers, Deputy Executive Secretary,... 202072 2009-04-13 S E C R E T")
                .by
                .as_deref(),
            Some("Paul Wohlers, Deputy Executive Secretary")
        );
        assert_eq!(
            read("Ambassador John F. Tefft for reasons 1.4 (b)... C O N F I D E N T I A L")
                .reasons
                .as_deref(),
            Some("1.4 (b)")
        );
    }

    #[test]
    fn reasons_end_where_the_text_goes_on() {
        for (value, reasons) in [
            ("X Y, reasons 1.4 (b,d). Summary -------", "1.4 (b,d)"),
            (
                "X Y for reasons 1.4 (b) and (d) -- (SBU) Kifaya celebrated",
                "1.4 (b) and (d)",
            ),
            ("X Y, Reason: 1.4 (B), (C) & (D )", "1.4 (B), (C) & (D )"),
            ("X Y. REASON: 1.4 (b), (d) (SBU) Summary", "1.4 (b), (d)"),
            ("Political Counselor Andrew Young, 1.4 (b/d).", "1.4 (b/d)"),
            (
                "Political Minister-Counselor J. Rosenblatt for reaso ns 1.4 (b)",
                "1.4 (b)",
            ),
            (
                "SANDRA CLARK, A/ECON MINISTER, REASONS 1.4 B & D ACTION REQUEST",
                "1.4 B & D",
            ),
            ("AMB. DANILOVICH BASED UPON REASON 1.4(B)", "1.4(B)"),
            ("Ambassador Ashe by reasons 1.4 b and d", "1.4 b and d"),
            (
                "IO PDAS James B. Warlick, reasons 1.4 (b)(c)(d)",
                "1.4 (b)(c)(d)",
            ),
            (
                "X Y, reasons 1.4(b) and (d). XXXXXXXXXXXX //Bilateral Relations//",
                "1.4(b) and (d)",
            ),
        ] {
            assert_eq!(read(value).reasons.as_deref(), Some(reasons), "{value}");
        }
    }
}
