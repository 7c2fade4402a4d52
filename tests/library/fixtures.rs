//! The library built from the fixture cables and the bundled sample.

#[cfg(unix)]
use crate::hostile;

use cableview::cable::{Classification, EntityKind};
use cableview::input::load_paths;
use cableview::library::{CableIndex, Column, EntityKey, Library, Query};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn library() -> Library {
    let paths = [
        root().join("tests/fixtures/annotated"),
        root().join("assets/05PARIS2333.txt"),
    ];
    Library::load(&paths, &|_| {}, &AtomicBool::new(false))
}

fn ids(library: &Library, cables: &[CableIndex]) -> Vec<String> {
    cables
        .iter()
        .map(|&c| library.row(c).unwrap().id.clone())
        .collect()
}

fn text_query(text: &str) -> Query {
    Query {
        text: text.into(),
        ..Query::default()
    }
}

#[test]
fn counts_rows_and_facets() {
    let library = library();
    assert_eq!(library.len(), 35);
    assert!(library.skipped().is_empty(), "{:?}", library.skipped());
    let sample = library
        .find_id(&cableview::cable::CableId::new("05PARIS2333"))
        .unwrap();
    let row = &library.row(sample).unwrap();
    assert_eq!(row.date.as_deref(), Some("2005"));
    assert_eq!(row.classification, Some(Classification::Secret));
    assert_eq!(row.origin, "PARIS");
    assert_eq!(row.subject, "GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK");
    assert_eq!(row.paragraphs, 7);
    assert_eq!(row.mentions, library.open(sample).unwrap().mention_count());
    assert!(
        library
            .path(sample)
            .unwrap()
            .ends_with("assets/05PARIS2333.txt")
    );
    assert_eq!(
        library.classifications(),
        vec![
            (Classification::Unclassified, 8),
            (Classification::Confidential, 13),
            (Classification::Secret, 14)
        ]
    );
    assert_eq!(library.tags()[0], ("PREL".to_string(), 21));
    // An odd prefix is no year; a 1970s prefix is not read as 2073.
    let odd = library
        .find_id(&cableview::cable::CableId::new("7575LIBREVILLE1895"))
        .unwrap();
    assert_eq!(library.row(odd).unwrap().date, None);
    let old = library
        .find_id(&cableview::cable::CableId::new("73TEHRAN7005"))
        .unwrap();
    assert_eq!(library.row(old).unwrap().date.as_deref(), Some("1973"));
}

#[test]
fn sorts_by_every_column() {
    let library = library();
    let by_id = ids(&library, &library.order(Column::Id, false));
    assert_eq!(
        by_id[..4],
        [
            "7575LIBREVILLE1895",
            "73TEHRAN7005",
            "86MADRID5480",
            "00HARARE6677"
        ]
    );
    // Serials sort as numbers within a year and post.
    let state_2009: Vec<&String> = by_id
        .iter()
        .filter(|id| id.starts_with("09STATE"))
        .collect();
    assert_eq!(state_2009, ["09STATE29700", "09STATE124636"]);
    for column in Column::ALL {
        let order = library.order(column, false);
        assert_eq!(order.len(), 35);
        for pair in order.windows(2) {
            let (a, b) = (library.row(pair[0]).unwrap(), library.row(pair[1]).unwrap());
            assert!(
                column.compare(a, b).is_le(),
                "{column:?}: {} > {}",
                a.id,
                b.id
            );
        }
        let mut descending = library.order(column, true);
        descending.reverse();
        assert_eq!(descending, order, "{column:?} descending is the reverse");
    }
    let most_mentions = library.order(Column::Mentions, true)[0];
    assert_eq!(library.row(most_mentions).unwrap().id, "10STATE17263");
    let lowest = library.order(Column::Classification, false)[0];
    assert_eq!(
        library.row(lowest).unwrap().classification,
        Some(Classification::Unclassified)
    );
}

