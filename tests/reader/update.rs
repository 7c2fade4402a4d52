//! `Reader::update`: one test (or more) per action, against the bundled sample.

use cableview::cable::EntityKind;
use cableview::session::Effect;
use cableview::session::action::{Action, Mouse};
use cableview::session::layout;
use cableview::session::message::Message;
use cableview::session::reader::{EntityItem, Focus, Mode, Reader, ReaderOptions, ReadingPosition};

fn app_at(w: u16, h: u16) -> Reader {
    let mut app = Reader::new(cableview::input::sample(), ReaderOptions::default());
    app.update(Message::Resize(w, h));
    app
}

fn app() -> Reader {
    app_at(120, 40)
}

fn top(app: &Reader) -> usize {
    app.top_row(&app.doc_layout())
}

fn type_text(app: &mut Reader, text: &str) {
    for c in text.chars() {
        app.update(Message::Type(c));
    }
}

fn entity(app: &Reader, name: &str) -> usize {
    app.cable()
        .entities
        .iter()
        .position(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} in the sample"))
}

#[test]
fn quit_is_an_effect_for_the_loop() {
    let mut app = app();
    assert_eq!(app.update(Action::Down), []);
    assert_eq!(app.update(Action::Quit), [Effect::Quit]);
    assert_eq!(app.update(Message::Tick), [], "handed over once");
}

/// The text of the one [`Effect::Copy`] an update asked for.
fn copied(effects: Vec<Effect>) -> Option<String> {
    match effects.as_slice() {
        [] => None,
        [Effect::Copy { text, .. }] => Some(text.clone()),
        other => panic!("expected one copy, got {other:?}"),
    }
}

#[test]
fn focus_cycles_both_ways() {
    let mut app = app();
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Entities);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Navigator);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::FocusPrevious);
    assert_eq!(app.focus(), Focus::Navigator);
}

#[test]
fn down_and_up_scroll_the_reader_by_a_line() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(top(&app), 2);
    app.update(Action::Up);
    assert_eq!(top(&app), 1);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(top(&app), 0, "stops at the top");
}

#[test]
fn down_moves_the_focused_list_instead() {
    let mut app = app();
    app.update(Action::FocusPrevious); // navigator
    app.update(Action::Down);
    assert_eq!(app.current_block(), 1);
    app.update(Action::Down);
    assert_eq!(app.current_block(), 2);
    app.update(Action::Up);
    assert_eq!(app.current_block(), 1);

    let mut app = self::app();
    app.update(Action::FocusNext); // entities
    let first = app.entity_list().entity_at_cursor();
    app.update(Action::Down);
    assert_ne!(app.entity_list().entity_at_cursor(), first);
    app.update(Action::Up);
    assert_eq!(app.entity_list().entity_at_cursor(), first);
    assert_eq!(top(&app), 0, "the reader did not move");
}

#[test]
fn pages_and_half_pages() {
    let mut app = app();
    let height = app.view_height();
    app.update(Action::HalfPageDown);
    assert_eq!(top(&app), height / 2);
    app.update(Action::HalfPageUp);
    assert_eq!(top(&app), 0);
    app.update(Action::PageDown);
    assert_eq!(top(&app), height - 1);
    app.update(Action::PageUp);
    assert_eq!(top(&app), 0);
}

#[test]
fn top_and_bottom() {
    let mut app = app();
    app.update(Action::Bottom);
    let doc = app.doc_layout();
    assert_eq!(top(&app), doc.len() - app.view_height());
    app.update(Action::Top);
    assert_eq!(top(&app), 0);
}

#[test]
fn next_and_previous_paragraph() {
    let mut app = app();
    app.update(Action::NextParagraph);
    assert_eq!(app.current_block(), 1);
    assert_eq!(top(&app), app.doc_layout().text_rows[1]);
    app.update(Action::NextParagraph);
    app.update(Action::NextParagraph);
    assert_eq!(app.current_block(), 3);
    app.update(Action::PreviousParagraph);
    assert_eq!(app.current_block(), 2);
    app.update(Action::Down);
    app.update(Action::PreviousParagraph);
    assert_eq!(
        app.current_block(),
        2,
        "back to the start of the paragraph first"
    );
    assert_eq!(top(&app), app.doc_layout().text_rows[2]);
}

