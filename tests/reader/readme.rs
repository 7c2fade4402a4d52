//! The key tables in `docs/keys.md` are the keymap's own tables, so the two cannot drift apart.

#[test]
fn documented_key_tables_match_the_keymap() {
    let keys =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md")).unwrap();
    let keymap = cableview::session::keymap::Keymap::default();
    let table = keymap.markdown_table();
    assert!(
        keys.contains(&table),
        "docs/keys.md's reader key table is out of date; it should read:\n{table}"
    );
    let library = keymap.library_markdown_table();
    assert!(
        keys.contains(&library),
        "docs/keys.md's library key table is out of date; it should read:\n{library}"
    );
}
