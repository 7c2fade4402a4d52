//! The facets pane beside the table of a corpus index: for the current query, how many
//! of its cables fall under each classification, origin, year and TAG, and the entities
//! of each kind most of them name. The cursor moves over the values (never the
//! headings); `enter` gives the query clause that narrows the query to the value.

use super::ListCursor;
use crate::cable::EntityKind;
use crate::search_index::Facets;
use crate::session::action::Action;
use crate::session::timeline::{Period, Timeline};

/// One facet: what its values are values of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Section {
    /// The classification level (`SECRET`).
    Classification,
    /// The sending post (`Embassy Paris`).
    Origin,
    /// The year the cable was sent (`2005`).
    Year,
    /// A TAG (`PTER`).
    Tag,
    /// Entities of one kind (MISC gathers the kinds that are not PER, ORG or LOC).
    Entity(EntityKind),
    /// The query's timeline, its values periods drawn as bars (in place of the years).
    Timeline(Period),
}

impl Section {
    /// The heading shown above the section's values.
    #[must_use]
    pub fn heading(&self) -> &'static str {
        match self {
            Self::Classification => "Classification",
            Self::Origin => "Origin",
            Self::Year => "Year",
            Self::Tag => "TAG",
            Self::Entity(EntityKind::Per) => "People",
            Self::Entity(EntityKind::Org) => "Organisations",
            Self::Entity(EntityKind::Loc) => "Places",
            Self::Entity(_) => "Other",
            Self::Timeline(Period::Year) => "Timeline by year",
            Self::Timeline(Period::Month) => "Timeline by month",
        }
    }

    /// The query field that matches one of the section's values exactly.
    fn field(&self) -> &'static str {
        match self {
            Self::Classification => "class",
            Self::Origin => "origin",
            Self::Year => "year",
            Self::Tag => "tag",
            Self::Entity(EntityKind::Per) => "per",
            Self::Entity(EntityKind::Org) => "org",
            Self::Entity(EntityKind::Loc) => "loc",
            Self::Entity(_) => "misc",
            Self::Timeline(_) => "date",
        }
    }
}

/// The query clause that narrows a query to the cables with `value` in `section`, the
/// very cables the facet counts: `class=SECRET`, `origin="Embassy Paris"`, `year=2005`,
/// `tag=PTER`, `per="Djamel Beghal"` (see [`crate::search_index::EXACT`]). `None` for
/// an empty value, which no query can name.
#[must_use]
pub fn clause(section: &Section, value: &str) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    if let Section::Timeline(_) = section {
        return Some(Timeline::clause(value));
    }
    let value = if value.chars().all(char::is_alphanumeric) {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    };
    Some(format!("{}={value}", section.field()))
}

/// One row of the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A section's heading (not selectable).
    Heading(Section),
    /// One value and how many of the query's cables have it.
    Value {
        /// The section it is a value of.
        section: Section,
        /// The value as the cables write it.
        name: String,
        /// Cables of the query with it.
        count: u64,
    },
}

/// The pane's state: the rows of the query's facets and the cursor over them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetsPane {
    total: u64,
    rows: Vec<Row>,
    cursor: ListCursor,
}

impl FacetsPane {
    /// The pane over `facets`, its cursor on the first value.
    #[must_use]
    pub fn new(facets: Facets) -> Self {
        let mut pane = Self::default();
        pane.set(facets);
        pane
    }

    /// Shows the facets of a new query. The cursor stays on the value it was on when the
    /// new facets still have it, else goes to the first value of its section, else to
    /// the first value.
    pub fn set(&mut self, facets: Facets) {
        self.set_with_timeline(facets, Timeline::default());
    }

    /// Shows the facets of a new query with its timeline in place of the years (when it
    /// has bars); the cursor as [`Self::set`] keeps it.
    pub fn set_with_timeline(&mut self, facets: Facets, timeline: Timeline) {
        let was = self.selected().map(|(s, n, _)| (s.clone(), n.to_string()));
        self.total = facets.total;
        self.rows = rows(facets, timeline);
        let value = |section: &Section, name: Option<&str>| {
            self.rows.iter().position(|row| match row {
                Row::Value {
                    section: s,
                    name: n,
                    ..
                } => s == section && name.is_none_or(|name| name == n),
                Row::Heading(_) => false,
            })
        };
        let at = was
            .and_then(|(s, n)| value(&s, Some(&n)).or_else(|| value(&s, None)))
            .or_else(|| self.first_value());
        self.cursor.select(at.unwrap_or(0), self.rows.len());
        self.show_heading();
    }

