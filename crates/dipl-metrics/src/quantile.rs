//! Order statistics of interaction counts: quantiles and the trimmed mean.
//!
//! Both take values sorted ascending and return `None` for no values (n/a, never 0).

/// The `p`-quantile (`0 ≤ p ≤ 1`) of ascending `sorted` values by linear interpolation between
/// closest ranks: `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])`. This is numpy's
/// default (`method="linear"`), pandas' `quantile` and R's type 7. `p` outside `[0, 1]` is
/// clamped.
pub fn quantile(sorted: &[u64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lower = (h.floor() as usize).min(last);
    let upper = (lower + 1).min(last);
    let (lo, hi) = (sorted[lower] as f64, sorted[upper] as f64);
    Some(lo + (h - lower as f64) * (hi - lo))
}

/// The mean after cutting `⌊proportion·n⌋` values from each end of ascending `sorted` values,
/// as `scipy.stats.trim_mean(x, proportion)`. The codebook's `trimmed_mean` uses 0.25.
/// `proportion` is clamped to `[0, 0.5)` so that at least one value remains.
pub fn trimmed_mean(sorted: &[u64], proportion: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let mut cut = (proportion.clamp(0.0, 0.5) * n as f64).floor() as usize;
    if 2 * cut >= n {
        cut = (n - 1) / 2;
    }
    let kept = &sorted[cut..n - cut];
    let sum: f64 = kept.iter().map(|&x| x as f64).sum();
    Some(sum / kept.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_linearly() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]
        let even = [1, 2, 3, 4];
        assert_eq!(quantile(&even, 0.25), Some(1.75));
        assert_eq!(quantile(&even, 0.5), Some(2.5));
        assert_eq!(quantile(&even, 0.75), Some(3.25));
        // numpy.quantile([0, 10, 40], [0.25, 0.5, 0.75]) = [5, 10, 25]
        let odd = [0, 10, 40];
        assert_eq!(quantile(&odd, 0.25), Some(5.0));
        assert_eq!(quantile(&odd, 0.5), Some(10.0));
        assert_eq!(quantile(&odd, 0.75), Some(25.0));
        assert_eq!(quantile(&[7], 0.25), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&even, 1.0), Some(4.0));
        assert_eq!(quantile(&even, 0.0), Some(1.0));
    }

    #[test]
    fn trimmed_mean_matches_scipy() {
        // scipy.stats.trim_mean([1, 2, 3, 4, 100], 0.25): cut int(1.25) = 1 each end → mean(2, 3, 4) = 3
        assert_eq!(trimmed_mean(&[1, 2, 3, 4, 100], 0.25), Some(3.0));
        // n = 3: cut int(0.75) = 0 → mean(1, 2, 9) = 4
        assert_eq!(trimmed_mean(&[1, 2, 9], 0.25), Some(4.0));
        // n = 8: cut 2 each end → mean(3, 4, 5, 6) = 4.5
        assert_eq!(trimmed_mean(&[1, 2, 3, 4, 5, 6, 7, 80], 0.25), Some(4.5));
        assert_eq!(trimmed_mean(&[], 0.25), None);
        assert_eq!(trimmed_mean(&[5, 7], 0.5), Some(6.0));
    }
}
