//! Cables with control characters, made in the test: the sample with them in its subject,
//! its text and an entity name, and a check that text holds none of them.

/// What an attacker puts in a cable: an escape that ends bracketed paste, carriage
/// returns around a command, a title-setting OSC, C1 CSI and OSC, a bidi override.
pub const PAYLOAD: &str = "\u{1b}[201~\recho PWNED\r\u{1b}]0;T\u{7}\u{9b}31m\u{9d}\u{202e}";

/// The sample cable with [`PAYLOAD`] in its subject, in ¶1's text and in an entity name.
pub fn cable() -> String {
    let sample = cableview::SAMPLE;
    let hostile = sample
        .replacen(
            "SUBJECT: GWOT ASSESSMENT",
            &format!("SUBJECT: GWOT {PAYLOAD} ASSESSMENT"),
            1,
        )
        .replacen(
            "Summary: U.S.-French",
            &format!("Summary: {PAYLOAD} U.S.-French"),
            1,
        )
        .replacen("[ORG USG  ]", "[ORG U\u{1b}]0;T\u{7}S\u{9b}G  ]", 1);
    assert_ne!(hostile, sample, "the payload went in");
    hostile
}

/// Writes [`cable`] as `05PARIS2333.txt` in `dir` and returns its path.
pub fn write_cable(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("05PARIS2333.txt");
    std::fs::write(&path, cable()).expect("write the hostile cable");
    path
}

/// The characters that must never leave cableview raw: C0 but line feed and tab, DEL,
/// C1, the bidi overrides and isolates.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Fails, naming where, if `bytes` hold a forbidden character.
pub fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some((at, c)) = text.char_indices().find(|(_, c)| is_forbidden(*c)) {
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(20)
            .map_or(0, |(i, _)| i);
        panic!(
            "{what}: raw {c:?} at byte {at}, after {:?}",
            &text[start..at]
        );
    }
}
