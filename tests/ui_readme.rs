//! The README's key table is the keymap's own table, so the two cannot drift apart.

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = cableview::keymap::Keymap::default().markdown_table();
    assert!(readme.contains("## Keys"), "README has a Keys section");
    assert!(
        readme.contains(&table),
        "README's key table is out of date; it should read:\n{table}"
    );
}
