//! One self-contained HTML page per cable: inline CSS, no scripts, no network.
//!
//! The page holds the header fields (TAGS with their names), the REF list, a table of
//! contents linking `#p1`, `#p2`, ... anchors, headings, the paragraphs with their
//! entities marked, a legend and the entity table. Entities are coloured with the
//! Okabe-Ito palette (safe for colour-blind readers) and each kind also has its own
//! underline style, so printing in black and white keeps them apart. The markup is
//! XHTML-compatible (every element closed, attributes quoted), so XML tools read it too.

use super::paragraph_lead;
use crate::cable::{Cable, EntityKind, Mention};
use crate::tags;
use std::fmt::Write as _;

/// The style sheet, inlined in every page.
const STYLE: &str = include_str!("html.css");

/// Words of a paragraph shown in the table of contents when it has no heading.
const TOC_WORDS: usize = 10;

/// The page for one cable.
#[must_use]
pub fn html(cable: &Cable) -> String {
    let ids = paragraph_ids(cable);
    let h = &cable.header;
    let mut out = String::new();
    let title = match &h.subject {
        Some(subject) if cable.id.is_some() => format!("{}: {subject}", cable.title()),
        _ => cable.title().to_string(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"generator\" content=\"cableview\" />\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n",
        escape(&title)
    );
    if let Some(level) = h.classification {
        let _ = writeln!(
            out,
            "<p class=\"classification\">{}</p>",
            escape(level.name())
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", escape(cable.title()));
    if let (Some(subject), Some(_)) = (&h.subject, &cable.id) {
        let _ = writeln!(out, "<p class=\"subject\">{}</p>", escape(subject));
    }
    fields(&mut out, cable);
    references(&mut out, cable);
    out.push_str("</header>\n");
    toc(&mut out, cable, &ids);
    legend(&mut out, cable);
    out.push_str("<main>\n");
    if !h.text.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"header\" class=\"header-text\">\n<h2>Header as sent</h2>\n<p>{}</p>\n</section>",
            marked(&h.text, &h.mentions)
        );
    }
    for (paragraph, id) in cable.paragraphs.iter().zip(&ids) {
        if let Some(heading) = paragraph.heading.as_deref().filter(|h| !h.is_empty()) {
            let _ = writeln!(
                out,
                "<h2 class=\"heading\">{}</h2>",
                marked(heading, &paragraph.heading_mentions)
            );
        }
        let marking = paragraph
            .marking
            .as_ref()
            .map(|m| {
                format!(
                    " <span class=\"marking\">({})</span>",
                    escape(&m.to_string())
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p id=\"{id}\" class=\"para\"><a class=\"anchor\" href=\"#{id}\">¶{}</a>{marking} {}</p>",
            escape(&paragraph.label),
            marked(&paragraph.text, &paragraph.mentions)
        );
    }
    if let Some(signature) = cable.signature.as_deref().filter(|s| !s.is_empty()) {
        let _ = writeln!(
            out,
            "<p class=\"signature\">{}</p>",
            marked(signature, &cable.signature_mentions())
        );
    }
    out.push_str("</main>\n");
    entity_table(&mut out, cable, &ids);
    out.push_str("<footer><p>Exported by cableview.</p></footer>\n</body>\n</html>\n");
    out
}

/// The header's field list; TAGS with their names.
fn fields(out: &mut String, cable: &Cable) {
    let h = &cable.header;
    out.push_str("<dl class=\"fields\">\n");
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "<dt>{name}</dt><dd>{value}</dd>");
        }
    };
    let plain = |value: &Option<String>| value.as_deref().map(escape);
    field("Reference", cable.id.as_deref().map(escape));
    field("Classification", h.classification.map(|c| escape(c.name())));
    field("Caveats", Some(escape(&h.caveats.join(", "))));
    field(
        "Section",
        h.section.map(|s| format!("{} of {}", s.number, s.of)),
    );
    field("Origin", plain(&h.origin));
    field("Serial", plain(&h.serial));
    field("Created", plain(&h.created));
    field("Released", plain(&h.released));
    field("Addressees", plain(&h.addressees));
    field("To", Some(escape(&h.to.join("; "))));
    field("Info", Some(escape(&h.info.join("; "))));
    field(
        "Transmission",
        h.transmission
            .as_ref()
            .map(|t| escape(&format!("{} {}", t.precedence, t.date_time_group))),
    );
    field("E.O.", plain(&h.executive_order));
    field("Declassify on", plain(&h.declassify_on));
    let tags: String = h
        .tags
        .iter()
        .map(|code| match tags::lookup(code) {
            Some(info) => format!(
                "<li><abbr title=\"{}\">{}</abbr> {}</li>",
                escape(info.kind.name()),
                escape(code),
                escape(info.name)
            ),
            None => format!("<li><abbr>{}</abbr></li>", escape(code)),
        })
        .collect();
    field(
        "TAGS",
        (!tags.is_empty()).then(|| format!("<ul class=\"tags\">{tags}</ul>")),
    );
    field("Classified by", plain(&h.classified_by));
    field("Reasons", plain(&h.reasons));
    out.push_str("</dl>\n");
}

