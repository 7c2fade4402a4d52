//! The header's preamble (classification, section, origin and serial, caveats,
//! addressees: everything before the first keyword) and its `E.O.` line.

use super::{Header, Section, non_empty};
use crate::cable::marking;
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{digit1, space1};
use nom::combinator::map_res;
use nom::{IResult, Parser};

/// Handling caveats that may follow the serial number.
const CAVEATS: [&str; 12] = [
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "STADIS",
    "ORCON",
    "PROPIN",
    "NOCONTRACT",
    "CHEROKEE",
    "ROGER",
];

/// Byte offsets where words start (after white space).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    )
}

fn section(input: &str) -> IResult<&str, Section> {
    let number = || map_res(digit1, str::parse::<u32>);
    let (rest, (_, _, number, _, _, _, of)) = (
        tag_no_case("SECTION"),
        space1,
        number(),
        space1,
        tag_no_case("OF"),
        space1,
        number(),
    )
        .parse(input)?;
    Ok((rest, Section { number, of }))
}

/// Classification, section, origin and serial, caveats and addressees: everything before
/// the first keyword.
pub(super) fn read(preamble: &str, header: &mut Header) {
    let mut rest = without_date_prefix(preamble.trim_start());
    // Some pages put a date line (`Wednesday, 29 November 2000, 13:59`) first.
    let classified = word_starts(rest)
        .take(8)
        .find_map(|at| marking::classification(&rest[at..]).ok());
    if let Some((after, (level, caveat))) = classified {
        header.classification = Some(level);
        header.caveats.extend(caveat);
        rest = after.trim_start();
    }
    if let Ok((after, section)) = section(rest) {
        header.section = Some(section);
        rest = after.trim_start();
    }
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    // Old cables give the year before the post: `75 LIBREVILLE 1895`.
    if words.len() > 2 && words[0].len() <= 2 && words[0].bytes().all(|b| b.is_ascii_digit()) {
        words.remove(0);
    }
    // Origin: up to four words of letters, then the serial: a number, which a run-together
    // header glues to what follows (`008305S/CT FOR REAP`, `003352SIPDISSIPDISNOFORN`).
    let serial_at = words
        .iter()
        .take(5)
        .position(|w| w.bytes().take_while(u8::is_ascii_digit).count() >= 2);
    let mut used = 0;
    if let Some(at) = serial_at {
        let origin_words = &words[..at];
        if origin_words
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic))
            && !origin_words.is_empty()
        {
            let digits = words[at].bytes().take_while(u8::is_ascii_digit).count();
            let (serial, glued) = words[at].split_at(digits);
            header.origin = Some(origin_words.join(" ").to_uppercase());
            header.serial = Some(serial.to_string());
            used = at + 1;
            if !glued.is_empty() {
                used = at;
                words[at] = glued;
            }
        }
    }
    let mut remaining: Vec<&str> = words[used..].to_vec();
    while let Some(word) = remaining.first().copied() {
        let Some(caveat) = CAVEATS.iter().find(|c| {
            word.as_bytes()
                .get(..c.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(c.as_bytes()))
        }) else {
            break;
        };
        let glued = &word[caveat.len()..];
        let glued_upper = word.starts_with(caveat);
        if !glued.is_empty() && !glued_upper {
            break;
        }
        if !header.caveats.iter().any(|c| c == caveat) {
            header.caveats.push((*caveat).to_string());
        }
        if glued.is_empty() {
            remaining.remove(0);
        } else {
            remaining[0] = glued;
        }
    }
    header.addressees = non_empty(&remaining.join(" "));
}

/// Without the `Cable dated:2002-11-15T12:40:00` some pages glue before the header.
fn without_date_prefix(text: &str) -> &str {
    if !text.starts_with("Cable dated:") {
        return text;
    }
    let after = &text["Cable dated:".len()..];
    let time_end = after
        .find('T')
        .map(|t| t + 9)
        .filter(|&end| end <= after.len() && after.is_char_boundary(end));
    match time_end {
        Some(end) => after[end..].trim_start_matches(']').trim_start(),
        None => text,
    }
}

pub(super) fn read_executive_order(value: &str, header: &mut Header) {
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        header.executive_order = Some(digits);
    }
    let lower = value.to_ascii_lowercase();
    if let Some(at) = lower.find("decl") {
        let after = value[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let date = after
            .trim_start_matches([':', ' '])
            .split_whitespace()
            .next()
            .unwrap_or("");
        let date = date.trim_end_matches(['.', ',']);
        if !date.is_empty() && !date.eq_ignore_ascii_case("N/A") {
            header.declassify_on = Some(date.to_string());
        }
    }
}
