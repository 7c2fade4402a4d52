//! Quoting with citations, and the OSC 52 escape that puts a quote on the clipboard.
//!
//! The reader's `y` copies [`paragraph`], `Y` copies [`entity_mentions`]; the event loop
//! hands them to tmux inside tmux, else to the terminal with [`osc52`], which terminals
//! honour over SSH too.

use crate::cable::{Cable, Entity, HEADER_LABEL};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

mod template;

pub use template::{DEFAULT as DEFAULT_TEMPLATE, Field, Template, TemplateError};

/// Characters of context kept on each side of a mention in [`entity_mentions`].
const CONTEXT: usize = 60;

/// The paragraph at `index` (0-based, in `cable.paragraphs`) cited as `template` says;
/// the default gives `05PARIS2333 ¶3 (S) · Embassy Paris · 2005-04-07 · GWOT ASSESSMENT:
/// EMBASSY PARIS FEEDBACK`, the cable's [`url`] on the next line, then the paragraph's
/// text. `None` when there is no such paragraph.
#[must_use]
pub fn paragraph(cable: &Cable, index: usize, template: &Template) -> Option<String> {
    let p = cable.paragraphs.get(index)?;
    let header = &cable.header;
    Some(template.render(|field| match field {
        Field::Id => cable.id.as_deref().map(str::to_string),
        Field::Paragraph => Some(p.label.clone()),
        Field::Marking => p.marking.as_ref().map(ToString::to_string),
        Field::Origin => header.origin.clone(),
        Field::Date => date(cable).map(str::to_string),
        Field::Subject => header.subject.clone(),
        Field::Url => url(cable),
        Field::Text => Some(p.text.clone()),
    }))
}

/// The day the cable was written, `2005-04-07`, from the date a page gives
/// (`2005-04-07 13:01`); `None` when the source gives none.
#[must_use]
pub fn date(cable: &Cable) -> Option<&str> {
    let created = cable.header.created.as_deref()?;
    let day = created.get(..10)?;
    let b = day.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shape.then_some(day)
}

/// The cable on the WikiLeaks site, as its own page links to it (`/cable/2005/04/
/// 05PARIS2333.html`, the year and month of its date): `https://wikileaks.org/cable/
/// 2005/04/05PARIS2333.html`. `None` without both an ID and a date.
#[must_use]
pub fn url(cable: &Cable) -> Option<String> {
    let id = cable.id.as_deref()?;
    let day = date(cable)?;
    Some(format!(
        "https://wikileaks.org/cable/{}/{}/{id}.html",
        &day[..4],
        &day[5..7]
    ))
}

/// Every mention of `entity` in the cable, one line each with its paragraph and some
/// context: `05PARIS2333 ¶5: ... the EU on Hezbollah. It sees the EU's listing of ...`.
/// Header mentions cite `header`. Lines end with `\n`; no mention gives an empty string.
#[must_use]
pub fn entity_mentions(cable: &Cable, entity: &Entity) -> String {
    let mut out = String::new();
    let blocks = std::iter::once((HEADER_LABEL, &cable.header.text, &cable.header.mentions)).chain(
        cable
            .paragraphs
            .iter()
            .map(|p| (p.label.as_str(), &p.text, &p.mentions)),
    );
    for (label, text, mentions) in blocks {
        for m in mentions.iter().filter(|m| entity.matches(&m.kind, &m.text)) {
            let Some(context) = context(text, m.bytes.clone()) else {
                continue;
            };
            let cite = if label == HEADER_LABEL {
                HEADER_LABEL.to_string()
            } else {
                format!("¶{label}")
            };
            out.push_str(&format!("{} {cite}: {context}\n", cable.title()));
        }
    }
    out
}

/// The mention with up to [`CONTEXT`] characters either side, cut at word boundaries,
/// `...` where text was cut, line breaks as spaces.
fn context(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let mention = text.get(span.clone())?;
    let before = &text[..span.start];
    let after = &text[span.end..];
    let mut left: String = before
        .chars()
        .rev()
        .take(CONTEXT)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let cut_left = left.len() < before.len();
    if cut_left && let Some(space) = left.find(' ') {
        left.drain(..=space);
    }
    let mut right: String = after.chars().take(CONTEXT).collect();
    let cut_right = right.len() < after.len();
    if cut_right && let Some(space) = right.rfind(' ') {
        right.truncate(space);
    }
    let line = format!(
        "{}{left}{mention}{right}{}",
        if cut_left { "... " } else { "" },
        if cut_right { " ..." } else { "" }
    );
    Some(line.replace(['\n', '\r', '\u{2028}', '\u{2029}'], " "))
}

