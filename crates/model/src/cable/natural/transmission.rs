//! Transmission noise in a body as sent: the routing header before the cable (`O
//! 121758Z MAY 86`, `FM`, `TO`, ... `BT`), teletype page headers (`PAGE 02 ROME 02045 01
//! OF 06 121721Z`), line-end backslashes and pilcrows copied from a page's view. The reader
//! hides them from the reading text; the layout keeps them.

use super::lines;
use std::ops::Range;

/// Where a routing header before the cable ends: the cable opens with a `VZCZC` line or a
/// precedence and date-time group (`O 121758Z MAY 86`); the header runs to its `BT` line,
/// or else to the first line that opens with a classification.
pub(super) fn routing_end(layout: &str) -> Option<usize> {
    let mut all = lines(layout).skip_while(|(_, l)| l.trim().is_empty());
    let (_, first) = all.next()?;
    if !(first.trim_start().starts_with("VZCZC") || is_dtg_line(first)) {
        return None;
    }
    let mut last_end = None;
    for (range, line) in lines(layout) {
        let t = line.trim();
        if t == "BT" {
            return Some(range.end);
        }
        if last_end.is_some() && crate::cable::marking::classification(t).is_ok() {
            return last_end;
        }
        last_end = Some(range.end);
    }
    None
}

/// `O 121758Z MAY 86`, `R 042208Z DEC 09`, `O R 181205Z NOV 75 ZFF4`.
fn is_dtg_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(4).collect();
    let precedence = words
        .iter()
        .take_while(|w| matches!(**w, "Z" | "O" | "P" | "R" | "OO" | "PP" | "RR" | "ZZ"))
        .count();
    precedence > 0 && words.get(precedence).is_some_and(|w| is_dtg(w))
}

/// A date-time group: six digits and `Z` (`121758Z`).
fn is_dtg(word: &str) -> bool {
    word.len() == 7 && word.ends_with('Z') && word[..6].bytes().all(|b| b.is_ascii_digit())
}

/// Teletype page headers: `PAGE 02 HARARE 06677 01 OF 03 291400Z` at a line start, up to
/// its date-time group, with the classification banner just before it.
pub(super) fn page_headers(layout: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut previous: Option<Range<usize>> = None;
    for (range, line) in lines(layout) {
        let trimmed = line.trim_start();
        if let Some(end) = page_header_end(trimmed) {
            let start = range.start + (line.len() - trimmed.len());
            let mut from = start;
            if let Some(prev) = previous.clone() {
                let text = layout[prev.clone()].trim_end();
                for banner in ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "UNCLAS"] {
                    if text.ends_with(banner)
                        && text[..text.len() - banner.len()]
                            .chars()
                            .next_back()
                            .is_none_or(char::is_whitespace)
                    {
                        from = prev.start + text.len() - banner.len();
                        break;
                    }
                }
            }
            out.push(from..start + end);
        }
        previous = Some(range);
    }
    out
}

/// Page markers of the later cables: `SAO PAULO 00000357 004 OF 005` on a line of its
/// own (a rule or the post's name before it, or nothing), where a page broke. `id` is
/// the cable's reference ID, whose post (`08SAOPAULO357`) says how many words before the
/// number are the post's name: a marker glued to a subject (`... TOWARDS RECESSION
/// LONDON 00002217 001.2 OF 004`) keeps the subject's last word.
pub(super) fn page_markers(layout: &str, id: Option<&str>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !layout.contains(" OF 0") {
        return out;
    }
    let post = id.and_then(post_of);
    for (range, line) in lines(layout) {
        let t = line.trim_end();
        let words: Vec<&str> = t.split_whitespace().collect();
        let n = words.len();
        let digits = |w: &str, len: usize| w.len() == len && w.bytes().all(|b| b.is_ascii_digit());
        // The page number may carry a part: `003.2 OF 004`.
        let page = words
            .get(n.wrapping_sub(3))
            .map_or("", |w| w.split('.').next().unwrap_or(w));
        let marker = n >= 4
            && digits(words[n - 4], 8)
            && digits(page, 3)
            && words[n - 2].eq_ignore_ascii_case("OF")
            && digits(words[n - 1], 3);
        if !marker {
            continue;
        }
        // The post's name before the number (`SAO PAULO`): the words the ID's post
        // spells, else at most two words in capitals.
        let capitals = words[..n - 4]
            .iter()
            .rev()
            .take(3)
            .take_while(|w| w.chars().all(|c| c.is_ascii_uppercase()))
            .count();
        let city = post
            .and_then(|post| (1..=capitals).find(|&k| spells(&words[n - 4 - k..n - 4], post)))
            .unwrap_or(capitals.min(2));
        let first = words[n - 4 - city];
        // `words` borrow from the line: the marker starts at the first one's offset.
        let start = first.as_ptr() as usize - line.as_ptr() as usize;
        out.push(range.start + start..range.start + t.len());
    }
    out
}

/// The post a reference ID names: `LONDON` of `08LONDON2217`, `SAOPAULO` of `08SAOPAULO357`.
fn post_of(id: &str) -> Option<&str> {
    let post = id.trim_start_matches(|c: char| c.is_ascii_digit());
    let post = post.trim_end_matches(|c: char| c.is_ascii_digit());
    (!post.is_empty() && post.bytes().all(|b| b.is_ascii_alphabetic())).then_some(post)
}

