//! The files of one cable made one: a folder may hold a cable twice (its annotated text
//! and its WikiLeaks page), and the library, an export and the corpus index all show it
//! once, merged the same way: the file with annotations of its own (the annotated text),
//! else the one with the most mentions (a page the tagger read), is the base, giving the
//! document, its entities and mentions; a page (the file with a creation date) gives the
//! dates and metadata; each fills what the other lacks.

use super::{Cable, Header, OtherSource};

/// Merges the header fields of another file of the same cable into `base`. A page's
/// fields (it alone has a creation date) win over a text's; otherwise `other` only fills
/// what `base` lacks. The header's text and mentions stay `base`'s.
pub fn merge_header(base: &mut Header, other: &Header) {
    let page = other.created.is_some() && base.created.is_none();
    fn pick<T: Clone>(base: &mut Option<T>, other: &Option<T>, page: bool) {
        if other.is_some() && (page || base.is_none()) {
            base.clone_from(other);
        }
    }
    fn pick_all<T: Clone>(base: &mut Vec<T>, other: &[T], page: bool) {
        if !other.is_empty() && (page || base.is_empty()) {
            *base = other.to_vec();
        }
    }
    pick(&mut base.classification, &other.classification, page);
    pick_all(&mut base.caveats, &other.caveats, page);
    pick(&mut base.section, &other.section, page);
    pick(&mut base.origin, &other.origin, page);
    pick(&mut base.serial, &other.serial, page);
    pick(&mut base.addressees, &other.addressees, page);
    pick_all(&mut base.to, &other.to, page);
    pick_all(&mut base.info, &other.info, page);
    pick(&mut base.transmission, &other.transmission, page);
    pick(&mut base.executive_order, &other.executive_order, page);
    pick(&mut base.declassify_on, &other.declassify_on, page);
    pick_all(&mut base.tags, &other.tags, page);
    pick(&mut base.subject, &other.subject, page);
    pick_all(&mut base.references, &other.references, page);
    pick(&mut base.classified_by, &other.classified_by, page);
    pick(
        &mut base.classified_by_name,
        &other.classified_by_name,
        page,
    );
    pick(&mut base.reasons, &other.reasons, page);
    pick(&mut base.summary, &other.summary, page);
    pick(&mut base.created, &other.created, page);
    pick(&mut base.released, &other.released, page);
}

/// Takes another file of the cable into it: its header fields merged in, its text kept
/// for the source view under `name`.
pub fn absorb(cable: &mut Cable, name: String, other: Cable) {
    merge_header(&mut cable.header, &other.header);
    cable.other_sources.push(OtherSource {
        name,
        text: other.source,
        spans: other.source_spans,
    });
}

/// Which file of a cable is its base: annotations of its own first, then the most
/// mentions (the greater rank wins; of equals, the first).
#[must_use]
pub fn base_rank(cable: &Cable) -> (bool, usize) {
    (cable.annotated(), cable.mention_count())
}

/// The files of one cable read apart (its annotated text and its page), each with its
/// name, made one cable as a library makes them: the file with annotations of its own,
/// else the one with the most mentions, else the first, is the base; the others' header
/// fields are merged in and their text kept for the source view. `None` when empty.
#[must_use]
pub fn merge_files(mut files: Vec<(String, Cable)>) -> Option<Cable> {
    // Stable: of files that rank alike, the first read is the base.
    files.sort_by_key(|(_, c)| std::cmp::Reverse(base_rank(c)));
    let mut files = files.into_iter();
    let (name, mut cable) = files.next()?;
    if files.len() > 0 {
        cable.source_name = Some(name);
    }
    for (name, other) in files {
        absorb(&mut cable, name, other);
    }
    Some(cable)
}
