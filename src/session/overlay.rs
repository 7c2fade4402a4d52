//! What stands over the view and takes the keys first: the help, the skipped-files report,
//! a list of cables, the TAG picker, the export prompt, the world map and the reader's
//! correction menu. The session keeps them on a stack; the top one gets each key, and each
//! one's handler says whether it stays.

use super::export::ExportPrompt;
use super::map::{MapOutcome, WorldMap};
use super::picker::{Picked, TagPicker};
use super::reader::Correcting;
use super::{ListCursor, Session, help, layout};
use crate::library::EntityKey;
use crate::session::action::Action;
use crate::session::message::Message;

/// One overlay of the stack.
#[derive(Debug)]
pub enum Overlay {
    /// The help of the screen under it (the table's or the reader's), and its scroll.
    Help(ListCursor),
    /// The report of the files skipped, and its scroll.
    Skipped(ListCursor),
    /// A list of cables to go to, over the reader.
    Cables(CableList),
    /// The TAG picker over the table (`T`).
    Tags(TagPicker),
    /// The export prompt of `e`.
    Export(ExportPrompt),
    /// The world map, over the table or the reader.
    Map(WorldMap),
    /// The correction menu over the reader (`E`).
    Correct(Correcting),
}

/// A list of cables to go to, shown over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CableList {
    /// What the list is (`Hezbollah in 2 other cables`).
    pub title: String,
    /// Cable, entity to select there (by key), and the line shown.
    pub items: Vec<ListItem>,
    /// The cursor.
    pub cursor: ListCursor,
}

/// One row of a [`CableList`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// The cable.
    pub cable: crate::library::CableIndex,
    /// The entity to select on arrival (its first mention is where the reader opens).
    pub entity: Option<EntityKey>,
    /// What the row says.
    pub text: String,
}

