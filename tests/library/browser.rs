//! The library view: commands, moving between cables, and whole-screen snapshots.

use crate::drive::Press;
use cableview::cable::Classification;
use cableview::library::{Column, Library};
use cableview::session::Effect;
use cableview::session::action::{Action, Mouse};
use cableview::session::help::HelpRow;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::session::{Overlay, Session};
use cableview::ui::theme::colour;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn browser(w: u16, h: u16) -> Session {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = [
        root.join("tests/fixtures/annotated"),
        root.join("assets/05PARIS2333.txt"),
    ];
    let library = Library::load(&paths, &|_| {}, &AtomicBool::new(false));
    let mut browser = Session::new(library, ReaderOptions::default());
    browser.press(Message::Resize(w, h));
    browser
}

fn typed(browser: &mut Session, text: &str) {
    browser.press(Action::Filter);
    for c in text.chars() {
        browser.press(Message::Type(c));
    }
}

fn current_id(browser: &Session) -> String {
    let cable = browser.table().current().unwrap();
    browser.library.row(cable).unwrap().id.clone()
}

fn reader_id(browser: &Session) -> String {
    browser.reader().unwrap().cable().title().to_string()
}

/// Opens 05PARIS2333 from the table and selects the entity named `name` in it.
fn open_sample_and_select(browser: &mut Session, name: &str) {
    typed(browser, "05paris2333");
    browser.press(Action::Open);
    browser.press(Action::Open);
    let app = &mut browser.reader_mut().expect("the cable is open");
    let entity = app
        .cable()
        .entities
        .iter()
        .position(|e| e.name == name)
        .expect("the sample names it");
    app.select_entity(entity, true);
}

