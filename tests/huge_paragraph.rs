//! One huge paragraph: a key and its frame cost what they cost in the sample, whatever
//! the paragraph's size (issue 18, item 6). The benchmark (`cargo bench --bench render --
//! "key and frame"`) measures it at 50 MB; this keeps the shape of it in the tests.

use cableview::action::Action;
use cableview::app::{App, AppOptions};
use cableview::cable::{Cable, EntityKind, SourceSpan};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::time::{Duration, Instant};

/// The sample's header, one paragraph of about `bytes` made by `fill`, its signature.
fn one_paragraph(bytes: usize, fill: &str) -> Cable {
    let sample = cableview::SAMPLE;
    let start = sample.find("<a id='par1'").expect("¶1");
    let end = sample.rfind("LEACH").expect("signature");
    let mut source = sample[..start].to_string();
    source.push_str("<a id='par1' href='#par1'>¶</a>1 . \n( [ORG C  ] ) ");
    source.push_str(&fill.repeat(bytes / fill.len()));
    source.push_str(" .\n");
    source.push_str(&sample[end..]);
    let cable = cableview::cable::parse(&source, "99HUGE1.txt").expect("parses");
    assert_eq!(cable.paragraphs.len(), 1);
    cable
}

fn app(cable: Cable) -> App {
    let mut app = App::new(cable, AppOptions::default());
    app.update(Action::Resize(200, 60));
    app
}

/// The median time of a `j` or `k` and the frame after it, drawn into a buffer.
fn key_and_frame(app: &mut App, buffer: &mut Buffer, turn: usize) -> Duration {
    let start = Instant::now();
    app.update(if turn.is_multiple_of(2) {
        Action::Down
    } else {
        Action::Up
    });
    buffer.reset();
    ratatui::widgets::Widget::render(&*app, buffer.area, buffer);
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
fn a_key_in_a_huge_paragraph_costs_what_it_does_in_the_sample() {
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    let mut sample = app(cableview::input::sample());
    sample.update(Action::GoTo("5".into()));
    // 8 MB each: words with mentions, and one word without a space (the navigator read
    // the whole of it for its first twelve words, and cut it after measuring all of it).
    let shapes = [
        one_paragraph(8_000_000, "met [LOC Paris  ] and the [ORG USG  ] team . "),
        one_paragraph(8_000_000, "counter-terrorism-"),
    ];
    for (shape, cable) in shapes.into_iter().enumerate() {
        let mut huge = app(cable);
        huge.update(Action::HalfPageDown);
        // Laid out once, up front: that first layout may take as long as it must.
        key_and_frame(&mut huge, &mut buffer, 0);
        let (mut small, mut large) = (Vec::new(), Vec::new());
        // Interleaved, so a busy machine slows both alike.
        for turn in 0..41 {
            small.push(key_and_frame(&mut sample, &mut buffer, turn));
            large.push(key_and_frame(&mut huge, &mut buffer, turn));
        }
        let (small, large) = (median(small), median(large));
        // Reading the paragraph whole took ~30 ms at 8 MB here; a frame takes well
        // under one, whichever cable.
        assert!(
            large < small * 4 + Duration::from_millis(3),
            "shape {shape}: {large:?} a key in 8 MB against {small:?} in the sample"
        );
    }
}

#[test]
fn the_source_view_finds_every_bracket_a_row_touches() {
    let mut cable = cableview::input::sample();
    // Spans on three lines, in order of their start; some overlap, as a side file's may.
    let spans = [
        (0, 0..4),
        (1, 0..50),
        (1, 2..4),
        (1, 5..9),
        (1, 8..12),
        (1, 20..21),
        (1, 30..31),
        (1, 60..70),
        (1, 61..62),
        (2, 0..100),
    ];
    cable.source_spans = spans
        .iter()
        .map(|(line, bytes)| SourceSpan {
            line: *line,
            bytes: bytes.clone(),
            kind: EntityKind::Loc,
        })
        .collect();
    let app = App::new(cable, AppOptions::default());
    for line in 0..4 {
        for start in 0..80 {
            for end in start..start + 12 {
                let near = app.source_spans_near(line, start..end);
                let touching =
                    |s: &&SourceSpan| s.line == line && s.bytes.end > start && s.bytes.start < end;
                let found: Vec<_> = near.iter().filter(touching).collect();
                let all: Vec<_> = app.cable.source_spans.iter().filter(touching).collect();
                assert_eq!(found, all, "line {line}, bytes {start}..{end}");
            }
        }
    }
}
