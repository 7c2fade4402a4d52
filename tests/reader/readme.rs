//! The README's key tables are the keymap's own tables, so the two cannot drift apart.

#[test]
fn readme_key_tables_match_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let keymap = cableview::session::keymap::Keymap::default();
    assert!(readme.contains("## Keys"), "README has a Keys section");
    let keys = &readme[readme.find("## Keys").unwrap()..];
    let keys = &keys[..keys[3..].find("\n## ").map_or(keys.len(), |i| i + 3)];
    let table = keymap.markdown_table();
    assert!(
        keys.contains(&table),
        "README's key table is out of date; it should read:\n{table}"
    );
    let library = keymap.library_markdown_table();
    assert!(
        keys.contains(&library),
        "README's library key table is out of date; it should read:\n{library}"
    );
}
