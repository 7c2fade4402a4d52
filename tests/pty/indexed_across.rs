//! End to end on a corpus index, moving across cables: the jump list between cables
//! opened from the table; `x` lists the other cables naming an entity, `R` the REF links
//! and the cables citing this one; Enter goes there and Ctrl-o comes back. The `x` and
//! `R` scenarios run on the folder library of the same files too, which shows what the
//! index should do.

use crate::indexed::{Corpus, back, lines, open, quit};
use crate::pty::Pty;

#[test]
fn the_jump_list_goes_back_and_forth_between_indexed_cables() {
    let corpus = Corpus::new();
    // A terminal with the kitty protocol tells Ctrl-i from Tab.
    let mut pty = corpus.spawn_in(false, &corpus.terminal(true));

    // An annotated file's cable, read on to ¶5; back to the table; a CSV row's cable.
    open(&mut pty, "09PARIS1426");
    pty.send("5");
    pty.wait_for_text("¶5 of 11");
    back(&mut pty);
    open(&mut pty, "09CAIRO1925");
    pty.wait_for_text("header, 10 ¶");

    // Ctrl-o: the first cable, where it was; Ctrl-i: the second again.
    pty.send("\x1b[111;5u");
    pty.wait_for_text("09PARIS1426 · from PARIS");
    pty.wait_for_text("¶5 of 11");
    pty.send("\x1b[105;5u");
    pty.wait_for_text("09CAIRO1925 · from Embassy Cairo");
    // The plain bytes too: Ctrl-o, and Ctrl-n forward.
    pty.send("\x0f");
    pty.wait_for_text("09PARIS1426 · from PARIS");
    pty.send("\x0e");
    pty.wait_for_text("09CAIRO1925 · from Embassy Cairo");
    quit(&mut pty);
}

#[test]
fn x_lists_the_other_cables_naming_an_entity_in_a_folder() {
    other_cables_naming_an_entity(true);
}

#[test]
fn x_lists_the_other_indexed_cables_naming_an_entity() {
    other_cables_naming_an_entity(false);
}

/// `x` on LOC France in 05PARIS2333, Enter on 08MADRID552, Ctrl-o.
fn other_cables_naming_an_entity(folder: bool) {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(folder);
    open(&mut pty, "05PARIS2333");

    // Select LOC France in the sidebar: seven other cables name it.
    pty.send("f");
    pty.send("france");
    pty.wait_for_text("filter: france");
    pty.send("\r");
    pty.wait_for_text("France: in 7 other cables (x to list)");
    pty.send("x");
    pty.wait_for_text("France in 7 other cables");
    let others = [
        "04PARIS8983",
        "08MADRID552",
        "09BRASILIA952",
        "09PARIS1426",
        "09PARTO41305",
        "10BRUSSELS183",
        "10STATE17263",
    ];
    pty.wait_for("the seven cables listed", |s| {
        list_rows(&lines(s)).len() == others.len()
    });
    let listed = list_rows(&pty.rows());
    for id in others {
        assert!(
            listed.iter().any(|r| r.starts_with(id)),
            "{id} in {listed:?}"
        );
    }
    let madrid = listed
        .iter()
        .position(|r| r.starts_with("08MADRID552"))
        .unwrap();
    // A folder counts the mentions in each; the index, which keeps no counts per
    // entity, gives each cable's date and subject.
    let says = if folder {
        "3 mentions, first in ¶12"
    } else {
        "2008  SPANISH CABINET MEMBER BIOGRAPHIES"
    };
    assert!(listed[madrid].contains(says), "{listed:?}");

    // Enter opens one at the entity's first mention there; Ctrl-o comes back.
    pty.send(&"j".repeat(madrid));
    pty.send("\r");
    pty.wait_for_text("08MADRID552 · from MADRID");
    // The first of its three mentions there, in ¶12.
    pty.wait_for_text("France 1/3 ¶12");
    pty.send("\x0f");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    quit(&mut pty);
}

/// Waits for the list titled `title` to show `rows`, and only them.
fn wait_for_list(pty: &Pty, title: &str, rows: &[&str]) {
    pty.wait_for(&format!("{title}: {rows:?}"), |s| {
        s.contents().contains(title) && list_rows(&lines(s)) == rows
    });
}

/// The rows of the list shown over the reader (`x`, `R`), trimmed: what lies inside its
/// box, from the row under its title to its bottom border.
fn list_rows(lines: &[String]) -> Vec<String> {
    let Some(top) = lines
        .iter()
        .position(|l| l.contains("enter opens, esc closes"))
    else {
        return Vec::new();
    };
    let chars: Vec<char> = lines[top].chars().collect();
    let left = chars.iter().position(|c| *c == '┌').unwrap();
    let right = left + chars[left..].iter().position(|c| *c == '┐').unwrap();
    lines[top + 1..]
        .iter()
        .map(|l| l.chars().collect::<Vec<char>>())
        .take_while(|l| l.get(left) != Some(&'└'))
        .map(|l| {
            let inner: String = l[left + 1..right.min(l.len())].iter().collect();
            inner.trim().to_string()
        })
        .collect()
}

#[test]
fn r_lists_ref_links_and_citing_cables_in_a_folder() {
    references_and_citing_cables(true);
}

#[test]

fn r_lists_ref_links_and_citing_cables_of_an_indexed_cable() {
    references_and_citing_cables(false);
}

/// `R` on 09CAIRO1925 (a REF, a citing cable), on 05PARIS2333 and 04PARIS8983.
fn references_and_citing_cables(folder: bool) {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(folder);

    // A CSV row's cable: its REF and the cable citing it, in the header and in `R`.
    open(&mut pty, "09CAIRO1925");
    pty.wait_for_text("REF CAIRO 1059 → 09CAIRO1059");
    pty.wait_for_text("Cited by 09CAIRO2277");
    pty.send("R");
    wait_for_list(
        &pty,
        "09CAIRO1925: REF links and cited by",
        &["REF CAIRO 1059 → 09CAIRO1059", "cited by 09CAIRO2277"],
    );
    pty.send("\r");
    pty.wait_for_text("09CAIRO1059 · from Embassy Cairo");
    pty.send("\x0f");
    pty.wait_for_text("09CAIRO1925 · from Embassy Cairo");
    pty.send("R");
    pty.wait_for_text("09CAIRO1925: REF links and cited by");
    pty.send("j\r");
    pty.wait_for_text("09CAIRO2277 · from Embassy Cairo");
    pty.send("\x0f");
    pty.wait_for_text("09CAIRO1925 · from Embassy Cairo");

    // Across files: the sample's REF B is an annotated fixture, which lists it back.
    back(&mut pty);
    open(&mut pty, "05PARIS2333");
    pty.wait_for_text("B. 04 PARIS 8983 → 04PARIS8983");
    pty.send("R");
    wait_for_list(
        &pty,
        "05PARIS2333: REF links and cited by",
        &["REF B. 04 PARIS 8983 → 04PARIS8983"],
    );
    pty.send("\r");
    pty.wait_for_text("04PARIS8983 · from PARIS");
    pty.wait_for_text("Cited by 05PARIS2333");
    pty.send("R");
    wait_for_list(
        &pty,
        "04PARIS8983: REF links and cited by",
        &["cited by 05PARIS2333"],
    );
    pty.send("\r");
    pty.wait_for_text("05PARIS2333 · from PARIS");
    quit(&mut pty);
}
