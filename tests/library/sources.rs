//! One cable, several files: a folder of annotated cables beside a folder of their
//! WikiLeaks pages is one row per cable, one document (entities from the text, dates and
//! metadata from the page), counted once; the source view shows each file, named.

use crate::drive::Driver;
use cableview::library::Library;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn load(paths: &[PathBuf]) -> Library {
    Library::load(paths, &|_| {}, &AtomicBool::new(false))
}

/// The 35 annotated cables (34 in the folder, the sample beside) and their 35 pages.
fn both() -> Vec<PathBuf> {
    vec![
        fixture("tests/fixtures/annotated"),
        fixture("assets/05PARIS2333.txt"),
        fixture("tests/fixtures/raw"),
    ]
}

fn annotated() -> Library {
    load(&both()[..2])
}

fn row_of<'a>(library: &'a Library, id: &str) -> &'a cableview::library::Row {
    library
        .row(
            library
                .find_id(&cableview::cable::CableId::new(id))
                .expect(id),
        )
        .unwrap()
}

/// A library session on `paths` at `w`x`h` with the cable `id` open in the reader.
fn open(paths: &[PathBuf], id: &str, w: u16, h: u16) -> Driver {
    let mut d = Driver::new(Session::new(load(paths), ReaderOptions::default()));
    d.press(Message::Resize(w, h));
    d.press(Action::Filter);
    for c in id.to_lowercase().chars() {
        d.press(Message::Type(c));
    }
    d.press(Action::Open); // ends typing
    d.press(Action::Open);
    assert_eq!(d.app().cable().title(), id);
    d
}

#[test]
fn text_and_page_folders_make_one_row_per_cable() {
    let library = load(&both());
    assert_eq!(library.len(), 35);
    let ids: BTreeSet<&str> = library.rows().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 35, "each cable once");
    for i in library.cables() {
        let files: Vec<_> = library.paths(i).collect();
        assert_eq!(files.len(), 2, "{files:?}");
        // The annotated text is the base: it is the document the reader opens.
        assert_eq!(files[0].extension().unwrap(), "txt", "{files:?}");
    }
    // The table a user sees holds 35 rows too, and counts 35 in its facets.
    let d = Driver::new(Session::new(load(&both()), ReaderOptions::default()));
    assert_eq!(d.table().rows().len(), 35);
    let classified: usize = library.classifications().iter().map(|(_, n)| n).sum();
    assert_eq!(classified, 35);
}

#[test]
fn a_merged_row_takes_mentions_from_the_text_and_dates_and_metadata_from_the_page() {
    let merged = load(&both());
    let text = annotated();
    let pages = load(&[fixture("tests/fixtures/raw")]);
    for id in ["05SANJOSE488", "04PARIS8983", "10STATE17263"] {
        let (row, t, p) = (row_of(&merged, id), row_of(&text, id), row_of(&pages, id));
        // The page holds only the tagger's mentions: the annotated text's win.
        assert!(t.mentions > 0, "{id}: {t:?} {p:?}");
        assert_eq!(row.mentions, t.mentions, "{id}");
        assert_eq!(row.paragraphs, t.paragraphs, "{id}");
        assert_eq!(row.date, p.date, "{id}");
        assert_eq!(row.origin, p.origin, "{id}");
        assert_eq!(row.subject, p.subject, "{id}");
        assert_eq!(row.classification, p.classification, "{id}");
    }
    // The annotated text alone knows only the year; the page gives the day.
    assert_eq!(row_of(&text, "05SANJOSE488").date.as_deref(), Some("2005"));
    assert_eq!(
        row_of(&merged, "05SANJOSE488").date.as_deref(),
        Some("2005-02-28 18:06")
    );
    assert_eq!(row_of(&merged, "05SANJOSE488").origin, "Embassy San Jose");
}

#[test]
fn opening_a_merged_cable_gives_the_texts_entities_and_the_pages_header() {
    let library = load(&both());
    let cable = library
        .open(
            library
                .find_id(&cableview::cable::CableId::new("05SANJOSE488"))
                .unwrap(),
        )
        .unwrap();
    let text = annotated();
    let alone = text
        .open(
            text.find_id(&cableview::cable::CableId::new("05SANJOSE488"))
                .unwrap(),
        )
        .unwrap();
    assert_eq!(cable.entities, alone.entities);
    assert_eq!(cable.paragraphs, alone.paragraphs);
    assert_eq!(cable.header.mentions, alone.header.mentions);
    assert_eq!(cable.header.created.as_deref(), Some("2005-02-28 18:06"));
    assert_eq!(cable.header.released.as_deref(), Some("2011-03-08 16:04"));
    assert_eq!(cable.header.origin.as_deref(), Some("Embassy San Jose"));
    assert_eq!(alone.header.origin.as_deref(), Some("SAN JOSE"));
    assert_eq!(cable.source_name.as_deref(), Some("05SANJOSE488.txt"));
    assert_eq!(cable.other_sources.len(), 1);
    assert_eq!(cable.other_sources[0].name, "05SANJOSE488.html");
    assert!(
        cable.other_sources[0]
            .text
            .contains("COSTA RICA'S 2004 TRAFFICKING IN PERSONS REPORT")
    );
}

