//! The routing lines a raw cable opens with: the transmission line (`R 291648Z MAR 10`),
//! `FM`, and the `TO` (action) and `INFO` recipients, one a line.
//!
//! They stand before the classification banner of a cable as sent (a page's first
//! `<code><pre>` block, the release CSV's header column, a partial extract's `header:`)
//! and the reader takes them only from lines: the annotated format has none.

use serde::Serialize;

/// The transmission line: the precedence and the date-time group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transmission {
    /// The precedence letter as written: `Z` (flash), `O` (immediate), `P` (priority),
    /// `R` (routine).
    pub precedence: String,
    /// The date-time group as written: `291648Z MAR 10`.
    pub date_time_group: String,
}

/// What the routing lines say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Routing {
    pub transmission: Option<Transmission>,
    pub to: Vec<String>,
    pub info: Vec<String>,
}

/// Which list a recipient line belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    None,
    To,
    Info,
}

/// Words of precedence and handling that follow a recipient: `PRIORITY 0872`.
const TRAILING: [&str; 7] = [
    "IMMEDIATE",
    "PRIORITY",
    "ROUTINE",
    "NIACT",
    "FLASH",
    "SUSTEL",
    "BT",
];

/// Reads the routing lines of `text`: nothing when it has no `TO`/`INFO` or transmission
/// line at a line's start.
pub(crate) fn read(text: &str) -> Routing {
    let mut routing = Routing::default();
    let mut list = List::None;
    // `TO` opens a list only after `FM` or the transmission line, or as the text's first
    // line: elsewhere it is a sentence (`TO THE EMBASSY'S SURPRISE, ...`).
    let mut routed = false;
    let mut first = true;
    for line in text.lines() {
        let line = line.trim();
        let was_first = first;
        first = first && line.is_empty();
        if routing.transmission.is_none()
            && list == List::None
            && let Some(found) = transmission(line)
        {
            routing.transmission = Some(found);
            routed = true;
            continue;
        }
        let (opens, rest) = if let Some(rest) = strip_word(line, "TO") {
            (Some(List::To), rest)
        } else if let Some(rest) = strip_word(line, "INFO") {
            (Some(List::Info), rest)
        } else if strip_word(line, "FM").is_some() {
            list = List::None;
            routed = true;
            continue;
        } else {
            (None, line)
        };
        if let Some(opened) = opens {
            if !routed && !was_first {
                continue;
            }
            routed = true;
            // A second `TO` after the lists is a body's sentence, not routing.
            if opened == List::To && !routing.to.is_empty() && list == List::None {
                break;
            }
            list = opened;
        } else if list == List::None {
            continue;
        } else if line.is_empty() {
            // A blank line closes a list; a State cable's distribution codes stand in an
            // `INFO` block of their own before the routing.
            list = List::None;
            continue;
        } else if ends_the_lists(line) {
            break;
        }
        // `XMT` lists the addressees a collective excludes: none of them receive it.
        if strip_word(rest, "XMT").is_some() {
            list = List::None;
            continue;
        }
        let (found, banner) = recipient(rest);
        if let Some(recipient) = found {
            match list {
                List::To => routing.to.push(recipient),
                List::Info => routing.info.push(recipient),
                List::None => {}
            }
        }
        if banner {
            break;
        }
    }
    routing
}

/// `R 291648Z MAR 10`, `OO 272245Z MAR 08`: a precedence (one letter, or two for a
/// message of several), a day-hour-minute `Z`, a month and a year; after it may stand
/// a handling code (`ZDS`, a correction).
fn transmission(line: &str) -> Option<Transmission> {
    let words: Vec<&str> = line.trim_end_matches('\\').split_whitespace().collect();
    let [precedence, time, month, year, ..] = words.as_slice() else {
        return None;
    };
    let letter = precedence.chars().next()?;
    let precedence_ok = (1..=2).contains(&precedence.len())
        && "ZOPR".contains(letter)
        && precedence.chars().all(|c| c == letter);
    let time_ok =
        time.len() == 7 && time.ends_with('Z') && time[..6].bytes().all(|b| b.is_ascii_digit());
    let month_ok = month.len() == 3 && month.bytes().all(|b| b.is_ascii_uppercase());
    let year_ok = year.len() == 2 && year.bytes().all(|b| b.is_ascii_digit());
    (precedence_ok && time_ok && month_ok && year_ok).then(|| Transmission {
        precedence: (*precedence).to_string(),
        date_time_group: format!("{time} {month} {year}"),
    })
}