#[test]
fn go_to_puts_the_paragraph_first_line_at_the_top() {
    let mut app = app();
    app.update(Message::GoTo("5".into()));
    let doc = app.doc_layout();
    assert_eq!(top(&app), doc.text_rows[5]);
    let row = &doc.rows[top(&app)];
    let cableview::session::text_layout::RowKind::Text { bytes, first } = &row.kind else {
        panic!("a text row")
    };
    assert!(first);
    assert!(app.block_text(5)[bytes.clone()].starts_with("As noted in ref C"));
    app.update(Message::GoTo("7".into()));
    assert_eq!(
        app.current_block(),
        7,
        "the last paragraph can reach the top"
    );
    app.update(Message::GoTo("Z".into()));
    assert_eq!(app.notice(), Some("no paragraph ¶Z"));
    assert_eq!(app.current_block(), 7);
}

#[test]
fn digits_from_the_keymap_jump() {
    let app = app();
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(&key), Some(Message::GoTo("3".into())));
}

#[test]
fn the_prompt_jumps_to_a_label() {
    let mut app = app();
    app.update(Action::Prompt);
    assert_eq!(*app.mode(), Mode::Prompt(String::new()));
    type_text(&mut app, "64");
    app.update(Message::Backspace);
    assert_eq!(*app.mode(), Mode::Prompt("6".into()));
    app.update(Action::Activate);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(app.current_block(), 6);
    app.update(Action::Prompt);
    type_text(&mut app, "header");
    app.update(Action::Activate);
    assert_eq!(app.current_block(), 0);
    app.update(Action::Prompt);
    type_text(&mut app, "B");
    app.update(Action::Activate);
    assert_eq!(app.notice(), Some("no paragraph ¶B"));
    app.update(Action::Prompt);
    type_text(&mut app, "3");
    app.update(Action::Cancel);
    assert_eq!(*app.mode(), Mode::Normal);
    assert_eq!(app.current_block(), 0);
}

#[test]
fn search_matches_as_you_type_and_walks() {
    let mut app = app();
    app.update(Action::Search);
    assert_eq!(*app.mode(), Mode::Search);
    type_text(&mut app, "HEZB");
    let search = app.search().unwrap();
    assert_eq!(search.hits.len(), 8);
    assert!(search.hits.iter().all(|h| h.block == 5));
    assert_eq!(search.current, Some(0));
    assert!(
        (top(&app)..top(&app) + app.view_height())
            .contains(&app.doc_layout().row_of_byte(5, search.hits[0].bytes.start))
    );
    app.update(Action::Activate);
    assert_eq!(*app.mode(), Mode::Normal);
    app.update(Action::NextMatch);
    assert_eq!(app.search().unwrap().current, Some(1));
    app.update(Action::PreviousMatch);
    app.update(Action::PreviousMatch);
    assert_eq!(app.search().unwrap().current, Some(7), "wraps around");
    app.update(Action::Cancel);
    assert!(app.search().is_none());
}

#[test]
fn backspace_and_escape_in_search() {
    let mut app = app();
    app.update(Action::Search);
    type_text(&mut app, "zzq");
    assert!(app.search().unwrap().hits.is_empty());
    app.update(Message::Backspace);
    app.update(Message::Backspace);
    app.update(Message::Backspace);
    type_text(&mut app, "france");
    assert!(app.search().unwrap().hits.len() > 10);
    app.update(Action::Cancel);
    assert!(app.search().is_none());
    assert_eq!(*app.mode(), Mode::Normal);
}

