//! Reference IDs and REF texts, reduced to one comparable key.
//!
//! A cable is known by an ID such as `04PARIS8983`: a year prefix, the post, a serial.
//! REF lists write the same cable many ways: `04 PARIS 8983`, `PARIS 008983` (year left to
//! context), `2004 PARIS 8983`, `SECSTATE 10152` for `STATE`. Both sides are reduced to a
//! [`CableKey`] so a REF can be looked up in the library.

/// The parts of a reference ID that identify a cable: year prefix, post, serial.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CableKey {
    /// The year prefix as the ID writes it: `04`, or an odd prefix such as `7575`.
    pub year: String,
    /// The post, upper-cased, without spaces: `PARIS`, `SANJOSE`.
    pub post: String,
    /// The serial without leading zeros: `8983`.
    pub serial: String,
}

impl CableKey {
    /// Splits a reference ID (`04PARIS8983`) into its key; `None` if it is not one.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        let digits = id.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &id[digits..];
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let serial = &rest[letters..];
        let ok = digits >= 2
            && letters >= 2
            && !serial.is_empty()
            && serial.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Self {
            year: id[..digits].to_string(),
            post: normalize_post(&rest[..letters]),
            serial: strip_zeros(serial),
        })
    }

    /// The full year the ID's prefix stands for, when it is a two-digit year.
    #[must_use]
    pub fn full_year(&self) -> Option<u16> {
        let year: u16 = self.year.parse().ok()?;
        match self.year.len() {
            // Cables run from the 1960s to 2010: 66..99 are 19xx, the rest 20xx.
            2 if year >= 50 => Some(1900 + year),
            2 => Some(2000 + year),
            _ => None,
        }
    }
}

/// One way a REF text may name a cable: the year when written, the post and the serial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The year as a two-digit prefix, when the REF writes it.
    pub year: Option<String>,
    /// The post words, upper-cased (`["EMBASSY", "VIENNA"]`).
    pub post_words: Vec<String>,
    /// The serial without leading zeros.
    pub serial: String,
}

impl Citation {
    /// The keys this citation may stand for, most specific first: the whole post, then
    /// shorter tails of it (`EMBASSY VIENNA` also tries `VIENNA`). A missing year is taken
    /// from `context_year` (the citing cable's prefix); without one there is no key.
    #[must_use]
    pub fn keys(&self, context_year: Option<&str>) -> Vec<CableKey> {
        let Some(year) = self.year.as_deref().or(context_year) else {
            return Vec::new();
        };
        (0..self.post_words.len())
            .flat_map(|skip| {
                let post = normalize_post(&self.post_words[skip..].concat());
                let alias = id_post(&post).map(str::to_string);
                std::iter::once(post).chain(alias)
            })
            .map(|post| CableKey {
                year: year.to_string(),
                post,
                serial: self.serial.clone(),
            })
            .collect()
    }
}

/// The post as cable IDs write it, for the short forms REF lists use: `RIO`, `HK`,
/// `HCMC`, `UNVIE`, `USUNESCO PARIS FR`.
fn id_post(post: &str) -> Option<&'static str> {
    Some(match post {
        "RIO" | "RIODEJAN" => "RIODEJANEIRO",
        "HK" => "HONGKONG",
        "HCMC" | "HOCHIMINH" => "HOCHIMINHCITY",
        "UNVIE" => "UNVIEVIENNA",
        "USUNESCOPARISFR" | "PARISFR" | "USUNESCO" => "UNESCOPARISFR",
        _ => return None,
    })
}

