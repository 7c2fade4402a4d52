//! Every export format on the sample and on every annotated fixture: valid output whose
//! offsets, tags and markup hold.

use cableview::cable::Cable;
use cableview::export::{self, Format, brat, conll, csv, displacy, html};
use serde_json::Value;
use std::path::PathBuf;

/// The sample and every annotated fixture, parsed.
fn cables() -> Vec<Cable> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 34, "fixtures missing: {}", paths.len());
    let mut cables = vec![cableview::input::sample()];
    for path in paths {
        cables.push(cableview::input::load(&path).unwrap());
    }
    cables
}

/// The mention texts of a cable in document order (header first).
fn mention_texts(cable: &Cable) -> Vec<String> {
    cable.mentions().map(|(_, m)| m.text.clone()).collect()
}

#[test]
fn json_parses_for_every_cable() {
    for cable in cables() {
        let value: Value = serde_json::from_str(&export::render(&cable, Format::Json)).unwrap();
        assert_eq!(value["id"].as_str(), cable.id.as_deref());
        assert!(value["header"]["mentions"].is_array());
        assert!(value["paragraphs"].is_array());
    }
    let all = export::stream(&cables(), Format::Json).unwrap();
    assert_eq!(all.lines().count(), cables().len());
    for line in all.lines() {
        serde_json::from_str::<Value>(line).unwrap();
    }
}

#[test]
fn displacy_offsets_slice_to_every_mention() {
    let cables = cables();
    let value: Value = serde_json::from_str(&displacy::displacy(&cables)).unwrap();
    let docs = value.as_array().unwrap();
    assert_eq!(docs.len(), cables.len());
    for (doc, cable) in docs.iter().zip(&cables) {
        assert_eq!(doc["title"], cable.title());
        let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        let ents = doc["ents"].as_array().unwrap();
        let expected = mention_texts(cable);
        assert_eq!(ents.len(), expected.len(), "{}", cable.title());
        let mut last_end = 0;
        for (ent, want) in ents.iter().zip(&expected) {
            let start = ent["start"].as_u64().unwrap() as usize;
            let end = ent["end"].as_u64().unwrap() as usize;
            assert!(last_end <= start && start < end, "{}: order", cable.title());
            last_end = end;
            assert_eq!(&text[start..end].iter().collect::<String>(), want);
            assert!(["PER", "ORG", "LOC", "MISC"].contains(&ent["label"].as_str().unwrap()));
        }
    }
}

#[test]
fn brat_ann_offsets_slice_the_txt() {
    for cable in cables() {
        let (txt, ann) = brat::brat(&cable);
        let chars: Vec<char> = txt.chars().collect();
        let expected = mention_texts(&cable);
        assert_eq!(ann.lines().count(), expected.len(), "{}", cable.title());
        for (n, (line, want)) in ann.lines().zip(&expected).enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line:?}");
            assert_eq!(fields[0], format!("T{}", n + 1));
            let span: Vec<&str> = fields[1].split(' ').collect();
            assert_eq!(span.len(), 3, "{line:?}");
            let start: usize = span[1].parse().unwrap();
            let end: usize = span[2].parse().unwrap();
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(&slice, want, "{}: {line}", cable.title());
            assert_eq!(fields[2], want);
        }
    }
}

/// The characters `start..end` of a text, offsets as JSON numbers.
fn slice(chars: &[char], start: &Value, end: &Value) -> String {
    let at = |v: &Value| usize::try_from(v.as_u64().unwrap()).unwrap();
    chars[at(start)..at(end)].iter().collect()
}

