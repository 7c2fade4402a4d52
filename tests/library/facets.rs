//! The facets pane of a corpus index's library: keys move over the values (never the
//! headings), `enter` gives the clause that narrows the query, new facets keep the cursor
//! on its value, and the pane draws at the widths a side pane gets.

use cableview::cable::EntityKind;
use cableview::search_index::Facets;
use cableview::session::action::Action;
use cableview::session::facets::{FacetsPane, Row, Section};
use cableview::session::keymap::{Key, Keymap};
use cableview::theme::Theme;
use cableview::ui::facets::FacetsView;
use cableview::ui::theme::styled;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn values(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(n, c)| ((*n).to_string(), *c)).collect()
}

/// Facets as a query over the release might give them: counts in the thousands, a long
/// origin, a wide-character name and one with an escape sequence in it.
fn facets() -> Facets {
    Facets {
        total: 251_287,
        classification: values(&[
            ("UNCLASSIFIED", 133_887),
            ("CONFIDENTIAL", 97_070),
            ("SECRET", 20_330),
        ]),
        origin: values(&[
            ("Secretary of State", 8_017),
            ("Embassy Paris", 2_451),
            ("Consulate Rio De Janeiro Branch Office", 204),
        ]),
        year: values(&[("2005", 15_800), ("2009", 39_105)]),
        tag: values(&[("PREL", 96_128), ("PTER", 19_421)]),
        entities: vec![
            (
                EntityKind::Per,
                values(&[("Djamel Beghal", 12), ("Nicolas Sarkozy", 9)]),
            ),
            (EntityKind::Org, values(&[("Hezbollah", 1_532)])),
            (
                EntityKind::Loc,
                values(&[("東京都 (Tokyo Metropolis)", 3), ("Paris", 2_993)]),
            ),
            (
                EntityKind::Misc,
                values(&[("Evil\u{1b}]0;pwned\u{7}Name", 1)]),
            ),
        ],
    }
}

/// Presses a key as the library's keymap binds it; returns what the pane gave.
fn press(pane: &mut FacetsPane, key: &str) -> Option<String> {
    let action = Keymap::default()
        .library_action(&Key::parse(key).unwrap())
        .unwrap_or_else(|| panic!("{key} is bound in the library"));
    pane.apply(&action)
}

fn selected(pane: &FacetsPane) -> (Section, String) {
    let (section, name, _) = pane.selected().expect("a value under the cursor");
    (section.clone(), name.to_string())
}

fn draw(pane: &FacetsPane, width: u16, height: u16, focused: bool) -> Terminal<TestBackend> {
    let theme = styled(&Theme::builtin("default").unwrap());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let view = FacetsView {
                pane,
                theme: &theme,
                focused,
            };
            frame.render_widget(view, frame.area());
        })
        .unwrap();
    terminal
}

fn screen(pane: &FacetsPane, width: u16, height: u16) -> String {
    draw(pane, width, height, true).backend().to_string()
}

#[test]
fn moving_goes_over_the_values_and_never_a_heading() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(8);
    let value_rows: Vec<usize> = (0..pane.rows().len())
        .filter(|&r| matches!(pane.rows()[r], Row::Value { .. }))
        .collect();
    assert_eq!(pane.cursor_row(), value_rows[0], "on the first value");
    let mut visited = vec![pane.cursor_row()];
    for _ in 0..value_rows.len() + 3 {
        press(&mut pane, "j");
        if pane.cursor_row() != *visited.last().unwrap() {
            visited.push(pane.cursor_row());
        }
    }
    assert_eq!(visited, value_rows, "down stops on every value, in order");
    for _ in 0..value_rows.len() + 3 {
        press(&mut pane, "k");
        assert!(pane.selected().is_some(), "{}", pane.cursor_row());
    }
    assert_eq!(
        pane.cursor_row(),
        value_rows[0],
        "up stops at the first value"
    );
    press(&mut pane, "G");
    assert_eq!(pane.cursor_row(), *value_rows.last().unwrap());
    press(&mut pane, "g");
    assert_eq!(pane.cursor_row(), value_rows[0]);
    for _ in 0..6 {
        press(&mut pane, "pagedown");
        assert!(pane.selected().is_some(), "a page lands on a value");
    }
    assert_eq!(pane.cursor_row(), *value_rows.last().unwrap());
    // Up from the first value of a section goes to the last of the one above.
    press(&mut pane, "g");
    for _ in 0..3 {
        press(&mut pane, "j");
    }
    assert_eq!(
        selected(&pane),
        (Section::Origin, "Secretary of State".into())
    );
    press(&mut pane, "k");
    assert_eq!(selected(&pane), (Section::Classification, "SECRET".into()));
}

#[test]
fn enter_gives_the_clause_of_the_value_under_the_cursor() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(8);
    assert_eq!(
        press(&mut pane, "enter").as_deref(),
        Some("class=UNCLASSIFIED")
    );
    let mut clauses = Vec::new();
    loop {
        assert_eq!(press(&mut pane, "j"), None, "a move gives no clause");
        clauses.push(press(&mut pane, "enter").expect("every value has a clause"));
        if pane.cursor_row() + 1 == pane.rows().len() {
            break;
        }
    }
    for expected in [
        "origin=\"Embassy Paris\"",
        "year=2005",
        "tag=PTER",
        "per=\"Djamel Beghal\"",
        "org=Hezbollah",
        "loc=\"東京都 (Tokyo Metropolis)\"",
        "misc=\"Evil\u{1b}]0;pwned\u{7}Name\"",
    ] {
        assert!(
            clauses.iter().any(|c| c == expected),
            "{expected} in {clauses:?}"
        );
    }
    assert_eq!(pane.apply(&Action::Open), pane.selected_clause());
    let empty = FacetsPane::new(Facets::default());
    assert_eq!(empty.clone().apply(&Action::Open), None, "nothing to pick");
    assert!(empty.rows().is_empty());
}

