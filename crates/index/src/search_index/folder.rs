//! The index's folder for an update: the index opened, or created when the folder is
//! new, empty, or holds only what tantivy writes while another cableview creates it.

use super::{IndexError, schema};
use std::path::Path;
use tantivy::Index;

/// The index in `dir`, created (with the folder) when there is none.
pub(super) fn open_or_create(dir: &Path) -> Result<Index, IndexError> {
    let owned = dir.to_path_buf();
    if !dir.join("meta.json").is_file() {
        if dir.is_file() || !only_tantivy_files(dir) {
            return Err(IndexError::NotAnIndex(owned));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| IndexError::NotWritable(owned.clone(), e.to_string()))?;
        let (schema, _) = schema::build();
        match Index::create_in_dir(dir, schema) {
            Ok(index) => {
                schema::register_tokenizers(&index);
                return Ok(index);
            }
            // Another cableview created it meanwhile: open it, and its writer's lock
            // tells which of the two goes on.
            Err(tantivy::TantivyError::IndexAlreadyExists) => {}
            Err(e) => return Err(IndexError::from_tantivy(dir, e)),
        }
    }
    let index = Index::open_in_dir(dir).map_err(|e| super::damaged(dir, e))?;
    schema::register_tokenizers(&index);
    Ok(index)
}

/// Whether a folder without an index's `meta.json` is missing, empty, or holds only
/// what tantivy writes while it creates an index (its lock files, its list of files, a
/// `meta.json` being written under a temporary name): another cableview creating the
/// index there this moment, or one stopped while it did.
fn only_tantivy_files(dir: &Path) -> bool {
    // A folder that cannot be listed is for creating the index to report on.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return true;
    };
    entries.flatten().all(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        name.starts_with(".tmp") || name.starts_with(".tantivy-") || name == ".managed.json"
    })
}
