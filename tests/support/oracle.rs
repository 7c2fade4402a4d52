//! What a WikiLeaks page's body says, read without the parser: its lines, its TAGS links,
//! its SUBJECT line, its numbered lines. The fixture tests hold the parser to these.

/// The body as sent: the last `<code><pre>` block with `&#x000A;` as line breaks, tags
/// removed (a link keeps its text), the common entities decoded.
pub fn body_lines(html: &str) -> Vec<String> {
    let open = html.rfind("<code><pre>").expect("a <code><pre> block") + "<code><pre>".len();
    let close = html[open..]
        .find("</pre>")
        .map_or(html.len(), |at| open + at);
    let raw = html[open..close].replace("&#x000A;", "\n");
    let mut text = String::new();
    let mut rest = raw.as_str();
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map(|e| at + e + 1);
        let is_tag = rest[at + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/');
        match tag_end {
            Some(end) if is_tag && !rest[at + 1..end].contains('<') => {
                // An anchor's pilcrow is the generator's, not the cable's.
                let inner_end = rest[end..].find('<').map_or(rest.len(), |e| end + e);
                if rest[at..end].starts_with("<a id=") && rest[end..inner_end] == *"¶" {
                    rest = &rest[inner_end..];
                } else {
                    rest = &rest[end..];
                }
            }
            _ => {
                text.push('<');
                rest = &rest[at + 1..];
            }
        }
    }
    text.push_str(rest);
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&quot;", "\"");
    text.split('\n').map(str::to_string).collect()
}

/// The codes of the body's TAGS links, upper-cased, once each, in order.
pub fn tag_links(html: &str) -> Vec<String> {
    let body = &html[html.rfind("<code><pre>").unwrap_or(0)..];
    let mut tags: Vec<String> = Vec::new();
    for piece in body.split("<a href='/tag/").skip(1) {
        let text_start = piece.find('>').unwrap() + 1;
        let text_end = piece.find("</a>").unwrap();
        let code = piece[text_start..text_end].trim().to_ascii_uppercase();
        if !tags.contains(&code) {
            tags.push(code);
        }
    }
    tags
}

/// The text after the first SUBJECT (or SUBJ) keyword at a line start, on its line: a
/// repeated keyword dropped, white space squeezed.
pub fn subject_line(lines: &[String]) -> Option<String> {
    lines.iter().find_map(|line| {
        let mut rest = line.trim_start();
        let mut found = false;
        loop {
            let upper = rest.to_ascii_uppercase();
            let word = ["SUBJECT", "SUBJ"]
                .into_iter()
                .find(|w| upper.starts_with(w))?;
            let after = rest[word.len()..].trim_start();
            let colon = after.starts_with(':');
            let bare = rest.starts_with(word) && rest[word.len()..].starts_with(' ');
            if !colon && !bare {
                return found.then(|| squeeze(rest));
            }
            rest = after.strip_prefix(':').unwrap_or(after).trim_start();
            found = true;
            if !rest.to_ascii_uppercase().starts_with("SUBJ") {
                return Some(squeeze(rest));
            }
        }
    })
}

/// Words joined by single spaces.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds a teletype page marker: `GENEVA 00001234 001.2 OF 004` or `PAGE
/// 02 ROME 01234 211833Z`.
pub fn has_page_marker(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    words
        .windows(3)
        .any(|w| w[0].len() == 8 && digits(w[0]) && w[2].eq_ignore_ascii_case("OF"))
        || words
            .windows(2)
            .any(|w| w[0] == "PAGE" && digits(w[1]) && w[1].len() == 2)
}

/// How many cable references `text` holds: an origin of capitals (`SAN JOSE`) followed by
/// a serial of digits, or a run-together ID (`09BOGOTA569`).
pub fn reference_count(text: &str) -> usize {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    // `AUGUST 2008`, `FALL 2007`, `OF 1986`: dates, not references.
    let dating = [
        "OF",
        "IN",
        "SPRING",
        "SUMMER",
        "FALL",
        "WINTER",
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ];
    let is_origin =
        |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) && !dating.contains(&w);
    let is_serial = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_digit());
    let glued = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let letters = w[digits..]
            .bytes()
            .take_while(u8::is_ascii_uppercase)
            .count();
        digits == 2 && letters >= 3 && is_serial(&w[digits + letters..])
    };
    (0..words.len())
        .filter(|&i| glued(words[i]) || (i > 0 && is_serial(words[i]) && is_origin(words[i - 1])))
        .count()
}

/// A number opening a line the way a paragraph's does: `3. Text`, `3.(C)`, `3) Text`,
/// `(C) 3. Text`; with whether a portion marking goes with it and its style (`.`, `)`).
pub fn numbered(line: &str) -> Option<(u32, bool, char)> {
    let line = line.trim_start();
    let (marked_before, rest) = match marking_len(line) {
        Some(len) => (true, line[len..].trim_start()),
        None => (false, line),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let style = rest[digits..].chars().next()?;
    let after = &rest[digits + style.len_utf8()..];
    let opens = (style == '.' || style == ')')
        && after
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '(' || c.is_ascii_uppercase());
    if !opens {
        return None;
    }
    let marked = marked_before || marking_len(after.trim_start()).is_some();
    Some((rest[..digits].parse().ok()?, marked, style))
}

/// The length of a portion marking at the start: `(C)`, `(S/NF)`, `(SBU)`, `(U//FOUO)`.
fn marking_len(text: &str) -> Option<usize> {
    let inner_end = text.strip_prefix('(')?.find(')')?;
    let inner = text[1..=inner_end].trim();
    let level = inner.split('/').next()?.trim();
    let known = ["U", "SBU", "C", "S", "TS"]
        .iter()
        .any(|l| l.eq_ignore_ascii_case(level));
    let caveat_ok = inner
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == ' ');
    (known && caveat_ok).then_some(inner_end + 2)
}
