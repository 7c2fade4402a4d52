//! The header shows once: banner, metadata and subject in the bar, the raw header and its
//! TAGS explained folded to one row of the text until `z`.

use crate::drive::{Driver, single};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;

fn reader(w: u16, h: u16) -> Driver {
    single(cableview::input::sample(), ReaderOptions::default(), w, h)
}

fn rows(d: &Driver) -> Vec<String> {
    d.screen().lines().map(str::to_string).collect()
}

fn row_of(rows: &[String], text: &str) -> Option<usize> {
    rows.iter().position(|r| r.contains(text))
}

#[test]
fn at_80x24_paragraph_1_starts_within_the_first_ten_rows() {
    let d = reader(80, 24);
    let rows = rows(&d);
    let first = row_of(&rows, "¶1 S").expect("¶1 on screen");
    assert!(first < 10, "¶1 on row {first}:\n{}", rows.join("\n"));
    // Each field once: the subject and TAGS codes in the bar, the raw header folded.
    let screen = rows.join("\n");
    assert_eq!(screen.matches("GWOT ASSESSMENT").count(), 1, "{screen}");
    assert!(!screen.contains("Terrorists and Terrorism"), "{screen}");
    assert!(!screen.contains("S E C R E T"), "{screen}");
    assert!(screen.contains("▸ raw header and TAGS explained: z"));
    insta::assert_snapshot!("header_folded_80x24", d.screen());
}

#[test]
fn z_unfolds_the_raw_header_and_folds_it_again() {
    let mut d = reader(80, 24);
    d.press(Message::GoTo("3".into()));
    d.press(Action::ToggleHeader);
    let screen = d.screen();
    assert!(
        screen.contains("TAGS: PTER: Terrorists and Terrorism"),
        "{screen}"
    );
    assert!(screen.contains("S E C R E T SECTION 01 OF 03"), "{screen}");
    assert_eq!(d.app().current_block(), 0, "unfolding shows the header");
    insta::assert_snapshot!("header_unfolded_80x24", screen);
    d.press(Action::ToggleHeader);
    let screen = d.screen();
    assert!(!screen.contains("S E C R E T"), "{screen}");
    assert!(row_of(&rows(&d), "¶1 S").is_some_and(|r| r < 10));
}

#[test]
fn a_search_match_in_the_folded_header_unfolds_it() {
    let mut d = reader(80, 24);
    d.press(Action::Search);
    for c in "buckneberg".chars() {
        d.press(Message::Type(c));
    }
    assert!(d.app().header_open());
    assert!(d.screen().contains("(BUCKNEBERG)"), "{}", d.screen());
}

#[test]
fn the_unfolded_header_opens_with_its_label_and_the_tags_follow_the_raw_text() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut d = reader(w, h);
        d.press(Action::ToggleHeader);
        let rows = rows(&d);
        let screen = rows.join("\n");
        let label = row_of(&rows, "│hdr ").expect("the header's label");
        let raw = row_of(&rows, "S E C R E T SECTION 01 OF 03").expect("the raw header");
        let tags = row_of(&rows, "TAGS: PTER: Terrorists").expect("the TAGS explained");
        // The label is on the block's first row, beside the raw header's first line.
        assert_eq!(label, raw, "{screen}");
        let first_text_row = rows
            .iter()
            .position(|r| r.starts_with("\"│") && !r.trim_matches(['"', '│', '┃', ' ']).is_empty());
        assert_eq!(first_text_row, Some(label), "{screen}");
        assert!(
            tags > raw,
            "the TAGS explained after the raw header: {screen}"
        );
    }
}
