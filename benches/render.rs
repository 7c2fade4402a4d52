//! Rendering speed: text layout, one frame, a paragraph jump, start-up to first frame,
//! and a key with the frame it causes, in the sample and in one paragraph of 50 MB.
//!
//! Run with `cargo bench --bench render`; the large cable (~5 MB) is built here by
//! repeating the sample's paragraphs with fresh labels and parsing the result, and the
//! 50 MB paragraphs (only when a `key and frame` bench runs) from the sample's sentences.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::cable::Cable;
use cableview::session::action::Action;
use cableview::session::message::Message;
use cableview::session::reader::{Reader, ReaderOptions, ReadingPosition};
use cableview::session::text_layout::{BlockSpec, DocLayout};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::cell::OnceCell;
use std::hint::black_box;

/// The reader's screen in the default theme, as the session draws it.
fn screen(app: &Reader) -> cableview::ui::ReaderScreen<'_> {
    static THEME: std::sync::LazyLock<cableview::ui::theme::Theme> =
        std::sync::LazyLock::new(|| {
            cableview::ui::theme::styled(
                &cableview::theme::Theme::builtin("default").expect("built in"),
            )
        });
    cableview::ui::ReaderScreen { app, theme: &THEME }
}

/// Draws the reader's screen, as the event loop does.
fn draw_reader(frame: &mut ratatui::Frame, app: &Reader) {
    frame.render_widget(screen(app), frame.area());
}

/// The sample with its seven paragraphs repeated until the text is about `bytes` long.
fn large_source(bytes: usize) -> String {
    let sample = cableview::SAMPLE;
    let start = sample.find("<a id='par1'").expect("sample has ¶1");
    let end = sample.rfind("LEACH").expect("sample has a signature");
    let body = sample[start..end].trim_end();
    let mut out = String::with_capacity(bytes + body.len());
    out.push_str(&sample[..start]);
    let mut round = 0;
    while out.len() < bytes {
        let mut chunk = body.to_string();
        for i in 1..=7 {
            let label = round * 7 + i;
            chunk = chunk.replace(
                &format!("<a id='par{i}' href='#par{i}'>¶</a>{i} ."),
                &format!("<a id='par{label}' href='#par{label}'>¶</a>{label} ."),
            );
        }
        out.push_str(&chunk);
        out.push(' ');
        round += 1;
    }
    out.push('\n');
    out.push_str(&sample[end..]);
    out
}

/// The sample's header, then one paragraph of about `bytes`, then its signature. With
/// `spaces`, the paragraph is the sample's sentences (mentions and all) one after the
/// other, a line each as in the sample; without, it is one word of `bytes` (hyphens).
fn one_paragraph_source(bytes: usize, spaces: bool) -> String {
    let sample = cableview::SAMPLE;
    let start = sample.find("<a id='par1'").expect("sample has ¶1");
    let end = sample.rfind("LEACH").expect("sample has a signature");
    let mut out = String::with_capacity(bytes + sample.len());
    out.push_str(&sample[..start]);
    out.push_str("<a id='par1' href='#par1'>¶</a>1 . \n( [ORG C  ] ) ");
    let stop = out.len() + bytes;
    if spaces {
        // Plain sentence lines: no anchors, headings or portion markings that would
        // start another paragraph.
        let sentences: Vec<&str> = sample[start..end]
            .lines()
            .filter(|l| !l.contains("<a ") && !l.contains("---") && !l.starts_with('('))
            .collect();
        while out.len() < stop {
            for line in &sentences {
                out.push_str(line);
                out.push('\n');
            }
        }
    } else {
        while out.len() < stop {
            out.push_str("counter-terrorism-");
        }
        out.push_str(" .\n");
    }
    out.push_str(&sample[end..]);
    out
}

/// A cable of one paragraph of 50 MB, parsed once on first use.
fn one_paragraph_cable(cell: &OnceCell<Cable>, spaces: bool) -> Cable {
    cell.get_or_init(|| {
        let source = one_paragraph_source(50_000_000, spaces);
        let cable = cableview::cable::parse(&source, "99HUGE1.txt").expect("the cable parses");
        assert_eq!(cable.paragraphs.len(), 1, "one paragraph");
        // The brackets of the mentions are not text: 50 MB of source is ~44 MB of text.
        assert!(
            cable.paragraphs[0].text.len() > 40_000_000,
            "the paragraph holds most of the 50 MB"
        );
        cable
    })
    .clone()
}

/// One key and the frame it causes, as the event loop does them. Keys alternate with
/// their opposite (`j` then `k`) so the view stays where it started.
fn key_and_frame(
    c: &mut Criterion,
    name: &str,
    cable: impl FnOnce() -> Cable,
    keys: [Action; 2],
    start: ReadingPosition,
) {
    let mut cable = Some(cable);
    let mut state: Option<(Reader, Terminal<TestBackend>)> = None;
    let mut turn = 0;
    c.bench_function(name, |b| {
        // Built on the first call, not before, so a filter that skips this bench skips
        // the 50 MB too; criterion calls this once per sample.
        let (app, terminal) = state.get_or_insert_with(|| {
            let cable = cable.take().expect("built once")();
            let (mut app, terminal) = ready(cable, 200, 60);
            app.restore(&start);
            (app, terminal)
        });
        b.iter(|| {
            turn ^= 1;
            app.update(keys[turn].clone());
            terminal
                .draw(|f| draw_reader(f, black_box(&*app)))
                .expect("draw");
        });
    });
}

