//! The timeline in the facets pane and the world map (`M`) of a corpus index's library:
//! drawn from the index's counts, a bar or a post narrows the query with a clause that
//! stays on the search line, `L` shows the places, and the reader maps its own cable.

use crate::full_text::{indexed, type_text};
use cableview::search_index::SearchIndex;
use cableview::session::action::Action;
use cableview::session::facets::Section;
use cableview::session::message::Message;

/// Searches `query` and gives the keys back to the table.
fn search(driver: &mut crate::drive::Driver, query: &str) {
    driver.press(Action::Filter);
    type_text(driver, query);
    driver.press(Action::Open);
}

#[test]
fn the_facets_pane_draws_the_timeline_and_a_bar_narrows_to_its_period() {
    let (_dir, at, mut driver) = indexed(150, 60);
    search(&mut driver, "terrorism");
    driver.press(Action::Facets);
    let index = SearchIndex::open(&at).unwrap();
    let spread = index.spread("terrorism").unwrap();
    let timeline = cableview::session::timeline::Timeline::of(&spread, None);
    let peak = &timeline.bars[timeline.peak().unwrap()];
    let screen = driver.screen();
    assert!(screen.contains("Timeline by"), "{screen}");
    // The peak is labelled, its bar the longest.
    let peak_line = screen
        .lines()
        .find(|l| l.contains("◀ peak"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(peak_line.contains(&peak.0), "{peak_line}");
    assert!(peak_line.contains('█'), "{peak_line}");
    // Down to the peak's bar, then enter: its date clause joins the query.
    let on_peak = |d: &crate::drive::Driver| {
        let pane = &d.table().facets().unwrap().pane();
        matches!(pane.selected(), Some((Section::Timeline(_), name, _)) if name == peak.0)
    };
    for _ in 0..200 {
        if on_peak(&driver) {
            break;
        }
        driver.press(Action::Down);
    }
    assert!(on_peak(&driver), "{}", driver.screen());
    driver.press(Action::Open);
    let query = format!("terrorism date:{}", peak.0);
    assert_eq!(driver.table().query().text, query);
    let screen = driver.screen();
    assert!(
        screen.contains(&query),
        "the clause is on the search line: {screen}"
    );
    assert!(
        screen.contains(&format!("Facets · {} cable", peak.1)),
        "{screen}"
    );
    assert_eq!(index.facets(&query).unwrap().total, peak.1);
}

#[test]
fn m_maps_the_posts_and_enter_narrows_to_one() {
    let (_dir, at, mut driver) = indexed(160, 45);
    search(&mut driver, "terrorism");
    driver.press(Action::Map);
    let screen = driver.screen();
    assert!(screen.contains("Map · terrorism"), "{screen}");
    let spread = SearchIndex::open(&at).unwrap().spread("terrorism").unwrap();
    let (first, count) = spread.origins[0].clone();
    // The list names the posts with their counts; the biggest are named on the map.
    let listed = screen
        .lines()
        .find(|l| l.contains(&format!("{count} {first}")))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(listed.contains('●') || listed.contains('?'), "{listed}");
    let city = first.rsplit(' ').next().unwrap();
    assert!(screen.contains(&format!("●{city}")), "{screen}");
    // Braille: the world is drawn.
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
    );
    driver.press(Action::Down);
    let second = spread.origins[1].0.clone();
    driver.press(Action::Open);
    assert!(driver.map().is_none());
    let query = format!("terrorism origin=\"{second}\"");
    assert_eq!(driver.table().query().text, query);
    assert!(driver.screen().contains(&query), "{}", driver.screen());
}

#[test]
fn l_shows_the_places_layer_and_esc_closes_the_map() {
    let (_dir, _at, mut driver) = indexed(160, 45);
    driver.press(Action::Map);
    let before = driver.screen();
    assert!(!before.contains('■'), "{before}");
    driver.press(Action::ToggleLoc);
    // The places follow the posts in the list.
    driver.press(Action::Bottom);
    let after = driver.screen();
    assert!(after.contains('■') && after.contains("■ places"), "{after}");
    driver.press(Action::ToggleLoc);
    assert!(!driver.screen().contains('■'));
    driver.press(Action::Cancel);
    assert!(driver.map().is_none());
    assert!(!driver.screen().contains("Map ·"));
}

#[test]
fn the_reader_maps_its_own_cable() {
    let (_dir, _at, mut driver) = indexed(160, 45);
    search(&mut driver, "id:05PARIS2333");
    driver.press(Action::Open);
    assert!(driver.view().reader().is_some());
    driver.press(Action::Map);
    let screen = driver.screen();
    assert!(screen.contains("Map · 05PARIS2333"), "{screen}");
    // Its post and the places it names, with the layer already shown.
    assert!(
        screen.contains("Embassy Paris") || screen.contains("PARIS"),
        "{screen}"
    );
    assert!(screen.contains('■'), "{screen}");
    assert!(
        !screen.contains("narrows"),
        "a cable's map narrows nothing: {screen}"
    );
    driver.press(Action::Cancel);
    assert!(driver.map().is_none());
    assert!(driver.view().reader().is_some());
}

#[test]
fn the_map_says_it_needs_an_index_on_a_folder() {
    let library = cableview::library::Library::load(
        &[std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated")],
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    let options = cableview::session::reader::ReaderOptions::default();
    let mut driver = crate::drive::Driver::new(cableview::session::Session::new(library, options));
    driver.press(Message::Resize(120, 30));
    driver.press(Action::Map);
    assert!(driver.map().is_none());
    assert!(
        driver.screen().contains("the map needs a corpus index"),
        "{}",
        driver.screen()
    );
}

/// The map, 80x24, of `posts` (name, count, latitude, longitude), most cables first.
fn drawn(posts: &[(&str, u64, f64, f64)]) -> String {
    use cableview::gazetteer::Point;
    use cableview::session::map::{Mark, WorldMap};
    let map = WorldMap {
        title: "close posts".into(),
        posts: posts
            .iter()
            .map(|&(name, count, lat, lon)| Mark {
                name: name.into(),
                count,
                at: Some(Point { lat, lon }),
            })
            .collect(),
        ..WorldMap::default()
    };
    let theme = cableview::theme::Theme::builtin("default").expect("built in");
    let theme = cableview::ui::theme::styled(&theme);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            let view = cableview::ui::map::MapView {
                map: &map,
                theme: &theme,
                hint: String::new(),
            };
            frame.render_widget(view, frame.area());
        })
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_posts_name_is_not_drawn_over_a_bigger_ones() {
    // Peshawar is a column east of Kabul at 80x24: its name would cover Kabul's.
    let screen = drawn(&[
        ("Embassy Kabul", 9, 34.53, 69.17),
        ("PESHAWAR", 5, 34.01, 71.58),
        ("Embassy Paris", 3, 48.85, 2.35),
    ]);
    assert!(screen.contains("●Kabul"), "{screen}");
    assert!(!screen.contains("●PESHAWAR"), "{screen}");
    // A name clear of the others is drawn, and the list still names every post.
    assert!(screen.contains("●Paris"), "{screen}");
    assert!(screen.contains("5 PESHAWAR"), "{screen}");
}

#[test]
fn a_post_left_unnamed_gives_its_place_to_the_next() {
    // Nine posts: the first eight are named, but Peshawar's name clashes with Kabul's,
    // so the ninth, Tokyo, is named in its place.
    let screen = drawn(&[
        ("Embassy Kabul", 90, 34.53, 69.17),
        ("PESHAWAR", 80, 34.01, 71.58),
        ("Embassy Paris", 70, 48.85, 2.35),
        ("Embassy Lima", 60, -12.04, -77.03),
        ("Embassy Nairobi", 50, -1.29, 36.82),
        ("Embassy Pretoria", 40, -25.75, 28.19),
        ("Embassy Ottawa", 30, 45.42, -75.70),
        ("Embassy Brasilia", 20, -15.79, -47.88),
        ("Embassy Tokyo", 10, 35.68, 139.69),
    ]);
    for city in [
        "Kabul", "Paris", "Lima", "Nairobi", "Pretoria", "Ottawa", "Brasilia", "Tokyo",
    ] {
        assert!(screen.contains(&format!("●{city}")), "{city}: {screen}");
    }
    assert!(!screen.contains("●PESHAWAR"), "{screen}");
}
