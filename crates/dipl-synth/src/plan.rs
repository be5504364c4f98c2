//! How many posts each account makes on each day, decided before any post is generated.
//!
//! Each account has a weight per day (weekday and office rhythm, summer and new-year lulls,
//! quiet weeks, day-to-day noise, campaign boosts, its active range). Its total for the period
//! is `posts_per_week` × active weeks (stretched by campaign boosts), or, in scale mode, an
//! exact share of the requested total by largest remainder. Posts are then placed on days by
//! systematic sampling over the cumulative weights, so per-month counts are known up front
//! (for `statuses_count`) while each month's days are recomputed only when that month is
//! generated: memory stays O(accounts × months).

use crate::calendar::{self, DAY};
use crate::detmath::{self, hash, unit};
use crate::world::World;

/// A calendar month (or the part of it inside the period), as day numbers `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Month {
    pub start_day: i64,
    pub end_day: i64,
}

pub(crate) struct Plan {
    pub months: Vec<Month>,
    pub totals: Vec<u64>,
    phase: Vec<f64>,
    weight_total: Vec<f64>,
    /// `[account][month]`: cumulative weight at the month's start.
    cum_start: Vec<Vec<f64>>,
    /// `[account][month]`: index of the first post of the month; `[account][n_months]` = total.
    k_start: Vec<Vec<u64>>,
}

/// The weight of `day` for account `a`, without (`.0`) and with (`.1`) campaign boosts.
pub(crate) fn day_weight(world: &World<'_>, a: usize, day: i64) -> (f64, f64) {
    let acct = &world.accounts[a];
    let spec = acct.spec;
    let t = day * DAY;
    if spec.active_from.is_some_and(|f| t + DAY <= f.0)
        || spec.active_until.is_some_and(|u| t >= u.0)
    {
        return (0.0, 0.0);
    }
    let wd = calendar::weekday(day);
    let mut w = if wd < 5 {
        1.0
    } else if acct.is_person {
        0.55
    } else {
        0.22
    };
    let (_, m, d) = calendar::civil_from_days(day);
    if m == 8 && !acct.is_person {
        w *= 0.6;
    }
    if (m == 12 && d >= 24) || (m == 1 && d <= 7) {
        w *= 0.5;
    }
    if unit(hash(
        world.seed,
        &[0x7AC, a as u64, day.div_euclid(7) as u64],
    )) < 0.05
    {
        w *= 0.1; // a quiet week: leave, a change of staff, a hacked password
    }
    w *= detmath::exp(0.7 * detmath::normal_h(hash(world.seed, &[0xDA7, a as u64, day as u64])));
    let mut boosted = w;
    for c in world.campaigns_on(a, day) {
        boosted *= world.scenario.campaigns[c as usize].boost;
    }
    (w, boosted)
}

fn months_of(start_day: i64, end_day: i64) -> Vec<Month> {
    let mut months = Vec::new();
    let mut d = start_day;
    while d < end_day {
        let (_, next) = calendar::month_bounds(d);
        let e = next.min(end_day);
        months.push(Month {
            start_day: d,
            end_day: e,
        });
        d = e;
    }
    months
}

/// Largest-remainder apportionment of `total` over non-negative `weights`
/// (ties broken by index, so the result is deterministic).
pub(crate) fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let quotas: Vec<f64> = weights.iter().map(|w| w / sum * total as f64).collect();
    let mut out: Vec<u64> = quotas.iter().map(|q| q.floor() as u64).collect();
    let assigned: u64 = out.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0.0).collect();
    order.sort_by(|&x, &y| {
        let rx = quotas[x] - quotas[x].floor();
        let ry = quotas[y] - quotas[y].floor();
        ry.total_cmp(&rx).then(x.cmp(&y))
    });
    let missing = total.saturating_sub(assigned) as usize;
    for &i in order.iter().cycle().take(missing) {
        out[i] += 1;
    }
    out
}

