//! A body that numbers no paragraphs: where its header ends and its blank-line blocks.
//!
//! Short cables often write their text without `1.`: left alone, the whole of it went
//! into the header and the text pane showed only the signature. The header is its field
//! lines (the classification, `SIPDIS`, addressees, `E.O.`, `TAGS`, `SUBJECT`, `REF`,
//! `Classified By`) in blocks between blank lines; the body starts at the first block
//! after the subject that is none of them, and each of its blocks is a paragraph.

use super::lines;
use crate::cable::marking;
use std::ops::Range;

/// Keywords that open a header line (upper-cased, spaces removed).
const HEADER_KEYS: [&str; 24] = [
    "UNCLAS",
    "CONFIDENTIAL",
    "SECRET",
    "LIMITEDOFFICIALUSE",
    "SIPDIS",
    "NOFORN",
    "SENSITIVE",
    "EXDIS",
    "LIMDIS",
    "NODIS",
    "E.O.",
    "EO12958",
    "E.0.",
    "TAGS",
    "TAG:",
    "SUBJ",
    "REF",
    "CLASSIFIEDBY",
    "REASON",
    "DERIVEDFROM",
    "CORRECTED",
    "PASS",
    "DEPT",
    "DEPARTMENT",
];

/// Whether a line is one of the header's own.
fn is_header_line(line: &str) -> bool {
    let squeezed: String = line
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(20)
        .collect::<String>()
        .to_ascii_uppercase();
    HEADER_KEYS.iter().any(|k| squeezed.starts_with(k))
        || marking::classification(line).is_ok()
        // Lettered REF items: `B. LORD/KANG EMAILS`.
        || line.as_bytes().get(1) == Some(&b'.') && line.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Whether a line routes the cable to offices, as the addressee lines after the
/// classification do (`STATE FOR SA/FO, EUR/RPM`, `NSC FOR AHARRIMAN`, `STATE PASS TO
/// USAID FOR AID/ANE`): upper case throughout, a few words naming an office before `FOR`.
fn is_addressee_line(line: &str) -> bool {
    let line = line.trim();
    let Some((office, _)) = line.split_once(" FOR ") else {
        return false;
    };
    let words = office.split_whitespace().count();
    !line.chars().any(char::is_lowercase)
        && (1..=4).contains(&words)
        && office
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '/' | '-'))
}

/// Whether a line is WikiLeaks' mark of a page cut short (` ...`): it says nothing of
/// the block it ends.
fn is_cut_mark(line: &str) -> bool {
    line.trim() == "..."
}

/// The non-blank lines of `layout[from..end]` in blocks (a blank or `hidden` line ends a
/// block): each block's byte range, from its first text to its last line's end.
fn blocks(layout: &str, from: usize, end: usize, hidden: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (range, _) in lines(&layout[..end]).filter(|(r, _)| r.end > from) {
        let start = range.start.max(from);
        let covered = hidden
            .iter()
            .any(|h| h.start <= start && h.end >= range.end);
        let text = &layout[start..range.end];
        if text.trim().is_empty() || covered {
            out.extend(open.take());
            continue;
        }
        let indent = text.len() - text.trim_start().len();
        match &mut open {
            Some(block) => block.end = range.end,
            None => open = Some(start + indent..range.end),
        }
    }
    out.extend(open);
    out
}

