//! The classifier line: `Classified By: DEPUTY CHIEF OF MISSION ALEX WOLFF, FOR REASONS
//! 1.4 B/D`: who classified (the title as written, and the person's name alone) and why.

mod titles;

use titles::is_title;

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
    let who = who.trim();
    let mut by = non_empty(trim_connectors(
        who.trim_end_matches([',', '.', ';', ':', ' ', '"', '-']),
    ));
    // `Robert O. Blake, Jr.`: the abbreviation keeps its period.
    if let Some(by) = &mut by
        && by
            .rsplit([' ', ','])
            .next()
            .is_some_and(|last| ["JR", "Jr", "SR", "Sr"].contains(&last))
        && who[by.len()..].starts_with('.')
    {
        by.push('.');
    }
    Classifier {
        name: by.as_deref().and_then(name),
        by,
        reasons: reasons.and_then(|r| non_empty(&reasons_text(r))),
    }
}

/// `... Alejandro D. Wolff per`, `Jeff Hovenier for`, `Aubrey Carlson. Re asons`, `Paul
/// Weisenfeld under Se ction`, `WITHERS II FR`, `Thomas Goldberger f or`: the words
/// announcing reasons the reasons did not follow, dropped from the end.
fn trim_connectors(mut who: &str) -> &str {
    const CONNECTORS: [&str; 16] = [
        "for", "per", "re", "rea", "reas", "asons", "sons", "reasons", "under", "section", "se",
        "ction", "fr", "f0r", "f", "or",
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
/// teletype), `based upon`, or the first `1.4` / `1.5` (`1.2` mistyped) when no word
/// announces them.
fn reasons_start(value: &str) -> Option<(usize, usize)> {
    let lower = value.to_ascii_lowercase();
    let word_start = |at: usize| at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
    // `Resons`, `RASONS`, `BASED 0N`, `DUE TO 1,4`: misspelt announcements.
    let announced = [
        "for reas",
        "by reas",
        "based upon",
        "based on",
        "based 0n",
        "reas",
        "resons",
        "rasons",
        "due to",
    ]
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
                    .starts_with(['2', '4', '5', '6'])
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

/// A word of a person's name: capitalised, letters and `.-'` (`ZUNIGA-BROWN`, `T.`), or a
/// particle (`de`, `van`); not a redaction.
const PARTICLES: [&str; 8] = ["de", "da", "del", "van", "von", "al", "bin", "la"];

/// `de`, `Van`: a particle of a name, not a name of its own.
fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn is_name_word(word: &str) -> bool {
    // `LEE 0. COLDREN`, `R0BIN`: a zero typed for the letter O.
    let plain = word == "0."
        || (word.chars().any(char::is_alphabetic)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '0')));
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
    let is_office = |w: &str| {
        mixed_case
            && w.len() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !SUFFIXES.contains(&w)
    };
    let name_in = |part: &str| {
        // `Counselor:Steve Weston`, `AMB:RCROCKER`, `DCM/Ted Osius`; `(acting)` is no name.
        let part = part.replace(':', " ");
        let words = part
            .split_whitespace()
            .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
            .flat_map(split_title_from_name)
            .collect();
        let words = mend_broken_words(words);
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
                kept += usize::from(!is_particle(w) && !SUFFIXES.contains(&w.as_str()));
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
        let suffix = segments
            .get(i + 1)
            .map(|s| s.trim())
            .filter(|s| SUFFIXES.contains(&s.trim_end_matches('.')));
        Some(match suffix {
            Some(suffix) => format!("{name}, {suffix}"),
            None => name,
        })
    })
}

/// What follows a name: `JR.`, `III`.
const SUFFIXES: [&str; 7] = ["JR", "Jr", "SR", "Sr", "II", "III", "IV"];

/// `DCM/Ted`: a title and a name the slash joined, apart; a word without one stays whole.
fn split_title_from_name(word: &str) -> Vec<&str> {
    match word.rsplit_once('/') {
        Some((title, name))
            if name.len() >= 2
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().skip(1).all(char::is_lowercase) =>
        {
            vec![&word[..=title.len()], name]
        }
        _ => vec![word],
    }
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

/// Joins a name the teletype broke after its first letter (`Hoyt Y ee` for `Hoyt Yee`) or
/// before its last letters (`Blah a`, `Richa rd`): one or two small letters that are no
/// word of their own.
fn mend_broken_words(words: Vec<&str>) -> Vec<String> {
    // `d` of `Charge d,Affaires` too.
    const SMALL_WORDS: [&str; 10] = ["of", "to", "at", "in", "on", "by", "or", "an", "as", "d"];
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let small = word.chars().all(|c| c.is_ascii_lowercase());
        let after_initial = out
            .last()
            .is_some_and(|last| last.len() == 1 && last.chars().all(|c| c.is_ascii_uppercase()))
            && word.len() >= 2;
        let tail = out.last().is_some_and(|last| {
            last.len() >= 2
                && last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().skip(1).all(|c| c.is_ascii_lowercase())
        }) && word.len() <= 2
            && !SMALL_WORDS.contains(&word)
            && !is_particle(word);
        let broken = small && (after_initial || tail);
        match out.last_mut() {
            Some(last) if broken => last.push_str(word),
            _ => out.push(word.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests;
