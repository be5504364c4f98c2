//! Louvain communities with directed modularity, following NetworkX
//! `louvain_communities(G, weight='weight', resolution, threshold, seed)` on a DiGraph
//! (Dugué & Perez directed modularity gain). The node visiting order is shuffled at every
//! level with a ChaCha8 generator seeded from the options, so results are deterministic for a
//! seed (they are not NetworkX's partitions for the same seed: Python's Mersenne Twister order
//! is not reproduced).

use crate::graph::Graph;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A level graph: directed weighted edges, self-loops allowed (aggregated communities).
struct Level {
    n: usize,
    off: Vec<usize>,
    adj: Vec<u32>,
    w: Vec<f64>,
}

impl Level {
    fn from_edges(n: usize, mut edges: Vec<(u32, u32, f64)>) -> Level {
        edges.sort_by_key(|&(u, v, _)| (u, v));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for (u, v, w) in edges {
            match merged.last_mut() {
                Some(l) if l.0 == u && l.1 == v => l.2 += w,
                _ => merged.push((u, v, w)),
            }
        }
        let mut off = vec![0usize; n + 1];
        for &(u, _, _) in &merged {
            off[u as usize + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        Level {
            n,
            off,
            adj: merged.iter().map(|e| e.1).collect(),
            w: merged.iter().map(|e| e.2).collect(),
        }
    }

    fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.n).flat_map(move |u| {
            (self.off[u]..self.off[u + 1]).map(move |i| (u, self.adj[i] as usize, self.w[i]))
        })
    }

    fn degrees(&self) -> (Vec<f64>, Vec<f64>) {
        let mut din = vec![0.0; self.n];
        let mut dout = vec![0.0; self.n];
        for (u, v, w) in self.edges() {
            dout[u] += w;
            din[v] += w;
        }
        (din, dout)
    }
}

/// Directed modularity (NetworkX `modularity`): `sum_c L_c / m - res * out_c * in_c / m^2`.
fn level_modularity(level: &Level, com: &[usize], k: usize, m: f64, res: f64) -> f64 {
    let mut inside = vec![0.0; k];
    let mut cin = vec![0.0; k];
    let mut cout = vec![0.0; k];
    for (u, v, w) in level.edges() {
        cout[com[u]] += w;
        cin[com[v]] += w;
        if com[u] == com[v] {
            inside[com[u]] += w;
        }
    }
    let mut q = 0.0;
    for c in 0..k {
        q += inside[c] / m - res * cout[c] * cin[c] / (m * m);
    }
    q
}

/// Modularity of a partition of `g` (community id per node), NetworkX `modularity` on the
/// directed weighted graph. `None` when the total weight is 0 or the slice length is not `n`.
pub fn modularity(g: &Graph, community: &[usize], resolution: f64) -> Option<f64> {
    let n = g.node_count();
    if community.len() != n {
        return None;
    }
    let m: f64 = g.edges().map(|e| e.2).sum();
    if m <= 0.0 || !m.is_finite() {
        return None;
    }
    let k = community.iter().max().map_or(0, |&c| c + 1);
    let mut inside = vec![0.0; k];
    let mut cin = vec![0.0; k];
    let mut cout = vec![0.0; k];
    for (u, v, w) in g.edges() {
        cout[community[u]] += w;
        cin[community[v]] += w;
        if community[u] == community[v] {
            inside[community[u]] += w;
        }
    }
    let mut q = 0.0;
    for c in 0..k {
        q += inside[c] / m - resolution * cout[c] * cin[c] / (m * m);
    }
    Some(q)
}

fn shuffle(v: &mut [usize], rng: &mut ChaCha8Rng) {
    for i in (1..v.len()).rev() {
        let bound = (i + 1) as u128;
        let j = ((rng.next_u64() as u128 * bound) >> 64) as usize;
        v.swap(i, j);
    }
}