/// Where the body starts in `layout[..end]`: after the header's blocks. `None` when no
/// text follows the header.
pub(super) fn body_start(layout: &str, end: usize, hidden: &[Range<usize>]) -> Option<usize> {
    let all = blocks(layout, 0, end, hidden);
    // The last subject: a partial extract repeats the header after its metadata lines.
    let subject = all.iter().rposition(|b| {
        layout[b.clone()]
            .lines()
            .any(|l| l.trim_start().to_ascii_uppercase().starts_with("SUBJ"))
    });
    let mut header = subject.map_or(0, |s| s + 1);
    while header < all.len() {
        let block = &layout[all[header].clone()];
        if !block.lines().any(is_header_line) {
            break;
        }
        header += 1;
    }
    // Without a subject, the header is the leading run of blocks of field lines; on a
    // page cut short after the addressees, their lines too.
    if subject.is_none() {
        let in_header = |l: &str| is_header_line(l) || is_addressee_line(l) || is_cut_mark(l);
        header = all
            .iter()
            .position(|b| !layout[b.clone()].lines().all(in_header))
            .unwrap_or(all.len());
    }
    let from_blocks = all.get(header).map(|b| b.start);
    // `Classified By: ... 1.4 (b) and (d). (C) Pol/Econ Chief delivered`, `REF: STATE
    // 43120 (U) Allegations`: the body runs on from a header line after a marking.
    let fields_from = subject.map_or(0, |s| all[s].start);
    let fields_end = from_blocks.unwrap_or(end);
    match run_on_marking(&layout[fields_from..fields_end]) {
        Some(at) => Some(fields_from + at),
        None => from_blocks,
    }
}

/// A portion marking run on inside header lines, opening a sentence in mixed case
/// (`(C) Adding new`): where it starts. `1.4 (B), (C) AND (D)` is none.
fn run_on_marking(text: &str) -> Option<usize> {
    memchr::memchr_iter(b'(', text.as_bytes()).find(|&at| {
        let after_space = text[..at].ends_with(char::is_whitespace);
        let code_upper = text[at + 1..]
            .chars()
            .take_while(|&c| c != ')')
            .all(|c| !c.is_lowercase());
        after_space
            && code_upper
            && marking::portion_marking(&text[at..]).is_ok_and(|(rest, _)| {
                let mut words = rest.split_whitespace();
                let first = words.next().unwrap_or("");
                first.starts_with(|c: char| c.is_uppercase())
                    && rest.chars().take(40).any(char::is_lowercase)
                    && !matches!(first, "AND" | "OR")
            })
    })
}