/// The REF list, when there is one.
fn references(out: &mut String, cable: &Cable) {
    let refs = &cable.header.references;
    if refs.is_empty() {
        return;
    }
    out.push_str("<h2>References</h2>\n<ul class=\"refs\">\n");
    for reference in refs {
        let label = reference
            .label
            .as_deref()
            .map(|l| format!("<span class=\"ref-label\">{}.</span> ", escape(l)))
            .unwrap_or_default();
        let _ = writeln!(out, "<li>{label}{}</li>", escape(&reference.text));
    }
    out.push_str("</ul>\n");
}

/// The table of contents: each paragraph, its heading or first words.
fn toc(out: &mut String, cable: &Cable, ids: &[String]) {
    if cable.paragraphs.is_empty() {
        return;
    }
    out.push_str("<nav>\n<h2>Contents</h2>\n<ol>\n");
    for (paragraph, id) in cable.paragraphs.iter().zip(ids) {
        let gist = match paragraph.heading.as_deref().filter(|h| !h.is_empty()) {
            Some(heading) => format!("<strong>{}</strong>", escape(heading)),
            None => {
                let words: Vec<&str> = paragraph.text.split_whitespace().collect();
                let more = if words.len() > TOC_WORDS { " ..." } else { "" };
                let head = words[..words.len().min(TOC_WORDS)].join(" ");
                format!("{}{more}", escape(&head))
            }
        };
        let _ = writeln!(
            out,
            "<li><a href=\"#{id}\">{}</a> {gist}</li>",
            escape(&paragraph_lead(paragraph))
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

/// The kinds shown in the legend: the four standard ones, then any other the cable uses.
fn kinds(cable: &Cable) -> Vec<EntityKind> {
    let mut kinds = EntityKind::STANDARD.to_vec();
    for (_, m) in cable.mentions() {
        if !kinds.contains(&m.kind) {
            kinds.push(m.kind.clone());
        }
    }
    kinds
}

fn legend(out: &mut String, cable: &Cable) {
    out.push_str("<section class=\"legend\">\n<h2>Legend</h2>\n<ul>\n");
    for kind in kinds(cable) {
        let _ = writeln!(
            out,
            "<li><mark class=\"e {}\">{}</mark> {}, {}</li>",
            kind_class(&kind),
            escape(kind.label()),
            escape(kind.description()),
            underline_name(&kind)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// The entity table, paragraphs linked to their anchors.
fn entity_table(out: &mut String, cable: &Cable, ids: &[String]) {
    if cable.entities.is_empty() {
        return;
    }
    out.push_str(
        "<section class=\"entities\">\n<h2>Entities</h2>\n<table>\n<thead><tr><th>Kind</th>\
         <th>Name</th><th>Count</th><th>Paragraphs</th></tr></thead>\n<tbody>\n",
    );
    for entity in &cable.entities {
        let links: Vec<String> = entity
            .paragraphs
            .iter()
            .map(|label| {
                let target = if label == crate::cable::HEADER_LABEL {
                    Some("header")
                } else {
                    cable
                        .paragraphs
                        .iter()
                        .position(|p| p.label == *label)
                        .map(|i| ids[i].as_str())
                };
                match target {
                    Some(id) => format!("<a href=\"#{id}\">{}</a>", escape(label)),
                    None => escape(label),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td><mark class=\"e {}\">{}</mark></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            kind_class(&entity.kind),
            escape(entity.kind.label()),
            escape(&entity.name),
            entity.count,
            links.join(", ")
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Anchor ids for the paragraphs: `p` + the label's letters and digits, unique.
#[must_use]
pub fn paragraph_ids(cable: &Cable) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(cable.paragraphs.len());
    for paragraph in &cable.paragraphs {
        let base: String = std::iter::once('p')
            .chain(paragraph.label.chars().filter(char::is_ascii_alphanumeric))
            .collect();
        let mut id = base.clone();
        let mut n = 1;
        // `header` cannot clash: every paragraph id starts with `p`.
        while ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        ids.push(id);
    }
    ids
}

fn kind_class(kind: &EntityKind) -> &'static str {
    match kind {
        EntityKind::Per => "e-per",
        EntityKind::Org => "e-org",
        EntityKind::Loc => "e-loc",
        EntityKind::Misc => "e-misc",
        EntityKind::Other(_) => "e-other",
    }
}

fn underline_name(kind: &EntityKind) -> &'static str {
    match kind {
        EntityKind::Per => "solid underline",
        EntityKind::Org => "double underline",
        EntityKind::Loc => "dashed underline",
        EntityKind::Misc => "dotted underline",
        EntityKind::Other(_) => "wavy underline",
    }
}

/// The text, escaped, with each mention wrapped in a `<mark>` of its kind. A mention that
/// does not slice the text, or overlaps the one before, is left unmarked.
#[must_use]
pub fn marked(text: &str, mentions: &[Mention]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for m in mentions {
        if m.bytes.start < at || text.get(m.bytes.clone()).is_none() {
            continue;
        }
        out.push_str(&escape(&text[at..m.bytes.start]));
        let _ = write!(
            out,
            "<mark class=\"e {}\" title=\"{} ({})\">{}</mark>",
            kind_class(&m.kind),
            escape(m.kind.label()),
            escape(m.kind.description()),
            escape(&text[m.bytes.clone()])
        );
        at = m.bytes.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Escapes text for HTML content and attribute values; control characters (other than
/// line breaks and tabs) become their visible Unicode pictures (`␀`, `␛`).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(crate::sanitize::printable_char(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_markup_and_controls() {
        assert_eq!(
            escape("a<b>&\"c\" 'd'"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("\u{1b}[31m\u{0}\u{7f}\u{85}"), "␛[31m␀␡\u{fffd}");
        assert_eq!(escape("line\nnext"), "line\nnext");
    }

    #[test]
    fn marked_wraps_mentions_and_escapes_around_them() {
        let cable = crate::input::sample();
        let p = &cable.paragraphs[0];
        let out = marked(&p.text, &p.mentions);
        assert!(out.contains(
            "attacks in <mark class=\"e e-loc\" title=\"LOC (location)\">Paris</mark> during"
        ));
        assert_eq!(out.matches("<mark").count(), p.mentions.len());
    }

    #[test]
    fn ids_are_unique_and_safe() {
        let mut cable = crate::input::sample();
        cable.paragraphs[1].label = "1".into();
        cable.paragraphs[2].label = "a\"b".into();
        let ids = paragraph_ids(&cable);
        assert_eq!(&ids[..3], ["p1", "p1-2", "pab"]);
    }

    #[test]
    fn page_names_tags_and_links_paragraphs() {
        let page = html(&crate::input::sample());
        assert!(page.contains("<abbr title=\"subject\">PTER</abbr> Terrorists and Terrorism"));
        assert!(page.contains("<abbr title=\"geographic\">FR</abbr> France"));
        assert!(page.contains("<li><a href=\"#p3\">¶3 (S)</a> Two reasons for this breadth"));
        assert!(
            page.contains("<p id=\"p3\" class=\"para\"><a class=\"anchor\" href=\"#p3\">¶3</a>")
        );
        assert!(page.contains("<h2 class=\"heading\">AREAS TO IMPROVE</h2>"));
        assert!(!page.contains("<script"));
        assert!(!page.contains("http"), "no external resources");
    }
}