impl Plan {
    pub fn new(world: &World<'_>) -> Plan {
        let months = months_of(world.start_day, world.end_day);
        let n = world.accounts.len();
        let mut weight_total = Vec::with_capacity(n);
        let mut cum_start = Vec::with_capacity(n);
        let mut expected = Vec::with_capacity(n);
        for a in 0..n {
            let mut cum = 0.0;
            let mut plain = 0.0;
            let mut active_days = 0u64;
            let mut starts = Vec::with_capacity(months.len());
            for m in &months {
                starts.push(cum);
                for day in m.start_day..m.end_day {
                    let (w0, w) = day_weight(world, a, day);
                    if w0 > 0.0 {
                        active_days += 1;
                    }
                    plain += w0;
                    cum += w;
                }
            }
            let stretch = if plain > 0.0 { cum / plain } else { 0.0 };
            expected
                .push(world.accounts[a].spec.posts_per_week * active_days as f64 / 7.0 * stretch);
            weight_total.push(cum);
            cum_start.push(starts);
        }
        let totals: Vec<u64> = match world.scenario.total_posts {
            Some(total) => apportion(total, &expected),
            None => expected.iter().map(|e| e.round() as u64).collect(),
        };
        let phase: Vec<f64> = (0..n)
            .map(|a| unit(hash(world.seed, &[0x5A5E, a as u64])))
            .collect();
        let mut k_start = Vec::with_capacity(n);
        for a in 0..n {
            let t = totals[a];
            let w = weight_total[a];
            let mut ks: Vec<u64> = cum_start[a]
                .iter()
                .map(|&c| {
                    if t == 0 || w <= 0.0 {
                        0
                    } else {
                        ((c * t as f64 / w - phase[a]).ceil().max(0.0) as u64).min(t)
                    }
                })
                .collect();
            ks.push(t);
            // Monotone by construction; enforce it against rounding at equal cumulative weights.
            for i in 1..ks.len() {
                ks[i] = ks[i].max(ks[i - 1]);
            }
            k_start.push(ks);
        }
        Plan {
            months,
            totals,
            phase,
            weight_total,
            cum_start,
            k_start,
        }
    }

    /// Posts of account `a` up to the end of month `m` (inclusive).
    pub fn posts_through(&self, a: usize, m: usize) -> u64 {
        self.k_start[a][m + 1]
    }

    /// Number of posts of account `a` on each day of month `m`.
    pub fn day_counts(&self, world: &World<'_>, a: usize, m: usize) -> Vec<u32> {
        let month = self.months[m];
        let n_days = (month.end_day - month.start_day) as usize;
        let mut counts = vec![0u32; n_days];
        let (k0, k1) = (self.k_start[a][m], self.k_start[a][m + 1]);
        if k0 == k1 {
            return counts;
        }
        let t = self.totals[a] as f64;
        let w = self.weight_total[a];
        let mut cum_end = Vec::with_capacity(n_days);
        let mut cum = self.cum_start[a][m];
        for day in month.start_day..month.end_day {
            cum += day_weight(world, a, day).1;
            cum_end.push(cum);
        }
        let mut d = 0;
        for k in k0..k1 {
            let p = (k as f64 + self.phase[a]) * w / t;
            while d + 1 < n_days && p >= cum_end[d] {
                d += 1;
            }
            // Rounding can land a point on a zero-weight day at the month's end (an account that
            // fell silent): move it back to the last day that has weight.
            let mut day = d;
            while day > 0 && cum_end[day] <= cum_end[day - 1] {
                day -= 1;
            }
            counts[day] += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_is_exact_and_proportional() {
        // 10 over weights 1:1:2 → quotas 2.5, 2.5, 5.0 → floors 2, 2, 5 (9) → the one missing goes to
        // the largest remainder, 0.5 at index 0 (tie with index 1 broken by index).
        assert_eq!(apportion(10, &[1.0, 1.0, 2.0]), vec![3, 2, 5]);
        assert_eq!(apportion(7, &[0.0, 3.0]), vec![0, 7]);
        assert_eq!(apportion(5, &[0.0, 0.0]), vec![0, 0]);
        let big = apportion(1_000_003, &[0.3, 0.1, 0.25, 0.35, 1e-9]);
        assert_eq!(big.iter().sum::<u64>(), 1_000_003);
    }

    #[test]
    fn months_split_a_period() {
        let jan1 = calendar::days_from_civil(2025, 1, 1);
        let mar15 = calendar::days_from_civil(2025, 3, 15);
        let m = months_of(jan1, mar15);
        assert_eq!(m.len(), 3);
        assert_eq!(m[1].start_day, calendar::days_from_civil(2025, 2, 1));
        assert_eq!(m[2].end_day, mar15);
    }
}