/// The blank-line blocks of the body from `from` to `end`: where each starts.
pub(super) fn paragraph_starts(
    layout: &str,
    from: usize,
    end: usize,
    hidden: &[Range<usize>],
) -> Vec<usize> {
    blocks(layout, from, end, hidden)
        .into_iter()
        .map(|b| b.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_starts_after_the_header_blocks() {
        // 05SANJOSE1671.
        let layout = "UNCLAS SAN JOSE 001671 \n \nSIPDIS \n \nWHA/CEN \nEB/TRA/AN FOR CDEMARS \n \nE.O. 12958: N/A \nTAGS: AORC EAIR\nSUBJECT: COSTA RICAN REPRESENTATION AT WHTI MEETING \n \nREF:  SECSTATE 132219 \n \nOn July 18 and 21, 2005, Econoff communicated with Vice \nMinister.\n\nNote: She stated.\n";
        let start = body_start(layout, layout.len(), &[]).unwrap();
        assert!(layout[start..].starts_with("On July 18"));
        let starts = paragraph_starts(layout, start, layout.len(), &[]);
        assert_eq!(starts.len(), 2);
        assert!(layout[starts[1]..].starts_with("Note:"));
    }

    #[test]
    fn a_body_run_on_from_the_classified_by_line() {
        // 07MANAMA1060.
        let layout = "C O N F I D E N T I A L MANAMA 001060 \n \nE.O. 12958: DECL: 11/26/2017 \nSUBJECT: DEMARCHE ON U.S.-IRAQ BILATERAL RELATIONS \n \nREF: STATE 159862 \n \nClassified By: DCM Christopher Henzel for reasons 1.4 (b) and (d). (C) Pol/Econ Chief delivered reftel";
        let start = body_start(layout, layout.len(), &[]).unwrap();
        assert!(layout[start..].starts_with("(C) Pol/Econ"));
        // 08MANAMA422, 08LONDON2689; reasons are no marking.
        for (layout, body) in [
            (
                "SUBJECT: BAHRAIN: NO FORCED LABOR REF: STATE 43120 (U) Allegations of",
                "(U) Allegations",
            ),
            (
                "SUBJECT: X\n\nClassified By: PolCouns Richard Mills, reasons 1.4 b, d (C) Embassy London passed",
                "(C) Embassy",
            ),
            (
                "SUBJECT: X\n\nCLASSIFIED BY: A B, REASONS 1.4 (B), (C) AND (D)\n\nText here.",
                "Text here.",
            ),
        ] {
            let start = body_start(layout, layout.len(), &[]).unwrap();
            assert!(layout[start..].starts_with(body), "{layout}");
        }
    }

    /// 06KABUL3934 as its WikiLeaks page has it: the routing in a first block, then a
    /// second cut short (` ...`) right after the office addressees.
    const CUT_PAGE: &str = "<table class='cable'><tr><th>Reference ID</th></tr><tr><td><a href='/cable/2006/09/06KABUL3934.html'>06KABUL3934</a></td></tr></table>\n<code><pre>VZCZCXRO3979&#x000A;PP RUEHDBU RUEHIK RUEHYG&#x000A;DE RUEHBUL #3934/01 2460836&#x000A;ZNR UUUUU ZZH&#x000A;P 030836Z SEP 06&#x000A;FM AMEMBASSY KABUL&#x000A;TO RUEHC/SECSTATE WASHDC PRIORITY 2240&#x000A;INFO RUCNAFG/AFGHANISTAN COLLECTIVE&#x000A;RHEHAAA/NATIONAL SECURITY COUNCIL WASHINGTON DC&#x000A;RUEHUNV/USMISSION UNVIE VIENNA 1616</pre></code>\n<code><pre>UNCLAS SECTION 01 OF 05 KABUL 003934 &#x000A; &#x000A;SIPDIS &#x000A; &#x000A;SENSITIVE &#x000A;SIPDIS &#x000A; &#x000A;STATE FOR SA/FO, SA/A, S/CR, SA/PAB, S/CT, EUR/RPM &#x000A;STATE PASS TO USAID FOR AID/ANE, AID/DCHA/DG &#x000A;NSC FOR AHARRIMAN &#x000A;OSD FOR BREZINSKI &#x000A;CENTCOM FOR CG CFC-A, CG CJTF-76, POLAD &#x000A; ...</pre></code>\n";

    #[test]
    fn addressees_of_a_page_cut_short_stay_in_the_header() {
        let cable = crate::cable::parse_bytes_with(
            CUT_PAGE.as_bytes(),
            "06KABUL3934.html",
            None,
            crate::cable::Tagging::Off,
        )
        .unwrap();
        assert!(
            cable.paragraphs.is_empty(),
            "{:?}",
            cable.paragraphs.first().map(|p| &p.text)
        );
        assert_eq!(cable.header.to, ["SECSTATE WASHDC"]);
        let addressees = cable.header.addressees.as_deref().unwrap_or_default();
        assert!(addressees.starts_with("STATE FOR SA/FO"), "{addressees}");
        assert!(
            cable.header.text.contains("NSC FOR AHARRIMAN"),
            "{}",
            cable.header.text
        );
    }

    #[test]
    fn a_block_of_prose_with_for_is_no_addressee_block() {
        let layout = "UNCLAS KABUL 003934 \n \nSIPDIS \n \nEMBASSY STAFF THANKED THE MINISTER FOR HIS TIME \n \nThanks for the visit.\n";
        let start = body_start(layout, layout.len(), &[]).unwrap();
        assert!(layout[start..].starts_with("EMBASSY STAFF"));
        assert!(!is_addressee_line("NSC for AHARRIMAN"));
        assert!(is_addressee_line(
            "STATE PASS TO USAID FOR AID/ANE, AID/DCHA/DG "
        ));
    }
}
