//! `e` in the library: the rows shown taken away. A picker of what to write (the rows as
//! CSV, or the cables in a format), then the folder (empty for the default), then, when
//! that folder already holds files, a question before anything is overwritten. The
//! export itself runs on a thread the event loop starts ([`Effect::Export`]); each tick
//! the status line says how far it is.

use super::{Effect, Overlay, Session};
use crate::export::Format;
use crate::library::bundle::{Bundle, ExportHandle, ExportState, Selection};
use crate::session::action::Action;
use crate::session::message::Message;
use std::path::PathBuf;

/// The prompt's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportPrompt {
    /// Picking what to write: the cursor over [`choices`].
    What(usize),
    /// Typing the folder (empty: the default, `./cableview-export-DATE/`).
    Folder {
        /// What to write.
        bundle: Bundle,
        /// The folder typed so far.
        text: String,
    },
    /// The folder holds files already: `y` writes over them.
    Overwrite {
        /// What to write.
        bundle: Bundle,
        /// The folder.
        dir: PathBuf,
    },
}

/// What `e` offers, in order: the rows, then the cables in each export format.
#[must_use]
pub fn choices() -> Vec<Bundle> {
    std::iter::once(Bundle::Rows)
        .chain(Format::ALL.into_iter().map(Bundle::Cables))
        .collect()
}

impl Session {
    /// `e`: opens the prompt, unless an export is running already.
    pub(super) fn start_export(&mut self) {
        if self.exporting.is_some() {
            return self.tell("an export is running; wait for it to finish".to_string());
        }
        if self.table.rows().is_empty() {
            return self.tell("no rows to export".to_string());
        }
        self.show(Overlay::Export(ExportPrompt::What(0)));
    }

    /// A key while the prompt is open: the prompt after it, if it stays.
    pub(super) fn export_prompt_action(
        &mut self,
        prompt: ExportPrompt,
        message: Message,
    ) -> Option<super::Overlay> {
        let choices = choices();
        let prompt = match (prompt, message) {
            (_, Message::Action(Action::Cancel)) => None,
            (ExportPrompt::What(at), Message::Action(Action::Down)) => {
                Some(ExportPrompt::What((at + 1).min(choices.len() - 1)))
            }
            (ExportPrompt::What(at), Message::Action(Action::Up)) => {
                Some(ExportPrompt::What(at.saturating_sub(1)))
            }
            (ExportPrompt::What(at), Message::Action(Action::Open)) => Some(ExportPrompt::Folder {
                bundle: choices[at.min(choices.len() - 1)],
                text: String::new(),
            }),
            (ExportPrompt::Folder { bundle, mut text }, Message::Type(c)) => {
                text.push(c);
                Some(ExportPrompt::Folder { bundle, text })
            }
            (ExportPrompt::Folder { bundle, mut text }, Message::Backspace) => {
                text.pop();
                Some(ExportPrompt::Folder { bundle, text })
            }
            (ExportPrompt::Folder { bundle, text }, Message::Action(Action::Open)) => {
                let dir = (!text.trim().is_empty()).then(|| PathBuf::from(text.trim()));
                self.ask_export(bundle, dir, false);
                None
            }
            (ExportPrompt::Overwrite { bundle, dir }, Message::Type('y' | 'Y')) => {
                self.ask_export(bundle, Some(dir), true);
                None
            }
            (ExportPrompt::Overwrite { .. }, _) => {
                self.tell("nothing exported".to_string());
                None
            }
            (prompt, _) => Some(prompt),
        };
        prompt.map(Overlay::Export)
    }

    /// Asks the loop to export the rows shown: on an index with a query, every cable it
    /// finds (not only the best the table lists); else the table's rows in their order.
    fn ask_export(&mut self, bundle: Bundle, dir: Option<PathBuf>, overwrite: bool) {
        let query = self.table.query().text.trim();
        let selection = if self.table.searches_index() && !query.is_empty() {
            Selection::Query(query.to_string())
        } else {
            Selection::Rows(self.table.rows().to_vec())
        };
        self.effects.push(Effect::Export {
            selection,
            bundle,
            dir,
            overwrite,
        });
    }

    /// The loop found the folder holding files: ask before writing over them.
    pub(super) fn export_would_overwrite(&mut self, bundle: Bundle, dir: PathBuf) {
        self.show(Overlay::Export(ExportPrompt::Overwrite { bundle, dir }));
    }

    /// The loop started the export.
    pub(super) fn export_started(&mut self, handle: ExportHandle) {
        self.tell(format!(
            "exporting {} to {}…",
            handle.bundle.describe(),
            crate::sanitize::path(&handle.dir)
        ));
        self.exporting = Some(handle);
    }

    /// A tick: how far the export is, or how it ended.
    pub(super) fn poll_export(&mut self) {
        let Some(handle) = &self.exporting else {
            return;
        };
        let dir = crate::sanitize::path(&handle.dir);
        let message = match handle.poll() {
            ExportState::Running(0, 0) => return,
            ExportState::Running(done, total) => {
                format!("exporting: {done} of {total} cables to {dir}…")
            }
            ExportState::Finished(result) => {
                self.exporting = None;
                match result {
                    Ok(written) if written.failed.is_empty() => format!(
                        "exported {} cables to {dir} ({} files)",
                        written.cables, written.files
                    ),
                    Ok(written) => format!(
                        "exported {} cables to {dir}; {} could not be read: {}",
                        written.cables,
                        written.failed.len(),
                        written.failed[0]
                    ),
                    Err(e) => format!("export failed: {e}"),
                }
            }
        };
        self.tell(message);
    }

    /// Whether an export is running (the loop then ticks, for its progress).
    #[must_use]
    pub fn is_exporting(&self) -> bool {
        self.exporting.is_some()
    }
}
