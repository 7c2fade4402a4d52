//! `y` and `Y`: quotes with their citation, handed to the event loop for the clipboard
//! ([`super::Effect::Copy`]).

use super::Reader;
use crate::export::citation;

impl Reader {
    /// Queues the current paragraph with its citation, as the config's template says.
    pub(super) fn copy_paragraph(&mut self) {
        let block = self.current_block();
        let quote = match block {
            0 => Some(format!(
                "{} header: {}",
                self.cable.title(),
                self.cable.header.text
            )),
            b => citation::paragraph(&self.cable, b - 1, &self.options.citation),
        };
        let Some(quote) = quote else {
            self.notify("nothing to copy here");
            return;
        };
        let place = match block {
            0 => "the header".to_string(),
            b => format!("¶{}", self.cable.paragraphs[b - 1].label),
        };
        self.queue_copy(quote, &place);
    }

    /// Queues every mention of the selected entity, one line each with its paragraph.
    pub(super) fn copy_mentions(&mut self) {
        let Some(entity) = self.selected.and_then(|i| self.cable.entities.get(i)) else {
            self.notify("select an entity first (Enter in the sidebar), then Y");
            return;
        };
        let place = format!("{} mentions of {}", entity.count, entity.name);
        let quote = citation::entity_mentions(&self.cable, entity);
        self.queue_copy(quote, &place);
    }

    /// Control characters in the quote are made visible first: a paste of it into a shell
    /// must not end bracketed paste (`ESC[201~`) or run a line of its own (`CR`). The loop
    /// says how the copy went: only it can know.
    fn queue_copy(&mut self, quote: String, place: &str) {
        let quote = crate::sanitize::printable(&quote).into_owned();
        let chars = quote.chars().count();
        self.effects.push(super::Effect::Copy {
            text: quote,
            what: format!("{place} ({chars} characters)"),
        });
    }
}
