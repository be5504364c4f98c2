//! Benchmark: `cargo run --release -p dipl-network --example network_bench -- [nodes] [edges] [edge-list-out]`
//!
//! Builds a seeded synthetic follow graph (default 20,000 nodes, 1,000,000 distinct edges)
//! with heavy-tailed degrees: followers are drawn with weight (rank+1)^-0.6 (a few very active
//! followers), followed accounts with weight (rank+1)^-0.9 (a few hubs, e.g. ministries and
//! leaders), ranks shuffled independently. Times each metric and prints one line per metric:
//! `bench network <metric> nodes=… edges=… seconds=…`. With a third argument, also writes the
//! edge list (`u v` per line) for comparison with NetworkX.

use dipl_network::{analyse, betweenness, closeness, communities, eigenvector, graph_metrics};
use dipl_network::{pagerank, Graph, Options};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use std::io::Write;
use std::time::Instant;

fn cumulative(n: usize, exponent: f64, rng: &mut ChaCha8Rng) -> Vec<f64> {
    let mut perm: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = ((rng.next_u64() as u128 * (i as u128 + 1)) >> 64) as usize;
        perm.swap(i, j);
    }
    let mut w = vec![0.0; n];
    for (rank, &node) in perm.iter().enumerate() {
        w[node] = (rank as f64 + 1.0).powf(-exponent);
    }
    let mut acc = 0.0;
    for x in &mut w {
        acc += *x;
        *x = acc;
    }
    w
}

fn draw(cum: &[f64], rng: &mut ChaCha8Rng) -> usize {
    let total = cum[cum.len() - 1];
    let r = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
    cum.partition_point(|&c| c <= r).min(cum.len() - 1)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(Ok(20_000), |s| s.parse())?;
    let m: usize = args.get(2).map_or(Ok(1_000_000), |s| s.parse())?;
    let mut rng = ChaCha8Rng::seed_from_u64(2026);
    let out_cum = cumulative(n, 0.6, &mut rng);
    let in_cum = cumulative(n, 0.9, &mut rng);
    let mut seen: HashSet<(u32, u32)> = HashSet::with_capacity(m);
    let mut edges: Vec<(usize, usize, f64)> = Vec::with_capacity(m);
    let max_pairs = n.saturating_mul(n.saturating_sub(1));
    while edges.len() < m.min(max_pairs / 2) {
        let (u, v) = (draw(&out_cum, &mut rng), draw(&in_cum, &mut rng));
        if u != v && seen.insert((u as u32, v as u32)) {
            edges.push((u, v, 1.0));
        }
    }
    if let Some(path) = args.get(3) {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (u, v, _) in &edges {
            writeln!(f, "{u} {v}")?;
        }
    }
    let opts = Options::default();
    let line = |metric: &str, g: &Graph, t: Instant| {
        println!(
            "bench network {metric} nodes={} edges={} seconds={:.3}",
            g.node_count(),
            g.edge_count(),
            t.elapsed().as_secs_f64()
        )
    };
    let t = Instant::now();
    let g = Graph::from_edges(n, edges)?;
    line("build", &g, t);
    let t = Instant::now();
    let pr = pagerank(&g, &opts);
    line("pagerank", &g, t);
    let t = Instant::now();
    let (ev, status) = eigenvector(&g, &opts);
    line("eigenvector", &g, t);
    let t = Instant::now();
    let comm = communities(&g, &opts);
    line("community", &g, t);
    let t = Instant::now();
    let cl = closeness(&g);
    line("closeness", &g, t);
    let t = Instant::now();
    let bc = betweenness(&g);
    line("betweenness", &g, t);
    let t = Instant::now();
    let gm = graph_metrics(&g, &opts);
    line("graph_metrics", &g, t);
    let t = Instant::now();
    let all = analyse(&g, &opts);
    line("all_node_and_graph_metrics", &g, t);
    // Sanity output (and keeps the results alive).
    let top = |xs: &[f64]| {
        let mut best = 0;
        for (i, &x) in xs.iter().enumerate() {
            if x > xs[best] {
                best = i;
            }
        }
        (best, xs.get(best).copied().unwrap_or(0.0))
    };
    eprintln!(
        "pagerank max {:?}; betweenness max {:?}; closeness max {:?}; eigenvector {:?} max {:?}; communities {} modularity {:?}; diameter {:?} avg {:?} reciprocity {:?} weak {} strong {}; same as analyse: {}",
        pr.as_deref().map(top),
        top(&bc),
        top(&cl),
        status,
        ev.as_deref().map(top),
        comm.iter().max().map_or(0, |c| c + 1),
        gm.modularity,
        gm.diameter,
        gm.average_distance,
        gm.reciprocity,
        gm.weak_components,
        gm.strong_components,
        all.nodes.iter().map(|m| m.betweenness).eq(bc.iter().copied()),
    );
    Ok(())
}
