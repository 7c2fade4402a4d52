//! Side-file annotations (brat standoff, spaCy/displaCy JSON) on a raw page and on plain
//! text, found beside the cable or named; bad offsets are reported with their line.

use cableview::cable::{Cable, EntityKind, HEADER_LABEL};
use cableview::input::{LoadError, LoadOptions, load, load_with};
use std::path::{Path, PathBuf};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

fn page_with(side: &str) -> Result<Cable, LoadError> {
    let options = LoadOptions {
        annotations: Some(fixture(side)),
        ..LoadOptions::default()
    };
    load_with(&fixture("raw/09STATE124636.html"), &options)
}

/// (paragraph, kind, text) of every mention, checking its offsets on the way.
fn mentions(cable: &Cable) -> Vec<(String, String, String)> {
    let blocks = std::iter::once((HEADER_LABEL, &cable.header.text, &cable.header.mentions)).chain(
        cable
            .paragraphs
            .iter()
            .map(|p| (p.label.as_str(), &p.text, &p.mentions)),
    );
    let mut out = Vec::new();
    for (label, text, list) in blocks {
        for m in list {
            assert_eq!(&text[m.bytes.clone()], m.text);
            let chars: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(chars, m.text);
            out.push((
                label.to_string(),
                m.kind.label().to_string(),
                m.text.clone(),
            ));
        }
    }
    out
}

fn triple(label: &str, kind: &str, text: &str) -> (String, String, String) {
    (label.into(), kind.into(), text.into())
}

#[test]
fn brat_standoff_on_a_page() {
    let cable = page_with("side/09STATE124636.ann").unwrap();
    assert_eq!(
        mentions(&cable),
        [
            triple("header", "LOC", "MEXICO"),
            triple("1", "PER", "CALDERON"),
            triple("1", "ORG", "PAN PARTY"),
            // A mention across a line break reads with one space.
            triple("1", "ORG", "THE PRI"),
            triple("1", "LOC", "UNITED STATES"),
        ]
    );
    assert!(
        cable
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Org && e.name == "PAN PARTY")
    );
    // The source view (the layout) knows where each mention stands.
    assert_eq!(cable.source_spans.len(), 5);
    let span = &cable.source_spans[0];
    let line = cable.source.lines().nth(span.line).unwrap();
    assert_eq!(&line[span.bytes.clone()], "MEXICO");
}

#[test]
fn displacy_json_maps_spacy_labels() {
    let cable = page_with("side/09STATE124636.ents.json").unwrap();
    let found = mentions(&cable);
    assert!(
        found.contains(&triple("header", "MISC", "MEXICAN")),
        "NORP is MISC: {found:?}"
    );
    assert!(found.contains(&triple("1", "PER", "CALDERON")));
    assert!(
        found.contains(&triple("1", "LOC", "UNITED STATES")),
        "GPE is LOC"
    );
    assert!(found.contains(&triple("1", "ORG", "THE PRI")));
    assert!(
        found.iter().all(|(_, _, text)| text != "MIDTERM"),
        "DATE is dropped"
    );
    assert_eq!(found.len(), 6);
}

#[test]
fn displacy_text_that_differs_a_little_is_aligned() {
    // A naive extraction keeps the page's `¶` marks, so its offsets are shifted.
    let exact = page_with("side/09STATE124636.ents.json").unwrap();
    let shifted = page_with("side/09STATE124636.pilcrows.ents.json").unwrap();
    assert_eq!(mentions(&exact), mentions(&shifted));
}

#[test]
fn bad_offsets_name_the_side_file_line() {
    let error = page_with("side/bad_offsets.ann").unwrap_err().to_string();
    assert!(
        error.ends_with(
            "bad_offsets.ann:4: offsets 4000-4012 do not fit the cable's text (3066 characters)"
        ),
        "{error}"
    );
    let error = page_with("side/bad_text.ann").unwrap_err().to_string();
    assert!(
        error.ends_with(
            "bad_text.ann:2: offsets 673-681 cover \"CALDERON\" in the cable, but the side file says \"MEXICO\""
        ),
        "{error}"
    );
    let error = page_with("side/no_such.ann").unwrap_err().to_string();
    assert!(error.ends_with("no_such.ann: no such file"), "{error}");
}