    /// Cables the query matches.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Every row, headings and values, in the order drawn.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row under the cursor (an index into [`Self::rows`]; always a value when
    /// there is one).
    #[must_use]
    pub fn cursor_row(&self) -> usize {
        self.cursor.selected
    }

    /// The first row shown, as the last move left it.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.cursor.offset
    }

    /// The value under the cursor: its section, name and count.
    #[must_use]
    pub fn selected(&self) -> Option<(&Section, &str, u64)> {
        match self.rows.get(self.cursor.selected)? {
            Row::Value {
                section,
                name,
                count,
            } => Some((section, name, *count)),
            Row::Heading(_) => None,
        }
    }

    /// The clause narrowing the query to the value under the cursor (see [`clause`]).
    #[must_use]
    pub fn selected_clause(&self) -> Option<String> {
        self.selected().and_then(|(s, n, _)| clause(s, n))
    }

    /// Takes the number of rows drawn inside the pane's border.
    pub fn set_height(&mut self, height: usize) {
        self.cursor.set_height(height, self.rows.len());
        self.show_heading();
    }

    /// Applies a key's action: movements move over the values; `enter` returns the
    /// clause that narrows the query to the value under the cursor.
    pub fn apply(&mut self, action: &Action) -> Option<String> {
        if matches!(action, Action::Open) {
            return self.selected_clause();
        }
        let from = self.cursor.selected;
        if self.cursor.apply(action, self.rows.len()) {
            let to = self.cursor.selected;
            let upward = to < from && to > 0;
            let snapped = if upward {
                self.value_before(to).or_else(|| self.value_after(to))
            } else {
                self.value_after(to).or_else(|| self.value_before(to))
            };
            self.cursor.select(snapped.unwrap_or(to), self.rows.len());
            self.show_heading();
        }
        None
    }

    fn is_value(&self, row: usize) -> bool {
        matches!(self.rows.get(row), Some(Row::Value { .. }))
    }

    fn first_value(&self) -> Option<usize> {
        self.value_after(0)
    }

    /// The first value at or after `row`.
    fn value_after(&self, row: usize) -> Option<usize> {
        (row..self.rows.len()).find(|&r| self.is_value(r))
    }

    /// The last value at or before `row`.
    fn value_before(&self, row: usize) -> Option<usize> {
        (0..=row.min(self.rows.len().saturating_sub(1)))
            .rev()
            .find(|&r| self.is_value(r))
    }

    /// With the cursor on the top row shown and a heading just above it, shows the
    /// heading too: a value is read with its section's name.
    fn show_heading(&mut self) {
        let c = &mut self.cursor;
        if c.height() >= 2
            && c.selected > 0
            && c.offset == c.selected
            && matches!(self.rows.get(c.selected - 1), Some(Row::Heading(_)))
        {
            c.offset -= 1;
        }
    }
}

/// The facets as rows: each section with values, its heading first.
fn rows(facets: Facets, timeline: Timeline) -> Vec<Row> {
    // The timeline stands where the years were, which it shows as bars.
    let years = match timeline.by {
        Some(by) if !timeline.bars.is_empty() => (Section::Timeline(by), timeline.bars),
        _ => (Section::Year, facets.year),
    };
    let mut sections = vec![
        (Section::Classification, facets.classification),
        (Section::Origin, facets.origin),
        years,
        (Section::Tag, facets.tag),
    ];
    sections.extend(
        facets
            .entities
            .into_iter()
            .map(|(kind, values)| (Section::Entity(kind), values)),
    );
    let mut rows = Vec::new();
    for (section, values) in sections {
        if values.is_empty() {
            continue;
        }
        rows.push(Row::Heading(section.clone()));
        rows.extend(values.into_iter().map(|(name, count)| Row::Value {
            section: section.clone(),
            name,
            count,
        }));
    }
    rows
}