/// Every `[YEAR] POST SERIAL` run in a REF text, in order.
///
/// The text is messy (`A) 2009 BAKU 972`, `MADRID 449 MADRID 00000552 001.2 OF 011`), so
/// every candidate is returned and the library keeps the first that names a cable it holds.
/// A year in brackets (`STATE (01) 201265`, `ASUNCION 701 (08)`) is the citation's year.
#[must_use]
pub fn citations(text: &str) -> Vec<Citation> {
    let mut tokens: Vec<String> = Vec::new();
    // Whether each token is a two-digit number in brackets: `(08)`.
    let mut bracketed: Vec<bool> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_alphanumeric()) {
        let len = rest[at..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - at);
        let token = &rest[at..at + len];
        let opened = rest[..at].ends_with('(');
        let closed = rest[at + len..].starts_with(')');
        bracketed.push(opened && closed && token.len() == 2 && is_number(token));
        tokens.push(token.to_ascii_uppercase());
        rest = &rest[at + len..];
    }
    let is_word = |t: &str| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic());
    let mut found = Vec::new();
    for start in 0..tokens.len() {
        // A post starts here only if the token before it is not also a post word; `AND`
        // (`PARIS 12 AND 14`) is none.
        if !is_word(&tokens[start])
            || (start > 0 && is_word(&tokens[start - 1]))
            || tokens[start] == "AND"
        {
            continue;
        }
        let words = tokens[start..]
            .iter()
            .take_while(|t| is_word(t))
            .take(4)
            .count();
        let mut at = start + words;
        let year_inside = bracketed.get(at).copied().unwrap_or(false);
        if year_inside {
            at += 1;
        }
        let Some(serial) = tokens.get(at).filter(|t| is_number(t)) else {
            continue;
        };
        // A number right after another citation's post is that citation's serial, not a year.
        let after_post = start >= 2 && is_word(&tokens[start - 2]);
        let year = if year_inside {
            Some(tokens[start + words].clone())
        } else if bracketed.get(at + 1).copied().unwrap_or(false) {
            Some(tokens[at + 1].clone())
        } else {
            start
                .checked_sub(1)
                .filter(|_| !after_post)
                .map(|i| tokens[i].as_str())
                .and_then(year_prefix)
        };
        let post_words = tokens[start..start + words].to_vec();
        // `BRASILIA 2799 AND 2764`: a second serial of the same post.
        let also = (tokens.get(at + 1).map(String::as_str) == Some("AND"))
            .then(|| tokens.get(at + 2).filter(|t| is_number(t)))
            .flatten();
        found.push(Citation {
            year: year.clone(),
            post_words: post_words.clone(),
            serial: strip_zeros(serial),
        });
        if let Some(serial) = also {
            found.push(Citation {
                year,
                post_words,
                serial: strip_zeros(serial),
            });
        }
    }
    found
}

fn is_number(token: &str) -> bool {
    token.bytes().all(|b| b.is_ascii_digit())
}

/// `04` stays `04`; `2004` and `1986` give `04` and `86`; anything else is no year.
fn year_prefix(token: &str) -> Option<String> {
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match token.len() {
        2 => Some(token.to_string()),
        4 if token.starts_with("19") || token.starts_with("20") => Some(token[2..].to_string()),
        _ => None,
    }
}

/// `SECSTATE` is the Department, written `STATE` in IDs; spaces never appear in IDs.
fn normalize_post(post: &str) -> String {
    let post: String = post
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if post == "SECSTATE" {
        "STATE".to_string()
    } else {
        post
    }
}