/// The rest of `line` after `word` and white space, when it opens with that word.
fn strip_word<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim_start())
}

/// A line that is no recipient: a blank line, a keyword line (`TAGS:`, `E.O. 12958:`),
/// the banner, the end of a partial extract's header (`---- header ends ----`).
fn ends_the_lists(line: &str) -> bool {
    if line.is_empty() || line.contains(':') || line.starts_with("--") || line == "BT" {
        return true;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    matches!(
        first,
        "UNCLAS" | "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "E.O." | "C" | "S" | "U"
    ) || line.starts_with("C O N")
        || line.starts_with("S E C")
        || line.starts_with("U N C")
}

/// One recipient: the routing indicator before `/` (`RUEHC/`), the serial number and the
/// precedence after it gone. `None` for a line that names nobody: a page break's
/// `PAGE 02 STATE 015113 182333Z`. The flag says the line ran on into the banner
/// (`... NEW YORK 0099 C O N F I D E N T I A L SECTION 01 OF 02`), which ends the lists.
fn recipient(line: &str) -> (Option<String>, bool) {
    // Some copies end every routing line with `\` or quote the row the text sat in.
    let line = line
        .split('"')
        .next()
        .unwrap_or("")
        .trim_end_matches(['\\', ' ']);
    if line.is_empty() || line.starts_with("PAGE ") {
        return (None, false);
    }
    // `LOG-00 EEB-00 AF-00`: the Department's own distribution codes, no recipients.
    let codes = line
        .split_whitespace()
        .filter(|w| !w.starts_with('/'))
        .all(|w| {
            w.rsplit_once('-')
                .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
    if codes {
        return (None, false);
    }
    // `USCINCSO MIAMI FL//SCJ3/SCJ33//`: the office symbols after `//` go.
    let line = line.split("//").next().unwrap_or(line);
    let line = match line.split_once('/') {
        Some((indicator, rest))
            if indicator.len() >= 3
                && !indicator.contains(' ')
                && indicator.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            rest
        }
        _ => line,
    };
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let banner = (0..words.len()).find(|&i| {
        let spaced = words[i..].iter().take(3).filter(|w| w.len() == 1).count() == 3;
        spaced
            || matches!(
                words[i],
                "UNCLAS" | "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET"
            )
    });
    if let Some(at) = banner {
        words.truncate(at);
    }
    while let Some(last) = words.last() {
        let serial = last.len() >= 3 && last.bytes().all(|b| b.is_ascii_digit());
        if serial || TRAILING.contains(last) {
            words.pop();
        } else {
            break;
        }
    }
    let name = words.join(" ");
    let name = name.trim_end_matches([',', '.', ';']);
    (
        (!name.is_empty()).then(|| name.to_string()),
        banner.is_some(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 08BOGOTA1145's partial extract header (tests/fixtures/train), shortened.
    #[test]
    fn reads_a_partial_extracts_routing() {
        let text = "VZCZCXYZ0002\nOO RUEHWEB\n\nDE RUEHBO #1145/01 0872245\nZNY CCCCC ZZH\n\
            O 272245Z MAR 08\nFM AMEMBASSY BOGOTA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 2092\n\
            INFO RHMFISS/CDR USSOUTHCOM MIAMI FL IMMEDIATE\nRUEAIIA/CIA WASHDC IMMEDIATE\n\
            RUEHBR/AMEMBASSY BRASILIA PRIORITY 8116\n\n\n---- header ends ----\n";
        let routing = read(text);
        assert_eq!(
            routing.transmission,
            Some(Transmission {
                precedence: "O".into(),
                date_time_group: "272245Z MAR 08".into()
            })
        );
        assert_eq!(routing.to, ["SECSTATE WASHDC"]);
        assert_eq!(
            routing.info,
            [
                "CDR USSOUTHCOM MIAMI FL",
                "CIA WASHDC",
                "AMEMBASSY BRASILIA"
            ]
        );
    }

    /// 06MEXICO1797 (train CSV): the routing runs into the `TAGS:` line.
    #[test]
    fn the_lists_end_at_a_keyword_line() {
        let text = "R 061505Z APR 06\nFM AMEMBASSY MEXICO\nTO RUEHC/SECSTATE WASHDC 0039\n\
            INFO RUEATRS/DEPT OF TREASURY WASHDC\nRUEHXC/ALL US CONSULATES IN MEXICO COLLECTIVE\n\
            TAGS: ECON EFIN\nUNCLAS SECTION 01 OF 02 MEXICO 001797";
        let routing = read(text);
        assert_eq!(routing.to, ["SECSTATE WASHDC"]);
        assert_eq!(
            routing.info,
            [
                "DEPT OF TREASURY WASHDC",
                "ALL US CONSULATES IN MEXICO COLLECTIVE"
            ]
        );
    }

    /// 01PARIS11204's page (tests/fixtures/raw-more): a recipient with `SUSTEL`.
    #[test]
    fn a_pages_routing_block() {
        let text = "O 160512Z OCT 01\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC IMMEDIATE 9246\n\
            INFO ALL EUROPEAN UNION POST COLLECTIVE\nAMEMBASSY ALMATY \nAMEMBASSY DUSHANBE SUSTEL\n\
            USMISSION USUN NEW YORK";
        let routing = read(text);
        assert_eq!(routing.to, ["SECSTATE WASHDC"]);
        assert_eq!(routing.info.len(), 4);
        assert_eq!(routing.info[2], "AMEMBASSY DUSHANBE");
        assert_eq!(
            routing.transmission.unwrap().date_time_group,
            "160512Z OCT 01"
        );
    }

    /// 06BERN1686 (train CSV): lines ending in `\`, the banner on the last one.
    #[test]
    fn backslashes_and_a_banner_on_the_line() {
        let text = "P 140749Z SEP 06 ZDS\\\nFM AMEMBASSY BERN\\\nTO RUEHC/SECSTATE WASHDC PRIORITY 3005\\\n\
            INFO RUCNIRA/IRAN COLLECTIVE\\\nRUCNDT/USMISSION USUN NEW YORK 0099 C O N F I D E N T I A L \
            SECTION 01 OF 02 BERN 001686\nSIPDIS";
        let routing = read(text);
        assert_eq!(routing.to, ["SECSTATE WASHDC"]);
        assert_eq!(routing.info, ["IRAN COLLECTIVE", "USMISSION USUN NEW YORK"]);
        assert_eq!(
            routing.transmission.unwrap().date_time_group,
            "140749Z SEP 06"
        );
    }

    /// 09STATE37561's page (tests/fixtures/raw-more): the distribution codes' `INFO` block
    /// before the routing names no recipient.
    #[test]
    fn distribution_codes_are_no_recipients() {
        let text = "INFO  LOG-00   EEB-00   AF-00    AGRE-00\n      G-00     SAS-00   SWCI-00    /001R\n\n\
            \nR 161411Z APR 09\nFM SECSTATE WASHDC\nTO AMEMBASSY BUJUMBURA \nAMEMBASSY KAMPALA \n\
            INFO RHMFISS/USCINCSO MIAMI FL//SCJ3/SCJ33//";
        let routing = read(text);
        assert_eq!(routing.to, ["AMEMBASSY BUJUMBURA", "AMEMBASSY KAMPALA"]);
        assert_eq!(routing.info, ["USCINCSO MIAMI FL"]);
        assert_eq!(routing.transmission.unwrap().precedence, "R");
    }

    #[test]
    fn a_body_without_routing_has_none() {
        let routing = read("HE SAID SO.\nTO THE EMBASSY'S SURPRISE, THE MINISTER AGREED.");
        assert_eq!(routing, Routing::default());
    }
}
