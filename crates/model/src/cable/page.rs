//! The WikiLeaks "Cable Viewer" page: metadata from `<table class='cable'>`, the cable's
//! header and body from the last `<code><pre>` block.
//!
//! The pages are not well-formed HTML, so nothing here is an HTML parser: the reader looks
//! for the few shapes the page generator wrote. In the body, `&#x000A;` is a line break,
//! paragraph anchors (`<a id='par3' href='#par3'>¶</a>3.`) are removed (the body's own
//! numbering places the paragraphs), links become their text and TAGS links are noted,
//! other tags (`<br>`, `</td></tr></table>`) are dropped, and a `<` or `>` that is not
//! part of a tag is text. Only real entities are decoded: the
//! generator never escaped `&`, so `R&D;`, `S&ED;` and `&processes8;` are literal.

use super::marking;
use super::natural::Body;
use super::{Cable, CableId, Warning, structure};

/// The page's metadata table, each value the text of its cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub reference_id: Option<CableId>,
    pub created: Option<String>,
    pub released: Option<String>,
    pub classification: Option<String>,
    pub origin: Option<String>,
    /// The routing lines (`FM`, `TO`, `INFO`): a page's first `<code><pre>` block when it
    /// has two, the release CSV's header column.
    pub routing: Option<String>,
}

/// Reads a page: its metadata and the body of its last `<code><pre>` block.
pub(crate) fn read(page: &str, warnings: &mut Vec<Warning>) -> (Meta, Body) {
    let mut meta = read_meta(page);
    let Some(open) = page.rfind("<code><pre>") else {
        warnings.push(Warning {
            line: None,
            message: "no <code><pre> block: the page holds no cable text".to_string(),
        });
        return (meta, Body::default());
    };
    let start = open + "<code><pre>".len();
    let end = page[start..]
        .find("</pre>")
        .map_or(page.len(), |at| start + at);
    if let Some(first) = page[..open].find("<code><pre>") {
        let from = first + "<code><pre>".len();
        let to = page[from..open].find("</pre>").map_or(open, |at| from + at);
        meta.routing = Some(decode_body(&page[from..to]).layout);
    }
    (meta, decode_body(&page[start..end]))
}

/// Puts the page's metadata into the cable: the table is the authority for the reference
/// ID, dates, classification and origin (its link text, not the title attribute).
pub(crate) fn apply(meta: Meta, cable: &mut Cable) {
    if let Some(id) = meta.reference_id {
        cable.id = Some(id);
    }
    let header = &mut cable.header;
    if let Some(routing) = &meta.routing {
        super::header::read_routing(routing, header);
    }
    header.created = meta.created;
    header.released = meta.released;
    if let Some(origin) = meta.origin {
        header.origin = Some(origin);
    }
    if let Some(text) = meta.classification
        && let Ok((_, (level, _))) = marking::classification(&text)
    {
        header.classification = Some(level);
        // `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`: the caveat as written.
        if let Some((_, caveat)) = text.split_once("//") {
            let caveat = caveat.trim().to_ascii_uppercase();
            if !caveat.is_empty() && !header.caveats.contains(&caveat) {
                header.caveats.push(caveat);
            }
        }
    }
}

/// The `<th>` names and `<td>` values of `<table class='cable'>`, paired in order.
fn read_meta(page: &str) -> Meta {
    let mut meta = Meta::default();
    let Some(open) = page
        .find("<table class='cable'>")
        .or_else(|| page.find("<table class=\"cable\">"))
    else {
        return meta;
    };
    let table = &page[open..];
    let table = &table[..table.find("</table>").unwrap_or(table.len())];
    let names = cells(table, "th");
    let values = cells(table, "td");
    for (name, value) in names.iter().zip(values) {
        let value = (!value.is_empty()).then_some(value);
        match name.to_ascii_lowercase().as_str() {
            "reference id" => meta.reference_id = value.map(CableId::new),
            "created" => meta.created = value,
            "released" => meta.released = value,
            "classification" => meta.classification = value,
            "origin" => meta.origin = value,
            _ => {}
        }
    }
    meta
}

