//! Run charts: signals of non-random variation by the Anhøj rules (as qicharts2 computes
//! them) and the IHI shift and trend rules.

use num_bigint::BigUint;
use schemars::JsonSchema;
use serde::Serialize;

/// The runs analysis of one run chart.
///
/// # Example
/// ```
/// use convener::measure::runchart::runs_analysis;
/// // 12 points, the last 7 above the median of the first 5 (a shift)
/// let y = [5.0, 6.0, 4.0, 5.0, 5.0, 9.0, 9.0, 8.0, 9.0, 10.0, 9.0, 9.0];
/// let r = runs_analysis(&y, Some(5));
/// assert_eq!(r.centre, Some(5.0));
/// assert_eq!(r.n_useful, 9); // three points on the centre line are dropped
/// assert_eq!(r.longest_run, Some(7));
/// assert!(r.shift);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RunsAnalysis {
    /// Points in the chart.
    pub n: u64,
    /// The centre line: the median of the points (or of the first `freeze` points).
    pub centre: Option<f64>,
    /// Points not on the centre line.
    pub n_useful: u64,
    /// The longest run of points on one side of the centre line.
    pub longest_run: Option<u64>,
    /// round(log2(n_useful)) + 3: a longer run signals a shift (Schilling 2012).
    pub longest_run_max: Option<u64>,
    /// Times the line crosses the centre.
    pub n_crossings: Option<u64>,
    /// qbinom(0.05, n_useful − 1, 0.5): fewer crossings signal a shift (Chen 2010).
    pub n_crossings_min: Option<u64>,
    /// longest_run > longest_run_max or n_crossings < n_crossings_min (Anhøj & Olesen 2014).
    pub runs_signal: bool,
    /// IHI shift: 6 or more points in a row on one side of the centre line.
    pub shift: bool,
    /// IHI trend: 5 or more points in a row all rising or all falling (equal neighbours
    /// counted once).
    pub trend: bool,
}

/// The median: the middle value, or the mean of the two middle values.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v: Vec<f64> = values.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 { v[m] } else { (v[m - 1] + v[m]) / 2.0 })
}

/// The 5% quantile of a Binomial(m, ½): the smallest x with P(X ≤ x) ≥ 0.05, as R's
/// `qbinom(0.05, m, 0.5)`. Exact (integer arithmetic: 20·Σ_{k≤x} C(m,k) ≥ 2^m) up to
/// m = 5,000; above that in floating point through log-gamma, where the cumulative
/// probability is never within 1e-9 of 0.05 at an integer boundary in practice.
///
/// # Example
/// ```
/// use convener::measure::runchart::qbinom_05;
/// assert_eq!(qbinom_05(9), 2);   // n_useful 10
/// assert_eq!(qbinom_05(99), 41); // n_useful 100
/// assert_eq!(qbinom_05(0), 0);
/// ```
pub fn qbinom_05(m: u64) -> u64 {
    if m == 0 {
        return 0;
    }
    if m <= 5_000 {
        let total = BigUint::from(1u8) << (m as usize);
        let mut term = BigUint::from(1u8);
        let mut sum = BigUint::from(0u8);
        for k in 0..=m {
            sum += &term;
            if sum.clone() * 20u32 >= total {
                return k;
            }
            term = term * (m - k) / (k + 1);
        }
        return m;
    }
    let mf = m as f64;
    let ln_total = mf * core::f64::consts::LN_2;
    let lgamma = |x: f64| libm::lgamma(x);
    let mut cdf = 0.0;
    for k in 0..=m {
        let kf = k as f64;
        let ln_term = lgamma(mf + 1.0) - lgamma(kf + 1.0) - lgamma(mf - kf + 1.0) - ln_total;
        cdf += libm::exp(ln_term);
        if cdf >= 0.05 {
            return k;
        }
    }
    m
}

/// The runs analysis of `y` (in time order), with the centre line the median of all
/// points or, with `freeze`, of the first `freeze` points — exactly as qicharts2's
/// `runs.analysis`: points on the centre line are dropped; n_useful = the rest; runs are
/// maximal sequences on one side; longest_run_max = round(log2(n_useful)) + 3;
/// n_crossings = runs − 1; n_crossings_min = qbinom(0.05, n_useful − 1, 0.5); signal when
/// the longest run is longer than its maximum or there are fewer crossings than the
/// minimum. With no useful point the run numbers are undefined and there is no signal.
///
/// Sources: Anhøj & Olesen (2014), "Run charts revisited", PLoS ONE 9(11); Anhøj,
/// qicharts2 (R package); IHI run chart rules (Perla, Provost & Murray 2011).
///
/// # Complexity
/// O(n log n) (the median), O(n) for the runs; O(m²) word operations for the exact
/// quantile.
pub fn runs_analysis(y: &[f64], freeze: Option<usize>) -> RunsAnalysis {
    let base = match freeze {
        Some(f) if f > 0 && f < y.len() => &y[..f],
        _ => y,
    };
    let centre = median(base);
    let sides: Vec<i8> = match centre {
        Some(c) => y
            .iter()
            .filter_map(|&v| {
                if v > c {
                    Some(1)
                } else if v < c {
                    Some(-1)
                } else {
                    None
                }
            })
            .collect(),
        None => vec![],
    };
    let n_useful = sides.len() as u64;
    let (longest, runs) = if sides.is_empty() {
        (0, 0)
    } else {
        let mut longest = 1u64;
        let mut current = 1u64;
        let mut runs = 1u64;
        for w in sides.windows(2) {
            if w[0] == w[1] {
                current += 1;
            } else {
                runs += 1;
                current = 1;
            }
            longest = longest.max(current);
        }
        (longest, runs)
    };
    let (longest_run, longest_run_max, n_crossings, n_crossings_min, runs_signal) = if n_useful > 0 {
        let max = libm::round(libm::log2(n_useful as f64)) as u64 + 3;
        let crossings = runs.saturating_sub(1);
        let min = qbinom_05(n_useful - 1);
        (Some(longest), Some(max), Some(crossings), Some(min), longest > max || crossings < min)
    } else {
        (None, None, None, None, false)
    };
    RunsAnalysis {
        n: y.len() as u64,
        centre,
        n_useful,
        longest_run,
        longest_run_max,
        n_crossings,
        n_crossings_min,
        runs_signal,
        shift: longest >= 6,
        trend: longest_monotone(y) >= 5,
    }
}

