//! Any terminal size renders without panicking, in every state worth drawing.

use crate::drive::{Driver, single};
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::ReaderOptions;

fn states() -> Vec<Driver> {
    let setups: Vec<Vec<Message>> = vec![
        vec![],
        vec![Message::GoTo("5".into()), Message::Action(Action::Help)],
        vec![
            Message::Action(Action::Filter),
            Message::Type('h'),
            Message::Type('e'),
        ],
        vec![
            Message::Action(Action::Search),
            Message::Type('f'),
            Message::Type('r'),
        ],
        vec![
            Message::GoTo("3".into()),
            Message::Action(Action::SourceView),
        ],
        vec![
            Action::FocusPrevious.into(),
            Action::Bottom.into(),
            Action::ToggleEntities.into(),
        ],
    ];
    setups
        .into_iter()
        .map(|actions| {
            let mut app = single(cableview::input::sample(), ReaderOptions::default(), 80, 24);
            for action in actions {
                app.press(action);
            }
            app
        })
        .collect()
}

fn draw(app: &mut Driver, w: u16, h: u16) {
    app.press(Message::Resize(w, h));
    app.terminal();
}

#[test]
fn every_size_from_1x1_to_300x100_renders() {
    for mut app in states() {
        for w in (1..=300).step_by(13).chain([39, 40, 99, 100]) {
            for h in (1..=100).step_by(7).chain([9, 10]) {
                draw(&mut app, w, h);
                // Moving after a resize must not index outside the new layout.
                app.press(Action::Down);
                app.press(Action::Bottom);
                app.press(Action::Top);
            }
        }
    }
}

#[test]
fn resizing_up_to_500x200_and_back_renders() {
    for mut app in states() {
        for (w, h) in [(500, 200), (1, 1), (41, 10), (500, 200), (2, 300)] {
            draw(&mut app, w, h);
        }
    }
}

#[test]
fn a_cable_with_no_paragraphs_renders() {
    let cable = cableview::cable::parse("UNCLASSIFIED nothing here", "empty.txt").unwrap();
    let mut app = single(cable, ReaderOptions::default(), 80, 24);
    for action in [
        Action::NextParagraph,
        Action::Bottom,
        Action::NextMatch,
        Action::SourceView,
    ] {
        app.press(action);
        draw(&mut app, 80, 24);
        draw(&mut app, 1, 1);
    }
}
