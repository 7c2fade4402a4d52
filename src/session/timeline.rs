//! A query's timeline: its cables per year, or per month when its years span three or
//! fewer, every period between the first and the last (empty ones too), the peak known.
//! The facets pane draws it as bars and `cableview timeline` prints it.

use crate::search_index::Spread;

/// How long one bar's period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// A calendar year: `2005`.
    Year,
    /// A calendar month: `2005-03`.
    Month,
}

/// Bars of cables per period, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The bars' period (`None` with no bars).
    pub by: Option<Period>,
    /// Each period (`2005`, `2005-03`) and its cables.
    pub bars: Vec<(String, u64)>,
}

/// Years spanned at most for a timeline by month.
const MONTHS_WITHIN: i64 = 3;

impl Timeline {
    /// The timeline of a spread, by the period asked, else by month when its years span
    /// three or fewer, else by year. Counted by the cables' dates, which `date:` matches:
    /// a cable without one is in no period.
    #[must_use]
    pub fn of(spread: &Spread, by: Option<Period>) -> Self {
        let months = months(&spread.months);
        let year = |m: &str| m.get(..4).and_then(|y| y.parse::<i64>().ok());
        let (Some(first), Some(last)) = (
            months.first().and_then(|m| year(&m.0)),
            months.last().and_then(|m| year(&m.0)),
        ) else {
            return Self::default();
        };
        let by = by.unwrap_or(if last - first < MONTHS_WITHIN {
            Period::Month
        } else {
            Period::Year
        });
        let bars = match by {
            Period::Month => months,
            Period::Year => (first..=last)
                .map(|y| {
                    let label = format!("{y:04}");
                    let n = months
                        .iter()
                        .filter(|m| m.0.starts_with(&label))
                        .map(|m| m.1)
                        .sum();
                    (label, n)
                })
                .collect(),
        };
        Self { by: Some(by), bars }
    }

    /// The bar with most cables (the first of equals).
    #[must_use]
    pub fn peak(&self) -> Option<usize> {
        let most = self.bars.iter().map(|(_, n)| *n).max()?;
        self.bars.iter().position(|(_, n)| *n == most)
    }

    /// The query clause narrowing to a bar's period: `date:2005`, `date:2005-03`.
    #[must_use]
    pub fn clause(period: &str) -> String {
        format!("date:{period}")
    }
}

/// Every month from the first counted to the last, the missing ones empty.
fn months(counted: &[(String, u64)]) -> Vec<(String, u64)> {
    let parse = |m: &str| -> Option<i64> {
        let year: i64 = m.get(..4)?.parse().ok()?;
        let month: i64 = m.get(5..7)?.parse().ok()?;
        Some(year * 12 + month - 1)
    };
    let known: Vec<(i64, u64)> = counted
        .iter()
        .filter_map(|(m, n)| Some((parse(m)?, *n)))
        .collect();
    let (Some(first), Some(last)) = (
        known.iter().map(|k| k.0).min(),
        known.iter().map(|k| k.0).max(),
    ) else {
        return Vec::new();
    };
    (first..=last)
        .map(|m| {
            let n = known.iter().filter(|k| k.0 == m).map(|k| k.1).sum();
            (format!("{:04}-{:02}", m / 12, m % 12 + 1), n)
        })
        .collect()
}

/// A bar of `count` against the peak `most`, `width` cells at most, in eighths of a cell
/// (`████▍`); a count above nought shows at least an eighth.
#[must_use]
pub fn bar(count: u64, most: u64, width: usize) -> String {
    if most == 0 || width == 0 {
        return String::new();
    }
    let eighths = u128::from(count) * (width as u128) * 8 / u128::from(most);
    let eighths = usize::try_from(eighths)
        .unwrap_or(width * 8)
        .max(usize::from(count > 0));
    let mut bar = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(months: &[(&str, u64)]) -> Spread {
        Spread {
            months: months.iter().map(|(s, n)| ((*s).to_string(), *n)).collect(),
            ..Spread::default()
        }
    }

    #[test]
    fn a_long_span_goes_by_year_with_the_gaps_shown() {
        let t = Timeline::of(
            &spread(&[("2001-05", 3), ("2004-01", 4), ("2004-12", 5)]),
            None,
        );
        assert_eq!(t.by, Some(Period::Year));
        let labels: Vec<_> = t.bars.iter().map(|b| b.0.as_str()).collect();
        assert_eq!(labels, ["2001", "2002", "2003", "2004"]);
        assert_eq!(t.bars[3].1, 9);
        assert_eq!(t.peak(), Some(3));
    }

    #[test]
    fn three_years_or_fewer_go_by_month() {
        let s = spread(&[("2005-11", 2), ("2007-01", 1)]);
        let t = Timeline::of(&s, None);
        assert_eq!(t.by, Some(Period::Month));
        assert_eq!(t.bars.first(), Some(&("2005-11".to_string(), 2)));
        assert_eq!(t.bars.get(1), Some(&("2005-12".to_string(), 0)));
        assert_eq!(t.bars.last(), Some(&("2007-01".to_string(), 1)));
        assert_eq!(t.bars.len(), 15);
        assert_eq!(Timeline::of(&s, Some(Period::Year)).bars.len(), 3);
        assert_eq!(Timeline::of(&spread(&[]), None), Timeline::default());
    }

    #[test]
    fn bars_are_drawn_in_eighths() {
        assert_eq!(bar(8, 8, 2), "██");
        assert_eq!(bar(1, 8, 2), "▎");
        assert_eq!(bar(1, 1000, 2), "▏");
        assert_eq!(bar(0, 8, 2), "");
        assert_eq!(Timeline::clause("2005-03"), "date:2005-03");
    }
}