#[test]
fn new_facets_keep_the_cursor_on_its_value() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(6);
    while selected(&pane).1 != "Nicolas Sarkozy" {
        press(&mut pane, "j");
    }
    // A narrower query: fewer levels and origins above, the name further down its list.
    let mut narrower = facets();
    narrower.total = 40;
    narrower.classification.truncate(1);
    narrower.origin.clear();
    narrower.entities[0].1 = values(&[("Jacques Chirac", 30), ("Nicolas Sarkozy", 7)]);
    pane.set(narrower.clone());
    assert_eq!(
        pane.selected()
            .map(|(s, n, c)| (s.clone(), n.to_string(), c)),
        Some((
            Section::Entity(EntityKind::Per),
            "Nicolas Sarkozy".to_string(),
            7
        ))
    );
    assert_eq!(pane.total(), 40);
    let text = screen(&pane, 28, 8);
    assert!(
        text.contains("Nicolas Sarkozy"),
        "scrolled into view: {text}"
    );
    // Gone from its section: the section's first value; the section gone: the first.
    narrower.entities[0].1 = values(&[("Jacques Chirac", 30)]);
    pane.set(narrower.clone());
    assert_eq!(selected(&pane).1, "Jacques Chirac");
    narrower.entities[0].1.clear();
    pane.set(narrower);
    assert_eq!(selected(&pane).1, "UNCLASSIFIED");
}

#[test]
fn the_heading_of_the_top_value_stays_in_view() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(4);
    press(&mut pane, "G");
    while selected(&pane).1 != "PREL" {
        press(&mut pane, "k");
    }
    let text = screen(&pane, 28, 6);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].contains("TAG"), "{text}");
    assert!(lines[2].contains("PREL"), "{text}");
}

#[test]
fn the_pane_at_28_and_40_columns() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(26);
    insta::assert_snapshot!("facets_28x28", screen(&pane, 28, 28));
    insta::assert_snapshot!("facets_40x28", screen(&pane, 40, 28));
    for width in [24, 28, 33, 40] {
        let text = screen(&pane, width, 28);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(
            text.contains("133,887"),
            "counts keep their columns: {text}"
        );
    }
}

#[test]
fn a_short_pane_scrolls_with_the_cursor() {
    let mut pane = FacetsPane::new(facets());
    pane.set_height(6);
    for _ in 0..9 {
        press(&mut pane, "j");
    }
    assert_eq!(selected(&pane).1, "PTER");
    insta::assert_snapshot!("facets_scrolled_28x8", screen(&pane, 28, 8));
}

#[test]
fn the_cursor_row_is_highlighted_only_when_focused() {
    let theme = styled(&Theme::builtin("default").unwrap());
    let mut pane = FacetsPane::new(facets());
    pane.set_height(10);
    press(&mut pane, "j");
    let row = u16::try_from(pane.cursor_row() - pane.offset()).unwrap() + 1;
    let cursor_style = |focused: bool| {
        let terminal = draw(&pane, 30, 12, focused);
        let buffer = terminal.backend().buffer().clone();
        (1..29).all(|x| {
            let cell = &buffer[(x, row)];
            cell.bg == theme.ui.cursor.bg.unwrap_or(cell.bg)
                && theme
                    .ui
                    .cursor
                    .add_modifier
                    .difference(cell.modifier)
                    .is_empty()
        })
    };
    assert!(
        theme.ui.cursor != theme.ui.text,
        "the theme marks the cursor"
    );
    assert!(cursor_style(true));
    assert!(!cursor_style(false));
}

#[test]
fn tiny_areas_draw_without_panicking() {
    let pane = FacetsPane::new(facets());
    let theme = styled(&Theme::builtin("default").unwrap());
    for (w, h) in [(0, 0), (1, 1), (2, 5), (3, 3), (10, 2), (24, 3)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        FacetsView {
            pane: &pane,
            theme: &theme,
            focused: true,
        }
        .render(area, &mut buf);
    }
    let none = FacetsPane::new(Facets::default());
    assert!(screen(&none, 28, 5).contains("no cable matches"));
}

#[test]
fn a_value_with_format_characters_keeps_its_count_and_border() {
    let mut facets = facets();
    facets.origin = values(&[
        ("Embassy\u{200b}Paris\u{feff}", 2_451),
        ("Soft\u{ad}Hyphen \u{1f468}\u{200d}\u{1f469}", 204),
    ]);
    let pane = FacetsPane::new(facets);
    let terminal = draw(&pane, 40, 20, true);
    let buffer = terminal.backend().buffer();
    let text = terminal.backend().to_string();
    for (value, count) in [
        ("Embassy\u{fffd}Paris\u{fffd}", "2,451"),
        ("Soft-Hyphen", "204"),
    ] {
        let y = (0..buffer.area.height)
            .find(|&y| row(buffer, y).contains(value))
            .unwrap_or_else(|| panic!("{value} is drawn:\n{text}"));
        let line = row(buffer, y);
        assert!(line.contains(count), "its count stays: {line}");
        assert_eq!(buffer[(39, y)].symbol(), "│", "its border stays: {line}");
    }
    let symbols: String = buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(
        !symbols.contains(['\u{200b}', '\u{feff}', '\u{ad}', '\u{200d}']),
        "no format character reaches a cell:\n{text}"
    );
}

/// Row `y` of a buffer as text.
fn row(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}
