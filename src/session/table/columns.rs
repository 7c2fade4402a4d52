//! The table's columns fitted to the width (pure layout; the UI draws what this says): a column no cable has anything for is hidden,
//! the others are as wide as their widest cell, and the subject takes what is left. When
//! that leaves the subject too little, the narrow forms (classification codes, origins
//! without `Embassy`/`Consulate`) come in, then the columns that matter least go.

use crate::library::{Column, Library, Row};

/// The subject's least width before the other columns give way.
const MIN_SUBJECT: u16 = 24;
/// The widest an ID or an origin column grows (a cell beyond is cut with `…`).
const MAX_ID: u16 = 20;
const MAX_ORIGIN: u16 = 20;
const MAX_ORIGIN_NARROW: u16 = 14;
/// What goes first when the width runs short, least useful first.
const DROP_ORDER: [Column; 5] = [
    Column::Paragraphs,
    Column::Mentions,
    Column::Origin,
    Column::Classification,
    Column::Date,
];

/// What each column needs, measured once over every cable of the library (so the columns
/// stay put while filtering and scrolling, and a frame costs nothing per cable).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Measure {
    /// The widest cell of each column (heading included), in full and narrow forms.
    wide: [u16; 7],
    narrow: [u16; 7],
    /// Whether any cable has something for the column.
    says: [bool; 7],
}

impl Measure {
    /// Measures the rows of `library`.
    #[must_use]
    pub fn of(library: &Library) -> Self {
        let mut measure = Self {
            wide: Column::ALL.map(title_width),
            narrow: Column::ALL.map(title_width),
            says: Column::ALL.map(|c| matches!(c, Column::Id | Column::Subject)),
        };
        for row in library.rows() {
            for (i, column) in Column::ALL.into_iter().enumerate() {
                let wide = cell(row, column, false);
                if wide.is_empty() || wide == "0" {
                    continue;
                }
                measure.says[i] = true;
                measure.wide[i] = measure.wide[i].max(width_of(&wide));
                measure.narrow[i] = measure.narrow[i].max(width_of(&cell(row, column, true)));
            }
        }
        measure
    }

    /// Every column that has something to say, as wide as its widest cell (the subject
    /// still unsized).
    fn natural(&self, narrow: bool) -> Fitted {
        let widths = if narrow { self.narrow } else { self.wide };
        let cap = |column| match column {
            Column::Id => MAX_ID,
            Column::Origin if narrow => MAX_ORIGIN_NARROW,
            Column::Origin => MAX_ORIGIN,
            Column::Classification if !narrow => 12,
            _ => u16::MAX,
        };
        let columns = Column::ALL
            .into_iter()
            .zip(widths)
            .zip(self.says)
            .filter(|(_, says)| *says)
            .map(|((c, w), _)| (c, w.min(cap(c).max(title_width(c)))))
            .collect();
        Fitted { columns, narrow }
    }
}

/// Which columns a table shows, how wide, and in which form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    /// The columns shown, in table order, with their widths.
    pub columns: Vec<(Column, u16)>,
    /// Whether cells take their narrow forms ([`cell`]).
    pub narrow: bool,
}

impl Fitted {
    /// Fits the measured columns to `width`.
    #[must_use]
    pub fn new(measure: &Measure, width: u16) -> Self {
        let wide = measure.natural(false);
        if subject_room(&wide, width) >= MIN_SUBJECT {
            return wide.finish(width);
        }
        let mut narrow = measure.natural(true);
        for column in DROP_ORDER {
            if subject_room(&narrow, width) >= MIN_SUBJECT {
                break;
            }
            narrow.columns.retain(|(c, _)| *c != column);
        }
        narrow.finish(width)
    }

    /// Gives the subject what the other columns leave.
    fn finish(mut self, width: u16) -> Self {
        let room = subject_room(&self, width).max(1);
        for (c, w) in &mut self.columns {
            if *c == Column::Subject {
                *w = room;
            }
        }
        self
    }
}

fn width_of(text: &str) -> u16 {
    u16::try_from(crate::sanitize::width(text)).unwrap_or(u16::MAX)
}

/// A heading's width, with room for the sort arrow.
fn title_width(column: Column) -> u16 {
    width_of(column.title()) + 1
}

/// What is left for the subject: the width less every other column and the space after
/// each.
fn subject_room(fitted: &Fitted, width: u16) -> u16 {
    let others: u16 = fitted
        .columns
        .iter()
        .filter(|(c, _)| *c != Column::Subject)
        .map(|(_, w)| w + 1)
        .sum();
    width.saturating_sub(others + 1)
}

/// A row's cell in `column`: dates as `YYYY-MM-DD` (or the year, when that is all that is
/// known); narrow, classifications by their code and origins without their
/// `Embassy`/`Consulate` prefix.
#[must_use]
pub fn cell(row: &Row, column: Column, narrow: bool) -> String {
    match column {
        Column::Id => row.id.clone(),
        Column::Date => row.date.as_deref().map(day).unwrap_or_default().to_string(),
        Column::Classification => match row.classification {
            Some(level) if narrow => code(level).to_string(),
            Some(level) => level.name().to_string(),
            None => String::new(),
        },
        Column::Origin if narrow => post(&row.origin).to_string(),
        Column::Origin => row.origin.clone(),
        Column::Subject => row.subject.clone(),
        Column::Paragraphs => row.paragraphs.to_string(),
        Column::Mentions => row.mentions.to_string(),
    }
}

/// `2005-04-07` from `2005-04-07 13:01`; anything else (a year) as it is.
fn day(date: &str) -> &str {
    let shaped = date.len() >= 10
        && date.bytes().take(10).enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
    if shaped { &date[..10] } else { date }
}

/// A level's portion-marking code.
fn code(level: crate::cable::Classification) -> &'static str {
    use crate::cable::Classification as C;
    match level {
        C::Unclassified => "U",
        C::SensitiveButUnclassified => "SBU",
        C::Confidential => "C",
        C::Secret => "S",
        C::TopSecret => "TS",
    }
}

/// The post of an origin: `Paris` from `Embassy Paris`, `Jeddah` from `Consulate Jeddah`.
fn post(origin: &str) -> &str {
    ["Embassy ", "Consulate General ", "Consulate "]
        .iter()
        .find_map(|prefix| origin.strip_prefix(prefix))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_days_and_origins_posts() {
        assert_eq!(day("2005-04-07 13:01"), "2005-04-07");
        assert_eq!(day("2005"), "2005");
        assert_eq!(day("April 7, 2005 13:01"), "April 7, 2005 13:01");
        assert_eq!(post("Embassy Paris"), "Paris");
        assert_eq!(post("Consulate General Jeddah"), "Jeddah");
        assert_eq!(post("Consulate Vladivostok"), "Vladivostok");
        assert_eq!(post("Secretary of State"), "Secretary of State");
        assert_eq!(post("Embassy "), "Embassy ");
    }
}
