//! Opening a cable from the index: its file or CSV row parsed again, once it is sure the
//! file is still the one indexed (its size and modification time as the last commit
//! recorded them) and the cable read is the one asked for (its reference ID), so a file
//! changed since never shows another cable's text under an ID.

use super::manifest::Manifest;
use super::search::Located;
use super::{IndexError, SearchIndex, guard};
use crate::cable::{Cable, CableId};
use std::path::PathBuf;
use std::sync::Arc;

impl SearchIndex {
    /// The whole cable `id`, parsed again from its file or CSV row.
    ///
    /// # Errors
    /// When the index does not hold it, or its file has changed or gone.
    pub fn load_cable(&self, id: &CableId) -> Result<Cable, IndexError> {
        let located = self.source_of(id)?;
        self.read_merged(&located)
    }

    /// The cable of one document, by its key ([`super::RowView::key`]): of two files
    /// that share a reference ID, the one the row was read from.
    ///
    /// # Errors
    /// When the index does not hold it, or its file has changed or gone.
    pub fn load_document(&self, key: u64) -> Result<Cable, IndexError> {
        let located = guard::guarded(&self.dir, || self.located(key))?;
        self.read_merged(&located)
    }

    /// The cable of a document, every file it was read from read again and merged as
    /// they were indexed (the base's text, a page's metadata, each file's text for the
    /// source view). Another file that cannot be read again is a warning: the base alone
    /// is still the cable.
    fn read_merged(&self, located: &Located) -> Result<Cable, IndexError> {
        let base = self.read_checked(located, self.tagging)?;
        if located.others.is_empty() {
            return Ok(base);
        }
        let mut files = vec![(super::build::shown_name(&located.source, located.row), base)];
        let mut warnings = Vec::new();
        for (source, row) in &located.others {
            let other = Located {
                source: source.clone(),
                row: *row,
                id: located.id.clone(),
                others: Vec::new(),
            };
            match self.read_checked(&other, self.tagging) {
                Ok(cable) => files.push((super::build::shown_name(source, *row), cable)),
                Err(e) => warnings.push(crate::cable::Warning {
                    line: None,
                    message: format!("another file of this cable could not be read: {e}"),
                }),
            }
        }
        // Never empty: the base is in it.
        let mut cable = crate::cable::merge::merge_files(files)
            .ok_or_else(|| IndexError::Other(self.dir.clone(), "a cable without files".into()))?;
        cable.warnings.extend(warnings);
        Ok(cable)
    }

    /// The text a search looked in ([`super::document_text`]) of the cable a document was
    /// read from, read again from its file or row (the index does not store it), untagged:
    /// a snippet needs no entities. Empty when the file has changed or gone.
    pub(super) fn text_of(&self, located: &Located) -> String {
        if let Some(byte) = located.row
            && let Some(body) = self.raw_body(located, byte)
        {
            return body;
        }
        self.read_checked(located, crate::cable::Tagging::Off)
            .map(|cable| super::document_text(&cable))
            .unwrap_or_default()
    }

    /// What to show of the cable a document was read from when the text holds no match
    /// (a query on the subject, a TAG, an entity, a recipient): its summary, where it has
    /// one, else its reading text (its paragraphs, no header lines). Empty when the file
    /// has changed or gone.
    pub(super) fn reading_text_of(&self, located: &Located) -> String {
        self.read_checked(located, crate::cable::Tagging::Off)
            .map(|cable| {
                cable
                    .header
                    .summary
                    .clone()
                    .unwrap_or_else(|| reading_text(&cable))
            })
            .unwrap_or_default()
    }

    /// The body of a CSV row as the release has it, its inline annotations' brackets
    /// taken out ([`without_mentions`]): close enough to the text the search looked in for
    /// a snippet, at a tenth of a parse's cost (twenty hits of `cableview search` would
    /// parse twenty cables). `None` when the row is not the one indexed.
    fn raw_body(&self, located: &Located, byte: u64) -> Option<String> {
        let path = PathBuf::from(&located.source);
        self.check_unchanged(&path, &located.source).ok()?;
        let row = crate::input::release_csv::read_at(&path, byte).ok()?;
        let same = located.id.is_empty() || row.reference_id.eq_ignore_ascii_case(&located.id);
        same.then(|| without_mentions(&row.body).into_owned())
    }

    /// Fails when the file is not as the last commit saw it (size, modification time).
    fn check_unchanged(&self, path: &std::path::Path, source: &str) -> Result<(), IndexError> {
        let changed = |why: String| IndexError::SourceChanged(path.to_path_buf(), why);
        if let Some(seen) = self.manifest()?.files.get(source) {
            let now = std::fs::metadata(path)
                .map_err(|e| IndexError::Other(path.to_path_buf(), e.to_string()))?;
            let modified = super::manifest::modified_ns(&now);
            if now.len() != seen.size {
                return Err(changed(format!(
                    "{} bytes now, {} when indexed",
                    now.len(),
                    seen.size
                )));
            }
            if modified != seen.modified_ns {
                return Err(changed("modified after it was indexed".to_string()));
            }
        }
        Ok(())
    }

