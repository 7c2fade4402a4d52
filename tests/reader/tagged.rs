//! Corrections on a raw page, whose entities are the tagger's: `E` relabels and removes as
//! on an annotated cable, for this cable or for every cable (one file in the data dir); a
//! mention is added at a search match (`/`, then `E` `a` and a kind); `u` takes back the
//! last, wherever it went. Keys to state to frame, the event loop's saves carried out.

use crate::drive::Driver;
use cableview::cable::MentionSource;
use cableview::input::LoadOptions;
use cableview::session::Session;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use std::path::Path;

const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/raw/09PARIS1426.html"
);

/// The raw page in the reader with the sidebar shown, corrections kept in `data`.
fn raw(data: &Path) -> Driver {
    let cable = cableview::input::load(Path::new(PAGE)).expect("the page parses");
    let load = LoadOptions {
        corrections: Some(data.to_path_buf()),
        ..LoadOptions::default()
    };
    let options = ReaderOptions {
        show_entities: Some(true),
        ..ReaderOptions::default()
    };
    let mut session = Session::single_with(cable, options, load);
    session.update(Message::Resize(140, 45));
    Driver::new(session)
}

fn keys(driver: &mut Driver, text: &str) {
    for c in text.chars() {
        driver.press(Message::Type(c));
    }
}

/// Selects the entity named `name` through the sidebar's filter.
fn select(driver: &mut Driver, name: &str) {
    driver.press(Action::Filter);
    while !driver.app().entity_list().filter.is_empty() {
        driver.press(Message::Backspace);
    }
    keys(driver, name);
    driver.press(Action::Activate);
    let selected = driver
        .app()
        .selected()
        .map(|e| &driver.app().cable().entities[e]);
    assert_eq!(selected.map(|e| e.name.as_str()), Some(name));
}

/// The (kind, source of its mentions) of the entity named `name`, if any.
fn entity(driver: &Driver, name: &str) -> Option<(String, Vec<MentionSource>)> {
    let cable = driver.app().cable();
    let e = cable.entities.iter().position(|e| e.name == name)?;
    let sources = cable
        .mentions()
        .filter(|(_, m)| m.entity == Some(e))
        .map(|(_, m)| m.source)
        .collect();
    Some((cable.entities[e].kind.to_string(), sources))
}

fn status(driver: &Driver) -> String {
    driver.screen().lines().last().unwrap_or("").to_string()
}

/// The kind group the sidebar lists the name starting `name` under.
fn sidebar_group(driver: &Driver, name: &str) -> Option<String> {
    let screen = driver.screen();
    let column = screen.lines().find_map(|l| {
        let byte = l.find("┌ Entities")?;
        Some(l[..byte].chars().count())
    })?;
    let mut group = None;
    for line in screen.lines() {
        let pane: String = line.chars().skip(column).collect();
        if let Some(kind) = ["PER", "ORG", "LOC", "MISC"]
            .iter()
            .find(|k| pane.starts_with(&format!("│{k} ")))
        {
            group = Some((*kind).to_string());
        }
        // A row: the border, a mark (`●` when selected) and a space, the name.
        let row: String = pane.chars().skip(3).collect();
        if pane.starts_with('│') && row.starts_with(name) {
            return group;
        }
    }
    None
}