/// The most points in a row all rising or all falling, a point equal to its neighbour
/// counted once (IHI: "if the value of two or more successive points is the same, ignore
/// the like points when counting").
pub fn longest_monotone(y: &[f64]) -> usize {
    let mut distinct: Vec<f64> = Vec::with_capacity(y.len());
    for &v in y {
        if distinct.last() != Some(&v) {
            distinct.push(v);
        }
    }
    if distinct.len() < 2 {
        return distinct.len();
    }
    let mut best = 1;
    let mut len = 1;
    let mut dir = 0i8;
    for w in distinct.windows(2) {
        let d = if w[1] > w[0] { 1 } else { -1 };
        if d == dir {
            len += 1;
        } else {
            dir = d;
            len = 2;
        }
        best = best.max(len);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_values_match_anhoej_table() {
        // n_useful → (longest run max, crossings min), as qicharts2's table of critical
        // values (round(log2 n) + 3; qbinom(0.05, n − 1, 0.5) from R).
        let table = [
            (10, 6, 2),
            (12, 7, 3),
            (15, 7, 4),
            (20, 7, 6),
            (24, 8, 8),
            (30, 8, 10),
            (40, 8, 14),
            (50, 9, 19),
            (60, 9, 23),
            (75, 9, 30),
            (100, 10, 41),
        ];
        for (n, lmax, cmin) in table {
            let max = libm::round(libm::log2(n as f64)) as u64 + 3;
            assert_eq!((max, qbinom_05(n - 1)), (lmax, cmin), "n_useful {n}");
        }
    }

    #[test]
    fn qbinom_exact_and_float_agree_at_the_switch() {
        // Both methods near the switch-over give the same answers.
        for m in [4_990u64, 5_000] {
            let exact = qbinom_05(m);
            let mf = m as f64;
            let mut cdf = 0.0;
            let mut k = 0;
            while k <= m {
                let kf = k as f64;
                cdf += libm::exp(
                    libm::lgamma(mf + 1.0)
                        - libm::lgamma(kf + 1.0)
                        - libm::lgamma(mf - kf + 1.0)
                        - mf * core::f64::consts::LN_2,
                );
                if cdf >= 0.05 {
                    break;
                }
                k += 1;
            }
            assert_eq!(exact, k);
        }
        assert!(qbinom_05(20_000) > 9_800 && qbinom_05(20_000) < 10_000);
    }

    #[test]
    fn edge_cases() {
        let empty = runs_analysis(&[], None);
        assert_eq!((empty.n, empty.n_useful, empty.centre, empty.runs_signal), (0, 0, None, false));
        let flat = runs_analysis(&[3.0, 3.0, 3.0, 3.0], None);
        assert_eq!((flat.n_useful, flat.longest_run, flat.runs_signal), (0, None, false));
        let one = runs_analysis(&[1.0, 2.0, 3.0], None); // median 2, useful 2
        assert_eq!((one.n_useful, one.longest_run, one.n_crossings), (2, Some(1), Some(1)));
        assert_eq!(one.n_crossings_min, Some(0));
        let single = runs_analysis(&[1.0, 2.0], None); // median 1.5, useful 2
        assert_eq!(single.longest_run_max, Some(4));
        let lone = runs_analysis(&[7.0], None);
        assert_eq!(lone.n_useful, 0);
        // freeze beyond the data uses everything
        assert_eq!(runs_analysis(&[1.0, 2.0, 3.0], Some(10)).centre, Some(2.0));
    }

    #[test]
    fn trends_count_equal_neighbours_once() {
        assert_eq!(longest_monotone(&[1.0, 2.0, 2.0, 3.0, 4.0, 5.0]), 5);
        assert_eq!(longest_monotone(&[5.0, 4.0, 4.0, 4.0, 3.0, 2.0, 1.0, 2.0]), 5);
        assert_eq!(longest_monotone(&[1.0, 2.0, 1.0, 2.0]), 2);
        assert!(!runs_analysis(&[1.0, 2.0, 3.0, 4.0, 4.0], None).trend);
        assert!(runs_analysis(&[1.0, 2.0, 3.0, 4.0, 4.0, 5.0], None).trend);
    }
}
