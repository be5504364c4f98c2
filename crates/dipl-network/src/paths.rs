//! All-pairs unweighted shortest paths: one BFS per source (Brandes 2001), run in parallel
//! over fixed blocks of sources. Gives betweenness, closeness (incoming distances), the
//! diameter and the average distance in one pass.
//!
//! Determinism: sources are cut into blocks that depend only on `n`; each block is processed
//! sequentially in source order into its own accumulators, and the blocks are summed in block
//! order. Results are identical run to run and for any number of threads. Distance sums are
//! integers (exact).

use crate::graph::Graph;
use rayon::prelude::*;

pub(crate) struct PathStats {
    /// Raw (unnormalised) betweenness, empty when not requested.
    pub betweenness: Vec<f64>,
    /// For each target `t`: sum over sources `s != t` reaching `t` of `d(s, t)`.
    pub dist_sum_in: Vec<u64>,
    /// For each target `t`: number of sources `s != t` that reach `t`.
    pub reach_in: Vec<u64>,
    /// Longest finite shortest path (0 when no pair is connected).
    pub max_dist: u64,
    /// Sum of d(s, t) over reachable ordered pairs s != t.
    pub total_dist: u128,
    /// Number of reachable ordered pairs s != t.
    pub reachable_pairs: u128,
}

#[derive(Clone, Copy)]
struct Slot {
    dist: i32,
    /// sigma (number of shortest paths) in the forward pass, then the dependency coefficient
    /// (1 + delta) / sigma in the backward pass.
    val: f64,
}

struct Scratch {
    slots: Vec<Slot>,
    order: Vec<u32>,
}

struct Acc {
    bc: Vec<f64>,
    dist_sum: Vec<u64>,
    reach: Vec<u64>,
    max_dist: u64,
    total: u128,
    pairs: u128,
}

/// Node index as stored in the adjacency.
trait Idx: Copy + Send + Sync {
    fn idx(self) -> usize;
}
impl Idx for u16 {
    #[inline(always)]
    fn idx(self) -> usize {
        self as usize
    }
}
impl Idx for u32 {
    #[inline(always)]
    fn idx(self) -> usize {
        self as usize
    }
}

/// Compressed out-adjacency.
#[derive(Clone, Copy)]
struct Csr<'a, T> {
    off: &'a [usize],
    adj: &'a [T],
}

impl<T: Idx> Csr<'_, T> {
    #[inline(always)]
    fn out(&self, v: usize) -> &[T] {
        &self.adj[self.off[v]..self.off[v + 1]]
    }
}

pub(crate) fn all_pairs(g: &Graph, betweenness: bool) -> PathStats {
    match g.out_csr16() {
        Some((off, adj)) => run(g.node_count(), Csr { off, adj }, betweenness),
        None => {
            let (off, adj) = g.out_csr();
            run(g.node_count(), Csr { off, adj }, betweenness)
        }
    }
}

fn run<T: Idx>(n: usize, g: Csr<'_, T>, betweenness: bool) -> PathStats {
    // At most 64 blocks; a block depends only on n.
    let block = n.div_ceil(64).max(1);
    let starts: Vec<usize> = (0..n).step_by(block).collect();
    let accs: Vec<Acc> = starts
        .par_iter()
        .map_init(
            || Scratch {
                slots: vec![Slot { dist: -1, val: 0.0 }; n],
                order: Vec::with_capacity(n),
            },
            |scratch, &start| {
                let mut acc = Acc {
                    bc: if betweenness {
                        vec![0.0; n]
                    } else {
                        Vec::new()
                    },
                    dist_sum: vec![0; n],
                    reach: vec![0; n],
                    max_dist: 0,
                    total: 0,
                    pairs: 0,
                };
                for s in start..(start + block).min(n) {
                    single_source(&g, s, betweenness, scratch, &mut acc);
                }
                acc
            },
        )
        .collect();
    let mut out = PathStats {
        betweenness: if betweenness {
            vec![0.0; n]
        } else {
            Vec::new()
        },
        dist_sum_in: vec![0; n],
        reach_in: vec![0; n],
        max_dist: 0,
        total_dist: 0,
        reachable_pairs: 0,
    };
    for acc in accs {
        for (a, b) in out.betweenness.iter_mut().zip(&acc.bc) {
            *a += b;
        }
        for (a, b) in out.dist_sum_in.iter_mut().zip(&acc.dist_sum) {
            *a += b;
        }
        for (a, b) in out.reach_in.iter_mut().zip(&acc.reach) {
            *a += b;
        }
        out.max_dist = out.max_dist.max(acc.max_dist);
        out.total_dist += acc.total;
        out.reachable_pairs += acc.pairs;
    }
    out
}

fn single_source<T: Idx>(
    g: &Csr<'_, T>,
    s: usize,
    betweenness: bool,
    sc: &mut Scratch,
    acc: &mut Acc,
) {
    let slots = &mut sc.slots;
    let order = &mut sc.order;
    order.clear();
    slots[s] = Slot { dist: 0, val: 1.0 };
    order.push(s as u32);
    let mut head = 0;
    while head < order.len() {
        let v = order[head] as usize;
        head += 1;
        let Slot { dist: dv, val: sv } = slots[v];
        let next = dv + 1;
        for &w in g.out(v) {
            let w = w.idx();
            let slot = &mut slots[w];
            if slot.dist < 0 {
                slot.dist = next;
                order.push(w as u32);
            }
            if slot.dist == next {
                slot.val += sv;
            }
        }
    }
    // Backward pass in reverse BFS order: every successor is finished before its predecessor.
    let mut local_max = 0u64;
    let mut local_total = 0u64;
    for &v in order.iter().rev() {
        let v = v as usize;
        let Slot {
            dist: dv,
            val: sigma_v,
        } = slots[v];
        let d = dv as u64;
        if v != s {
            acc.dist_sum[v] += d;
            acc.reach[v] += 1;
            local_total += d;
            local_max = local_max.max(d);
        }
        if betweenness {
            let next = dv + 1;
            let mut sum = 0.0;
            for &w in g.out(v) {
                let slot = slots[w.idx()];
                if slot.dist == next {
                    sum += slot.val;
                }
            }
            let delta = sigma_v * sum;
            if v != s {
                acc.bc[v] += delta;
            }
            slots[v].val = (1.0 + delta) / sigma_v;
        }
    }
    acc.max_dist = acc.max_dist.max(local_max);
    acc.total += local_total as u128;
    acc.pairs += (order.len() - 1) as u128;
    for &v in order.iter() {
        slots[v as usize] = Slot { dist: -1, val: 0.0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_and_wide_adjacency_agree() {
        let mut edges = Vec::new();
        let mut x: u64 = 99;
        for _ in 0..2000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            edges.push(((x >> 40) as usize % 150, (x >> 20) as usize % 150, 1.0));
        }
        let g = Graph::from_edges(150, edges).unwrap();
        let (off16, adj16) = g.out_csr16().unwrap();
        let (off, adj) = g.out_csr();
        let a = run(
            150,
            Csr {
                off: off16,
                adj: adj16,
            },
            true,
        );
        let b = run(150, Csr { off, adj }, true);
        assert_eq!(a.betweenness, b.betweenness);
        assert_eq!(a.dist_sum_in, b.dist_sum_in);
        assert_eq!(a.reach_in, b.reach_in);
        assert_eq!((a.max_dist, a.total_dist), (b.max_dist, b.total_dist));
    }
}
