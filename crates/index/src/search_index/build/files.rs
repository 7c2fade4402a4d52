//! Files (not release CSVs) read into the index: parsed in parallel, each one's document
//! replaced, and the manifest entries of those read returned.

use super::group::Part;
use super::{IndexError, Job, Seen, file_key, schema, walk};
use rayon::prelude::*;

impl Job<'_> {
    /// Parses files in parallel and replaces their documents; returns the manifest
    /// entries of those read.
    pub(super) fn add_files(
        &mut self,
        chunk: &[(walk::Found, String, Seen)],
    ) -> Result<Vec<(String, Seen)>, IndexError> {
        let fields = self.fields;
        let options = self.options(true);
        let parsed: Vec<_> = chunk
            .par_iter()
            .map(|(file, name, seen)| {
                let result = crate::input::load_with(&file.path, &options).map(|cable| {
                    let origin = schema::Origin {
                        source: name,
                        row: None,
                        key: file_key(name),
                    };
                    // `load_with` has already refused a file that is not a cable.
                    let tagged = schema::provenance_rank(&cable) < schema::OWN_MENTIONS;
                    let id = cable.id.clone().unwrap_or_default();
                    Some((schema::document(&fields, &cable, origin), tagged, id))
                });
                (file, name, seen, result)
            })
            .collect();
        let mut done = Vec::new();
        for (file, name, seen, result) in parsed {
            self.bytes += seen.size;
            self.drop_key(file_key(name));
            match result {
                Ok(Some((doc, tagged, id))) => {
                    let part = Part {
                        source: name.as_str().into(),
                        row: None,
                        key: file_key(name),
                    };
                    self.add(doc, &id, part)?;
                    done.push((
                        name.clone(),
                        Seen {
                            cables: 1,
                            tagged,
                            ..seen.clone()
                        },
                    ));
                }
                Ok(None) => {
                    self.skip(
                        &file.path,
                        "not a cable: no reference ID in its name and no classification".into(),
                    );
                    done.push((name.clone(), seen.clone()));
                }
                Err(e) => {
                    let message = e.to_string();
                    let prefix = format!("{}: ", crate::sanitize::path(&file.path));
                    let reason = message
                        .strip_prefix(&prefix)
                        .unwrap_or(&message)
                        .to_string();
                    self.skip(&file.path, reason);
                }
            }
        }
        self.progress();
        Ok(done)
    }
}
