//! When the open cable's reading position is worth saving: after a jump to another
//! paragraph or a change of what is kept (selection, hidden kinds, marks), on leaving the
//! cable and on quit. Scrolling within a paragraph waits, to spare the disk.

use super::Effect;
use crate::session::reader::ReadingPosition;

/// The open cable's key in the reading state and the last position saved for it.
#[derive(Debug, Default)]
pub(super) struct Positions {
    key: Option<String>,
    saved: Option<ReadingPosition>,
}

impl Positions {
    /// A cable was opened: `saved` is where the reading state has it.
    pub(super) fn open(&mut self, key: String, saved: Option<ReadingPosition>) {
        self.key = Some(key);
        self.saved = saved;
    }

    /// The save to ask for, if any: `exact` saves any change, else only a move to another
    /// paragraph or a change of what is kept.
    pub(super) fn save(&mut self, position: ReadingPosition, exact: bool) -> Option<Effect> {
        let key = self.key.as_ref()?;
        let changed = self.saved.as_ref().is_none_or(|saved| {
            if exact {
                *saved != position
            } else {
                let mut saved = saved.clone();
                saved.row = position.row;
                saved != position
            }
        });
        if !changed {
            return None;
        }
        self.saved = Some(position.clone());
        Some(Effect::SavePosition {
            key: key.clone(),
            position,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(paragraph: usize, row: usize) -> ReadingPosition {
        ReadingPosition {
            paragraph,
            row,
            ..ReadingPosition::default()
        }
    }

    #[test]
    fn scrolling_within_a_paragraph_waits_for_an_exact_save() {
        let mut positions = Positions::default();
        assert_eq!(positions.save(at(1, 0), true), None, "no cable open");
        positions.open("05PARIS2333".into(), Some(at(1, 0)));
        assert_eq!(positions.save(at(1, 3), false), None);
        assert!(positions.save(at(2, 0), false).is_some());
        assert_eq!(positions.save(at(2, 0), true), None, "already saved");
        let exact = positions.save(at(2, 5), true);
        assert_eq!(
            exact,
            Some(Effect::SavePosition {
                key: "05PARIS2333".into(),
                position: at(2, 5)
            })
        );
    }
}
