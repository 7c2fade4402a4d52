//! `cableview export --index DIR [ID...|--query Q]`: the cables of a corpus index (all,
//! by ID, or those a query finds) in any export format, or their rows as CSV. Each cable
//! is read from its files through the index when its turn comes, as the library opens
//! it. Exit status as `search`'s: 1 no cable found, 2 an error.

use super::index::index_dir;
use super::{Failure, write_out};
use crate::cable::CableId;
use crate::export::folder::Folder;
use crate::library::Library;
use crate::library::bundle::{self, Bundle, BundleError, Selection};
use crate::sanitize::{path as shown, visible};
use std::path::{Path, PathBuf};

/// `cableview export --index DIR [--format F] [--out DIR] [ID...|--query Q]`.
pub(super) fn export_index_command(
    given: &Path,
    ids: &[PathBuf],
    query: Option<&str>,
    bundle: Bundle,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let error = |message: String| Failure { message, code: 2 };
    let dir = index_dir(Some(given)).map_err(|f| error(f.message))?;
    let mut index = super::indexed::open(&dir, None).map_err(|f| error(f.message))?;
    let options = super::load::load_options().map_err(|f| error(f.message))?;
    index.set_aliases(options.aliases.clone());
    let library = Library::from_index_with(index, options).map_err(|e| error(e.to_string()))?;
    let ids: Vec<CableId> = ids
        .iter()
        .map(|id| CableId::new(id.to_string_lossy()))
        .collect();
    let picked = if ids.is_empty() {
        bundle::pick(&library, &Selection::Query(query.unwrap_or("").to_string()))
    } else {
        bundle::pick_ids(&library, &ids)
    };
    let picked = picked.map_err(|e| match e {
        BundleError::UnknownId(_) => Failure {
            message: e.to_string(),
            code: 1,
        },
        BundleError::Index(crate::search_index::IndexError::Query(q)) => {
            let query = query.unwrap_or_default();
            error(format!(
                "query error at column {}: {}\n  {}\n  {}^",
                q.column,
                q.message,
                visible(query),
                " ".repeat(q.column.saturating_sub(1))
            ))
        }
        e => error(e.to_string()),
    })?;
    if picked.is_empty() {
        return Err(Failure {
            message: match query {
                Some(query) => format!("no cable matches {}", visible(query)),
                None => format!("{}: the index holds no cable", shown(&dir)),
            },
            code: 1,
        });
    }
    match bundle {
        Bundle::Rows => {
            let csv = bundle::rows_csv(&library, &picked);
            match out {
                None => write_out(&csv).map_err(|e| error(e.to_string())),
                Some(out) => {
                    let mut folder = Folder::new(out, crate::export::Format::Csv)
                        .map_err(|e| error(e.to_string()))?;
                    let path = folder
                        .write(bundle::ROWS_FILE, &csv)
                        .map_err(|e| error(e.to_string()))?;
                    write_out(&format!("{}\n", shown(&path))).map_err(|e| error(e.to_string()))
                }
            }
        }
        Bundle::Cables(format) => {
            let unread = super::exporting::export_picked(&library, &picked, format, out)
                .map_err(|e| error(e.to_string()))?;
            if unread > 0 {
                return Err(error(format!(
                    "{unread} of {} cables could not be read from their files",
                    picked.len()
                )));
            }
            Ok(())
        }
    }
}
