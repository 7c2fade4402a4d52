//! Keys written for people: in the help (`j, down`, digits as `1..9`) and in the
//! README's Markdown tables of both sections.

use super::{Key, Keymap};
use crate::session::action::Action;
use ratatui::crossterm::event::KeyCode;

/// The keys of an action written for people: `j, down`; a run of digits as `1..9`.
pub fn describe_keys(keys: &[Key]) -> String {
    let digits = keys
        .iter()
        .filter(|k| matches!(k.code, KeyCode::Char(c) if c.is_ascii_digit()))
        .count();
    if digits == keys.len() && digits > 2 {
        let first = keys.first().map(ToString::to_string).unwrap_or_default();
        let last = keys.last().map(ToString::to_string).unwrap_or_default();
        return format!("{first}..{last}");
    }
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Keys for a Markdown table cell: in backticks, `(unbound)` for none.
fn markdown_keys(keys: &[Key]) -> String {
    let keys = describe_keys(keys);
    if keys.is_empty() {
        "(unbound)".to_string()
    } else {
        format!("`{keys}`").replace('|', "\\|")
    }
}

impl Keymap {
    /// The keys of a reader action written for people: `j, down`; digits as `1..9`.
    #[must_use]
    pub fn describe(&self, action: &Action) -> String {
        describe_keys(self.keys(action))
    }

    /// The keys of a library action written for people: `ctrl-i, ctrl-n`.
    #[must_use]
    pub fn describe_library(&self, action: &Action) -> String {
        describe_keys(self.library_keys(action))
    }

    /// A Markdown table of every reader binding, for the README.
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| keys | action |\n|---|---|\n");
        for (binding, keys) in self.bindings() {
            out.push_str(&format!("| {} | {} |\n", markdown_keys(keys), binding.doc));
        }
        out
    }

    /// A Markdown table of every library binding and where it works, for the README.
    #[must_use]
    pub fn library_markdown_table(&self) -> String {
        let mut out = String::from("| keys | where | action |\n|---|---|---|\n");
        for (binding, keys) in self.library_bindings() {
            let action = &binding.action;
            let place = match (action.on_table(), action.moves_between_cables()) {
                (true, true) => "library, reader",
                (false, true) => "reader",
                _ => "library",
            };
            out.push_str(&format!(
                "| {} | {place} | {} |\n",
                markdown_keys(keys),
                binding.doc
            ));
        }
        out
    }
}