#[test]
fn side_files_beside_the_cable_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("09STATE124636.html");
    std::fs::copy(fixture("raw/09STATE124636.html"), &page).unwrap();
    // Without a side file, the tagger's mentions only.
    let tagged = load(&page).unwrap();
    assert!(!tagged.annotated() && tagged.mention_count() > 0);
    std::fs::copy(
        fixture("side/09STATE124636.ents.json"),
        dir.path().join("09STATE124636.html.ents.json"),
    )
    .unwrap();
    assert_eq!(load(&page).unwrap().mention_count(), 6);
    // The name with its extension wins over the name without it (`09STATE124636.ann`),
    // which is found once it is alone.
    std::fs::copy(
        fixture("side/09STATE124636.ann"),
        dir.path().join("09STATE124636.ann"),
    )
    .unwrap();
    assert_eq!(load(&page).unwrap().mention_count(), 6);
    std::fs::remove_file(dir.path().join("09STATE124636.html.ents.json")).unwrap();
    assert_eq!(load(&page).unwrap().mention_count(), 5);
}

#[test]
fn plain_text_with_brat() {
    let dir = tempfile::tempdir().unwrap();
    let text = "UNCLAS PARIS 000123\n\nSUBJECT: VISIT\n\n1. (U) Ambassador met\nDjamel Beghal in Paris.\n\n2. (SBU) Nothing else.\n\nLEACH\n";
    let path = dir.path().join("05PARIS123.txt");
    std::fs::write(&path, text).unwrap();
    let at = |word: &str| text.find(word).unwrap();
    let ann = format!(
        "T1\tPER {} {}\tDjamel Beghal\nT2\tLOC {} {}\tParis\n",
        at("Djamel"),
        at("Djamel") + 13,
        at("Paris."),
        at("Paris.") + 5
    );
    std::fs::write(dir.path().join("05PARIS123.txt.ann"), ann).unwrap();
    let cable = load(&path).unwrap();
    assert_eq!(
        cable.paragraphs[0].text,
        "Ambassador met Djamel Beghal in Paris."
    );
    assert_eq!(
        mentions(&cable),
        [
            triple("1", "PER", "Djamel Beghal"),
            triple("1", "LOC", "Paris")
        ]
    );
    assert_eq!(cable.signature.as_deref(), Some("LEACH"));
}

#[test]
fn annotated_cables_keep_inline_mentions_and_warn() {
    let options = LoadOptions {
        annotations: Some(fixture("side/09STATE124636.ann")),
        ..LoadOptions::default()
    };
    let cable = load_with(&fixture("annotated/09STATE124636.txt"), &options).unwrap();
    let plain = load(&fixture("annotated/09STATE124636.txt")).unwrap();
    assert_eq!(cable.mention_count(), plain.mention_count());
    assert_eq!(cable.warnings.len(), 1);
    assert!(
        cable.warnings[0]
            .message
            .contains("already carries inline annotations")
    );
}

#[test]
fn a_spacy_file_for_another_text_is_refused() {
    // The side file's offsets would land on another cable's words: refuse it, whether its
    // text is another cable's (the sample's) or this cable's text reversed.
    let exact = std::fs::read_to_string(fixture("side/09STATE124636.ents.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&exact).unwrap();
    let text = value["text"].as_str().unwrap().to_string();
    let sample_text = cableview::input::sample().paragraphs[0].text.repeat(4);
    let reversed: String = text.chars().rev().collect();
    let dir = tempfile::tempdir().unwrap();
    for (name, other) in [("another", sample_text), ("reversed", reversed)] {
        let mut doc = value.clone();
        doc["text"] = serde_json::Value::String(other);
        doc["ents"] = serde_json::json!([{"start": 10, "end": 20, "label": "PERSON"}]);
        let side = dir.path().join(format!("{name}.ents.json"));
        std::fs::write(&side, doc.to_string()).unwrap();
        let options = LoadOptions {
            annotations: Some(side),
            ..LoadOptions::default()
        };
        let error = load_with(&fixture("raw/09STATE124636.html"), &options)
            .map(|cable| format!("loaded with {} entities", cable.entities.len()))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!(
                "{name}.ents.json: its \"text\" is not this cable's text: only "
            )) && error.contains("% of the characters align"),
            "{error}"
        );
    }
}

