//! The benchmark corpus generator writes cables the library reads back whole.

use crate::corpus;

use cableview::input::load_paths;
use cableview::library::Library;
use corpus::{Source, generate};
use std::path::Path;

#[test]
fn generated_cables_load_with_ids_origins_and_resolving_refs() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/annotated");
    let source = Source::from_dir(&fixtures).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let written = generate(&source, 200, 42, dir.path()).unwrap();
    assert_eq!(written.cables, 200);
    // About 10 KB a cable, so 10,000 make about 100 MB.
    let average = written.bytes / 200;
    assert!((6_000..16_000).contains(&average), "average size {average}");

    let library = Library::new(load_paths(&[dir.path().to_path_buf()]));
    assert_eq!(library.len(), 200);
    assert!(library.skipped().is_empty(), "{:?}", library.skipped());
    let mut links = 0;
    for i in library.cables() {
        let cable = library.open(i).unwrap();
        let id = cable.id.as_deref().unwrap();
        let file = library.path(i).unwrap().file_stem().unwrap();
        assert_eq!(file.to_str(), Some(id));
        assert!(cable.header.classification.is_some(), "{id}");
        let origin = cable.header.origin.as_deref().unwrap_or_default();
        assert!(
            id.contains(origin) && !origin.is_empty(),
            "{id}: origin {origin:?}"
        );
        assert!(!cable.paragraphs.is_empty(), "{id}");
        for (reference, link) in library.references(i) {
            // REFs to cables outside the corpus use serials above any generated one.
            let serial: u64 = reference.text.rsplit(' ').next().unwrap().parse().unwrap();
            if serial >= 100_000 {
                assert_eq!(link, None, "{id}: {}", reference.text);
                continue;
            }
            let target = link.unwrap_or_else(|| panic!("{id}: {} unresolved", reference.text));
            assert!(library.cited_by(target).contains(&i));
            links += 1;
        }
    }
    assert!(links > 100, "only {links} REF links");

    // The same seed writes the same corpus.
    let again = tempfile::tempdir().unwrap();
    generate(&source, 200, 42, again.path()).unwrap();
    let first = library
        .path(library.cables().next().unwrap())
        .unwrap()
        .file_name()
        .unwrap();
    assert_eq!(
        std::fs::read(dir.path().join(first)).unwrap(),
        std::fs::read(again.path().join(first)).unwrap()
    );
}

#[test]
fn a_source_directory_without_cables_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let error = Source::from_dir(empty.path()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("no annotated cable with paragraphs")
    );
}

#[test]
fn paragraph_bodies_split_at_anchors() {
    let text = "<code><pre>HEAD <a id='par1' href='#par1'>¶</a>1 . \n\
                one . <a id='par2' href='#par2'>¶</a>2 . \ntwo . \nLEACH \n</pre></code>";
    assert_eq!(corpus::paragraph_bodies(text), ["one . ", "two . \nLEACH "]);
    assert!(corpus::paragraph_bodies("no anchors").is_empty());
}

#[test]
fn rng_is_deterministic_and_bounded() {
    let (mut a, mut b) = (corpus::Rng(7), corpus::Rng(7));
    for _ in 0..100 {
        let x = a.below(10);
        assert_eq!(x, b.below(10));
        assert!(x < 10);
    }
    assert_eq!(a.below(0), 0);
}
