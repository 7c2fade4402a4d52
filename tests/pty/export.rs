//! The real binary's `e` in the library of a corpus index: after a search, a format
//! picked and a folder typed, the export runs, the status line tells its result, and
//! the folder holds one file per cable the search found.

use crate::indexed::{Corpus, lines, quit, search};

#[test]
fn e_exports_the_search_one_file_per_cable_into_the_folder_typed() {
    let corpus = Corpus::new();
    let mut pty = corpus.spawn(false);
    let expected = search(&corpus.index, "paris");
    assert!(expected.len() > 2, "{expected:?}");
    pty.send("/paris\r");
    pty.wait_for_text(&format!("{} of 39 cables match", expected.len()));

    pty.send("e");
    pty.wait_for_text("export every match of paris");
    pty.wait_for_text("› rows as CSV");
    // The second choice, the cables as JSON (the prompt takes letters as text: an arrow).
    pty.send("\x1b[B");
    pty.wait_for_text("› cables as json");
    pty.send("\r");
    pty.wait_for_text("into the folder ›");
    let out = tempfile::tempdir().expect("a folder");
    let folder = out.path().join("paris");
    pty.send(folder.to_str().unwrap());
    pty.wait_for_text(&format!("› {}", folder.display()));
    pty.send("\r");
    let told = format!("exported {} cables to", expected.len());
    pty.wait_for(&format!("{told:?} on the status line"), |s| {
        lines(s).last().is_some_and(|l| l.contains(&told))
    });

    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .expect("the folder was made")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    let wanted: Vec<String> = expected.iter().map(|id| format!("{id}.json")).collect();
    assert_eq!(written, wanted, "one file per cable found");
    for name in &written {
        let json = std::fs::read_to_string(folder.join(name)).unwrap();
        let cable: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert!(cable.is_object(), "{name}: {json}");
    }
    quit(&mut pty);
}
