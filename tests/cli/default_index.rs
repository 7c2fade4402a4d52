//! Plain `cableview` and the default corpus index (`index/` in the data dir): the index's
//! library once `cableview index` has built it, the sample before, and the sample with
//! the reason when the index cannot be opened. An older cableview's index is refused.

use std::path::Path;
use std::process::{Command, Output};

const ANNOTATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/annotated");
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release.csv");

/// Makes a broken index in a folder.
type Make = fn(&Path);

/// `cableview ARGS` with its own config and data dirs, output piped.
fn cableview(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .env("CABLEVIEW_CONFIG_DIR", home.join("config"))
        .env("CABLEVIEW_DATA_DIR", home.join("data"))
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The sample's clean text, as plain `cableview` prints it with no index.
fn sample_text(home: &Path) -> String {
    let out = cableview(home, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Cable: 05PARIS2333\n"));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// An index as an older cableview wrote it: its first fields, not the ones added since.
fn older_index(dir: &Path) {
    use tantivy::schema::{FAST, INDEXED, STORED, STRING, Schema};
    std::fs::create_dir_all(dir).unwrap();
    let mut schema = Schema::builder();
    for name in ["id", "text", "source"] {
        schema.add_text_field(name, STRING | STORED);
    }
    schema.add_u64_field("key", INDEXED | FAST);
    let index = tantivy::Index::create_in_dir(dir, schema.build()).unwrap();
    let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    writer.commit().unwrap();
}

#[test]
fn plain_cableview_opens_the_default_index_once_built() {
    let home = tempfile::tempdir().unwrap();
    let sample = sample_text(home.path());
    let out = cableview(home.path(), &["index", ANNOTATED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let index = home.path().join("data").join("index");
    assert!(index.join("meta.json").is_file(), "built in the data dir");

    // Plain `cableview` is now `cableview --index` on it: piped, it says what it holds.
    let out = cableview(home.path(), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let explicit = cableview(home.path(), &["--index", index.to_str().unwrap()]);
    assert_eq!(text(&out.stdout), text(&explicit.stdout));
    assert_eq!(
        text(&out.stdout),
        format!("{}: 34 cables\n", index.display())
    );
    assert_ne!(text(&out.stdout), sample);
    // A file named still opens that file.
    let file = Path::new(ANNOTATED).join("04PARIS8983.txt");
    let out = cableview(home.path(), &[file.to_str().unwrap()]);
    assert!(text(&out.stdout).starts_with("Cable: 04PARIS8983\n"));
    // And `cableview paths` says where the index is.
    let out = cableview(home.path(), &["paths"]);
    assert!(
        text(&out.stdout).contains(&format!("index dir    {}\n", index.display())),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_default_index_that_cannot_be_opened_gives_the_sample_and_says_why() {
    let home = tempfile::tempdir().unwrap();
    let sample = sample_text(home.path());
    let index = home.path().join("data").join("index");
    let cases: [(&str, Make); 4] = [
        ("no index here", |dir| std::fs::create_dir_all(dir).unwrap()),
        ("not a cableview index", |dir| {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("notes.txt"), "mine").unwrap();
        }),
        ("the index is corrupt", |dir| {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("meta.json"), "{ not json").unwrap();
        }),
        ("built by an older cableview", older_index),
    ];
    for (why, make) in cases {
        let _ = std::fs::remove_dir_all(&index);
        make(&index);
        let out = cableview(home.path(), &[]);
        assert!(out.status.success(), "{why}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), sample, "{why}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("cableview: default index ")
                && stderr.contains(why)
                && stderr.contains(&index.display().to_string())
                && stderr.ends_with("; showing the bundled sample\n"),
            "{why}: {stderr}"
        );
    }
}

#[test]
fn an_older_cableviews_index_is_refused_and_left_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("old");
    older_index(&dir);
    let meta = std::fs::read(dir.join("meta.json")).unwrap();
    let dir_arg = dir.to_str().unwrap();
    for args in [
        vec!["index", "--index", dir_arg, FIXTURE],
        vec!["--index", dir_arg],
        vec!["search", "--index", dir_arg, "paris"],
    ] {
        let out = cableview(home.path(), &args);
        // search exits 2 on an error, as grep does; the others 1.
        let code = if args[0] == "search" { 2 } else { 1 };
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "cableview: {}: the index was built by an older cableview; delete the folder \
                 and run `cableview index` again\n",
                dir.display()
            ),
            "{args:?}"
        );
    }
    // Nothing was added to it: an index never mixes documents of two schemas.
    assert_eq!(std::fs::read(dir.join("meta.json")).unwrap(), meta);
    // Deleted and built again, it opens.
    std::fs::remove_dir_all(&dir).unwrap();
    let out = cableview(home.path(), &["index", "--index", dir_arg, ANNOTATED]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = cableview(home.path(), &["--index", dir_arg]);
    assert!(text(&out.stdout).ends_with(": 34 cables\n"));
}