    /// Parses a cable again from its file, or from its row of a release CSV, and makes
    /// sure it is what was indexed.
    fn read_checked(
        &self,
        located: &Located,
        tagging: crate::cable::Tagging,
    ) -> Result<Cable, IndexError> {
        let path = PathBuf::from(&located.source);
        let changed = |why: String| IndexError::SourceChanged(path.clone(), why);
        self.check_unchanged(&path, &located.source)?;
        let loaded = match located.row {
            Some(byte) => crate::input::release_csv::load_at_with(
                &path,
                byte,
                tagging,
                self.annotations.as_deref(),
            ),
            None => crate::input::load_with(
                &path,
                &crate::input::LoadOptions {
                    tagging,
                    corpus: self.annotations.clone(),
                    ..crate::input::LoadOptions::default()
                },
            ),
        };
        let cable = loaded.map_err(|e| IndexError::Other(self.dir.clone(), e.to_string()))?;
        let read = cable.id.as_deref().unwrap_or_default();
        if !located.id.is_empty() && !read.eq_ignore_ascii_case(&located.id) {
            let place = located
                .row
                .map_or_else(String::new, |byte| format!(" at byte {byte}"));
            return Err(changed(format!(
                "the cable{place} is {} now, {} when indexed",
                crate::sanitize::visible(if read.is_empty() {
                    "without an ID"
                } else {
                    read
                }),
                crate::sanitize::visible(&located.id)
            )));
        }
        Ok(cable)
    }

    /// The manifest of the commit the index was opened (or reloaded) at.
    fn manifest(&self) -> Result<Arc<Manifest>, IndexError> {
        let mut kept = self
            .manifest
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(manifest) = &*kept {
            return Ok(Arc::clone(manifest));
        }
        let manifest = Arc::new(Manifest::of(&self.dir, &self.index)?);
        *kept = Some(Arc::clone(&manifest));
        Ok(manifest)
    }
}

/// A cable's paragraphs (headings included) as one text; its whole searched text when it
/// has none.
#[must_use]
pub fn reading_text(cable: &crate::cable::Cable) -> String {
    if cable.paragraphs.is_empty() {
        return super::document_text(cable);
    }
    let mut parts: Vec<&str> = Vec::new();
    for paragraph in &cable.paragraphs {
        if let Some(heading) = &paragraph.heading {
            parts.push(heading);
        }
        parts.push(&paragraph.text);
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n\n")
}

/// A text with its inline annotations' brackets taken out, their words kept: `in [LOC
/// Paris  ] today` is `in Paris today`, so a snippet never shows the markup. A mention is
/// what the annotated format's lexer reads as one: `[`, a label of 2 to 6 capitals, a
/// space, words that do not start with a space, and the first double space after them on
/// the line, followed by `]`, with no `]` between. Anything else (`[1]`, `[NAME REMOVED]`)
/// stays as it is.
#[must_use]
pub fn without_mentions(text: &str) -> std::borrow::Cow<'_, str> {
    // `  ]` closes every mention: a text without one has none, and is not copied.
    if !text.contains("  ]") {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find('[') {
        let open = at + found;
        let label = bytes[open + 1..]
            .iter()
            .take(7)
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let body = open + label + 2;
        let mention = (2..=6).contains(&label)
            && bytes.get(open + 1 + label) == Some(&b' ')
            && bytes.get(body).is_some_and(|&b| b != b' ');
        // On the mention's line: the lexer reads a line at a time.
        let line = text[body.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| body + i);
        let close = mention
            .then(|| text[body..line].find("  ").map(|i| body + i))
            .flatten()
            .filter(|&close| bytes.get(close + 2) == Some(&b']'))
            // `[NAME REMOVED] went to [LOC Paris  ]` holds one mention, not two.
            .filter(|&close| !text[body..close].contains(']'));
        match close {
            Some(close) => {
                out.push_str(&text[copied..open]);
                out.push_str(&text[body..close]);
                copied = close + 3;
                at = copied;
            }
            None => at = open + 1,
        }
    }
    out.push_str(&text[copied..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::without_mentions;

    #[test]
    fn brackets_go_and_their_words_stay() {
        assert_eq!(
            without_mentions(
                "Embassy [LOC Paris  ] welcomes [ORG FBI  ] Director [PER Robert Mueller  ] ."
            ),
            "Embassy Paris welcomes FBI Director Robert Mueller ."
        );
        // Not mentions: a label too short or too long, lower case, no double space, a
        // body starting with a space.
        for text in [
            "see [1] and [sic]",
            "[L Paris  ]",
            "[LOCATION Paris  ]",
            "[loc Paris  ]",
            "[LOC  Paris  ]",
            "[LOC Paris ]",
            "a [LOC Paris  ",
        ] {
            assert_eq!(without_mentions(text), text, "{text}");
        }
        assert_eq!(
            without_mentions("[NAME REMOVED] said\nin [LOC Paris  ]"),
            "[NAME REMOVED] said\nin Paris"
        );
        assert_eq!(
            without_mentions("[NAME REMOVED] went to [LOC Paris  ]"),
            "[NAME REMOVED] went to Paris"
        );
        assert_eq!(
            without_mentions("[ORG Islamic Maghreb ( AQIM  ] ) [MISC é  ]é"),
            "Islamic Maghreb ( AQIM ) éé"
        );
    }
}
