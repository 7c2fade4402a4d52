//! The real binary searching a corpus index as the user types: ranked rows with the
//! selected cable's snippet, the words highlighted in the cable opened, the facets pane
//! narrowing the search.

use crate::indexed::{Corpus, ids, lines, quit, search, title};

#[test]
fn typing_searches_the_text_opens_at_the_words_and_facets_narrow() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    pty.wait_for("the table", |s| {
        title(&lines(s)).starts_with("cableview library:")
    });

    // Typed fast, the query is asked of the index; the rows are its cables, best first.
    let expected = search(&corpus.index, "hezbollah");
    assert!(expected.len() > 2, "{expected:?}");
    pty.send("/hezbollah");
    pty.wait_for("the cables saying hezbollah", |s| {
        let lines = lines(s);
        title(&lines).contains("best first")
            && ids(&lines)
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
                == expected
    });
    // Under the table, the selected cable's snippet.
    let first = ids(&pty.rows())[0].clone();
    pty.wait_for_text(&format!("── {first} ─"));

    // Enter ends the typing, Enter again opens the best at its first "hezbollah".
    pty.send("\r\r");
    pty.wait_for_text(&format!("{first} · from"));
    pty.wait_for("the first match", |s| {
        lines(s)
            .last()
            .is_some_and(|status| status.contains("/hezbollah 1/"))
    });
    pty.send("n");
    pty.wait_for("the second match", |s| {
        lines(s)
            .last()
            .is_some_and(|status| status.contains("/hezbollah 2/"))
    });

    // Back in the table, F shows the facets and moves into them; enter narrows.
    pty.send("\x7f");
    pty.wait_for_text("best first");
    pty.send("F");
    pty.wait_for_text(&format!("Facets · {} cables", expected.len()));
    pty.send("\r");
    pty.wait_for("the query narrowed by a class", |s| {
        title(&lines(s)).contains("/hezbollah class=")
    });
    let query = title(&pty.rows())
        .split_once('/')
        .map(|(_, q)| q.split(" (").next().unwrap_or_default().trim().to_string())
        .unwrap();
    let narrowed = search(&corpus.index, &query);
    assert!(narrowed.len() < expected.len() && !narrowed.is_empty());
    pty.wait_for("the narrowed rows", |s| {
        ids(&lines(s))
            .into_iter()
            .collect::<std::collections::BTreeSet<_>>()
            == narrowed
    });
    quit(&mut pty);
}
