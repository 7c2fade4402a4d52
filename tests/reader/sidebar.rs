//! The entity sidebar: its title counts what a filter shows, a hidden kind says so when
//! narrow, names cut alike stay apart, the status line names an entity in full with its
//! other spellings, the order and scope keys (kept in the reading state), and corrections
//! asked for from the reader.

use crate::drive::{Driver, single};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::{EntityOrder, EntityScope, ReaderOptions};
use cableview::session::{CorrectionChange, Effect, Session};
use cableview::shell::state::Store;

/// The sample at `w`x`h` with the sidebar shown.
fn sample(w: u16, h: u16) -> Driver {
    let options = ReaderOptions {
        show_entities: Some(true),
        ..ReaderOptions::default()
    };
    single(cableview::input::sample(), options, w, h)
}

/// Types `text` into the entity filter, in place of what it had.
fn filter(driver: &mut Driver, text: &str) {
    driver.press(Action::Filter);
    while !driver.app().entity_list().filter.is_empty() {
        driver.press(Message::Backspace);
    }
    for c in text.chars() {
        driver.press(Message::Type(c));
    }
}

/// The corrections asked of the loop (a save of the position may come with them).
fn corrections(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| matches!(e, Effect::SaveCorrection { .. }))
        .collect()
}

fn status(driver: &Driver) -> String {
    driver.screen().lines().last().unwrap_or("").to_string()
}

fn rows(driver: &Driver) -> Vec<String> {
    driver.screen().lines().map(str::to_string).collect()
}

#[test]
fn the_title_counts_what_a_filter_shows() {
    let mut driver = sample(120, 40);
    let total = driver.app().cable().entities.len();
    let screen = driver.screen();
    assert!(screen.contains(&format!("Entities {total} ")), "{screen}");
    assert!(!screen.contains(" of {total}"));
    filter(&mut driver, "hez");
    let shown = driver.app().entity_list().shown();
    assert!(shown > 0 && shown < total);
    let screen = driver.screen();
    assert!(
        screen.contains(&format!("Entities {shown} of {total}")),
        "{screen}"
    );
}

/// The sidebar's rows holding `word`: each from the selection mark to the count.
fn named_rows(driver: &Driver, word: &str) -> Vec<String> {
    rows(driver)
        .into_iter()
        .filter_map(|r| {
            let side = r.rsplit('│').nth(1)?;
            side.contains(word).then(|| side.trim_end().to_string())
        })
        .collect()
}

#[test]
fn different_names_never_read_the_same_when_cut() {
    // Two pairs alike but for a middle letter: one told apart by more of the tail,
    // the other, alike at both ends further than a row shows, by where they differ.
    let text = "<code><pre>UNCLASSIFIED SUBJECT: NAMES <a id='par1' href='#par1'>¶</a>1 . \n\
        [PER Ambassador Karl W. Eikenberry  ] met \
        [PER Ambassador Karl M. Eikenberry  ] and \
        [PER Ambassador Extraordinary Karl W. Eikenberry of the United States  ] met \
        [PER Ambassador Extraordinary Karl M. Eikenberry of the United States  ] \
        with [PER Hezbollah  ] .\n</pre></code>";
    let cable = cableview::cable::parse(text, "alike.txt").unwrap();
    assert_eq!(cable.entities.len(), 5, "{:?}", cable.entities);
    let options = ReaderOptions {
        show_entities: Some(true),
        ..ReaderOptions::default()
    };
    let driver = single(cable, options, 80, 24);
    let shown = named_rows(&driver, "…");
    assert_eq!(shown.len(), 4, "{}", driver.screen());
    let names: std::collections::BTreeSet<&str> = shown
        .iter()
        .map(|r| r.trim_end_matches(|c: char| c.is_ascii_digit()).trim())
        .collect();
    assert_eq!(names.len(), 4, "each name its own: {shown:#?}");
    // Each still fits its row: the counts stay in one column.
    let ends: std::collections::BTreeSet<usize> = shown.iter().map(|r| r.chars().count()).collect();
    assert_eq!(ends.len(), 1, "{shown:#?}");
    // A short name is left whole.
    assert!(named_rows(&driver, "Hezbollah")[0].contains("Hezbollah"));
    insta::assert_snapshot!("sidebar_names_alike_80x24", driver.screen());
}

