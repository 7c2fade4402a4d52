//! REF resolution across the ways cables write references, and the background loader.

use crate::drive::Press;
use cableview::cable::parse;
use cableview::library::{Library, LoadEvent, LoadHandle};
use std::path::Path;

/// A minimal cable whose header carries `refs` as its REF line.
fn cable(id: &str, refs: &str) -> cableview::cable::Cable {
    let text = format!(
        "<code><pre>UNCLAS SECTION 01 OF 01 PARIS 000001 E.O. 12958: N/A TAGS: PREL \
         SUBJECT: TEST REF: {refs} <a id='par1' href='#par1'>¶</a>1 . \n\
         ( U ) Text . \n</pre></code>"
    );
    parse(&text, &format!("{id}.txt")).unwrap()
}

fn link_ids(library: &Library, citing: &str) -> Vec<Option<String>> {
    let index = library
        .find_id(&cableview::cable::CableId::new(citing))
        .unwrap();
    library
        .references(index)
        .map(|(_, link)| link.map(|t| library.row(t).unwrap().id.clone()))
        .collect()
}

#[test]
fn every_written_form_of_an_id_resolves() {
    let library = Library::from_cables(vec![
        cable("04PARIS8983", "NONE"),
        cable("04STATE60796", "NONE"),
        cable("09VIENNA1450", "NONE"),
        cable("04BAKU972", "NONE"),
        cable(
            "04PARIS9000",
            "A. 04 PARIS 8983 B. PARIS 008983 C. SECSTATE 60796 D. 2004 BAKU 972",
        ),
        cable("09UNVIEVIENNA540", "EMBASSY VIENNA 1450"),
    ]);
    let found = Some("04PARIS8983".to_string());
    assert_eq!(
        link_ids(&library, "04PARIS9000"),
        [
            found.clone(),
            found,
            Some("04STATE60796".into()),
            Some("04BAKU972".into())
        ]
    );
    assert_eq!(
        link_ids(&library, "09UNVIEVIENNA540"),
        [Some("09VIENNA1450".into())]
    );
    let target = library
        .find_id(&cableview::cable::CableId::new("04PARIS8983"))
        .unwrap();
    // Cited twice by one cable, listed once.
    assert_eq!(
        library.cited_by(target),
        [library
            .find_id(&cableview::cable::CableId::new("04PARIS9000"))
            .unwrap()]
    );
}

#[test]
fn the_year_comes_from_the_citing_cable_only() {
    let library = Library::from_cables(vec![
        cable("04PARIS8983", "NONE"),
        // Written without a year in a 2005 cable: that is 05PARIS8983, not held.
        cable("05PARIS1", "PARIS 8983"),
        // Another year written out: not this one.
        cable("05PARIS2", "03 PARIS 8983"),
    ]);
    assert_eq!(link_ids(&library, "05PARIS1"), [None]);
    assert_eq!(link_ids(&library, "05PARIS2"), [None]);
    assert!(
        library
            .cited_by(
                library
                    .find_id(&cableview::cable::CableId::new("04PARIS8983"))
                    .unwrap()
            )
            .is_empty()
    );
}

#[test]
fn a_cable_citing_itself_is_not_a_link() {
    // Page headers glued into REF lines name the cable itself (`MADRID 00000552`).
    let library = Library::from_cables(vec![cable("08MADRID552", "MADRID 449 MADRID 00000552")]);
    assert_eq!(link_ids(&library, "08MADRID552"), [None]);
    assert!(
        library
            .cited_by(
                library
                    .find_id(&cableview::cable::CableId::new("08MADRID552"))
                    .unwrap()
            )
            .is_empty()
    );
}

#[test]
fn background_load_reports_progress_then_the_library() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let handle = LoadHandle::spawn(vec![dir]);
    let mut last_progress = None;
    let mut indexing = false;
    let library = handle
        .wait(|event| match event {
            LoadEvent::Progress(p) => last_progress = Some(*p),
            LoadEvent::Indexing(_) => indexing = true,
            LoadEvent::Done(_) => {}
            event @ (LoadEvent::OpeningIndex(_) | LoadEvent::Failed(_)) => {
                panic!("not from a folder: {event:?}")
            }
        })
        .expect("the load finishes");
    let progress = last_progress.expect("progress was reported");
    assert_eq!((progress.done, progress.total), (34, 34));
    assert!(progress.bytes > 400_000, "bytes read: {}", progress.bytes);
    assert!(indexing);
    assert_eq!(library.len(), 34);
}

#[test]
fn a_cancelled_load_ends_without_a_library() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let handle = LoadHandle::spawn(vec![dir]);
    handle.cancel();
    // Cancelled before or during the parse: either no library, or (if the load won the
    // race and finished first) a complete one; never a partial library.
    if let Some(library) = handle.wait(|_| {}) {
        assert_eq!(library.len(), 34);
    }
}

#[test]
fn an_unlettered_ref_is_listed_without_a_letter() {
    use cableview::session::Session;
    use cableview::session::action::Action;
    use cableview::session::message::Message;
    use cableview::session::reader::ReaderOptions;
    let library = Library::from_cables(vec![
        cable("09VIENNA1450", "NONE"),
        cable("09UNVIEVIENNA540", "EMBASSY VIENNA 1450"),
    ]);
    let citing = library
        .find_id(&cableview::cable::CableId::new("09UNVIEVIENNA540"))
        .unwrap();
    let mut b = Session::new(library, ReaderOptions::default());
    b.press(Message::Resize(120, 40));
    while b.table().current() != Some(citing) {
        b.press(Action::Down);
    }
    b.press(Action::Open);
    b.press(Action::References);
    let list = b.cable_list().expect("the REF list");
    assert_eq!(list.items[0].text, "REF EMBASSY VIENNA 1450 → 09VIENNA1450");
}
