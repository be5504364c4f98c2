//! UTC calendar periods (months, quarters, years) for figures over time.

use chrono::Datelike;

use crate::Timestamp;

/// Calendar periods for figures over time (`--every`: graphs, dialogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    Month,
    Quarter,
    Year,
}

impl Every {
    /// `month`, `quarter` or `year`.
    pub fn parse(s: &str) -> Option<Every> {
        match s {
            "month" => Some(Every::Month),
            "quarter" => Some(Every::Quarter),
            "year" => Some(Every::Year),
            _ => None,
        }
    }

    /// Months per period.
    pub fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::Year => 12,
        }
    }
}

/// A period `[start, end)` and its label (`2025-03`, `2025-Q1`, `2025`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub label: String,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// The UTC calendar periods that cover `[from, to)`, from the one holding `from` to the one
/// holding the last second before `to`; empty when `to <= from`. At most 1,200 periods.
pub fn periods(from: Timestamp, to: Timestamp, every: Every) -> Vec<Period> {
    let mut out = Vec::new();
    let Some(start) = from.to_datetime() else {
        return out;
    };
    let step = every.months();
    // The first month of the period holding `from` (months 0-based).
    let month0 = (start.month0() / step) * step;
    let (mut year, mut month) = (start.year(), month0);
    while out.len() < 1200 {
        let Some(begin) = Timestamp::from_ymd_hms(year, month + 1, 1, 0, 0, 0) else {
            break;
        };
        if begin >= to {
            break;
        }
        let (next_year, next_month) = if month + step >= 12 {
            (year + 1, month + step - 12)
        } else {
            (year, month + step)
        };
        let Some(end) = Timestamp::from_ymd_hms(next_year, next_month + 1, 1, 0, 0, 0) else {
            break;
        };
        let label = match every {
            Every::Month => format!("{year:04}-{:02}", month + 1),
            Every::Quarter => format!("{year:04}-Q{}", month / 3 + 1),
            Every::Year => format!("{year:04}"),
        };
        out.push(Period {
            label,
            start: begin,
            end,
        });
        (year, month) = (next_year, next_month);
    }
    out
}