fn strip_zeros(serial: &str) -> String {
    let trimmed = serial.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(year: &str, post: &str, serial: &str) -> CableKey {
        CableKey {
            year: year.into(),
            post: post.into(),
            serial: serial.into(),
        }
    }

    #[test]
    fn ids_split_into_keys() {
        assert_eq!(
            CableKey::from_id("04PARIS8983"),
            Some(key("04", "PARIS", "8983"))
        );
        assert_eq!(
            CableKey::from_id("7575LIBREVILLE1895"),
            Some(key("7575", "LIBREVILLE", "1895"))
        );
        assert_eq!(CableKey::from_id("PARIS8983"), None);
        assert_eq!(CableKey::from_id("04PARIS"), None);
        assert_eq!(CableKey::from_id(""), None);
    }

    #[test]
    fn full_years_from_prefixes() {
        assert_eq!(
            CableKey::from_id("04PARIS1").unwrap().full_year(),
            Some(2004)
        );
        assert_eq!(
            CableKey::from_id("73TEHRAN1").unwrap().full_year(),
            Some(1973)
        );
        assert_eq!(CableKey::from_id("7575X1").map(|k| k.full_year()), None);
    }

    #[test]
    fn spaced_ref_matches_the_id() {
        let found = citations("04 PARIS 8983");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].keys(None), vec![key("04", "PARIS", "8983")]);
    }

    #[test]
    fn missing_year_comes_from_context_and_zeros_are_stripped() {
        let found = citations("PARIS 008983");
        assert_eq!(found[0].keys(Some("04")), vec![key("04", "PARIS", "8983")]);
        assert!(found[0].keys(None).is_empty());
    }

    #[test]
    fn secstate_is_state_and_four_digit_years_shorten() {
        let found = citations("SECSTATE 10152");
        assert_eq!(found[0].keys(Some("10")), vec![key("10", "STATE", "10152")]);
        let found = citations("B) 2009 BAKU 921");
        assert_eq!(found[0].keys(None), vec![key("09", "BAKU", "921")]);
    }

    #[test]
    fn multi_word_posts_try_their_tails() {
        let found = citations("EMBASSY VIENNA 1450");
        assert_eq!(
            found[0].keys(Some("09")),
            vec![
                key("09", "EMBASSYVIENNA", "1450"),
                key("09", "VIENNA", "1450")
            ]
        );
    }

    #[test]
    fn short_posts_also_try_the_ids_form() {
        // 07HANOI73, 09UNVIEVIENNA322, 10UNESCOPARISFR197.
        let found = citations("HO CHI MINH 10");
        assert_eq!(
            found[0].keys(Some("07"))[1],
            key("07", "HOCHIMINHCITY", "10")
        );
        let found = citations("06 HCMC 1497 AND PREVIOUS");
        assert_eq!(found[0].keys(None)[1], key("06", "HOCHIMINHCITY", "1497"));
        let found = citations("UNVIE 089");
        assert_eq!(
            found[0].keys(Some("09")),
            vec![key("09", "UNVIE", "89"), key("09", "UNVIEVIENNA", "89")]
        );
        let found = citations("USUNESCO PARIS FR 000087");
        assert!(
            found[0]
                .keys(Some("10"))
                .contains(&key("10", "UNESCOPARISFR", "87"))
        );
        let found = citations("PARIS 1501");
        assert_eq!(found[0].keys(Some("08")), vec![key("08", "PARIS", "1501")]);
    }

    #[test]
    fn bracketed_years_and_a_second_serial() {
        // 09SAOPAULO558, 02HARARE81, 04BRASILIA2863.
        let found = citations("SAO PAULO 228 (08)");
        assert_eq!(found[0].keys(Some("09"))[0], key("08", "SAOPAULO", "228"));
        let found = citations("STATE (01) 201265,");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].keys(Some("02")),
            vec![key("01", "STATE", "201265")]
        );
        let found = citations("UNVIE 102 (NOTAL)");
        assert_eq!(found[0].year, None);
        let found = citations("BRASILIA 2799 AND 2764");
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1].keys(Some("04")),
            vec![key("04", "BRASILIA", "2764")]
        );
    }

    #[test]
    fn lowercase_and_messy_texts() {
        let found = citations("State 77660");
        assert_eq!(found[0].post_words, vec!["STATE"]);
        let found = citations("MADRID 449 MADRID 00000552 001.2 OF 011");
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].serial, "449");
        assert_eq!(found[1].serial, "552");
        let found = citations("BAGHDAD 63 BAGHDAD 30");
        assert_eq!(found[1].year, None, "63 is the first citation's serial");
        assert!(citations("314/07696-07").is_empty());
        assert!(citations("").is_empty());
    }
}