#[test]
fn e_corrects_the_taggers_entities_here_and_everywhere_and_u_undoes() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = raw(data.path());
    assert!(driver.screen().contains("· tagger"), "{}", driver.screen());
    assert_eq!(entity(&driver, "Normandy").map(|e| e.0), Some("PER".into()));

    // This cable only: Cameroon is no entity.
    select(&mut driver, "Cameroon");
    driver.press(Action::Correct);
    assert!(
        driver.screen().contains("correct ORG Cameroon"),
        "{}",
        driver.screen()
    );
    driver.press(Message::Type('d'));
    assert_eq!(entity(&driver, "Cameroon"), None);
    assert!(status(&driver).contains("corrected: not an entity: ORG Cameroon"));
    assert!(data.path().join("corrections/09PARIS1426.ann").exists());

    // Every cable: Normandy is a place, kept in the one file, the mention a correction's.
    select(&mut driver, "Normandy");
    driver.press(Action::Correct);
    driver.press(Message::Type('e'));
    let screen = driver.screen();
    assert!(screen.contains("everywhere: PER Normandy"), "{screen}");
    driver.press(Message::Type('L'));
    assert_eq!(
        entity(&driver, "Normandy"),
        Some(("LOC".into(), vec![MentionSource::Correction]))
    );
    assert!(
        status(&driver).contains("relabel PER Normandy as LOC everywhere"),
        "{}",
        status(&driver)
    );
    assert_eq!(
        sidebar_group(&driver, "Normandy ").as_deref(),
        Some("LOC"),
        "{}",
        driver.screen()
    );
    let everywhere = data.path().join("corrections/everywhere.tsv");
    let saved = std::fs::read_to_string(&everywhere).unwrap();
    assert!(saved.contains("PER\tNormandy\trelabel LOC\n"), "{saved}");
    // Still the tagger's entities, corrected: the sidebar's title says so when it fits.
    assert!(driver.app().tagged());

    // `D`: not an entity in any cable.
    select(&mut driver, "Central");
    driver.press(Action::Correct);
    driver.press(Message::Type('D'));
    assert_eq!(entity(&driver, "Central"), None);
    let saved = std::fs::read_to_string(&everywhere).unwrap();
    assert!(saved.contains("ORG\tCentral\tnot-an-entity\n"), "{saved}");

    // `u` takes back the last, wherever it went: the two rules, then the cable's own.
    driver.press(Action::UndoCorrection);
    assert!(entity(&driver, "Central").is_some());
    assert!(status(&driver).contains("undone: not an entity everywhere: ORG Central"));
    driver.press(Action::UndoCorrection);
    assert_eq!(entity(&driver, "Normandy").map(|e| e.0), Some("PER".into()));
    let saved = std::fs::read_to_string(&everywhere).unwrap();
    assert!(!saved.contains("Normandy"), "{saved}");
    assert_eq!(
        entity(&driver, "Cameroon"),
        None,
        "the cable's own still holds"
    );
    driver.press(Action::UndoCorrection);
    assert!(entity(&driver, "Cameroon").is_some());
    assert!(!data.path().join("corrections/09PARIS1426.ann").exists());
}

#[test]
fn a_mention_is_added_at_the_search_match_shown_at_once_and_undone() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = raw(data.path());
    let phrase = "Direction de la Surveillance du Territoire";
    assert_eq!(entity(&driver, phrase), None, "the tagger missed it");
    // Without a match or an entity there is nothing to correct.
    driver.press(Action::Correct);
    assert!(
        status(&driver).contains("search (/) a phrase"),
        "{}",
        status(&driver)
    );

    driver.press(Action::Search);
    keys(&mut driver, phrase);
    driver.press(Action::Activate);
    driver.press(Action::Correct);
    let screen = driver.screen();
    assert!(screen.contains("add the match as a mention"), "{screen}");
    driver.press(Message::Type('a'));
    let screen = driver.screen();
    assert!(
        screen.contains("add \"Direction de la Surveillance"),
        "{screen}"
    );
    assert!(screen.contains("organisation (ORG)"), "{screen}");
    driver.press(Message::Type('O'));
    // Added, and joined with the acronym the tagger found after it: `(DST)`.
    let (kind, sources) = entity(&driver, phrase).expect("the new entity");
    assert_eq!(kind, "ORG");
    assert!(sources.contains(&MentionSource::Correction), "{sources:?}");
    assert_eq!(
        sidebar_group(&driver, "Direction d").as_deref(),
        Some("ORG"),
        "{}",
        driver.screen()
    );
    // A mention of the user's among the tagger's: the sidebar still says whose they are.
    assert!(
        driver.screen().contains("Entities 64 · tagger"),
        "{}",
        driver.screen()
    );
    let overlay = data.path().join("corrections/09PARIS1426.ann");
    let saved = std::fs::read_to_string(&overlay).unwrap();
    assert!(saved.contains(&format!("\t{phrase}\n")), "{saved}");
    assert!(saved.contains("cableview add"), "{saved}");

    // A match over a mention already there is refused: correct that one instead.
    driver.press(Action::Search);
    keys(&mut driver, "Sarkozy");
    driver.press(Action::Activate);
    driver.press(Action::Correct);
    driver.press(Message::Type('a'));
    driver.press(Message::Type('P'));
    assert!(
        status(&driver).contains("overlaps PER Sarkozy"),
        "{}",
        status(&driver)
    );

    driver.press(Action::UndoCorrection);
    assert_eq!(entity(&driver, phrase), None);
    assert!(!overlay.exists());
}
