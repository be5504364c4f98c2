//! Platform-independent randomness and arithmetic: stateless hashing, seeded ChaCha8 streams,
//! and `exp`/`ln`/normal variates built only from IEEE-754 basic operations.
//!
//! The platform's `f64::exp`, `ln`, `cos` and `powf` call the system maths library, whose last
//! bit may differ between machines; a synthetic corpus must be byte-identical everywhere for a
//! seed, so everything that feeds an output value goes through the functions here instead.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// SplitMix64 finaliser: a cheap, well-mixing bijection on `u64`.
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of a seed and a path of integers (stream ids, indices): the basis of every stateless draw.
pub(crate) fn hash(seed: u64, parts: &[u64]) -> u64 {
    let mut h = mix64(seed ^ 0x5EED_D1F1_0000_0001);
    for &p in parts {
        h = mix64(h ^ mix64(p));
    }
    h
}

/// Uniform in `[0, 1)` from a hash (53 random bits).
pub(crate) fn unit(h: u64) -> f64 {
    (h >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A ChaCha8 stream keyed by a seed and a path of stream ids.
pub(crate) fn rng(seed: u64, parts: &[u64]) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    let mut h = hash(seed, parts);
    for chunk in key.chunks_mut(8) {
        chunk.copy_from_slice(&h.to_le_bytes());
        h = mix64(h);
    }
    ChaCha8Rng::from_seed(key)
}

/// Uniform in `[0, 1)` from a stream.
pub(crate) fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    unit(rng.random::<u64>())
}

/// Uniform integer in `0..n` (`n > 0`), by multiply-shift: no platform maths involved.
pub(crate) fn below(rng: &mut ChaCha8Rng, n: usize) -> usize {
    ((rng.random::<u64>() as u128 * n as u128) >> 64) as usize
}

/// An approximately standard normal variate (Irwin–Hall sum of 12 uniforms, minus 6).
///
/// Bounded to ±6, which suits the heavy tails we add explicitly (viral outliers) better than
/// an unbounded normal would.
pub(crate) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let mut s = 0.0;
    for _ in 0..12 {
        s += uniform(rng);
    }
    s - 6.0
}

/// Normal variate from a stateless hash (same construction as [`normal`]).
pub(crate) fn normal_h(h: u64) -> f64 {
    let mut s = 0.0;
    let mut x = h;
    for _ in 0..12 {
        x = mix64(x);
        s += unit(x);
    }
    s - 6.0
}

const LN2: f64 = std::f64::consts::LN_2;

/// `e^x` from basic operations: range reduction by powers of two and a Taylor polynomial.
/// Relative error below 1e-15 on `[-700, 700]`; saturates outside.
pub(crate) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x > 700.0 {
        return f64::MAX;
    }
    if x < -700.0 {
        return 0.0;
    }
    let k = (x / LN2).round();
    let r = x - k * LN2;
    // Taylor series of e^r for |r| <= ln2/2, 18 terms: far below f64 precision.
    let mut term = 1.0;
    let mut sum = 1.0;
    for i in 1..18 {
        term = term * r / i as f64;
        sum += term;
    }
    sum * pow2(k as i32)
}

fn pow2(k: i32) -> f64 {
    // Exact construction of 2^k for the normal range.
    let k = k.clamp(-1022, 1023);
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// Natural logarithm of a positive number from basic operations (atanh series after
/// reduction of the mantissa to `[sqrt(1/2), sqrt(2))`). Returns `-inf` for `x <= 0`.
pub(crate) fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut term = s;
    let mut sum = 0.0;
    let mut n = 1.0;
    for _ in 0..30 {
        sum += term / n;
        term *= s2;
        n += 2.0;
    }
    2.0 * sum + e as f64 * LN2
}

/// Log-normal multiplier with median 1: `exp(sigma * z)`.
pub(crate) fn lognormal(rng: &mut ChaCha8Rng, sigma: f64) -> f64 {
    exp(sigma * normal(rng))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_ln_match_the_platform_closely() {
        for &x in &[-20.0, -1.5, -0.1, 0.0, 0.3, 1.0, 2.5, 10.0, 40.0] {
            let ours = exp(x);
            let platform = f64::exp(x);
            assert!(
                ((ours - platform) / platform).abs() < 1e-13,
                "exp({x}) {ours} vs {platform}"
            );
        }
        for &x in &[1e-6, 0.2, 0.5, 1.0, 1.7, 2.0, 10.0, 1234.5, 1e12] {
            let ours = ln(x);
            let platform = f64::ln(x);
            assert!(
                (ours - platform).abs() < 1e-12,
                "ln({x}) {ours} vs {platform}"
            );
        }
    }

    #[test]
    fn below_stays_in_range_and_streams_are_keyed() {
        let mut a = rng(7, &[1, 2]);
        let mut b = rng(7, &[1, 2]);
        let mut c = rng(7, &[1, 3]);
        let xa: Vec<usize> = (0..50).map(|_| below(&mut a, 10)).collect();
        let xb: Vec<usize> = (0..50).map(|_| below(&mut b, 10)).collect();
        let xc: Vec<usize> = (0..50).map(|_| below(&mut c, 10)).collect();
        assert_eq!(xa, xb);
        assert_ne!(xa, xc);
        assert!(xa.iter().all(|&x| x < 10));
    }
}