#[test]
fn prodigy_and_doccano_spans_slice_to_every_mention() {
    let cables = cables();
    let prodigy = export::stream(&cables, Format::Prodigy).unwrap();
    let doccano = export::stream(&cables, Format::Doccano).unwrap();
    assert_eq!(prodigy.lines().count(), cables.len());
    assert_eq!(doccano.lines().count(), cables.len());
    for ((task, line), cable) in prodigy.lines().zip(doccano.lines()).zip(&cables) {
        let task: Value = serde_json::from_str(task).unwrap();
        let line: Value = serde_json::from_str(line).unwrap();
        let expected = mention_texts(cable);
        // The same text as displaCy, brat and CoNLL.
        assert_eq!(task["text"].as_str().unwrap(), brat::brat(cable).0);
        assert_eq!(line["text"], task["text"]);
        assert_eq!(task["meta"]["id"], cable.title());
        let chars: Vec<char> = task["text"].as_str().unwrap().chars().collect();
        let spans = task["spans"].as_array().unwrap();
        let labels = line["label"].as_array().unwrap();
        assert_eq!(spans.len(), expected.len(), "{}", cable.title());
        assert_eq!(labels.len(), expected.len(), "{}", cable.title());
        for ((span, label), want) in spans.iter().zip(labels).zip(&expected) {
            assert_eq!(&slice(&chars, &span["start"], &span["end"]), want);
            assert_eq!(&slice(&chars, &label[0], &label[1]), want);
            assert_eq!(span["label"], label[2]);
            assert!(["PER", "ORG", "LOC", "MISC"].contains(&label[2].as_str().unwrap()));
        }
    }
}

/// Checks BIO well-formedness; returns the number of B- tags.
fn check_bio(out: &str, title: &str) -> usize {
    let mut previous: Option<String> = None;
    let mut begins = 0;
    for line in out.lines() {
        if line.is_empty() || line == "-DOCSTART- -X- O O" {
            previous = None;
            continue;
        }
        let (token, tag) = line.rsplit_once(' ').unwrap();
        assert!(
            !token.is_empty() && !token.contains(char::is_whitespace),
            "{title}: {line:?}"
        );
        if tag == "O" {
            previous = None;
            continue;
        }
        let (prefix, kind) = tag.split_once('-').unwrap();
        match prefix {
            "B" => begins += 1,
            "I" => assert_eq!(
                previous.as_deref(),
                Some(kind),
                "{title}: I- without B-: {line}"
            ),
            _ => panic!("{title}: bad tag {line}"),
        }
        previous = Some(kind.to_string());
    }
    begins
}

#[test]
fn conll_is_well_formed_bio_and_keeps_every_character() {
    for cable in cables() {
        let out = conll::conll(&cable);
        assert!(out.starts_with("-DOCSTART- -X- O O\n\n"));
        assert!(out.ends_with("\n\n"));
        assert!(!out.contains("\n\n\n"), "{}: empty sentence", cable.title());
        // One B- per mention: a mention never straddles a sentence.
        assert_eq!(
            check_bio(&out, cable.title()),
            cable.mention_count(),
            "{}",
            cable.title()
        );
        // The tokens are the flattened text without its white space, in order.
        let tokens: String = out
            .lines()
            .skip(1)
            .filter_map(|l| l.rsplit_once(' ').map(|(t, _)| t))
            .collect();
        let (txt, _) = brat::brat(&cable);
        let squeezed: String = txt.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(tokens, squeezed, "{}", cable.title());
    }
}

/// A small well-formedness checker for the XHTML-compatible pages: balanced tags,
/// quoted attributes, known entities only, no raw `<`, `>` or `&` in text. Returns the
/// ids and the `#` link targets.
fn check_markup(page: &str, title: &str) -> (Vec<String>, Vec<String>) {
    let mut stack: Vec<String> = Vec::new();
    let (mut ids, mut links) = (Vec::new(), Vec::new());
    let body = page.strip_prefix("<!DOCTYPE html>\n").expect("doctype");
    let mut rest = body;
    let check_text = |text: &str| {
        assert!(!text.contains('>'), "{title}: raw > in {text:?}");
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{title}: control character"
        );
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(&entity),
                "{title}: bad entity {entity:?}"
            );
        }
    };
    while let Some(open) = rest.find('<') {
        check_text(&rest[..open]);
        let close = rest[open..].find('>').expect("unclosed tag") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name),
                "{title}: </{name}> mismatched"
            );
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/').trim_end();
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric()),
            "{title}: tag {name:?}"
        );
        while !attrs.trim().is_empty() {
            let (key, after) = attrs
                .trim_start()
                .split_once("=\"")
                .expect("quoted attribute");
            let end = after.find('"').expect("closing quote");
            let value = &after[..end];
            assert!(!value.contains('<'), "{title}: < in attribute");
            check_text(value);
            match key {
                "id" => ids.push(value.to_string()),
                "href" => links.push(value.to_string()),
                _ => {}
            }
            attrs = &after[end + 1..];
        }
        if name == "style" {
            let end = rest.find("</style>").expect("style closed");
            rest = &rest[end + "</style>".len()..];
        } else if !self_closing {
            stack.push(name.to_string());
        }
    }
    check_text(rest);
    assert!(stack.is_empty(), "{title}: unclosed {stack:?}");
    (ids, links)
}