impl Session {
    /// The overlays over the view, bottom first.
    #[must_use]
    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    /// The overlay on top, which takes the keys.
    #[must_use]
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// The list of cables shown, if one is.
    #[must_use]
    pub fn cable_list(&self) -> Option<&CableList> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Cables(list) => Some(list),
            _ => None,
        })
    }

    /// See [`Session::cable_list`].
    pub fn cable_list_mut(&mut self) -> Option<&mut CableList> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Cables(list) => Some(list),
            _ => None,
        })
    }

    /// The world map shown, if it is.
    #[must_use]
    pub fn map(&self) -> Option<&WorldMap> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Map(map) => Some(map),
            _ => None,
        })
    }

    pub(super) fn map_mut(&mut self) -> Option<&mut WorldMap> {
        self.overlays.iter_mut().rev().find_map(|o| match o {
            Overlay::Map(map) => Some(map),
            _ => None,
        })
    }

    /// The export prompt shown, if it is.
    #[must_use]
    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Export(prompt) => Some(prompt),
            _ => None,
        })
    }

    /// The TAG picker shown, if it is.
    #[must_use]
    pub fn picker(&self) -> Option<&TagPicker> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Tags(picker) => Some(picker),
            _ => None,
        })
    }

    /// The help's scroll, while it is shown.
    #[must_use]
    pub fn help(&self) -> Option<ListCursor> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Help(cursor) => Some(*cursor),
            _ => None,
        })
    }

    /// Puts `overlay` on top, fitted to the terminal.
    pub(super) fn show(&mut self, overlay: Overlay) {
        self.overlays.push(overlay);
        self.fit_overlays();
    }

    /// Gives a key to the overlay on top; it stays where it was unless it closed.
    pub(super) fn overlay_action(&mut self, message: Message) {
        let Some(overlay) = self.overlays.pop() else {
            return;
        };
        let at = self.overlays.len();
        let stays = match (overlay, message) {
            (Overlay::Tags(picker), message) => {
                self.notice = None;
                self.picker_action(picker, &message)
            }
            (Overlay::Export(prompt), message) => {
                self.notice = None;
                self.export_prompt_action(prompt, message)
            }
            (Overlay::Correct(menu), message) => {
                self.correction_action(menu, message).map(Overlay::Correct)
            }
            (Overlay::Help(cursor), Message::Mouse(mouse)) => {
                self.help_action(cursor, &Self::help_mouse(&mouse))
            }
            // The others take only bound keys.
            (overlay, Message::Action(action)) => match overlay {
                Overlay::Help(cursor) => self.help_action(cursor, &action),
                Overlay::Skipped(report) => self.skipped_action(report, &action),
                Overlay::Cables(list) => self.list_action(list, action),
                Overlay::Map(map) => self.map_action(map, &action),
                overlay => Some(overlay),
            },
            (overlay, _) => Some(overlay),
        };
        if let Some(overlay) = stays {
            self.overlays.insert(at.min(self.overlays.len()), overlay);
        }
    }

    /// Tells each overlay how many rows it shows at the terminal's size.
    pub(super) fn fit_overlays(&mut self) {
        let size = self.size;
        let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
        let skipped = self.library.skipped().len();
        for overlay in &mut self.overlays {
            match overlay {
                Overlay::Skipped(report) => {
                    // The report fills the screen inside a border.
                    let rows = usize::from(size.1.saturating_sub(2)).max(1);
                    report.set_height(rows, skipped.saturating_sub(rows) + 1);
                }
                Overlay::Cables(list) => {
                    let popup = layout::cable_list_popup(area, list.items.len());
                    let rows = usize::from(popup.height.saturating_sub(2));
                    list.cursor.set_height(rows, list.items.len());
                }
                Overlay::Tags(picker) => picker.fit(size),
                Overlay::Map(map) => {
                    map.set_height(usize::from(layout::map(area).list.height).max(1));
                }
                Overlay::Help(_) | Overlay::Export(_) | Overlay::Correct(_) => {}
            }
        }
    }

    fn help_action(&mut self, mut cursor: ListCursor, action: &Action) -> Option<Overlay> {
        match action {
            Action::Help | Action::Cancel | Action::Back => None,
            action => {
                let lines = self.help_lines();
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                help::scroll(&mut cursor, &lines, area, action);
                Some(Overlay::Help(cursor))
            }
        }
    }

    fn skipped_action(&mut self, mut report: ListCursor, action: &Action) -> Option<Overlay> {
        let rows = report.height().max(1);
        let positions = self.library.skipped().len().saturating_sub(rows) + 1;
        match action {
            Action::Skipped | Action::Cancel | Action::Back => None,
            action => {
                report.apply(action, positions);
                Some(Overlay::Skipped(report))
            }
        }
    }

    fn list_action(&mut self, mut list: CableList, action: Action) -> Option<Overlay> {
        if list.cursor.apply(&action, list.items.len()) {
            return Some(Overlay::Cables(list));
        }
        match action {
            Action::Open => {
                if let Some(item) = list.items.get(list.cursor.selected).cloned() {
                    self.remember();
                    self.open(item.cable, item.entity);
                }
                None
            }
            Action::Cancel | Action::Back | Action::OtherCables | Action::References => None,
            _ => Some(Overlay::Cables(list)),
        }
    }

    /// A key in the TAG picker; a pick filters the table by that TAG.
    fn picker_action(&mut self, mut picker: TagPicker, message: &Message) -> Option<Overlay> {
        match picker.apply(message) {
            Picked::Open => Some(Overlay::Tags(picker)),
            Picked::Closed => None,
            Picked::Tag(tag) => {
                self.table.set_tag(&self.library, tag);
                None
            }
        }
    }

    /// A key while the map is shown.
    fn map_action(&mut self, mut map: WorldMap, action: &Action) -> Option<Overlay> {
        match map.apply(action) {
            MapOutcome::Stay => Some(Overlay::Map(map)),
            MapOutcome::Close => None,
            MapOutcome::Narrow(clause) => {
                self.narrow(&clause);
                None
            }
        }
    }
}