#[test]
fn cited_by_names_the_citing_cable_once() {
    let library = load(&both());
    let target = library
        .find_id(&cableview::cable::CableId::new("04PARIS8983"))
        .unwrap();
    assert_eq!(
        library.cited_by(target),
        [library
            .find_id(&cableview::cable::CableId::new("05PARIS2333"))
            .unwrap()]
    );
    // Its REF resolves from the one entry both files became.
    let citing = library
        .find_id(&cableview::cable::CableId::new("05PARIS2333"))
        .unwrap();
    assert!(library.references(citing).any(|(_, t)| t == Some(target)));
    // And the reader's header says so once.
    let d = open(&both(), "04PARIS8983", 120, 30);
    let screen = d.screen();
    let row = screen
        .lines()
        .find(|l| l.contains("Cited by"))
        .expect("the cited-by row");
    assert_eq!(row.matches("05PARIS2333").count(), 1, "{row}");
}

#[test]
fn the_source_view_steps_through_each_file_and_names_it() {
    let mut d = open(&both(), "10MADRID49", 100, 20);
    assert!(d.screen().contains(" Text "));
    d.press(Action::SourceView);
    let first = d.screen();
    assert!(
        first.contains(" Source 1/2: 10MADRID49.txt (s: next file) "),
        "{first}"
    );
    // The annotated text shows the tagger's brackets.
    assert!(first.contains("[LOC ") || first.contains("[ORG ") || first.contains("[PER "));
    d.press(Action::SourceView);
    let second = d.screen();
    assert!(
        second.contains(" Source 2/2: 10MADRID49.html (s: back to reading) "),
        "{second}"
    );
    insta::assert_snapshot!("source_view_page_100x20", second);
    d.press(Action::SourceView);
    assert!(d.screen().contains(" Text "));
    assert!(!d.session.reader().unwrap().source_view());
    // Entering again starts from the annotated text.
    d.press(Action::SourceView);
    assert!(d.screen().contains(" Source 1/2: 10MADRID49.txt "));
    // Esc leaves from any file.
    d.press(Action::SourceView);
    d.press(Action::Cancel);
    assert!(d.screen().contains(" Text "));
}

#[test]
fn a_cable_read_from_one_file_keeps_the_plain_source_title() {
    let mut d = open(&both()[..2], "10MADRID49", 100, 20);
    d.press(Action::SourceView);
    let screen = d.screen();
    assert!(screen.contains(" Source (s: back to reading) "), "{screen}");
    d.press(Action::SourceView);
    assert!(d.screen().contains(" Text "));
}

#[test]
fn two_copies_of_a_cable_count_once_in_the_entity_table() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        for name in ["09BAGHDAD11.txt", "10MOSCOW266.txt"] {
            std::fs::copy(
                fixture("tests/fixtures/annotated").join(name),
                dir.path().join(sub).join(name),
            )
            .unwrap();
        }
    }
    std::fs::copy(
        fixture("tests/fixtures/raw/09BAGHDAD11.html"),
        dir.path().join("09BAGHDAD11.html"),
    )
    .unwrap();
    let library = load(&[dir.path().to_path_buf()]);
    assert_eq!(library.len(), 2);
    let copies = library.collection_entities(None);
    let once = load(&[
        fixture("tests/fixtures/annotated/09BAGHDAD11.txt"),
        fixture("tests/fixtures/annotated/10MOSCOW266.txt"),
    ])
    .collection_entities(None);
    assert!(!once.is_empty());
    assert_eq!(copies, once);
    assert!(copies.iter().all(|e| e.cables <= 2));
    // `cableview entities DIR` counts alike.
    let run = |path: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_cableview"))
            .arg("entities")
            .arg("--json")
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let single = tempfile::tempdir().unwrap();
    for name in ["09BAGHDAD11.txt", "10MOSCOW266.txt"] {
        std::fs::copy(
            fixture("tests/fixtures/annotated").join(name),
            single.path().join(name),
        )
        .unwrap();
    }
    let cli = run(dir.path());
    assert_eq!(cli, run(single.path()));
    assert_eq!(cli, serde_json::to_string(&once).unwrap() + "\n");
}