#[test]
fn filter_narrows_the_sidebar_and_enter_selects() {
    let mut app = app();
    app.update(Action::Filter);
    assert_eq!((app.focus(), app.mode()), (Focus::Entities, &Mode::Filter));
    type_text(&mut app, "hez");
    let names: Vec<&str> = app
        .entity_list()
        .items
        .iter()
        .filter_map(|i| match i {
            EntityItem::Entity(e) => Some(app.cable().entities[*e].name.as_str()),
            EntityItem::Group { .. } => None,
        })
        .collect();
    assert!(names.contains(&"Hezbollah"), "{names:?}");
    assert!(!names.contains(&"France"), "{names:?}");
    app.update(Action::Activate);
    assert_eq!(app.selected(), Some(entity(&app, "Hezbollah")));
    assert_eq!(app.selected_mentions().len(), 8);
    assert_eq!(app.mention_cursor(), Some(0));
    assert_eq!(*app.mode(), Mode::Normal);
    let row = app.doc_layout().row_of_byte(
        5,
        app.block_mentions(5)[app.selected_mentions()[0].1]
            .bytes
            .start,
    );
    assert!(
        (top(&app)..top(&app) + app.view_height()).contains(&row),
        "the first mention is in view"
    );
}

#[test]
fn escape_in_the_filter_clears_it() {
    let mut app = app();
    let all = app.entity_list().items.len();
    app.update(Action::Filter);
    type_text(&mut app, "hez");
    assert!(app.entity_list().items.len() < all);
    app.update(Action::Cancel);
    assert_eq!(app.entity_list().items.len(), all);
    assert!(app.entity_list().filter.is_empty());
}

#[test]
fn activate_on_an_entity_selects_it_and_n_walks_its_mentions() {
    let mut app = app();
    app.update(Action::FocusNext);
    let hezbollah = entity(&app, "Hezbollah");
    while app.entity_list().entity_at_cursor() != Some(hezbollah) {
        app.update(Action::Down);
    }
    app.update(Action::Activate);
    assert_eq!(app.selected(), Some(hezbollah));
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.mention_cursor(), Some(2));
    app.update(Action::PreviousMatch);
    assert_eq!(app.mention_cursor(), Some(1));
    app.update(Action::Cancel);
    assert_eq!(app.selected(), None);
}