#[test]
fn filters_by_text_across_fields() {
    let library = library();
    let view = |text: &str| ids(&library, &library.view(&text_query(text)));
    // ID (and origin, and the entity Paris).
    assert_eq!(view("paris"), ["04PARIS8983", "05PARIS2333", "09PARIS1426"]);
    assert_eq!(view("04paris"), ["04PARIS8983"]);
    // Every word must match: "terrorism" is in one subject and the sample's entities.
    assert_eq!(view("paris terrorism"), ["04PARIS8983", "05PARIS2333"]);
    // Entity names, case-insensitively.
    assert_eq!(
        view("HEZBOLLAH"),
        ["05PARIS2333", "08RIYADH768", "08RPODUBAI49"]
    );
    // Subject words and TAGS codes.
    assert_eq!(view("chukotkans"), ["08VLADIVOSTOK68"]);
    assert_eq!(view("mtcre").len(), 2);
    assert_eq!(view("").len(), 35);
    assert!(view("no such text anywhere").is_empty());
}

#[test]
fn filters_by_classification_and_tag_keeping_the_order() {
    let library = library();
    let secret = library.view(&Query {
        classification: Some(Classification::Secret),
        ..Query::default()
    });
    assert_eq!(secret.len(), 14);
    let tagged = Query {
        tag: Some("pter".into()),
        ..Query::default()
    };
    assert_eq!(
        ids(&library, &library.view(&tagged)),
        [
            "86MADRID5480",
            "04PARIS8983",
            "05PARIS2333",
            "09HAVANA132",
            "09PARIS1426"
        ]
    );
    let both = Query {
        classification: Some(Classification::Secret),
        sort: Column::Mentions,
        descending: true,
        ..tagged
    };
    assert_eq!(
        ids(&library, &library.view(&both)),
        ["05PARIS2333", "86MADRID5480"]
    );
}

#[test]
fn ref_b_of_the_sample_links_to_04paris8983_and_is_cited_by() {
    let library = library();
    let sample = library
        .find_id(&cableview::cable::CableId::new("05PARIS2333"))
        .unwrap();
    let target = library
        .find_id(&cableview::cable::CableId::new("04PARIS8983"))
        .unwrap();
    let refs: Vec<(Option<&str>, &str, Option<CableIndex>)> = library
        .references(sample)
        .map(|(r, link)| (r.label.as_deref(), r.text.as_str(), link))
        .collect();
    assert_eq!(
        refs,
        [
            (Some("A"), "STATE 60796", None),
            (Some("B"), "04 PARIS 8983", Some(target)),
            (Some("C"), "PARIS 280", None),
        ]
    );
    assert_eq!(library.cited_by(target), [sample]);
    assert!(library.cited_by(sample).is_empty());
}

#[test]
fn without_the_target_the_ref_is_plain_text() {
    let library = Library::new(load_paths(&[root().join("assets/05PARIS2333.txt")]));
    let only = library.cables().next().unwrap();
    assert!(library.references(only).all(|(_, link)| link.is_none()));
    assert!(library.cited_by(only).is_empty());
}

