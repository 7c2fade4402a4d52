//! Every WikiLeaks page in tests/fixtures/raw and tests/fixtures/raw-more parses, agrees
//! with its metadata table, finds the header fields and the numbered paragraphs its body
//! writes, and (for the pages in raw) reads the same words as its annotated twin.

#[path = "../support/header_checks.rs"]
mod header_checks;
#[path = "../support/oracle.rs"]
mod oracle;

use cableview::cable::{Cable, parse_bytes};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// A page: its stem, its HTML and the parsed cable.
type Page = (String, String, Cable);

/// Every page of a fixture directory, parsed once for all the tests.
fn pages_in(dir: &str, count: usize) -> Vec<Page> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    paths.sort();
    assert_eq!(
        paths.len(),
        count,
        "the {count} pages of {dir} are all copied"
    );
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let bytes = std::fs::read(&path).unwrap();
            let cable = parse_bytes(&bytes, &path.display().to_string())
                .unwrap_or_else(|e| panic!("{stem}: {e}"));
            (stem, String::from_utf8(bytes).unwrap(), cable)
        })
        .collect()
}

/// The 35 pages with annotated twins.
fn pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(|| pages_in("raw", 35))
}

/// The 269 further pages: a spread over the years and the header shapes that go wrong.
fn more_pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(|| pages_in("raw-more", 269))
}

/// Every page, both directories.
fn all_pages() -> impl Iterator<Item = &'static Page> {
    pages().iter().chain(more_pages())
}

fn page(stem: &str) -> Cable {
    let path = fixtures("raw").join(format!("{stem}.html"));
    parse_bytes(&std::fs::read(&path).unwrap(), &path.display().to_string()).unwrap()
}

fn twin(stem: &str) -> Option<Cable> {
    if stem == "05PARIS2333" {
        return Some(cableview::input::sample());
    }
    let path = fixtures("annotated").join(format!("{stem}.txt"));
    let bytes = std::fs::read(&path).ok()?;
    Some(parse_bytes(&bytes, &path.display().to_string()).unwrap())
}

/// Whether a paragraph is a part of the one before: a heading inside it opened the part,
/// under the same label.
fn is_part(cable: &Cable, i: usize) -> bool {
    let p = &cable.paragraphs[i];
    i > 0 && p.heading.is_some() && cable.paragraphs[i - 1].label == p.label
}

/// The labels, a part counted with its paragraph.
fn labels(cable: &Cable) -> Vec<&str> {
    (0..cable.paragraphs.len())
        .filter(|&i| !is_part(cable, i))
        .map(|i| cable.paragraphs[i].label.as_str())
        .collect()
}