#[test]
fn activate_in_the_navigator_focuses_the_reader() {
    let mut app = app();
    app.update(Action::FocusPrevious);
    app.update(Action::Activate);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn n_with_nothing_to_walk_says_so() {
    let mut app = app();
    app.update(Action::NextMatch);
    assert!(app.notice().unwrap().starts_with("nothing to walk"));
}

#[test]
fn kinds_hide_and_show() {
    let mut app = app();
    for (action, kind) in [
        (Action::TogglePer, EntityKind::Per),
        (Action::ToggleOrg, EntityKind::Org),
        (Action::ToggleLoc, EntityKind::Loc),
        (Action::ToggleMisc, EntityKind::Misc),
    ] {
        app.update(action.clone());
        assert!(app.hidden().contains(&kind));
        assert_eq!(
            app.notice(),
            Some(format!("{} hidden", kind.label()).as_str())
        );
        app.update(action);
        assert!(!app.hidden().contains(&kind));
    }
}

#[test]
fn source_view_toggles_and_starts_at_the_paragraph() {
    let mut app = app();
    app.update(Message::GoTo("5".into()));
    app.update(Action::SourceView);
    assert!(app.source_view());
    let line = app.cable().paragraphs[4].source_lines.start;
    assert!(app.source_top() > 0);
    assert!(app.source_line(line).contains("As noted in ref C"));
    app.update(Action::Down);
    app.update(Action::SourceView);
    assert!(!app.source_view());
    assert_eq!(app.current_block(), 5, "the reading position is kept");
    app.update(Action::SourceView);
    app.update(Action::Cancel);
    assert!(!app.source_view());
}

#[test]
fn marks_set_and_jump() {
    let mut app = app();
    app.update(Message::GoTo("3".into()));
    app.update(Action::SetMark);
    assert_eq!(*app.mode(), Mode::Mark(true));
    app.update(Message::Type('a'));
    assert_eq!(app.notice(), Some("mark a set at ¶3"));
    app.update(Message::GoTo("6".into()));
    app.update(Action::JumpToMark);
    app.update(Message::Type('a'));
    assert_eq!(app.current_block(), 3);
    app.update(Action::JumpToMark);
    app.update(Message::Type('z'));
    assert_eq!(app.notice(), Some("no mark z"));
}

#[test]
fn sidebars_toggle_and_fold_when_narrow() {
    let mut app = app();
    assert!(app.navigator_visible(120) && app.entities_visible(120));
    app.update(Action::ToggleNavigator);
    app.update(Action::ToggleEntities);
    assert!(!app.navigator_visible(120) && !app.entities_visible(120));

    let mut narrow = app_at(80, 24);
    let panes = layout::panes(narrow.area(), &narrow);
    assert_eq!((panes.navigator, panes.entities), (None, None));
    narrow.update(Action::ToggleEntities);
    assert!(layout::panes(narrow.area(), &narrow).entities.is_some());
}

#[test]
fn resizing_keeps_the_paragraph_in_view() {
    let mut app = app();
    app.update(Message::GoTo("5".into()));
    for (w, h) in [(60, 20), (300, 100), (1, 1), (500, 200), (120, 40)] {
        app.update(Message::Resize(w, h));
        assert_eq!(app.current_block(), 5, "at {w}x{h}");
    }
    assert_eq!(top(&app), app.doc_layout().text_rows[5]);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let panes = layout::panes(app.area(), &app);
    app.update(Message::Mouse(Mouse::WheelDown(
        panes.reader.x + 5,
        panes.reader.y + 5,
    )));
    assert_eq!(top(&app), 3);
    let nav = panes.navigator.unwrap();
    let block = app.current_block();
    app.update(Message::Mouse(Mouse::WheelDown(nav.x + 2, nav.y + 2)));
    assert_eq!(app.current_block(), block + 1);
    let ent = panes.entities.unwrap();
    let before = app.entity_list().cursor;
    app.update(Message::Mouse(Mouse::WheelDown(ent.x + 2, ent.y + 4)));
    assert_ne!(app.entity_list().cursor, before);
    assert_eq!(app.focus(), Focus::Reader, "the wheel does not move focus");
}

#[test]
fn clicking_a_navigator_row_jumps_there() {
    let mut app = app();
    let nav = layout::inner(layout::panes(app.area(), &app).navigator.unwrap());
    let row = app.nav_row_of_block(3).expect("paragraph 3");
    app.update(Message::Mouse(Mouse::Click(
        nav.x + 1,
        nav.y + u16::try_from(row).unwrap(),
    )));
    assert_eq!(app.current_block(), 3);
    assert_eq!(app.focus(), Focus::Navigator);
}

#[test]
fn clicking_an_entity_selects_it() {
    let mut app = app();
    let pane = layout::panes(app.area(), &app).entities.unwrap();
    let list = layout::entities_geometry(pane).list;
    let gof = entity(&app, "GOF");
    let index = app
        .entity_list()
        .items
        .iter()
        .position(|i| *i == EntityItem::Entity(gof))
        .unwrap();
    let offset = layout::list_offset(
        app.entity_list().cursor,
        app.entity_list().items.len(),
        usize::from(list.height),
    );
    assert!(
        index >= offset && index < offset + usize::from(list.height),
        "GOF is on screen"
    );
    app.update(Message::Mouse(Mouse::Click(
        list.x + 3,
        list.y + u16::try_from(index - offset).unwrap(),
    )));
    assert_eq!(app.selected(), Some(gof));
}

#[test]
fn clicking_a_mention_selects_its_entity() {
    let mut app = app();
    app.update(Message::GoTo("5".into()));
    let doc = app.doc_layout();
    let text = app.reader_geometry(app.area()).text;
    let (index, mention) = app
        .block_mentions(5)
        .iter()
        .enumerate()
        .find(|(_, m)| m.text == "Hezbollah")
        .unwrap();
    let row = doc.row_of_byte(5, mention.bytes.start);
    let cableview::session::text_layout::RowKind::Text { bytes, .. } = &doc.rows[row].kind else {
        panic!()
    };
    let column = cableview::sanitize::width(&app.block_text(5)[bytes.start..mention.bytes.start]);
    let y = text.y + u16::try_from(row - top(&app)).unwrap();
    app.update(Message::Mouse(Mouse::Click(
        text.x + u16::try_from(column).unwrap() + 2,
        y,
    )));
    assert_eq!(app.selected(), Some(entity(&app, "Hezbollah")));
    assert_eq!(
        app.mention_cursor(),
        Some(
            app.selected_mentions()
                .iter()
                .position(|&m| m == (5, index))
                .unwrap()
        )
    );
}

#[test]
fn positions_save_and_restore() {
    let mut app = app();
    app.update(Message::GoTo("4".into()));
    app.update(Action::Down);
    app.update(Action::TogglePer);
    app.update(Action::SetMark);
    app.update(Message::Type('q'));
    app.select_entity(entity(&app, "Hezbollah"), false);
    let saved = app.position();
    // Rows count from the block's first row: the blank before ¶4, its first line, one down.
    assert_eq!((saved.paragraph, saved.row), (4, 2));
    assert_eq!(saved.entity.as_ref().unwrap().name, "Hezbollah");
    assert_eq!(saved.hidden_kinds, ["PER"]);

    let mut fresh = self::app();
    fresh.restore(&saved);
    assert_eq!(fresh.position(), saved);
    assert_eq!(top(&fresh), top(&app));

    let mut odd = self::app();
    odd.restore(&ReadingPosition {
        paragraph: 99,
        row: 99,
        ..ReadingPosition::default()
    });
    assert!(
        odd.current_block() < odd.block_count(),
        "out-of-range positions are clamped"
    );
}

#[test]
fn notices_show_until_the_next_key() {
    let mut app = app();
    app.notify("resumed at ¶4");
    app.update(Message::Resize(100, 30));
    app.update(Message::Tick);
    assert_eq!(app.notice(), Some("resumed at ¶4"));
    app.update(Action::Down);
    assert_eq!(app.notice(), None);
}

#[test]
fn typing_keys_go_to_the_prompt_not_the_keymap() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(&key('q')), Some(Action::Quit.into()));
    app.update(Action::Search);
    assert_eq!(app.action_for_key(&key('q')), Some(Message::Type('q')));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.action_for_key(&ctrl_c), Some(Action::Quit.into()));
}

