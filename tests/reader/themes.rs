//! `t`: the session asks the event loop for the next theme, which loads it and hands it
//! back; update itself reads no theme file.

use crate::drive::{Driver, single};
use cableview::session::Effect;
use cableview::session::action::Action;
use cableview::session::reader::ReaderOptions;

fn reader(options: ReaderOptions) -> Driver {
    single(cableview::input::sample(), options, 120, 40)
}

fn notice(driver: &Driver) -> String {
    driver.app().notice().unwrap_or_default().to_string()
}

#[test]
fn t_asks_the_loop_for_the_next_theme() {
    let mut reader = reader(ReaderOptions::default());
    assert_eq!(reader.theme.name, "default");
    let effects = reader.session.update(Action::NextTheme);
    assert_eq!(
        effects,
        [Effect::NextTheme {
            after: "default".into()
        }]
    );
    assert_eq!(
        reader.theme.name, "default",
        "update loads no theme file itself"
    );
    // As the loop does: carry it out, hand the theme back.
    reader.press(Action::NextTheme);
    assert_eq!(reader.theme.name, "light");
    assert_eq!(notice(&reader), "theme: light");
}

#[test]
fn themes_cycle() {
    let mut reader = reader(ReaderOptions::default());
    let mut seen = Vec::new();
    for _ in 0..4 {
        reader.press(Action::NextTheme);
        seen.push(reader.theme.name.clone());
    }
    assert_eq!(seen, ["light", "high-contrast", "mono", "default"]);
}

#[test]
fn themes_cycle_through_the_users_own_and_skip_broken_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zz-mine.toml"), "extends = \"light\"\n").unwrap();
    std::fs::write(
        dir.path().join("zz-broken.toml"),
        "[kinds]\nPER = { fg = \"nocolour\" }\n",
    )
    .unwrap();
    let mut reader = reader(ReaderOptions {
        themes_dir: Some(dir.path().to_path_buf()),
        ..ReaderOptions::default()
    });
    let mut seen = Vec::new();
    let mut notices = Vec::new();
    for _ in 0..5 {
        reader.press(Action::NextTheme);
        seen.push(reader.theme.name.clone());
        notices.push(notice(&reader));
    }
    assert_eq!(
        notices[3],
        "theme: zz-mine (skipped zz-broken: they do not load)"
    );
    assert_eq!(
        seen,
        ["light", "high-contrast", "mono", "zz-mine", "default"]
    );
}

#[test]
fn an_unknown_theme_falls_back_to_default_and_says_so() {
    let reader = reader(ReaderOptions {
        theme: "nosuch".into(),
        ..ReaderOptions::default()
    });
    assert_eq!(reader.theme.name, "default");
    assert!(notice(&reader).contains("nosuch"), "{}", notice(&reader));
}
