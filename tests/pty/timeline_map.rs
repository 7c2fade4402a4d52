//! The real binary's timeline (the facets pane, `F`) and world map (`M` over the table,
//! `W` in the reader) on a corpus index: what they draw agrees with `cableview timeline`
//! and `cableview map`, and a bar or a post narrows the query on the search line.

use crate::indexed::{Corpus, cableview, ids, lines, open, quit, search, text, title};
use crate::pty::Pty;
use std::path::Path;

/// The query's peak period and the cables in it, by `cableview timeline --json`.
fn peak(index: &Path, query: &str) -> (String, u64) {
    let out = cableview(&[
        "timeline",
        "--index",
        index.to_str().unwrap(),
        "--json",
        query,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let peak = json["peak"].as_str().expect("a peak").to_string();
    let count = json["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .find(|p| p["period"] == peak.as_str())
        .and_then(|p| p["count"].as_u64())
        .expect("the peak's count");
    (peak, count)
}

/// The query's posts, most cables first, by `cableview map`: (count, name).
fn posts(index: &Path, query: &str) -> Vec<(u64, String)> {
    let out = cableview(&["map", "--index", index.to_str().unwrap(), query]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let name = words[3..].join(" ");
            let name = name.trim_end_matches("(unplaced)").trim_end().to_string();
            (words[0].parse().expect("a count"), name)
        })
        .collect()
}

/// The count of the title's `N of M cables match`.
fn matches(lines: &[String]) -> Option<usize> {
    let (before, _) = title(lines).split_once(" of ")?;
    before.rsplit(' ').next()?.parse().ok()
}

/// Whether the cursor (drawn reversed) is on the first cell of `text` on screen.
fn cursor_on(screen: &vt100::Screen, text: &str) -> bool {
    lines(screen).iter().enumerate().any(|(row, line)| {
        line.find(text).is_some_and(|byte| {
            let col = u16::try_from(line[..byte].chars().count()).unwrap();
            let row = u16::try_from(row).unwrap();
            screen.cell(row, col).is_some_and(vt100::Cell::inverse)
        })
    })
}

/// Presses `j` until the cursor is on `text`, each press waited for: the screen, its
/// looks included, changes (the rows may stay while only the reversed row moves).
fn down_to(pty: &mut Pty, text: &str) {
    for _ in 0..80 {
        if pty.holds(|s| cursor_on(s, text)) {
            return;
        }
        let before = std::cell::RefCell::new(String::new());
        pty.holds(|s| {
            *before.borrow_mut() = s.contents_formatted();
            true
        });
        pty.send("j");
        pty.wait_for("the cursor moved", |s| {
            s.contents_formatted() != *before.borrow()
        });
    }
    panic!(
        "the cursor never reached {text:?}:\n{}",
        pty.rows().join("\n")
    );
}

/// Types `query` with `/` and waits for the index's cables.
fn search_for(pty: &mut Pty, index: &Path, query: &str) -> usize {
    let expected = search(index, query);
    pty.send(&format!("/{query}\r"));
    pty.wait_for("the query's cables", |s| {
        let lines = lines(s);
        title(&lines).contains("best first")
            && ids(&lines)
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                == expected
    });
    expected.len()
}

#[test]
fn the_timeline_shows_the_peak_and_a_bar_narrows_the_query() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    let all = search_for(&mut pty, &corpus.index, "terrorism");
    let (peak, count) = peak(&corpus.index, "terrorism");
    assert!(
        count < all as u64,
        "the peak holds fewer than all: {count} of {all}"
    );

    pty.send("F");
    pty.wait_for_text(&format!("Facets · {all} cables"));
    pty.wait_for_text("Timeline by");
    // The peak is labelled and drawn: its period, a bar, the count.
    let rows = pty.rows();
    let peak_line = rows
        .iter()
        .find(|l| l.contains("◀ peak"))
        .unwrap_or_else(|| panic!("no peak:\n{}", rows.join("\n")));
    let bar = peak_line.split('│').nth(1).expect("inside the pane").trim();
    assert!(bar.starts_with(&format!("{peak} █")), "{bar}");
    assert!(bar.contains(&format!(" {count} ◀ peak")), "{bar}");

    // Down to the peak's bar, enter: its clause on the search line, fewer matches.
    down_to(&mut pty, &format!("{peak} █"));
    pty.send("\r");
    let query = format!("terrorism date:{peak}");
    pty.wait_for("the query narrowed to the peak", |s| {
        let lines = lines(s);
        title(&lines).contains(&format!("/{query}"))
            && lines.get(1).is_some_and(|l| l.contains(&query))
            && matches(&lines) == usize::try_from(count).ok()
    });
    assert_eq!(search(&corpus.index, &query).len() as u64, count);
    quit(&mut pty);
}

#[test]
fn m_maps_the_posts_enter_narrows_l_shows_the_places_esc_closes() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    let all = search_for(&mut pty, &corpus.index, "terrorism");
    let posts = posts(&corpus.index, "terrorism");
    assert!(posts.len() > 2, "{posts:?}");

    pty.send("M");
    pty.wait_for_text("Map · terrorism");
    // The list: every post with its count, as `cableview map` counts them.
    for (count, name) in &posts {
        let row = format!("{count:>5} {name}");
        pty.wait_for(&format!("{row:?} listed"), |s| {
            lines(s).iter().any(|l| l.contains(&row))
        });
    }
    // The biggest post is named on the map, in braille.
    let city = posts[0].1.rsplit(' ').next().unwrap();
    let screen = pty.rows().join("\n");
    assert!(screen.contains(&format!("●{city}")), "{screen}");
    assert!(
        screen
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
    );
    assert!(!screen.contains('■'), "no places before L: {screen}");

    // L shows the places (their squares and the list's title), L again hides them.
    pty.send("L");
    pty.wait_for("the places", |s| {
        s.contents().contains("● posts ■ places") && s.contents().matches('■').count() > 1
    });
    pty.send("L");
    pty.wait_for("the places hidden", |s| !s.contents().contains('■'));

    // Esc closes the map: the table again, the query as it was.
    pty.send("\x1b");
    pty.wait_for("the map closed", |s| {
        let lines = lines(s);
        !s.contents().contains("Map ·") && matches(&lines) == Some(all)
    });

    // Enter on the second post: its origin clause on the search line, its cables.
    let (count, name) = &posts[1];
    pty.send("M");
    pty.wait_for_text(&format!("{count:>5} {name}"));
    down_to(&mut pty, &format!("{count:>5} {name}"));
    pty.send("\r");
    // Quoted when the name has a space.
    let clause = if name.contains(' ') {
        format!("origin=\"{name}\"")
    } else {
        format!("origin={name}")
    };
    let query = format!("terrorism {clause}");
    pty.wait_for("the query narrowed to the post", |s| {
        let lines = lines(s);
        !s.contents().contains("Map ·")
            && lines
                .get(1)
                .is_some_and(|l| l.trim_end() == format!("/{query}"))
            && matches(&lines) == usize::try_from(*count).ok()
    });
    assert!((*count as usize) < all);
    quit(&mut pty);
}

#[test]
fn w_in_the_reader_maps_the_cable() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    open(&mut pty, "05PARIS2333");
    pty.send("W");
    pty.wait_for_text("Map · 05PARIS2333");
    // Its post (as the cable writes it) named on the map and listed, the places it
    // names already shown.
    pty.wait_for("the post and places", |s| {
        let lines = lines(s);
        let listed = |row: &str| lines.iter().any(|l| l.contains(row));
        lines.iter().any(|l| l.contains("●PARIS"))
            && listed("│●     1 PARIS ")
            && listed("│■    21 France ")
    });
    assert!(!pty.rows().join("\n").contains("narrows"));
    pty.send("\x1b");
    pty.wait_for("the reader again", |s| {
        !s.contents().contains("Map ·") && s.contents().contains("05PARIS2333 · from")
    });
    quit(&mut pty);
}