/// The OSC 52 sequence that sets the terminal's clipboard to `text`: `ESC ] 52 ; c ;
/// BASE64 BEL`. Control characters in `text` are made visible
/// ([`crate::sanitize::printable`]), whoever queued it. Inside tmux this is not used: tmux
/// drops it unless `allow-passthrough` is on, and takes the text itself instead.
#[must_use]
pub fn osc52(text: &str) -> String {
    let text = crate::sanitize::printable(text);
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_cites_id_label_marking_and_what_the_cable_says_of_itself() {
        let template = Template::default();
        // The annotated sample knows no date and names its origin by the header's word.
        let cable = crate::input::sample();
        let quote = paragraph(&cable, 2, &template).unwrap();
        assert!(
            quote.starts_with(
                "05PARIS2333 ¶3 (S) · PARIS · GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK\n\nTwo reasons for this breadth"
            ),
            "{quote}"
        );
        assert!(quote.ends_with("seminars in the U.S."));
        assert_eq!(url(&cable), None);
        assert_eq!(paragraph(&cable, 7, &template), None);
        // A page gives the date, and with it the URL.
        let mut page = cable.clone();
        page.header.origin = Some("Embassy Paris".into());
        page.header.created = Some("2005-04-07 13:01".into());
        let quote = paragraph(&page, 1, &template).unwrap();
        let lines: Vec<&str> = quote.lines().collect();
        assert_eq!(
            lines[..3],
            [
                "05PARIS2333 ¶2 (S/NF) · Embassy Paris · 2005-04-07 · GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK",
                "https://wikileaks.org/cable/2005/04/05PARIS2333.html",
                "",
            ]
        );
        assert!(
            lines[3].starts_with("Embassy Paris comprises"),
            "{}",
            lines[3]
        );
        let own = Template::parse("{id}/{paragraph}: {text}").unwrap();
        assert!(
            paragraph(&page, 1, &own)
                .unwrap()
                .starts_with("05PARIS2333/2: Embassy")
        );
    }

    #[test]
    fn a_date_that_is_not_a_day_gives_no_url() {
        let mut cable = crate::input::sample();
        for created in ["2005-04", "April 7, 2005", "2005/04/07 13:01"] {
            cable.header.created = Some(created.into());
            assert_eq!(date(&cable), None, "{created}");
            assert_eq!(url(&cable), None, "{created}");
        }
    }

    #[test]
    fn entity_mentions_give_one_line_per_mention() {
        let cable = crate::input::sample();
        let hezbollah = cable
            .entities
            .iter()
            .find(|e| e.name == "Hezbollah")
            .unwrap();
        let out = entity_mentions(&cable, hezbollah);
        assert_eq!(out.lines().count(), 8);
        for line in out.lines() {
            assert!(line.starts_with("05PARIS2333 ¶5: "), "{line}");
            assert!(line.contains("Hezbollah"));
        }
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "05PARIS2333 ¶5: ... of this is continued French intransigence within the EU on Hezbollah. It sees the EU's listing of Hezbollah as a bad idea for ..."
        );
        let paris = cable.entities.iter().find(|e| e.name == "Paris").unwrap();
        let out = entity_mentions(&cable, paris);
        assert_eq!(out.lines().count(), 10);
        assert!(out.starts_with("05PARIS2333 header: "));
    }

    #[test]
    fn context_at_text_edges_has_no_ellipsis() {
        assert_eq!(context("Paris is big", 0..5).unwrap(), "Paris is big");
        assert_eq!(context("a\nb", 2..3).unwrap(), "a b");
        assert_eq!(context("abc", 1..9), None);
    }

    #[test]
    fn osc52_is_base64_between_the_escape_and_bel() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        assert_eq!(osc52("¶"), "\x1b]52;c;wrY=\x07");
        // ESC [ 2 0 1 ~ and CR as their pictures: a paste cannot leave bracketed paste.
        assert_eq!(
            osc52("\x1b[201~\rx\r"),
            format!("\x1b]52;c;{}\x07", STANDARD.encode("␛[201~␍x␍"))
        );
    }
}