#[test]
fn entity_index_lists_cables_counts_and_first_paragraphs() {
    let library = library();
    let paris = EntityKey {
        kind: EntityKind::Loc,
        name: "paris".into(),
    };
    let found: Vec<(String, usize, &str)> = library
        .appearances(&paris)
        .iter()
        .map(|a| {
            (
                library.row(a.cable).unwrap().id.clone(),
                a.count,
                a.first_paragraph,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("04PARIS8983".to_string(), 5, "1"),
            ("09PARIS1426".to_string(), 5, "1"),
            ("05PARIS2333".to_string(), 10, "header"),
        ]
    );
    // The key of a cable's own entity finds that cable.
    let sample = library
        .find_id(&cableview::cable::CableId::new("05PARIS2333"))
        .unwrap();
    for entity in &library.open(sample).unwrap().entities {
        let list = library.appearances(&EntityKey::of(entity));
        assert!(
            list.iter()
                .any(|a| a.cable == sample && a.count == entity.count)
        );
    }
    let table = library.collection_entities(Some(&EntityKind::Loc));
    // `U.S.`, `US` and `u.s.` are one row across cables (`U.S.` alone: 15).
    assert_eq!((table[0].name.as_str(), table[0].cables), ("U.S.", 21));
    assert!(table.iter().all(|e| e.kind == EntityKind::Loc));
    assert!(table.windows(2).all(|w| w[0].cables >= w[1].cables));
    let unknown = EntityKey {
        kind: EntityKind::Per,
        name: "nobody at all".into(),
    };
    assert!(library.appearances(&unknown).is_empty());
}

#[test]
fn bad_files_are_skipped_with_reasons_and_the_load_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("04PARIS8983.txt");
    std::fs::copy(
        root().join("tests/fixtures/annotated/04PARIS8983.txt"),
        &copy,
    )
    .unwrap();
    std::fs::write(
        dir.path().join("image.bin"),
        [0x89, b'P', b'N', b'G', 0, 0, 1],
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("notes.md"), "Some notes about cables.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let loaded = load_paths(&[dir.path().to_path_buf(), missing.clone()]);
    let reasons: Vec<(PathBuf, &str)> = loaded
        .skipped
        .iter()
        .map(|s| (s.path.clone(), s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (missing, "no such file"),
            (
                dir.path().join("empty.txt"),
                "the file is empty, expected the text of a cable"
            ),
            (
                dir.path().join("image.bin"),
                "not a text file: binary data at line 1, column 5"
            ),
            (
                dir.path().join("notes.md"),
                "not a cable: no reference ID in its name and no classification"
            ),
        ]
    );
    let library = Library::new(loaded);
    assert_eq!(library.len(), 1);
    let only = library.cables().next().unwrap();
    assert_eq!(library.row(only).unwrap().id, "04PARIS8983");
    assert_eq!(library.skipped().len(), 4);
}

#[cfg(unix)]
#[test]
fn a_pipe_and_a_device_in_a_folder_are_skipped_by_the_load_and_the_background_load() {
    use cableview::library::{LoadEvent, LoadHandle};
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("tests/fixtures/annotated/04PARIS8983.txt"),
        dir.path().join("04PARIS8983.txt"),
    )
    .unwrap();
    hostile::fifo(&dir.path().join("05PARIS1111.txt"));
    hostile::dev_zero(&dir.path().join("06PARIS2222.txt"));
    let expected = vec![
        (
            dir.path().join("05PARIS1111.txt"),
            "cannot read: not a regular file: a named pipe (FIFO)".to_string(),
        ),
        (
            dir.path().join("06PARIS2222.txt"),
            "cannot read: not a regular file: a character device".to_string(),
        ),
    ];
    let reasons = |library: &Library| -> Vec<(PathBuf, String)> {
        library
            .skipped()
            .iter()
            .map(|s| (s.path.clone(), s.reason.clone()))
            .collect()
    };

    let paths = vec![dir.path().to_path_buf()];
    let given = paths.clone();
    let library = hostile::within("the load", move || {
        Library::load(&given, &|_| {}, &AtomicBool::new(false))
    });
    assert_eq!(library.len(), 1);
    assert_eq!(reasons(&library), expected);

    // The loading screen's load: progress reaches 3 of 3, then the library.
    let (library, last) = hostile::within("the background load", move || {
        let mut last = None;
        let library = LoadHandle::spawn(paths).wait(|event| {
            if let LoadEvent::Progress(p) = event {
                last = Some((p.done, p.total));
            }
        });
        (library, last)
    });
    assert_eq!(last, Some((3, 3)));
    let library = library.expect("the load finishes");
    assert_eq!(library.len(), 1);
    assert_eq!(reasons(&library), expected);
}