/// One level of local moves; returns (community per node, numbered 0..k in order of first
/// community index, k, whether anything moved).
fn one_level(level: &Level, m: f64, res: f64, rng: &mut ChaCha8Rng) -> (Vec<usize>, usize, bool) {
    let n = level.n;
    let (din, dout) = level.degrees();
    // Neighbours through out- then in-edges, self-loops excluded, weights summed.
    let mut in_lists: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    for (u, v, w) in level.edges() {
        if u != v {
            in_lists[v].push((u as u32, w));
        }
    }
    let mut nb_off = vec![0usize; n + 1];
    let mut nb: Vec<(u32, f64)> = Vec::new();
    let mut pos = vec![usize::MAX; n];
    for u in 0..n {
        let start = nb.len();
        let out = (level.off[u]..level.off[u + 1]).map(|i| (level.adj[i], level.w[i]));
        for (x, w) in out.chain(in_lists[u].iter().copied()) {
            let x_us = x as usize;
            if x_us == u {
                continue;
            }
            if pos[x_us] == usize::MAX {
                pos[x_us] = nb.len();
                nb.push((x, w));
            } else {
                nb[pos[x_us]].1 += w;
            }
        }
        for &(x, _) in &nb[start..] {
            pos[x as usize] = usize::MAX;
        }
        nb_off[u + 1] = nb.len();
    }
    drop(in_lists);

    let mut node2com: Vec<usize> = (0..n).collect();
    let mut stot_in = din.clone();
    let mut stot_out = dout.clone();
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(&mut order, rng);
    let mut w2c = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut seen = vec![false; n];
    let m2 = m * m;
    let mut improvement = false;
    loop {
        let mut moves = 0usize;
        for &u in &order {
            let own = node2com[u];
            touched.clear();
            for &(x, w) in &nb[nb_off[u]..nb_off[u + 1]] {
                let c = node2com[x as usize];
                if !seen[c] {
                    seen[c] = true;
                    touched.push(c);
                }
                w2c[c] += w;
            }
            let (ind, outd) = (din[u], dout[u]);
            stot_in[own] -= ind;
            stot_out[own] -= outd;
            let remove_cost =
                -w2c[own] / m + res * (outd * stot_in[own] + ind * stot_out[own]) / m2;
            let mut best_mod = 0.0;
            let mut best = own;
            for &c in &touched {
                let gain =
                    remove_cost + w2c[c] / m - res * (outd * stot_in[c] + ind * stot_out[c]) / m2;
                if gain > best_mod {
                    best_mod = gain;
                    best = c;
                }
            }
            stot_in[best] += ind;
            stot_out[best] += outd;
            for &c in &touched {
                w2c[c] = 0.0;
                seen[c] = false;
            }
            if best != own {
                node2com[u] = best;
                moves += 1;
                improvement = true;
            }
        }
        if moves == 0 {
            break;
        }
    }
    // Renumber non-empty communities in increasing old index (NetworkX filters the list).
    let mut new_id = vec![usize::MAX; n];
    let mut used = vec![false; n];
    for &c in &node2com {
        used[c] = true;
    }
    let mut k = 0;
    for c in 0..n {
        if used[c] {
            new_id[c] = k;
            k += 1;
        }
    }
    for c in &mut node2com {
        *c = new_id[*c];
    }
    (node2com, k, improvement)
}

/// Louvain communities of `g`: community id per node, numbered by size (largest first), then
/// smallest member. Singletons when the graph has no edge weight.
pub(crate) fn louvain(g: &Graph, resolution: f64, threshold: f64, seed: u64) -> Vec<usize> {
    let n = g.node_count();
    let m: f64 = g.edges().map(|e| e.2).sum();
    let mut assign: Vec<usize> = (0..n).collect();
    if m > 0.0 && m.is_finite() {
        let edges: Vec<(u32, u32, f64)> =
            g.edges().map(|(u, v, w)| (u as u32, v as u32, w)).collect();
        let mut level = Level::from_edges(n, edges);
        let ident: Vec<usize> = (0..n).collect();
        let mut q = level_modularity(&level, &ident, n, m, resolution);
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        loop {
            let (com, k, improved) = one_level(&level, m, resolution, &mut rng);
            if !improved {
                break;
            }
            for a in &mut assign {
                *a = com[*a];
            }
            let new_q = level_modularity(&level, &com, k, m, resolution);
            if new_q - q <= threshold {
                break;
            }
            q = new_q;
            let edges: Vec<(u32, u32, f64)> = level
                .edges()
                .map(|(u, v, w)| (com[u] as u32, com[v] as u32, w))
                .collect();
            level = Level::from_edges(k, edges);
        }
    }
    canonical(&assign)
}

/// Renumbers communities by size (descending), then smallest member (ascending).
pub(crate) fn canonical(assign: &[usize]) -> Vec<usize> {
    let k = assign.iter().max().map_or(0, |&c| c + 1);
    let mut size = vec![0usize; k];
    let mut first = vec![usize::MAX; k];
    for (v, &c) in assign.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(v);
    }
    let mut ids: Vec<usize> = (0..k).filter(|&c| size[c] > 0).collect();
    ids.sort_by_key(|&c| (std::cmp::Reverse(size[c]), first[c]));
    let mut rename = vec![0usize; k];
    for (new, &old) in ids.iter().enumerate() {
        rename[old] = new;
    }
    assign.iter().map(|&c| rename[c]).collect()
}