fn key_benches(c: &mut Criterion) {
    let words = OnceCell::new();
    let word = OnceCell::new();
    let sample_start = ReadingPosition {
        paragraph: 5,
        ..ReadingPosition::default()
    };
    // Halfway down the paragraph.
    let huge_start = ReadingPosition {
        paragraph: 1,
        row: 250_000,
        ..ReadingPosition::default()
    };
    for (keys, what) in [
        ([Action::Up, Action::Down], "j/k"),
        ([Action::HalfPageUp, Action::HalfPageDown], "Ctrl-d/Ctrl-u"),
    ] {
        key_and_frame(
            c,
            &format!("key and frame {what} 200x60 sample"),
            cableview::input::sample,
            keys.clone(),
            sample_start.clone(),
        );
        key_and_frame(
            c,
            &format!("key and frame {what} 200x60 one 50MB paragraph"),
            || one_paragraph_cable(&words, true),
            keys.clone(),
            huge_start.clone(),
        );
        key_and_frame(
            c,
            &format!("key and frame {what} 200x60 one 50MB paragraph without a space"),
            || one_paragraph_cable(&word, false),
            keys,
            huge_start.clone(),
        );
    }
}

fn blocks(cable: &Cable) -> Vec<BlockSpec<'_>> {
    let mut blocks = vec![BlockSpec {
        heading: None,
        text: &cable.header.text,
        folded: false,
        heading_last: false,
    }];
    blocks.extend(cable.paragraphs.iter().map(|p| BlockSpec {
        heading: p.heading.as_deref(),
        text: &p.text,
        folded: false,
        heading_last: false,
    }));
    blocks
}

fn ready(cable: Cable, w: u16, h: u16) -> (Reader, Terminal<TestBackend>) {
    let mut app = Reader::new(cable, ReaderOptions::default());
    app.update(Message::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| draw_reader(f, &app)).expect("draw");
    (app, terminal)
}

fn benches(c: &mut Criterion) {
    let sample = cableview::input::sample();
    let source = large_source(5_000_000);
    let large = cableview::cable::parse(&source, "99LARGE1.txt").expect("the large cable parses");
    assert!(
        large.paragraphs.len() > 1000,
        "the large cable has its paragraphs"
    );

    c.bench_function("layout sample at 100 columns", |b| {
        b.iter(|| DocLayout::build(blocks(black_box(&sample)), 100, true));
    });

    let (mut app, mut terminal) = ready(sample.clone(), 200, 60);
    app.update(Message::GoTo("5".into()));
    c.bench_function("frame 200x60 sample", |b| {
        b.iter(|| {
            terminal
                .draw(|f| draw_reader(f, black_box(&app)))
                .expect("draw");
        });
    });

    // The reader's own work for a frame: drawing every pane into a buffer, without the
    // terminal's diff of the previous frame.
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    c.bench_function("render 200x60 sample into a buffer", |b| {
        b.iter(|| {
            buffer.reset();
            ratatui::widgets::Widget::render(screen(black_box(&app)), area, &mut buffer);
        });
    });

    let (mut big, mut big_terminal) = ready(large, 200, 60);
    let middle = big.cable().paragraphs[big.cable().paragraphs.len() / 2]
        .label
        .clone();
    big.update(Message::GoTo(middle.clone()));
    c.bench_function("frame 200x60 5MB cable", |b| {
        b.iter(|| {
            big_terminal
                .draw(|f| draw_reader(f, black_box(&big)))
                .expect("draw");
        });
    });

    let mut big_buffer = ratatui::buffer::Buffer::empty(area);
    c.bench_function("render 200x60 5MB cable into a buffer", |b| {
        b.iter(|| {
            big_buffer.reset();
            ratatui::widgets::Widget::render(screen(black_box(&big)), area, &mut big_buffer);
        });
    });

    let last = big
        .cable()
        .paragraphs
        .last()
        .expect("paragraphs")
        .label
        .clone();
    let mut flip = false;
    c.bench_function("paragraph jump 5MB cable", |b| {
        b.iter(|| {
            flip = !flip;
            big.update(Message::GoTo(if flip {
                last.clone()
            } else {
                middle.clone()
            }));
        });
    });

    c.bench_function("start-up to first frame sample", |b| {
        b.iter(|| {
            let cable =
                cableview::cable::parse(cableview::SAMPLE, cableview::SAMPLE_NAME).expect("parses");
            ready(cable, 120, 40)
        });
    });
}

criterion_group!(render, benches, key_benches);
criterion_main!(render);