/// A spaCy side file for `raw/09PARTO41305.html`, written into `dir`: each entity is the
/// `nth` occurrence of `needle` (from the end when negative), with `skip` bytes cut off its
/// front and `len` bytes long, as character offsets into the page's layout.
fn spacy_file(dir: &Path, ents: &[(&str, isize, usize, usize, &str)]) -> (PathBuf, String) {
    let page = load(&fixture("raw/09PARTO41305.html")).unwrap();
    let layout = page.layout.unwrap();
    let chars = |byte: usize| layout[..byte].chars().count();
    let json_ents: Vec<serde_json::Value> = ents
        .iter()
        .map(|&(needle, nth, skip, len, label)| {
            let found: Vec<usize> = layout.match_indices(needle).map(|(i, _)| i).collect();
            let at = if nth < 0 {
                found[found.len() - nth.unsigned_abs()]
            } else {
                found[nth.unsigned_abs()]
            } + skip;
            serde_json::json!({"start": chars(at), "end": chars(at + len), "label": label})
        })
        .collect();
    let side = dir.join("x.ents.json");
    let doc = serde_json::json!({"text": layout, "ents": json_ents});
    std::fs::write(&side, doc.to_string()).unwrap();
    (side, layout)
}

#[test]
fn mentions_on_headings_and_the_signature_are_kept_and_the_rest_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (side, _) = spacy_file(
        dir.path(),
        &[
            // A heading, the signature and a paragraph: kept.
            ("\nAFGHANISTAN \n", 0, 1, 11, "GPE"),
            ("CLINTON", -1, 0, 7, "PERSON"),
            ("and Verhagen exchanged", 0, 4, 8, "PERSON"),
            // The tool's trailing period is kept as drawn.
            ("Netherlands. ", 0, 0, 12, "GPE"),
            // A portion marking and a paragraph number: not in the reading text.
            ("4. (C) The two", 0, 4, 1, "ORG"),
            ("4. (C) The two", 0, 0, 1, "ORG"),
        ],
    );
    let options = LoadOptions {
        annotations: Some(side),
        ..LoadOptions::default()
    };
    let cable = load_with(&fixture("raw/09PARTO41305.html"), &options).unwrap();
    let headed = cable
        .paragraphs
        .iter()
        .find(|p| p.heading.as_deref() == Some("AFGHANISTAN"))
        .unwrap();
    let heading: Vec<_> = headed
        .heading_mentions
        .iter()
        .map(|m| (m.kind.label(), m.text.as_str(), m.start, m.end))
        .collect();
    assert_eq!(heading, [("LOC", "AFGHANISTAN", 0, 11)]);
    let signature: Vec<_> = cable
        .signature_mentions()
        .into_iter()
        .map(|m| (m.kind.label().to_string(), m.text, m.start, m.end))
        .collect();
    assert_eq!(
        signature,
        [("PER".to_string(), "CLINTON".to_string(), 0, 7)]
    );
    let texts: Vec<String> = mentions(&cable).into_iter().map(|(_, _, t)| t).collect();
    assert_eq!(texts, ["Netherlands.", "Verhagen"]);
    // Every kept mention is an entity, the signature's under `signature`.
    assert_eq!(cable.mention_count(), 4);
    let clinton = cable.entities.iter().find(|e| e.name == "CLINTON").unwrap();
    assert_eq!(clinton.paragraphs, ["signature"]);
    assert_eq!(cable.entities.iter().map(|e| e.count).sum::<usize>(), 4);
    // The two left out are counted in a warning that names the side file.
    let warnings: Vec<&str> = cable.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // Both stand on a label or marking with no name in it: noise, whoever tagged them.
    assert!(
        warnings[0].ends_with(
            "x.ents.json: 2 entities on header keywords or markings (DECL, SBU, Note: ...) \
             dropped as tagger noise"
        ),
        "{warnings:?}"
    );
    // The exported text carries the heading's and the signature's mentions.
    let displacy: serde_json::Value =
        serde_json::from_str(&cableview::export::displacy::displacy(&[cable])).unwrap();
    let text: Vec<char> = displacy[0]["text"].as_str().unwrap().chars().collect();
    let ents: Vec<String> = displacy[0]["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let at = |k: &str| usize::try_from(e[k].as_u64().unwrap()).unwrap();
            text[at("start")..at("end")].iter().collect()
        })
        .collect();
    assert_eq!(ents, ["Netherlands.", "AFGHANISTAN", "Verhagen", "CLINTON"]);
}