/// The text cells of the page's metadata table, read independently of the parser: the
/// second row's cells with their tags removed.
fn table_cells(html: &str) -> Vec<String> {
    let table = &html[html.find("<table class='cable'>").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split("<td>")
        .skip(1)
        .map(|cell| {
            let cell = &cell[..cell.find("</td>").unwrap()];
            let mut text = String::new();
            let mut in_tag = false;
            for c in cell.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().to_string()
        })
        .collect()
}

#[test]
fn metadata_agrees_with_the_table_on_every_page() {
    for (stem, html, cable) in all_pages() {
        let cells = table_cells(html);
        assert_eq!(cable.id.as_deref(), Some(stem.as_str()), "{stem}");
        assert_eq!(cells[0], *stem);
        assert_eq!(
            cable.header.created.as_deref(),
            Some(cells[1].as_str()),
            "{stem}"
        );
        assert_eq!(
            cable.header.released.as_deref(),
            Some(cells[2].as_str()),
            "{stem}"
        );
        let level = cells[3].split("//").next().unwrap();
        assert_eq!(
            cable.header.classification.map(|c| c.name()),
            Some(level),
            "{stem}"
        );
        assert_eq!(
            cable.header.origin.as_deref(),
            Some(cells[4].as_str()),
            "{stem}"
        );
        assert!(cable.warnings.is_empty(), "{stem}: {:?}", cable.warnings);
    }
}

#[test]
fn concrete_metadata() {
    let c = page("09STATE124636");
    let h = &c.header;
    assert_eq!(h.created.as_deref(), Some("2009-12-04 22:10"));
    assert_eq!(h.released.as_deref(), Some("2010-12-02 21:09"));
    assert_eq!(h.classification.map(|c| c.name()), Some("SECRET"));
    assert!(h.caveats.contains(&"NOFORN".to_string()));
    assert_eq!(h.origin.as_deref(), Some("Secretary of State"));
    // The title attribute of 00HARARE6677's classification says otherwise; the text wins.
    let c = page("00HARARE6677");
    assert_eq!(
        c.header.classification.map(|c| c.name()),
        Some("CONFIDENTIAL")
    );
    assert_eq!(c.header.origin.as_deref(), Some("Embassy Harare"));
    let c = page("7575LIBREVILLE1895");
    assert_eq!(c.id.as_deref(), Some("7575LIBREVILLE1895"));
    assert_eq!(c.header.created.as_deref(), Some("1975-11-18 12:05"));
    let c = page("10LUANDA84");
    assert_eq!(
        c.header.classification.map(|c| c.name()),
        Some("UNCLASSIFIED")
    );
    assert!(
        c.header
            .caveats
            .contains(&"FOR OFFICIAL USE ONLY".to_string())
    );
}

/// Runs a check over every page and fails with all the problems it found.
fn check_all(check: impl Fn(&Page) -> Vec<String>) {
    let problems: Vec<String> = all_pages().flat_map(check).collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_subject_line_gives_the_subject() {
    check_all(|(stem, html, cable)| header_checks::subject(stem, html, cable));
}

#[test]
fn tags_are_the_pages_tags_links() {
    check_all(|(stem, html, cable)| header_checks::tags(stem, html, cable));
}

#[test]
fn each_ref_item_holds_one_reference() {
    check_all(|(stem, html, cable)| header_checks::references(stem, html, cable));
}

#[test]
fn signatures_are_names_from_the_last_lines() {
    check_all(|(stem, html, cable)| header_checks::signature(stem, html, cable));
}

#[test]
fn classifier_names_come_from_the_classifier_line() {
    check_all(|(stem, html, cable)| header_checks::classifier(stem, html, cable));
}

#[test]
fn paragraphs_follow_the_body_numbering() {
    check_all(|(stem, html, cable)| header_checks::paragraphs(stem, html, cable));
    for (stem, _, cable) in pages() {
        // A twin without paragraphs left its body in the header, which the page reader
        // now splits into its blocks.
        if let Some(twin) = twin(stem).filter(|t| !t.paragraphs.is_empty()) {
            assert_eq!(
                labels(cable),
                labels(&twin),
                "{stem}: labels differ from the twin's"
            );
        }
    }
}

#[test]
fn concrete_paragraphs_and_references() {
    let c = page("09STATE124636");
    assert_eq!(labels(&c), ["1", "2"]);
    let refs: Vec<(Option<&str>, &str)> = c
        .header
        .references
        .iter()
        .map(|r| (r.label.as_deref(), r.text.as_str()))
        .collect();
    assert_eq!(
        refs,
        [
            (Some("A"), "314/07696-07"),
            (Some("B"), "314/88816-06"),
            (Some("C"), "314/81745-07"),
            (Some("D"), "MEXICO 002071"),
            (Some("E"), "MEXICO 007033"),
            (Some("F"), "314/061600-09"),
            (Some("G"), "314/068064-09"),
            (Some("H"), "314/045987-09"),
        ]
    );
    assert_eq!(c.header.tags, ["PINR", "PGOV", "MX"]);
    assert_eq!(c.signature.as_deref(), Some("CLINTON"));
    let p1 = &c.paragraphs[0];
    assert_eq!(p1.marking.as_ref().map(|m| m.code.as_str()), Some("C/NF"));
    assert!(
        p1.text
            .starts_with("WASHINGTON ANALYSTS HAVE BEEN PARTICULARLY INTERESTED IN MEXICO'S")
    );
    // The second `parB` is a sub-item of paragraph 1, not a REF item or a paragraph.
    assert!(
        p1.text
            .contains("\nB. (U) CABINET 1) (C/NF) WHAT ARE THE GOALS")
    );
    assert!(
        c.paragraphs[1]
            .text
            .ends_with("IN RESPONSE TO THE ABOVE QUESTIONS.")
    );

    let sample = page("05PARIS2333");
    assert_eq!(labels(&sample), ["1", "2", "3", "4", "5", "6", "7"]);
    let headings: Vec<Option<&str>> = sample
        .paragraphs
        .iter()
        .map(|p| p.heading.as_deref())
        .collect();
    assert_eq!(headings[1], Some("A MATURE, SUCCESSFUL RELATIONSHIP"));
    assert_eq!(headings[4], Some("AREAS TO IMPROVE"));
    assert_eq!(
        sample.header.section.map(|s| (s.number, s.of)),
        Some((1, 3))
    );

    // Repeated ids (par6 twice), gaps and years as anchors.
    assert_eq!(
        labels(&page("06JEDDAH700")),
        ["1", "2", "3", "4", "5", "6", "6"]
    );
    // Numbered `12.(S)` without an anchor: the body numbers them all the same.
    assert_eq!(
        labels(&page("08RPODUBAI49")),
        [
            "1", "2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"
        ]
    );
    let madrid = page("08MADRID552");
    assert!(madrid.paragraphs.iter().all(|p| p.label.len() <= 2));
    // Lettered anchors: REF items B and C before the body, sub-items inside it.
    assert_eq!(labels(&page("10LUANDA84")), ["1", "2"]);
    // Paragraph 1 run into the classifier's line, without an anchor.
    let basrah = page("10BASRAH1");
    assert_eq!(labels(&basrah)[..2], ["1", "2"]);
    assert!(
        basrah.paragraphs[0]
            .text
            .starts_with("This is a Basrah PRT reporting cable.")
    );
    let refs = page("86MADRID5480").header.references;
    assert_eq!(
        refs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
        ["MADRID 5426", "MADRID 5425", "MADRID 5418"]
    );
}

/// A cable's words as one stream of non-space characters, per paragraph label, with the
/// signature added to the last paragraph (the twin's sentence split can move it).
fn streams(cable: &Cable, drop_marks: bool) -> Vec<(String, String)> {
    // Rules and lone classification banners are decoration the page reader hides; where
    // the twin glued a heading to the paragraph before, the page reader gives it to the
    // next: both streams read a heading at the end of the paragraph before it.
    let squeeze = |s: &str| {
        let mut words: Vec<&str> = s.split_whitespace().collect();
        without_page_markers(&mut words);
        words
            .into_iter()
            .filter(|w| !is_decoration(w))
            .collect::<String>()
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, p) in cable.paragraphs.iter().enumerate() {
        if let (Some(heading), Some(last)) = (&p.heading, out.last_mut()) {
            last.1.push_str(&squeeze(heading));
        }
        let mut text = String::new();
        if let Some(m) = &p.marking {
            text.push_str(&format!("({m}) "));
        }
        text.push_str(&p.text);
        if drop_marks {
            text = without_transmission_marks(&text);
        }
        match out.last_mut().filter(|_| is_part(cable, i)) {
            Some(last) => last.1.push_str(&squeeze(&text)),
            None => out.push((p.label.clone(), squeeze(&text))),
        }
    }
    if let (Some(last), Some(sig)) = (out.last_mut(), &cable.signature) {
        last.1.push_str(&squeeze(sig));
    }
    out
}

/// A rule (`-----`) or a classification banner word, which the page reader hides where they
/// stand alone on a line.
fn is_decoration(word: &str) -> bool {
    (word.len() >= 3 && word.bytes().all(|b| matches!(b, b'-' | b'=')))
        || matches!(word, "CONFIDENTIAL" | "SECRET" | "UNCLASSIFIED")
}

/// Removes later cables' page markers, `MOSCOW 00005645 002 OF 010` with the post's name
/// first: the page reader hides those on a line of their own, not those run into text, so
/// both streams go without them.
fn without_page_markers(words: &mut Vec<&str>) {
    let digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
    let mut i = 0;
    while i + 3 < words.len() {
        let page = words[i + 1].split('.').next().unwrap_or("");
        if digits(words[i], 8) && digits(page, 3) && words[i + 2] == "OF" && digits(words[i + 3], 3)
        {
            let city = words[..i]
                .iter()
                .rev()
                .take(2)
                .take_while(|w| w.chars().all(|c| c.is_ascii_uppercase()))
                .count();
            words.drain(i - city..i + 4);
            i -= city;
        } else {
            i += 1;
        }
    }
}

/// The twin keeps what the page reader hides from the reading text: teletype page headers
/// (`CONFIDENTIAL PAGE 03 HARARE 06677 01 OF 03 291400Z`), page markers and end marks (`NNNN`, `End Cable
/// Text`). Removes them, word by word.
fn without_transmission_marks(text: &str) -> String {
    let is_dtg =
        |w: &str| w.len() == 7 && w.ends_with('Z') && w[..6].bytes().all(|b| b.is_ascii_digit());
    let mut words: Vec<&str> = text.split_whitespace().collect();
    without_page_markers(&mut words);
    let mut i = 0;
    while i < words.len() {
        let is_header = words[i] == "PAGE"
            && words
                .get(i + 1)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        let end = words[i..].iter().take(10).position(|w| is_dtg(w));
        if let (true, Some(end)) = (is_header, end) {
            let start = if i > 0 && words[i - 1] == "CONFIDENTIAL" {
                i - 1
            } else {
                i
            };
            words.drain(start..=i + end);
            i = start;
        } else {
            i += 1;
        }
    }
    while let Some(last) = words.last() {
        let is_mark = (last.len() >= 3 && last.chars().all(|c| c == 'N'))
            || words.ends_with(&["End", "Cable", "Text"]);
        if !is_mark {
            break;
        }
        let n = if last.starts_with('N') { 1 } else { 3 };
        words.truncate(words.len() - n);
    }
    words.join(" ")
}

#[test]
fn pages_read_the_same_words_as_their_annotated_twins() {
    let mut failures = Vec::new();
    for (stem, _, cable) in pages() {
        let Some(twin) = twin(stem) else { continue };
        for ((label, page_text), (_, twin_text)) in
            streams(cable, false).iter().zip(streams(&twin, true))
        {
            if *page_text != twin_text {
                let at = page_text
                    .chars()
                    .zip(twin_text.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let show = |s: &str| {
                    s.chars()
                        .skip(at.saturating_sub(20))
                        .take(60)
                        .collect::<String>()
                };
                failures.push(format!(
                    "{stem} ¶{label} at {at}:\n  page {}\n  twin {}",
                    show(page_text),
                    show(&twin_text)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn texts_hold_no_markup() {
    for (stem, _, cable) in pages() {
        let layout = cable.layout.as_deref().unwrap();
        let texts = std::iter::once(cable.header.text.as_str())
            .chain(cable.paragraphs.iter().map(|p| p.text.as_str()))
            .chain(std::iter::once(layout));
        for text in texts {
            for needle in [
                "&#x000A;", "&#x", "<a ", "</a>", "<br", "</td>", "</table>", "</pre>", "¶",
            ] {
                assert!(!text.contains(needle), "{stem}: {needle:?} in {text:.80}");
            }
        }
    }
}

/// All the text of a cable: header, paragraphs, signature.
fn all_text(cable: &Cable) -> String {
    let mut text = cable.header.text.clone();
    for p in &cable.paragraphs {
        text.push('\n');
        text.push_str(&p.text);
    }
    text
}

#[test]
fn quirks_stay_text() {
    // Raw `&` that looks like an entity is literal.
    assert!(all_text(&page("10BRUSSELS183")).contains("other &processes8; these"));
    assert!(all_text(&page("09MOSCOW2723")).contains("used in R&D; they"));
    // Brackets in prose and unbalanced redactions.
    assert!(
        page("08RPODUBAI49")
            .header
            .subject
            .as_deref()
            .unwrap()
            .starts_with("[SOURCE REMOVED] OUTLINES")
    );
    assert!(all_text(&page("10MOSCOW266")).contains("While [XXXXXXXXXXXX, his"));
    assert!(
        page("10BAKU98")
            .header
            .classified_by
            .as_deref()
            .unwrap()
            .starts_with("xxxxx")
    );
    // A lone `<` in the header is kept; a stray `>` under the signature and the
    // classification is noise after it, left in the layout.
    assert!(
        page("10MADRID87")
            .header
            .text
            .contains("SPAIN < REF: A. 2009 MADRID 59")
    );
    let harare = page("00HARARE6677");
    assert_eq!(harare.signature.as_deref(), Some("MCDONALD"));
    assert!(all_text(&harare).ends_with("A/S RICE HAS CLEARED THIS MESSAGE."));
    assert!(
        harare
            .layout
            .as_deref()
            .unwrap()
            .ends_with("MCDONALD\n CONFIDENTIAL\n>")
    );
    // The stray table markup inside 09BAGHDAD11's body is gone.
    let baghdad = page("09BAGHDAD11");
    assert_eq!(baghdad.signature.as_deref(), Some("CROCKER"));
    assert!(!all_text(&baghdad).contains("</"));
    // Lower-case cable: header fields still found.
    let berlin = page("08BERLIN1068");
    assert_eq!(berlin.header.tags[..3], ["PARM", "PREL", "ETTC"]);
    assert_eq!(
        berlin.header.subject.as_deref().map(|s| &s[..20]),
        Some("germany requests rel")
    );
    // Old cables: `SUBJ:`, unlabelled references split on `;`.
    let libreville = page("7575LIBREVILLE1895");
    assert_eq!(
        libreville.header.subject.as_deref(),
        Some("KOREA AT 30TH UNGA: GABON")
    );
    let refs: Vec<&str> = libreville
        .header
        .references
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(refs, ["STATE 272523", "USUN 6028"]);
    // Teletype page headers are out of the reading text, in the layout as sent.
    let harare = page("00HARARE6677");
    assert!(!all_text(&harare).contains("PAGE 02 HARARE"));
    assert!(
        harare
            .layout
            .as_deref()
            .unwrap()
            .contains("PAGE 02 HARARE 06677 01 OF 03 291400Z")
    );
    assert_eq!(
        harare.header.subject.as_deref(),
        Some("ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER")
    );
    // The end mark of 73TEHRAN7005 is not text.
    assert!(!all_text(&page("73TEHRAN7005")).contains("NNN"));
}

#[test]
fn layout_keeps_the_lines_as_sent() {
    let c = page("09STATE124636");
    let layout = c.layout.as_deref().unwrap();
    assert!(layout.starts_with("S E C R E T STATE 124636 \n\nNOFORN \nSIPDIS \n"));
    assert!(layout.contains("\n1. (C/NF) WASHINGTON ANALYSTS HAVE BEEN PARTICULARLY \nINTERESTED"));
    assert!(layout.ends_with("\nCLINTON"));
    assert_eq!(c.source, layout);
    // Each paragraph's source lines are its lines in the layout.
    let p2 = &c.paragraphs[1];
    let first = layout.lines().nth(p2.source_lines.start).unwrap();
    assert!(first.starts_with("2. (U) PLEASE CITE"), "{first}");
}