fn screen(browser: &Session) -> String {
    let mut terminal = Terminal::new(TestBackend::new(browser.size.0, browser.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(browser, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn filter_as_you_type_then_open_and_come_back_to_the_same_row() {
    let mut b = browser(120, 30);
    assert!(b.view().is_library());
    assert_eq!(b.table().rows().len(), 35);
    typed(&mut b, "paris");
    assert_eq!(b.table().rows().len(), 3);
    b.press(Action::Open); // Enter keeps the filter and stops typing
    assert!(!b.table().is_typing());
    b.press(Action::Down);
    assert_eq!(current_id(&b), "05PARIS2333");
    b.press(Action::Open);
    assert!(b.view().reader().is_some());
    assert_eq!(reader_id(&b), "05PARIS2333");
    b.press(Action::Back);
    assert!(b.view().is_library());
    assert_eq!(b.table().query().text, "paris");
    assert_eq!(current_id(&b), "05PARIS2333");
    // Backspace widens again; Esc clears.
    b.press(Action::Filter);
    b.press(Message::Backspace);
    assert_eq!(b.table().query().text, "pari");
    b.press(Action::Cancel);
    b.press(Action::Cancel);
    assert_eq!(b.table().rows().len(), 35);
    assert_eq!(
        current_id(&b),
        "05PARIS2333",
        "the cursor stays on its cable"
    );
}

#[test]
fn sort_and_facet_filters() {
    let mut b = browser(120, 30);
    b.press(Action::NextSort);
    assert_eq!(b.table().query().sort, Column::Date);
    b.press(Action::Reverse);
    assert!(b.table().query().descending);
    b.press(Action::Top);
    assert!(current_id(&b).starts_with("10"));
    b.press(Action::NextClassification);
    assert_eq!(
        b.table().query().classification,
        Some(Classification::Unclassified)
    );
    assert_eq!(b.table().rows().len(), 8);
    b.press(Action::NextTag);
    assert_eq!(b.table().query().tag.as_deref(), Some("PREL"));
    assert!(
        b.table()
            .rows()
            .iter()
            .all(|&c| b.library.tags_of(c).contains(&"PREL".into()))
    );
}

#[test]
fn follow_an_entity_to_another_cable_and_jump_back() {
    let mut b = browser(120, 40);
    open_sample_and_select(&mut b, "Hezbollah");
    b.press(Action::OtherCables);
    let list = b.cable_list().unwrap();
    assert_eq!(list.title, "Hezbollah in 2 other cables");
    assert!(
        list.items[0].text.starts_with("08RIYADH768"),
        "{:?}",
        list.items
    );
    b.press(Action::Open);
    assert_eq!(reader_id(&b), "08RIYADH768");
    let app = &b.reader().unwrap();
    let selected = &app.cable().entities[app.selected().unwrap()];
    assert_eq!(selected.name.to_lowercase(), "hezbollah");
    b.press(Action::JumpBack);
    assert_eq!(reader_id(&b), "05PARIS2333");
    b.press(Action::JumpForward);
    assert_eq!(reader_id(&b), "08RIYADH768");
}

#[test]
fn jumping_back_restores_the_focus_and_the_mention_cursor() {
    let mut b = browser(120, 40);
    open_sample_and_select(&mut b, "Hezbollah");
    b.press(Action::NextMatch);
    b.press(Action::NextMatch);
    b.press(Action::FocusNext);
    let app = &b.reader().unwrap();
    let (focus, cursor, top) = (app.focus(), app.mention_cursor(), app.top());
    assert!(cursor.is_some_and(|c| c > 0), "{cursor:?}");
    b.press(Action::OtherCables);
    b.press(Action::Open);
    assert_eq!(reader_id(&b), "08RIYADH768");
    b.press(Action::JumpBack);
    assert_eq!(reader_id(&b), "05PARIS2333");
    let app = &b.reader().unwrap();
    assert_eq!(
        (app.focus(), app.mention_cursor(), app.top()),
        (focus, cursor, top)
    );
}

#[test]
fn ref_links_and_cited_by_are_followable() {
    let mut b = browser(120, 40);
    typed(&mut b, "05paris2333");
    b.press(Action::Open);
    b.press(Action::Open);
    b.press(Action::References);
    let list = b.cable_list().unwrap();
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].text, "REF B. 04 PARIS 8983 → 04PARIS8983");
    b.press(Action::Open);
    assert_eq!(reader_id(&b), "04PARIS8983");
    b.press(Action::References);
    assert_eq!(
        b.cable_list().unwrap().items[0].text,
        "cited by 05PARIS2333"
    );
    b.press(Action::Cancel);
    assert!(b.cable_list().is_none());
    // Reader keys still reach the reader.
    assert!(b.press(Action::Quit).contains(&Effect::Quit));
}

#[test]
fn skipped_screen_and_loading_screen() {
    let mut b = browser(80, 12);
    b.press(Action::Skipped);
    assert!(matches!(b.overlay(), Some(Overlay::Skipped(_))));
    assert!(screen(&b).contains("skipped (esc returns)"));
    b.press(Action::Cancel);
    assert!(b.view().is_library());
    let loading = Session::loading(None, ReaderOptions::default());
    assert!(loading.view().is_loading());
    assert!(screen(&loading).contains("Looking for cables"));
    assert!(screen(&loading).contains("q quits"));
}

#[test]
fn the_skipped_report_scrolls_with_the_library_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/05PARIS2333.txt"),
        dir.path().join("05PARIS2333.txt"),
    )
    .unwrap();
    for n in 0..30 {
        std::fs::write(dir.path().join(format!("empty{n:02}.txt")), "").unwrap();
    }
    let library = Library::load(
        &[dir.path().to_path_buf()],
        &|_| {},
        &AtomicBool::new(false),
    );
    let mut b = Session::new(library, ReaderOptions::default());
    b.press(Message::Resize(80, 12));
    b.press(Action::Skipped);
    // Ten rows inside the border.
    assert!(
        screen(&b).contains("30 files skipped, 1–10"),
        "{}",
        screen(&b)
    );
    assert!(screen(&b).contains("empty00.txt"));
    let down =
        ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('j'));
    let command = b.action_for_key(&down).expect("j moves in the report");
    b.press(command);
    assert!(screen(&b).contains("30 files skipped, 2–11"));
    assert!(!screen(&b).contains("empty00.txt"));
    b.press(Action::Bottom);
    assert!(screen(&b).contains("30 files skipped, 21–30"));
    assert!(screen(&b).contains("empty29.txt"));
    b.press(Action::PageDown);
    assert!(
        screen(&b).contains("21–30"),
        "scrolling stops at the last row"
    );
    b.press(Action::Top);
    assert!(screen(&b).contains("1–10"));
    b.press(Action::Cancel);
    assert!(b.view().is_library());
}