fn html_escape(text: &str) -> String {
    html::escape(text)
}

#[test]
fn html_is_well_formed_self_contained_and_marks_every_mention() {
    for cable in cables() {
        let page = html::html(&cable);
        let title = cable.title();
        let (ids, links) = check_markup(&page, title);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{title}: duplicate ids");
        for link in &links {
            let target = link.strip_prefix('#').expect("only in-page links");
            assert!(
                ids.iter().any(|id| id == target),
                "{title}: dangling {link}"
            );
        }
        for needle in ["<script", "src=", "url(", "@import", "<link"] {
            assert!(!page.contains(needle), "{title}: {needle}");
        }
        let main = &page[page.find("<main>").unwrap()..page.find("</main>").unwrap()];
        assert_eq!(
            main.matches("<mark ").count(),
            cable.mention_count(),
            "{title}"
        );
        for text in mention_texts(&cable) {
            let marked = format!("\">{}</mark>", html_escape(&text));
            assert!(main.contains(&marked), "{title}: {text:?} not marked");
        }
        for paragraph in &cable.paragraphs {
            assert!(page.contains(&format!("¶{}</a>", html_escape(&paragraph.label))));
        }
    }
}

/// Splits CSV text into rows of fields (RFC 4180: quoted fields may hold `,`, `""`, line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated CSV"
    );
    rows
}

#[test]
fn csv_rows_have_five_columns_and_every_entity() {
    let cables = cables();
    let rows = parse_csv(&csv::csv(&cables));
    assert_eq!(rows[0], csv::COLUMNS);
    let entities: usize = cables.iter().map(|c| c.entities.len()).sum();
    assert_eq!(rows.len(), 1 + entities);
    let mut at = 1;
    for cable in &cables {
        for entity in &cable.entities {
            let row = &rows[at];
            assert_eq!(row.len(), 5, "{row:?}");
            assert_eq!(row[0], cable.title());
            assert_eq!(row[1], entity.kind.label());
            assert_eq!(row[2].trim_start_matches('\''), entity.name);
            assert_eq!(row[3], entity.count.to_string());
            assert_eq!(row[4], entity.paragraphs.join(";"));
            at += 1;
        }
    }
}

#[test]
fn text_and_markdown_cover_every_paragraph() {
    for cable in cables() {
        let text = export::render(&cable, Format::Text);
        let md = export::render(&cable, Format::Markdown);
        for paragraph in &cable.paragraphs {
            let lead = export::paragraph_lead(paragraph);
            assert!(text.contains(&lead), "{}: {lead}", cable.title());
            assert!(
                md.contains(&format!("**{lead}**")),
                "{}: {lead}",
                cable.title()
            );
        }
    }
}

#[test]
fn exports_are_deterministic() {
    // Parsed twice, so any hash-map order inside a run would show.
    let (first, second) = (cables(), cables());
    for format in [
        Format::Json,
        Format::Displacy,
        Format::Conll,
        Format::Csv,
        Format::Text,
        Format::Prodigy,
        Format::Doccano,
    ] {
        assert_eq!(
            export::stream(&first, format),
            export::stream(&second, format)
        );
    }
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(html::html(a), html::html(b));
    }
}