/// Whether `words` run together spell `post`, ignoring case (`SAO PAULO`, `SAOPAULO`).
fn spells(words: &[&str], post: &str) -> bool {
    let mut rest = post.as_bytes();
    for word in words {
        let Some(tail) = rest.get(word.len()..) else {
            return false;
        };
        if !rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            return false;
        }
        rest = tail;
    }
    rest.is_empty()
}

/// The length of a teletype page header at the start of `line`, if it is one.
fn page_header_end(line: &str) -> Option<usize> {
    let rest = line.strip_prefix("PAGE ")?;
    let mut offset = line.len() - rest.len();
    let mut words = 0;
    for word in rest.split(' ') {
        offset += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        words += 1;
        if words == 1 && !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if is_dtg(word) {
            return Some((offset - 1).min(line.len()));
        }
        if words > 9 {
            return None;
        }
    }
    None
}

/// Line-end backslashes (`TEXT \\`), which some pages carry on every line, and lines made
/// of nothing else.
pub(super) fn line_end_backslashes(layout: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !layout.contains('\\') {
        return out;
    }
    for (range, line) in lines(layout) {
        let text = line.trim_end();
        let stripped = text.trim_end_matches('\\');
        if stripped.len() < text.len()
            && (stripped.is_empty() || stripped.ends_with(char::is_whitespace))
        {
            out.push(range.start + stripped.len()..range.start + text.len());
        }
    }
    out
}

/// A pilcrow opening a line (`¶1. (C)`, `¶B. STATE 1`): text copied from a page's
/// view, where it marks the generator's anchors.
pub(super) fn pilcrows(layout: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !layout.contains('¶') {
        return out;
    }
    for (range, line) in lines(layout) {
        let text = line.trim_start_matches([' ', '\t']);
        if text.starts_with('¶') {
            let at = range.start + line.len() - text.len();
            out.push(at..at + '¶'.len_utf8());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::collapse;
    use super::*;

    #[test]
    fn hidden_ranges_read_as_space() {
        let layout = "one CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z two";
        let hidden = page_headers(layout);
        assert_eq!(hidden.len(), 1);
        assert_eq!(
            &layout[hidden[0].clone()],
            "CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z"
        );
        assert_eq!(
            collapse(layout, 0..layout.len(), &[], &hidden, false, &mut []).text,
            "one two"
        );
        assert!(page_headers("PAGE 2 OF THE REPORT\nPAGES 01 X 121212Z").is_empty());
        // 06SAOPAULO357.
        let layout = "of will. \n\n--------------------- SAO PAULO 00000357 004 OF 005 \n\nWHAT ABOUT SUBSIDIES?\n00000428 003 OF 003\nIn 2005 OF 100 cases";
        let hidden = page_markers(layout, None);
        assert_eq!(hidden.len(), 2);
        assert_eq!(&layout[hidden[0].clone()], "SAO PAULO 00000357 004 OF 005");
        assert_eq!(&layout[hidden[1].clone()], "00000428 003 OF 003");
    }

    #[test]
    fn a_marker_glued_to_a_subject_leaves_its_last_word() {
        // 08LONDON2217 of the release (train CSV): the marker follows the subject's line.
        let layout =
            "SUBJECT: UK SLIDING TOWARDS RECESSION LONDON 00002217 001.2 OF 004\n\n1. Text";
        let hidden = page_markers(layout, Some("08LONDON2217"));
        assert_eq!(&layout[hidden[0].clone()], "LONDON 00002217 001.2 OF 004");
        // The post's name in two words, as the ID spells it in one.
        let layout = "end. SAO PAULO 00000357 004 OF 005\n";
        let hidden = page_markers(layout, Some("06SAOPAULO357"));
        assert_eq!(&layout[hidden[0].clone()], "SAO PAULO 00000357 004 OF 005");
        // Without an ID, two words in capitals are taken for the post's name.
        let hidden = page_markers("TOWARDS RECESSION LONDON 00002217 001.2 OF 004", None);
        assert_eq!(hidden[0].start, "TOWARDS ".len());
    }

    #[test]
    fn routing_header_ends_at_bt_or_the_classification() {
        let text = "O 121758Z MAY 86\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 1234\nBT\nS E C R E T MADRID 05480\n";
        assert_eq!(
            &text[..routing_end(text).unwrap()],
            "O 121758Z MAY 86\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 1234\nBT"
        );
        let text = "VZCZCXYZ0001\nRR RUEHWEB\nFM SECSTATE WASHDC\nUNCLAS STATE 1\n";
        assert!(
            text[routing_end(text).unwrap()..]
                .trim_start()
                .starts_with("UNCLAS")
        );
        assert_eq!(routing_end("UNCLAS PARIS 1\nFM is text"), None);
    }

    #[test]
    fn line_end_backslashes_read_as_space() {
        let layout = "IRAN: A VISIT \\\n \\\nTO TEHRAN a\\b \\";
        let hidden = line_end_backslashes(layout);
        assert_eq!(
            collapse(layout, 0..layout.len(), &[], &hidden, false, &mut []).text,
            "IRAN: A VISIT TO TEHRAN a\\b"
        );
    }
}
