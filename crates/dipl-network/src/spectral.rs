//! Power iterations: PageRank and eigenvector centrality, as NetworkX computes them.
//!
//! Each iteration pulls along in-edges, one node per rayon task item with a fixed summation
//! order, so the result does not depend on the number of threads.

use crate::graph::Graph;
use rayon::prelude::*;

/// `nx.pagerank(G, alpha, tol, max_iter, weight='weight')` (the SciPy implementation):
/// transition probabilities are edge weight / weighted out-degree; nodes whose weighted
/// out-degree is 0 are dangling and their mass is spread uniformly; start and teleport vectors
/// are uniform; stop when the L1 change is `< n * tol`; the result is divided by its sum.
/// `None` when it does not converge in `max_iter` iterations (NetworkX raises).
pub(crate) fn pagerank(g: &Graph, alpha: f64, tol: f64, max_iter: usize) -> Option<Vec<f64>> {
    let n = g.node_count();
    if n == 0 {
        return Some(Vec::new());
    }
    let nf = n as f64;
    // 1 / weighted out-degree, 0 for dangling nodes.
    let inv_out: Vec<f64> = (0..n)
        .map(|v| {
            let s: f64 = g.out_slice(v).1.iter().sum();
            if s != 0.0 {
                1.0 / s
            } else {
                0.0
            }
        })
        .collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| inv_out[v] == 0.0).collect();
    let mut x = vec![1.0 / nf; n];
    let mut scaled = vec![0.0; n];
    for _ in 0..max_iter {
        for ((sv, &xv), &iv) in scaled.iter_mut().zip(&x).zip(&inv_out) {
            *sv = xv * iv;
        }
        let dangling_sum: f64 = dangling.iter().map(|&v| x[v]).sum();
        let base = alpha * dangling_sum / nf + (1.0 - alpha) / nf;
        let next: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(256)
            .map(|v| {
                let (src, w) = g.in_slice(v);
                let mut s = 0.0;
                for (&u, &wt) in src.iter().zip(w) {
                    s += scaled[u as usize] * wt;
                }
                alpha * s + base
            })
            .collect();
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * tol {
            let total: f64 = x.iter().sum();
            if total > 0.0 && total.is_finite() {
                for v in &mut x {
                    *v /= total;
                }
                return Some(x);
            }
            return None;
        }
    }
    None
}

/// Outcome of the eigenvector iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EigenvectorStatus {
    /// Converged; the values are NetworkX's.
    Converged,
    /// The graph has no directed cycle of positive weight (or no node): the adjacency matrix
    /// is nilpotent, its spectral radius is 0 and eigenvector centrality is undefined.
    Undefined,
    /// Did not converge in `max_iter` iterations (NetworkX raises
    /// `PowerIterationFailedConvergence`).
    NotConverged,
}

/// `nx.eigenvector_centrality(G, max_iter, tol, weight='weight')` on a DiGraph: iterate
/// `x <- (A^T + I) x` (each node receives along its in-edges), normalise to unit Euclidean
/// length, start from the uniform vector summing to 1, stop when the L1 change is `< n * tol`.
pub(crate) fn eigenvector(
    g: &Graph,
    tol: f64,
    max_iter: usize,
) -> (Option<Vec<f64>>, EigenvectorStatus) {
    let n = g.node_count();
    if n == 0 || !has_positive_cycle(g) {
        return (None, EigenvectorStatus::Undefined);
    }
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    for _ in 0..max_iter {
        let mut next: Vec<f64> = (0..n)
            .into_par_iter()
            .with_min_len(256)
            .map(|v| {
                let (src, w) = g.in_slice(v);
                let mut s = x[v];
                for (&u, &wt) in src.iter().zip(w) {
                    s += x[u as usize] * wt;
                }
                s
            })
            .collect();
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        if !norm.is_finite() {
            return (None, EigenvectorStatus::NotConverged);
        }
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for v in &mut next {
            *v /= norm;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * tol {
            return (Some(x), EigenvectorStatus::Converged);
        }
    }
    (None, EigenvectorStatus::NotConverged)
}

/// Whether the subgraph of edges with weight > 0 has a directed cycle (Kahn's algorithm).
fn has_positive_cycle(g: &Graph) -> bool {
    let n = g.node_count();
    let mut indeg = vec![0usize; n];
    for v in 0..n {
        let (t, w) = g.out_slice(v);
        for (&u, &wt) in t.iter().zip(w) {
            if wt > 0.0 {
                indeg[u as usize] += 1;
            }
        }
    }
    let mut stack: Vec<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut removed = 0;
    while let Some(v) = stack.pop() {
        removed += 1;
        let (t, w) = g.out_slice(v);
        for (&u, &wt) in t.iter().zip(w) {
            if wt > 0.0 {
                let d = &mut indeg[u as usize];
                *d -= 1;
                if *d == 0 {
                    stack.push(u as usize);
                }
            }
        }
    }
    removed < n
}
