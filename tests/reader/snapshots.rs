//! Whole-screen snapshots of the reader at 120x40 and 80x24.

use crate::drive::{Driver, single};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;
use cableview::ui::theme::{colour, styled};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The sample in a session of its own, in `theme`, at `w`x`h`.
fn app(theme: &str, w: u16, h: u16) -> Driver {
    let options = ReaderOptions {
        theme: theme.into(),
        ..ReaderOptions::default()
    };
    single(cableview::input::sample(), options, w, h)
}

fn terminal(app: &Driver) -> Terminal<TestBackend> {
    app.terminal()
}

fn screen(app: &Driver) -> String {
    app.screen()
}

fn each_size(name: &str, setup: impl Fn(&mut Driver)) {
    for (w, h) in SIZES {
        let mut app = app("default", w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

#[test]
fn opening_screen() {
    each_size("opening", |_| {});
}

#[test]
fn after_pressing_5() {
    each_size("paragraph_5", |app| {
        app.press(Message::GoTo("5".into()));
    });
}

#[test]
fn filter_hez() {
    each_size("filter_hez", |app| {
        app.press(Action::Filter);
        for c in "hez".chars() {
            app.press(Message::Type(c));
        }
    });
}

#[test]
fn hezbollah_selected() {
    each_size("hezbollah_selected", |app| {
        app.press(Action::Filter);
        for c in "hezbollah".chars() {
            app.press(Message::Type(c));
        }
        app.press(Action::Activate);
        app.press(Action::NextMatch);
        app.press(Action::NextMatch);
    });
}

#[test]
fn help_overlay() {
    each_size("help", |app| {
        app.press(Action::Help);
    });
}

#[test]
fn mono_theme() {
    for (w, h) in SIZES {
        let mut app = app("mono", w, h);
        app.press(Message::GoTo("5".into()));
        let terminal = terminal(&app);
        insta::assert_snapshot!(format!("mono_{w}x{h}"), terminal.backend().to_string());
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "mono has no colour"
        );
        // Mentions differ by style alone: find "Hezbollah" and check its underline (ORG).
        let text = app.app().reader_geometry(app.app().area()).text;
        let cell = (text.y..text.bottom())
            .flat_map(|y| (text.x..text.right()).map(move |x| (x, y)))
            .find(|&(x, y)| {
                (0..9).all(|i| {
                    buffer
                        .cell((x + i, y))
                        .is_some_and(|c| c.symbol() == &"Hezbollah"[i as usize..=i as usize])
                })
            })
            .expect("Hezbollah on screen");
        let style = buffer.cell(cell).unwrap();
        assert!(
            style.modifier.contains(Modifier::UNDERLINED),
            "ORG is underlined in mono"
        );
    }
}

#[test]
fn default_theme_colours_mentions_by_kind() {
    let mut app = app("default", 120, 40);
    app.press(Message::GoTo("5".into()));
    let terminal = terminal(&app);
    let buffer = terminal.backend().buffer();
    let org = styled(&app.theme).kinds.org;
    let coloured = buffer
        .content()
        .iter()
        .filter(|c| c.fg == org.fg.unwrap() && c.modifier.contains(Modifier::UNDERLINED))
        .count();
    assert!(
        coloured >= "Hezbollah".len(),
        "ORG mentions carry colour and underline"
    );
}

#[test]
fn hidden_kinds_lose_their_highlights() {
    let mut app = app("default", 120, 40);
    app.press(Message::GoTo("5".into()));
    app.press(Action::ToggleOrg);
    let terminal = terminal(&app);
    let text = app.app().reader_geometry(app.app().area()).text;
    let org = colour(app.theme.kinds.org.fg.unwrap());
    let buffer = terminal.backend().buffer();
    let any_org =
        (text.y..text.bottom()).any(|y| (text.x..text.right()).any(|x| buffer[(x, y)].fg == org));
    assert!(!any_org, "no ORG colour left in the reader");
}

#[test]
fn control_characters_never_reach_a_cell() {
    let source = cableview::SAMPLE.replace(
        "As noted in ref C",
        "As noted \u{1b}]0;pwned\u{7}\u{9b}2J in ref C",
    );
    let cable = cableview::cable::parse(&source, "evil.txt").unwrap();
    let mut app = single(cable, ReaderOptions::default(), 120, 40);
    for setup in [
        Message::GoTo("5".into()),
        Message::Action(Action::SourceView),
    ] {
        app.press(setup);
        let terminal = terminal(&app);
        let symbols: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(symbols.contains('\u{241b}'), "ESC is shown as a symbol");
        assert!(
            !symbols.chars().any(|c| c.is_control()),
            "a control character reached the screen"
        );
    }
}

/// Zero-width and format characters: a terminal draws them as zero, one or two columns
/// (or breaks the line), so one that reached a cell moved the rest of its row.
const INVISIBLE: [char; 9] = [
    '\u{ad}',
    '\u{200b}',
    '\u{200c}',
    '\u{200d}',
    '\u{200e}',
    '\u{feff}',
    '\u{2028}',
    '\u{2029}',
    '\u{e0041}',
];

#[test]
fn format_characters_never_reach_a_cell() {
    let source = cableview::SAMPLE
        .replace(
            "As noted in ref C",
            "As noted co\u{ad}op \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} a\u{200b}b\u{feff}c\u{2028}d\u{2029}e\u{200e}\u{e0041} in ref C",
        )
        .replacen("[ORG USG  ]", "[ORG U\u{ad}S\u{200b}G\u{200d}\u{1f600}  ]", 1);
    let cable = cableview::cable::parse(&source, "evil.txt").unwrap();
    let mut app = single(cable, ReaderOptions::default(), 120, 40);
    for setup in [
        Message::GoTo("5".into()),
        Message::Action(Action::SourceView),
    ] {
        app.press(setup);
        let terminal = terminal(&app);
        let symbols: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(symbols.contains("co-op"), "a soft hyphen shows as a hyphen");
        assert!(symbols.contains('\u{fffd}'), "the others show as a mark");
        if let Some(c) = symbols.chars().find(|c| INVISIBLE.contains(c)) {
            panic!("{c:?} reached the screen:\n{}", app.screen());
        }
    }
}

#[test]
fn a_cable_without_entities_says_so_rather_than_no_match() {
    let page = include_bytes!("../fixtures/raw/09HAVANA132.html");
    let cable = cableview::cable::parse_bytes_with(
        page,
        "09HAVANA132.html",
        None,
        cableview::cable::Tagging::Off,
    )
    .unwrap();
    assert!(cable.entities.is_empty());
    let app = single(cable, ReaderOptions::default(), 120, 40);
    let text = screen(&app);
    assert!(text.contains("no entities here"));
    assert!(!text.contains("no entity matches"));
}

#[test]
fn light_paints_its_own_background_under_every_cell() {
    // On a dark terminal, a cell left to the terminal's background would show black
    // text on black.
    for (w, h) in SIZES {
        let mut app = app("light", w, h);
        app.press(Message::GoTo("5".into()));
        for action in [Action::Filter, Action::Help] {
            let terminal = terminal(&app);
            let buffer = terminal.backend().buffer();
            let bare = buffer
                .content()
                .iter()
                .filter(|c| c.bg == Color::Reset)
                .count();
            assert_eq!(bare, 0, "{w}x{h}: cells on the terminal's background");
            app.press(action);
        }
    }
}

#[test]
fn misc_mentions_in_default_are_not_dimmed() {
    let app = app("default", 120, 40);
    let terminal = terminal(&app);
    let buffer = terminal.backend().buffer();
    let misc = colour(app.theme.kinds.misc.fg.unwrap());
    let cells: Vec<_> = buffer.content().iter().filter(|c| c.fg == misc).collect();
    assert!(cells.len() >= "French".len(), "MISC mentions on screen");
    assert!(cells.iter().all(|c| !c.modifier.contains(Modifier::DIM)));
}

#[test]
fn a_page_read_by_the_tagger_says_whose_entities_they_are() {
    let page = include_bytes!("../fixtures/raw/05PARIS2333.html");
    let cable = cableview::cable::parse_bytes(page, "05PARIS2333.html").unwrap();
    let app = single(cable, ReaderOptions::default(), 130, 40);
    let text = screen(&app);
    assert!(text.contains(" · tagger "), "{text}");
    assert!(text.contains("Hezbollah"), "{text}");
    // The annotated sample's entities are its own.
    let sample = single(
        cableview::input::sample(),
        ReaderOptions::default(),
        130,
        40,
    );
    assert!(!screen(&sample).contains(" · tagger "));
}

/// The correction menu is an overlay over the reader: the menu, and the status line saying
/// what it corrects, with a notice beside it; then the list of entities to join with.
#[test]
fn correction_menu_over_the_reader() {
    let select_chirac = |app: &mut Driver| {
        app.press(Action::Filter);
        for c in "chirac".chars() {
            app.press(Message::Type(c));
        }
        app.press(Action::Activate);
        app.press(Action::Correct);
    };
    each_size("correction_menu", |app| {
        select_chirac(app);
        // Nothing searched: `a` says so and the menu stays.
        app.press(Message::Type('a'));
    });
    each_size("correction_join", |app| {
        select_chirac(app);
        app.press(Message::Type('j'));
        app.press(Action::Down);
    });
}