#[test]
fn a_side_file_warning_reaches_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let (side, _) = spacy_file(dir.path(), &[("4. (C) The two", 0, 4, 1, "ORG")]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(["export", "-f", "conll", "--annotations"])
        .arg(&side)
        .arg(fixture("raw/09PARTO41305.html"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("09PARTO41305.html: ")
            && stderr.contains("x.ents.json: 1 entity on header keywords or markings"),
        "{stderr}"
    );
}

#[test]
fn header_keywords_a_tagger_labels_are_dropped_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let (side, _) = spacy_file(
        dir.path(),
        &[
            ("DECL", 0, 0, 4, "PERSON"),
            ("and Verhagen exchanged", 0, 4, 8, "PERSON"),
        ],
    );
    let options = LoadOptions {
        annotations: Some(side),
        ..LoadOptions::default()
    };
    let cable = load_with(&fixture("raw/09PARTO41305.html"), &options).unwrap();
    let names: Vec<&str> = cable.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Verhagen"]);
    let warnings: Vec<&str> = cable.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(
        warnings.iter().any(|w| w.ends_with(
            "x.ents.json: 1 entity on header keywords or markings (DECL, SBU, Note: ...) dropped as tagger noise"
        )),
        "{warnings:?}"
    );
}

/// A cable opened from an index built with a collection's side file has the document's
/// entities when the index is opened with it, the tagger's when not.
#[test]
fn a_cable_opened_from_an_index_keeps_its_documents_entities() {
    use cableview::cable::MentionSource;
    use cableview::input::SideCorpus;
    use cableview::search_index::{Reading, SearchIndex, update_with};
    use std::sync::Arc;
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let corpus = Arc::new(
        SideCorpus::open(
            &fixtures.join("annotations/ents.jsonl"),
            cableview::cable::side::LabelMap::default(),
        )
        .unwrap(),
    );
    assert_eq!(corpus.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let never = std::sync::atomic::AtomicBool::new(false);
    let reading = Reading {
        annotations: Some(Arc::clone(&corpus)),
        ..Reading::default()
    };
    let report = update_with(
        dir.path(),
        &[fixtures.join("annotations/small.csv")],
        &reading,
        &|_| {},
        &never,
    )
    .unwrap();
    assert_eq!(report.added, 3);
    let sources = |index: SearchIndex| -> Vec<MentionSource> {
        let cable = index
            .load_cable(&cableview::cable::CableId::new("10TESTA1"))
            .unwrap();
        cable.mentions().map(|(_, m)| m.source).collect()
    };
    let with = sources(
        SearchIndex::open(dir.path())
            .unwrap()
            .with_annotations(Some(corpus)),
    );
    assert!(!with.is_empty() && with.iter().all(|s| *s == MentionSource::SideFile));
    let without = sources(SearchIndex::open(dir.path()).unwrap());
    assert!(without.iter().all(|s| *s == MentionSource::Tagger));
}