/// The text of every `<name>...</name>` cell: tags dropped, entities decoded, spaces
/// collapsed.
fn cells(table: &str, name: &str) -> Vec<String> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = table;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        // `<th>` or `<th class=...>`, but not `<thead>`.
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(content_start) = after.find('>') else {
            break;
        };
        let content = &after[content_start + 1..];
        let end = content.find(&close).unwrap_or(content.len());
        let text = decode_body(&content[..end]).layout;
        out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &content[end..];
    }
    out
}

/// Decodes the inside of a `<pre>` block into the text as sent and its TAGS links.
pub(crate) fn decode_body(raw: &str) -> Body {
    let mut body = Body {
        layout: String::with_capacity(raw.len()),
        tags: Vec::new(),
    };
    let mut rest = raw;
    while let Some(at) = rest.find(['<', '&', '\r']) {
        body.layout.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("\r\n") {
            body.layout.push('\n');
            rest = after;
        } else if rest.starts_with('\r') {
            body.layout.push('\n');
            rest = &rest[1..];
        } else if rest.starts_with('&') {
            rest = match entity(rest) {
                Some((c, after)) => {
                    body.layout.push(c);
                    after
                }
                None => {
                    body.layout.push('&');
                    &rest[1..]
                }
            };
        } else {
            rest = tag(rest, &mut body);
        }
    }
    body.layout.push_str(rest);
    body
}

/// Reads the tag at `input` (which starts with `<`) into `body`; returns what follows.
fn tag<'a>(input: &'a str, body: &mut Body) -> &'a str {
    // The label the generator echoed after an anchor (`1.`) is the cable's own text.
    if let Some((_, after)) = anchor(input) {
        return after;
    }
    if let Some((attributes, text, after)) = link(input) {
        let text = decode_body(text).layout;
        if attributes.contains("/tag/") {
            structure::push_tag(&mut body.tags, &text);
        }
        body.layout.push_str(&text);
        return after;
    }
    if let Some((name, after)) = markup(input) {
        // A `<br>` not already followed by a line break is one.
        if name.eq_ignore_ascii_case("br") && !after.starts_with(['\n', '\r', '&']) {
            body.layout.push('\n');
        }
        return after;
    }
    body.layout.push('<');
    &input[1..]
}

/// `<a id='par3' href='#par3'>¶</a>`: the id and what follows.
fn anchor(input: &str) -> Option<(&str, &str)> {
    let rest = input
        .strip_prefix("<a id='par")
        .or_else(|| input.strip_prefix("<a id=\"par"))?;
    let id_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (id, rest) = rest.split_at(id_len);
    if id.is_empty() || !rest.starts_with(['\'', '"']) {
        return None;
    }
    let rest = &rest[rest.find('>')? + 1..];
    let rest = rest.strip_prefix('¶').unwrap_or(rest);
    let rest = rest.strip_prefix("</a>")?;
    Some((id, rest))
}

/// `<a href='/tag/PTER_0.html'>PTER</a>`: the link's attributes, its inner text and what
/// follows.
fn link(input: &str) -> Option<(&str, &str, &str)> {
    let rest = input.strip_prefix("<a ")?;
    let open_end = rest.find(['>', '<'])?;
    if rest.as_bytes()[open_end] != b'>' {
        return None;
    }
    let attributes = &rest[..open_end];
    let rest = &rest[open_end + 1..];
    let end = rest.find("</a>")?;
    let text = &rest[..end];
    (!text.contains('<')).then(|| (attributes, text, &rest[end + 4..]))
}

