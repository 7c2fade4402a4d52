//! Drawing the timeline (in the facets pane) and the world map at 160x45 for a query
//! matching the whole release, 251,287 cables: the counts are what the index's facets
//! give (a month per period from 1966 to 2010, 274 posts, 200 places), made up here
//! with the release's shape; drawing never reads a cable.
//!
//! Run with `cargo bench --bench timeline_map`.

/// The allocator the `cableview` binary uses, so figures match the product.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use cableview::gazetteer::Gazetteer;
use cableview::search_index::{Facets, Spread};
use cableview::session::facets::FacetsPane;
use cableview::session::map::WorldMap;
use cableview::session::timeline::Timeline;
use cableview::theme::Theme;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::hint::black_box;

const CABLES: u64 = 251_287;

/// Counts shaped as the release's: few cables before 2000, most in 2006-2009.
fn spread() -> Spread {
    let mut months = Vec::new();
    for year in 1966..=2010 {
        for month in 1..=12 {
            let weight: u64 = match year {
                ..2000 => 1,
                2000..2005 => 40,
                2005..2010 => 400,
                _ => 150,
            };
            months.push((format!("{year:04}-{month:02}"), weight * (month % 5 + 1)));
        }
    }
    let sum: u64 = months.iter().map(|m| m.1).sum();
    for m in &mut months {
        m.1 = m.1 * CABLES / sum;
    }
    let cities = include_str!("../assets/gazetteer/posts.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next());
    let origins = cities
        .take(274)
        .enumerate()
        .map(|(i, city)| (format!("Embassy {city}"), 8_000 / (i as u64 + 1) + 3))
        .collect();
    let places = include_str!("../assets/gazetteer/places.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .take(200)
        .enumerate()
        .map(|(i, name)| (name.to_uppercase(), 20_000 / (i as u64 + 1)))
        .collect();
    Spread {
        total: CABLES,
        months,
        origins,
        places,
    }
}

fn timeline_map(c: &mut Criterion) {
    let spread = spread();
    let theme = cableview::ui::theme::styled(&Theme::builtin("default").expect("built in"));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("a test terminal");
    let facets = Facets {
        total: CABLES,
        origin: spread.origins.iter().take(20).cloned().collect(),
        ..Facets::default()
    };
    let mut group = c.benchmark_group("timeline_map");
    group.bench_function("timeline in the facets pane, 160x45", |b| {
        b.iter(|| {
            // From the counts to the frame: the timeline made, the pane filled, drawn.
            let timeline = Timeline::of(black_box(&spread), None);
            let mut pane = FacetsPane::default();
            pane.set_with_timeline(facets.clone(), timeline);
            pane.set_height(40);
            terminal
                .draw(|frame| {
                    let side = Rect::new(124, 2, 36, 42);
                    let view = cableview::ui::facets::FacetsView {
                        pane: &pane,
                        theme: &theme,
                        focused: true,
                    };
                    frame.render_widget(view, side);
                })
                .expect("drawn");
        });
    });
    let mut with_places = WorldMap::of_spread("", &spread, Gazetteer::shipped());
    with_places.show_places = true;
    for (name, show) in [("map, 160x45", false), ("map with places, 160x45", true)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut map = WorldMap::of_spread("", black_box(&spread), Gazetteer::shipped());
                map.show_places = show;
                map.set_height(40);
                terminal
                    .draw(|frame| {
                        let view = cableview::ui::map::MapView {
                            map: &map,
                            theme: &theme,
                            hint: "enter narrows · L places · esc closes".into(),
                        };
                        frame.render_widget(view, frame.area());
                    })
                    .expect("drawn");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, timeline_map);
criterion_main!(benches);