#[test]
fn snapshot_library_view() {
    let b = browser(120, 20);
    insta::assert_snapshot!("library_120x20", screen(&b));
}

#[test]
fn snapshot_library_filtered_and_sorted() {
    let mut b = browser(100, 12);
    typed(&mut b, "hez");
    b.press(Action::NextSort);
    insta::assert_snapshot!("library_filtered_100x12", screen(&b));
}

#[test]
fn snapshot_other_cables_overlay() {
    let mut b = browser(100, 24);
    open_sample_and_select(&mut b, "Paris");
    b.press(Action::OtherCables);
    insta::assert_snapshot!("library_others_100x24", screen(&b));
}

#[test]
fn any_size_renders_without_panic() {
    const SIZES: [(u16, u16); 8] = [
        (1, 1),
        (19, 4),
        (20, 5),
        (21, 6),
        (40, 10),
        (60, 20),
        (80, 24),
        (300, 100),
    ];
    let mut b = browser(1, 1);
    let every_size = |b: &mut Session| {
        for (w, h) in SIZES {
            b.press(Message::Resize(w, h));
            let _ = screen(b);
        }
    };
    every_size(&mut b);
    b.press(Action::Help);
    every_size(&mut b);
    b.press(Action::Help);
    // The reader with header links, the list over it, and its help.
    b.press(Message::Resize(120, 40));
    open_id(&mut b, "05PARIS2333");
    every_size(&mut b);
    b.press(Action::References);
    every_size(&mut b);
    b.press(Action::Cancel);
    b.press(Action::Help);
    every_size(&mut b);
}

#[test]
fn snapshot_reader_with_links_and_cross_counts() {
    let mut b = browser(120, 30);
    open_sample_and_select(&mut b, "Hezbollah");
    let text = screen(&b);
    assert!(text.contains(" 2 other cables · x "), "{text}");
    assert!(text.contains("B. 04 PARIS 8983 → 04PARIS8983"), "{text}");
    insta::assert_snapshot!("library_reader_120x30", text);
}

#[test]
fn narrowing_while_typing_matches_a_full_filter_at_every_keystroke() {
    let mut b = browser(120, 30);
    b.press(Action::NextSort); // by date, so order matters too
    b.press(Action::Filter);
    for c in "french terror ".chars() {
        b.press(Message::Type(c));
        let full = b.library.view(b.table().query());
        assert_eq!(
            b.table().rows(),
            full,
            "after typing {:?}",
            b.table().query().text
        );
    }
    assert!(!b.table().rows().is_empty());
}

#[test]
fn loading_screen_polls_the_background_load_until_the_library_is_ready() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let loader = cableview::library::LoadHandle::spawn(vec![dir]);
    let mut b = Session::loading(Some(loader), ReaderOptions::default());
    b.press(Message::Resize(80, 12));
    // Keys other than q do nothing while loading.
    b.press(Action::Open);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while b.view().is_loading() {
        assert!(
            std::time::Instant::now() < deadline,
            "the load did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        b.press(Message::Tick);
    }
    assert!(b.view().is_library());
    assert_eq!(b.library.len(), 34);
    assert!(screen(&b).contains("34 of 34 cables"));
}

fn terminal(browser: &Session) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(browser.size.0, browser.size.1)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(browser, frame.area()))
        .unwrap();
    terminal
}

/// Where `text` first appears on screen: (column, row).
fn find(terminal: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).find_map(|y| {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        let byte = row.find(text)?;
        Some((u16::try_from(row[..byte].chars().count()).ok()?, y))
    })
}

fn open_id(b: &mut Session, id: &str) {
    typed(b, &id.to_lowercase());
    b.press(Action::Open);
    b.press(Action::Open);
    assert_eq!(reader_id(b), id);
}