/// Any other tag: `<br>`, `</td>`, `<br/>`: its name and what follows. A `<` that does not
/// open a tag (`a < b`) is not one.
fn markup(input: &str) -> Option<(&str, &str)> {
    let rest = input.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let (name, rest) = rest.split_at(name_len);
    let end = rest.find(['>', '<', '\n', '&'])?;
    if rest.as_bytes()[end] != b'>' {
        return None;
    }
    Some((name, &rest[end + 1..]))
}

/// A real character reference at `input` (which starts with `&`): `&#x000A;`, `&#39;`,
/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`. Anything else is literal text.
fn entity(input: &str) -> Option<(char, &str)> {
    let rest = &input[1..];
    let end = rest.bytes().take(12).position(|b| b == b';')?;
    let name = &rest[..end];
    let after = &rest[end + 1..];
    let c = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
    } else if let Some(dec) = name.strip_prefix('#') {
        char::from_u32(dec.parse().ok()?)?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => return None,
        }
    };
    // A reference to a control character other than a line break or tab stays as written.
    (!c.is_control() || c == '\n' || c == '\t').then_some((c, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(raw: &str) -> String {
        decode_body(raw).layout
    }

    #[test]
    fn only_real_entities_are_decoded() {
        assert_eq!(layout("a&#x000A;b"), "a\nb");
        assert_eq!(
            layout("R&D; S&ED; &processes8; &Chechen"),
            "R&D; S&ED; &processes8; &Chechen"
        );
        assert_eq!(layout("&amp; &lt;b&gt; &#39;x&#39; &quot;"), "& <b> 'x' \"");
        assert_eq!(
            layout("&#x0; &#xZZ; &#99999999; & alone"),
            "&#x0; &#xZZ; &#99999999; & alone"
        );
        assert_eq!(
            layout("&lt;br&gt;"),
            "<br>",
            "decoded markup is text, not a tag"
        );
    }

    #[test]
    fn tags_are_stripped_and_lone_brackets_kept() {
        assert_eq!(layout("CROCKER</td></tr></table>&#x000A;x"), "CROCKER\nx");
        assert_eq!(layout("line<br>&#x000A;next<br>more"), "line\nnext\nmore");
        assert_eq!(layout("a < b and c > d"), "a < b and c > d");
        assert_eq!(layout(" <&#x000A;REF"), " <\nREF");
        assert_eq!(layout("<"), "<");
        assert_eq!(
            layout("x <a href='/tag/PTER_0.html'>PTER</a> y"),
            "x PTER y"
        );
    }

    #[test]
    fn anchors_go_and_their_label_stays_tags_links_are_noted() {
        let body = decode_body(
            "TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/FR_0.html'>fr</a>&#x000A;REF: A. X&#x000A;<a id='parB' href='#parB'>¶</a>B. Y&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) Z <a href='/x'>PREL2</a>",
        );
        assert_eq!(
            body.layout,
            "TAGS: PREL fr\nREF: A. X\nB. Y\n1. (C) Z PREL2"
        );
        assert_eq!(body.tags, ["PREL", "FR"]);
    }

    #[test]
    fn metadata_uses_link_text_not_titles() {
        let page = "<table class='cable'><tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr><tr><td>\n<a href='/cable/x.html'>09STATE124636</a>\n</td><td><a>2009-12-04 22:10</a></td><td><a>2010-12-02 21:09</a></td><td><a href='/c' title='unclassified'>SECRET//NOFORN</a></td><td><a href='/o'>Secretary of State</a></td></tr></table>";
        let meta = read_meta(page);
        assert_eq!(meta.reference_id.as_deref(), Some("09STATE124636"));
        assert_eq!(meta.created.as_deref(), Some("2009-12-04 22:10"));
        assert_eq!(meta.released.as_deref(), Some("2010-12-02 21:09"));
        assert_eq!(meta.classification.as_deref(), Some("SECRET//NOFORN"));
        assert_eq!(meta.origin.as_deref(), Some("Secretary of State"));
        assert_eq!(read_meta("<html>no table</html>"), Meta::default());
    }
}
