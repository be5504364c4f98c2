//! Ratios that keep numerator and denominator, so that 0 of 0 is n/a, not 0 %.

/// `hits / total`; `value()` is `None` when `total` is zero.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Ratio {
    pub hits: f64,
    pub total: f64,
}

impl Ratio {
    pub fn new(hits: impl Into<f64>, total: impl Into<f64>) -> Ratio {
        Ratio {
            hits: hits.into(),
            total: total.into(),
        }
    }

    pub fn value(self) -> Option<f64> {
        (self.total != 0.0).then(|| self.hits / self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_of_zero_is_not_available() {
        assert_eq!(Ratio::new(0u32, 0u32).value(), None);
        assert_eq!(Ratio::new(1u32, 4u32).value(), Some(0.25));
    }
}