#[test]
fn copy_paragraph_queues_the_quote_with_its_citation() {
    let mut app = app();
    app.update(Message::GoTo("2".into()));
    let quote = copied(app.update(Action::CopyParagraph)).expect("a quote is queued");
    assert!(
        quote.starts_with(
            "05PARIS2333 ¶2 (S/NF) · PARIS · GWOT ASSESSMENT: EMBASSY PARIS FEEDBACK\n\nEmbassy Paris comprises"
        ),
        "{quote}"
    );
    // The reader claims nothing: only the loop, having sent it, can say how it went.
    assert!(app.notice().is_none(), "{:?}", app.notice());
    let effects = app.update(Action::CopyParagraph);
    let [Effect::Copy { what, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(*what, format!("¶2 ({} characters)", quote.chars().count()));
    app.update(Action::Top);
    assert!(
        copied(app.update(Action::CopyParagraph))
            .unwrap()
            .starts_with("05PARIS2333 header: S E C R E T")
    );
}

#[test]
fn copy_mentions_needs_a_selected_entity() {
    let mut app = app();
    assert_eq!(copied(app.update(Action::CopyMentions)), None);
    assert!(app.notice().unwrap().contains("select an entity first"));
    app.update(Action::Filter);
    type_text(&mut app, "hez");
    app.update(Action::Activate);
    let effects = app.update(Action::CopyMentions);
    let [Effect::Copy { text, what }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(text.lines().count(), 8);
    assert_eq!(
        *what,
        format!(
            "8 mentions of Hezbollah ({} characters)",
            text.chars().count()
        )
    );
}

#[test]
fn a_page_in_the_sidebar_is_the_rows_the_sidebar_shows() {
    let mut app = app_at(120, 40);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Entities);
    let pane = layout::panes(app.area(), &app)
        .entities
        .expect("the sidebar shows at 120 columns");
    let rows = usize::from(layout::entities_geometry(pane).list.height);
    let entity_rows_before = |app: &Reader, cursor: usize| {
        app.entity_list().items[..cursor]
            .iter()
            .filter(|item| matches!(item, EntityItem::Entity(_)))
            .count()
    };
    let start = entity_rows_before(&app, app.entity_list().cursor);
    app.update(Action::PageDown);
    let moved = entity_rows_before(&app, app.entity_list().cursor) - start;
    assert_eq!(
        moved,
        rows - 1,
        "a page of the sidebar's {rows} rows, less one kept"
    );
}