#[test]
fn a_hidden_kind_says_so_when_narrow() {
    let mut driver = sample(80, 24);
    driver.press(Action::TogglePer);
    let heading = rows(&driver)
        .into_iter()
        .find(|r| r.contains("PER") && r.contains("(")) // the group heading, with its count
        .expect("a PER heading");
    assert!(
        heading.contains("PER") && heading.contains("hidden"),
        "{heading}"
    );
}

#[test]
fn names_cut_alike_stay_apart_and_the_status_line_names_them_in_full() {
    let mut driver = sample(80, 24);
    filter(&mut driver, "counter-terrorism");
    let cut: std::collections::BTreeSet<String> = rows(&driver)
        .iter()
        .filter_map(|r| {
            let at = r.find("Counter-")?;
            let name = r[at..].split("  ").next()?.to_string();
            name.contains('…').then_some(name)
        })
        .collect();
    assert_eq!(cut.len(), 2, "two names, cut apart: {cut:?}");
    // The one selected, then the one under the cursor, each named in full.
    driver.press(Action::Activate);
    let selected = status(&driver);
    driver.press(Action::Down);
    let browsed = status(&driver);
    for name in [
        "Counter-Terrorism Committee",
        "Counter-Terrorism Action Group",
    ] {
        assert!(
            selected.contains(name) || browsed.contains(name),
            "{selected} / {browsed}"
        );
    }
    insta::assert_snapshot!("sidebar_names_cut_apart_80x24", driver.screen());
}

#[test]
fn a_joined_entity_shows_its_other_spellings() {
    let mut driver = sample(120, 40);
    filter(&mut driver, "beghal");
    driver.press(Action::Activate);
    let line = status(&driver);
    assert!(line.contains("Djamel Beghal 1/2"), "{line}");
    assert!(line.contains("also Beghal"), "{line}");
}

#[test]
fn the_sidebar_orders_by_count_and_narrows_to_the_paragraph_in_view() {
    let mut driver = sample(120, 40);
    let entities = driver.app().cable().entities.clone();
    driver.press(Action::EntityOrder);
    let screen = driver.screen();
    let title = format!(" {} · by count ", entities.len());
    assert!(screen.contains(&title), "{screen}");
    assert!(
        !screen.contains("PER person ("),
        "no kind headings: {screen}"
    );
    // Most frequent first, whatever the kind: the first two rows of the sidebar (the
    // last pane of each row) are the cable's two most frequent entities.
    let sidebar: Vec<String> = rows(&driver)
        .iter()
        .filter_map(|r| r.rsplit("││").next().map(str::to_string))
        .collect();
    let at = |name: &str| {
        sidebar
            .iter()
            .position(|r| r.contains(&format!("  {name} ")))
    };
    let (first, second) = (at(&entities[0].name), at(&entities[1].name));
    assert_ne!(
        entities[0].kind, entities[1].kind,
        "the sample's two first differ"
    );
    assert!(
        first.is_some() && first.map(|f| f + 1) == second,
        "{screen}"
    );

    driver.press(Message::GoTo("5".into()));
    driver.press(Action::EntityScope);
    let in_5: Vec<&str> = entities
        .iter()
        .filter(|e| e.paragraphs.iter().any(|p| p == "5"))
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(driver.app().entity_list().shown(), in_5.len());
    let screen = driver.screen();
    assert!(
        screen.contains(&format!(" {} of {} · ¶5 ", in_5.len(), entities.len())),
        "{screen}"
    );
    insta::assert_snapshot!("sidebar_by_count_in_paragraph_5_120x40", screen);

    // The scope follows the view.
    driver.press(Message::GoTo("3".into()));
    let in_3 = entities
        .iter()
        .filter(|e| e.paragraphs.iter().any(|p| p == "3"))
        .count();
    assert_ne!(in_3, in_5.len());
    assert_eq!(driver.app().entity_list().shown(), in_3);
}