#[test]
fn snapshot_header_with_ref_links_and_cited_by() {
    let mut b = browser(120, 30);
    open_id(&mut b, "04PARIS8983");
    let t = terminal(&b);
    let text = t.backend().to_string();
    let header: Vec<&str> = text.lines().take(5).collect();
    insta::assert_snapshot!("library_header_links_120x30", header.join("\n"));
    // Cited by 05PARIS2333, drawn as a link.
    let (x, y) = find(&t, "05PARIS2333").expect("the cited-by link");
    let cell = &t.backend().buffer()[(x, y)];
    assert!(
        cell.modifier.contains(Modifier::UNDERLINED),
        "links are underlined: {cell:?}"
    );
    assert_eq!(cell.fg, colour(b.theme.ui.link.fg.unwrap()));

    let mut b = browser(120, 30);
    open_id(&mut b, "05PARIS2333");
    let t = terminal(&b);
    let text = t.backend().to_string();
    let header: Vec<&str> = text.lines().take(5).collect();
    insta::assert_snapshot!("library_header_ref_links_120x30", header.join("\n"));
    // REF A (STATE 60796) is not in the library: plain text, not a link.
    let (x, y) = find(&t, "STATE 60796").expect("REF A");
    let cell = &t.backend().buffer()[(x, y)];
    assert!(!cell.modifier.contains(Modifier::UNDERLINED), "{cell:?}");
    let (x, y) = find(&t, "04 PARIS 8983").expect("REF B");
    assert!(
        t.backend().buffer()[(x, y)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn a_click_on_a_header_link_opens_that_cable_and_ctrl_o_comes_back() {
    let mut b = browser(120, 30);
    open_id(&mut b, "05PARIS2333");
    b.press(Message::GoTo("3".into()));
    let before = b.reader().unwrap().position();
    let t = terminal(&b);
    let (x, y) = find(&t, "→ 04PARIS8983").expect("the REF link");
    // A click on the separator before a link is not a click on it.
    let (sep, _) = find(&t, " · B. 04").expect("the separator");
    b.press(Message::Mouse(Mouse::Click(sep, y)));
    assert_eq!(reader_id(&b), "05PARIS2333");
    b.press(Message::Mouse(Mouse::Click(x + 5, y)));
    assert_eq!(reader_id(&b), "04PARIS8983");
    assert_eq!(
        b.jumps.last().map(|j| j.position.paragraph),
        Some(3),
        "the place left is on the jump list"
    );

    // Its header says who cites it; a click there goes back the other way.
    let t = terminal(&b);
    let (x, y) = find(&t, "Cited by 05PARIS2333").expect("cited by");
    b.press(Action::JumpBack);
    assert_eq!(reader_id(&b), "05PARIS2333");
    assert_eq!(b.reader().unwrap().position(), before);
    b.press(Action::JumpForward);
    assert_eq!(reader_id(&b), "04PARIS8983");
    b.press(Message::Mouse(Mouse::Click(x + 10, y)));
    assert_eq!(reader_id(&b), "05PARIS2333");
}

#[test]
fn the_help_lists_the_library_keys() {
    let mut b = browser(120, 40);
    b.press(Action::Help);
    let text = screen(&b);
    insta::assert_snapshot!("library_help_120x40", text);
    b.press(Action::Cancel);
    assert!(!screen(&b).contains("sort by the next column"));

    // The reader's help, in a library, adds the moves between cables.
    open_id(&mut b, "05PARIS2333");
    b.press(Action::Help);
    let app = &b.reader().unwrap();
    let lines = cableview::session::help::reader_lines(&app.options().keymap, app.in_library());
    let keys = |what: &str| {
        lines.iter().find_map(|row| match row {
            HelpRow::Binding { keys, doc } if doc.starts_with(what) => Some(keys.clone()),
            _ => None,
        })
    };
    assert_eq!(keys("jump forward").as_deref(), Some("ctrl-i, ctrl-n"));
    assert_eq!(keys("jump back").as_deref(), Some("ctrl-o"));
    assert_eq!(keys("the other cables naming").as_deref(), Some("x"));
    assert!(lines.contains(&HelpRow::Heading("Library: between cables".to_string())));
    // Alone, the reader's help has none of them.
    let alone = cableview::session::reader::Reader::new(
        cableview::input::sample(),
        ReaderOptions::default(),
    );
    assert!(
        !cableview::session::help::reader_lines(&alone.options().keymap, alone.in_library())
            .iter()
            .any(
                |row| matches!(row, HelpRow::Binding { doc, .. } if doc.starts_with("jump forward"))
            )
    );
}

#[test]
fn many_citing_cables_are_cut_to_what_fits() {
    use cableview::session::reader::{CableLink, Links};
    let mut b = browser(80, 24);
    open_id(&mut b, "04PARIS8983");
    // What they lead to does not matter here, only their IDs.
    let any = b
        .library
        .find_id(&cableview::cable::CableId::new("05PARIS2333"))
        .unwrap();
    let app = &mut b.reader_mut().unwrap();
    let mut links = app.links().cloned().unwrap_or_else(Links::default);
    links.cited_by = (0..40)
        .map(|i| CableLink {
            cable: any,
            id: format!("09STATE{i:05}"),
        })
        .collect();
    app.set_links(links);
    let t = terminal(&b);
    let text = t.backend().to_string();
    let row = text
        .lines()
        .find(|l| l.contains("Cited by"))
        .expect("the cited-by row")
        .trim_matches('"')
        .trim_end()
        .to_string();
    assert!(row.ends_with("more · R"), "{row}");
    assert!(row.contains("09STATE00000, 09STATE00001"), "{row}");
    let shown = row.matches("09STATE").count();
    assert!(row.contains(&format!("+{} more", 40 - shown)), "{row}");
}

#[test]
fn other_cables_without_a_selection_says_so_in_the_reader() {
    let mut b = browser(120, 30);
    open_id(&mut b, "05PARIS2333");
    b.press(Action::OtherCables);
    assert!(b.cable_list().is_none());
    let text = screen(&b);
    assert!(
        text.contains("select an entity first (enter on one in the sidebar)"),
        "{text}"
    );
    // Back on the table, the message does not linger.
    b.press(Action::Back);
    assert!(!screen(&b).contains("select an entity first"));
}

#[test]
fn an_entity_no_other_cable_names_offers_no_list() {
    let mut b = browser(120, 30);
    open_id(&mut b, "04PARIS8983");
    b.press(Action::Filter);
    for c in "medya".chars() {
        b.press(Message::Type(c));
    }
    b.press(Action::Activate);
    let text = screen(&b);
    assert!(text.contains("Medya: in no other cable "), "{text}");
    assert!(text.contains(" no other cable ─"), "{text}");
    assert!(!text.contains("to list"), "{text}");
}

#[test]
fn a_theme_chosen_in_the_reader_stays_for_the_table_and_the_next_cable() {
    let mut b = browser(120, 40);
    let first_background = |b: &Session| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&*b, frame.area()))
            .unwrap();
        terminal.backend().buffer().clone()
    };
    let table_before = first_background(&b);
    b.press(Action::Open);
    assert!(b.view().reader().is_some());
    // `t` asks the loop for the next theme; the loop loads it and hands it back.
    let effects = b.press(Action::NextTheme);
    let Some(Effect::NextTheme { after }) = effects.first() else {
        panic!("expected the next theme asked for, got {effects:?}");
    };
    assert_eq!(after, "default");
    let chosen = b.theme.name.clone();
    assert_ne!(chosen, "default");
    let default = cableview::theme::Theme::builtin("default").unwrap();
    // The reader's status line is drawn in the theme chosen.
    let status_style = |b: &Session| first_background(b)[(0, 39)].style();
    assert_eq!(status_style(&b).bg, b.theme.ui.status.bg.map(colour));
    assert_ne!(b.theme.ui.status.bg, default.ui.status.bg);
    b.press(Action::Back);
    assert_eq!(b.theme.name, chosen, "the table takes the reader's theme");
    assert_ne!(
        first_background(&b),
        table_before,
        "the table is drawn in it"
    );
    b.press(Action::Down);
    b.press(Action::Open);
    assert!(b.view().reader().is_some());
    assert_eq!(b.theme.name, chosen, "the next cable opens in it");
    assert_eq!(status_style(&b).bg, b.theme.ui.status.bg.map(colour));
}