#[test]
fn order_and_scope_are_kept_in_the_reading_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("state.json");
    let open = || {
        let mut session = Session::single(cableview::input::sample(), ReaderOptions::default());
        session.update(Message::Resize(120, 40));
        Driver::with_store(session, Store::open(path.clone()))
    };
    let mut driver = open();
    driver.press(Action::EntityOrder);
    driver.press(Action::EntityScope);
    driver.press(Action::Quit);
    driver.store.flush();

    let driver = open();
    let position = driver.app().position();
    assert_eq!(position.entity_order, EntityOrder::Count);
    assert_eq!(position.entity_scope, EntityScope::Paragraph);
    assert_eq!(
        driver.app().entity_list().paragraph.as_deref(),
        Some("header")
    );
}

#[test]
fn the_correction_menu_asks_the_loop_to_save_what_was_chosen() {
    let mut driver = sample(120, 40);
    // Nothing selected: nothing to correct, and the user is told.
    assert_eq!(corrections(driver.press(Action::Correct)), []);
    assert!(driver.app().notice().is_some());
    filter(&mut driver, "chirac");
    driver.press(Action::Activate);
    assert_eq!(corrections(driver.press(Action::Correct)), []);
    let screen = driver.screen();
    assert!(screen.contains("correct PER Chirac"), "{screen}");
    assert!(screen.contains("not an entity"), "{screen}");
    // Esc closes it without a word to the loop.
    assert_eq!(corrections(driver.press(Action::Cancel)), []);
    assert!(!driver.screen().contains("not an entity"));

    driver.press(Action::Correct);
    let effects = corrections(driver.press(Message::Type('O')));
    let [Effect::SaveCorrection { id, change }] = effects.as_slice() else {
        panic!("one save: {effects:?}");
    };
    assert_eq!(id, "05PARIS2333");
    let CorrectionChange::Make(correction) = change else {
        panic!("{change:?}");
    };
    assert_eq!(correction.describe(), "relabel PER Chirac as ORG");
    // With no data dir the loop keeps nothing, and says so.
    let notice = driver.app().notice().unwrap_or_default();
    assert!(notice.contains("no data dir"), "{notice}");

    // Joining picks from the other entities of the kind.
    filter(&mut driver, "beghal");
    driver.press(Action::Activate);
    driver.press(Action::Correct);
    driver.press(Message::Type('j'));
    let screen = driver.screen();
    assert!(screen.contains("join PER Djamel Beghal"), "{screen}");
    assert!(screen.contains("Chirac"), "{screen}");
    driver.press(Action::Down);
    let effects = corrections(driver.press(Action::Activate));
    assert!(
        matches!(effects.as_slice(), [Effect::SaveCorrection { change: CorrectionChange::Make(c), .. }]
            if c.describe().starts_with("join PER Djamel Beghal with PER ")),
        "{effects:?}"
    );
    assert_eq!(
        corrections(driver.press(Action::UndoCorrection)),
        [Effect::SaveCorrection {
            id: cableview::cable::CableId::new("05PARIS2333"),
            change: CorrectionChange::Undo
        }]
    );
}

#[test]
fn a_correction_saved_in_the_data_dir_shows_at_once_and_undoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let load = cableview::input::LoadOptions {
        corrections: Some(dir.path().to_path_buf()),
        ..Default::default()
    };
    let mut session =
        Session::single_with(cableview::input::sample(), ReaderOptions::default(), load);
    session.update(Message::Resize(120, 40));
    let mut driver = Driver::new(session);
    filter(&mut driver, "chirac");
    driver.press(Action::Activate);
    driver.press(Action::Correct);
    driver.press(Message::Type('d'));
    let app = driver.app();
    assert!(
        !app.cable().entities.iter().any(|e| e.name == "Chirac"),
        "no Chirac now"
    );
    assert!(dir.path().join("corrections/05PARIS2333.ann").exists());
    driver.press(Action::UndoCorrection);
    let app = driver.app();
    let chirac = app.cable().entities.iter().position(|e| e.name == "Chirac");
    assert!(chirac.is_some(), "Chirac again");
    assert_eq!(app.selected(), chirac, "and selected");
    assert!(!dir.path().join("corrections/05PARIS2333.ann").exists());
}
