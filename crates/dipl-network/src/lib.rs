//! Network metrics of the codebook (§8): node and graph measures of a directed weighted graph.
//!
//! The graphs of the codebook — `follow` (A follows B), `mention`, `reply`, `repost` (A
//! reposts/quotes/forwards B) — are directed and weighted by count. The caller maps accounts to
//! node indexes `0..n` (by default only actor accounts; including the audience is the caller's
//! option) and builds a [`Graph`] from `(from, to, weight)` triples: parallel edges are summed,
//! self-loops are dropped and counted, out-of-range nodes and weights that are not finite and
//! `>= 0` are dropped and counted. Nothing here panics on input or reads the clock.
//!
//! # Definitions (all checked against NetworkX 3 in `tests/network.rs`)
//!
//! Node metrics ([`NodeMetrics`], field names are the codebook ids):
//!
//! - `in_degree`, `out_degree`: distinct neighbours (unweighted); `weighted_in`,
//!   `weighted_out`: sums of edge weights.
//! - `mutual`: neighbours `v` with both `u -> v` and `v -> u` (Twiplomacy "best connected");
//!   `one_way_in = in_degree - mutual`, `one_way_out = out_degree - mutual`.
//! - `pagerank` (**weighted**): `nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-10,
//!   max_iter=1000)`; transition = weight / weighted out-degree, dangling mass (nodes with
//!   weighted out-degree 0) spread uniformly, convergence when the L1 change is `< n * tol`.
//!   `None` only if it does not converge (cannot happen with alpha < 1 in practice).
//! - `betweenness` (**unweighted**, path lengths in hops): `nx.betweenness_centrality(G,
//!   normalized=True, weight=None)`, directed, exact Brandes, divided by `(n-1)(n-2)` when
//!   `n > 2`. Edge weights are interaction counts, not distances, so they are not used as path
//!   lengths (a heavier tie would otherwise be a *longer* path).
//! - `closeness` (**unweighted**): `nx.closeness_centrality(G)` on the DiGraph, i.e. from
//!   *incoming* distances (NetworkX reverses the graph): with `r` the number of nodes that reach
//!   `v` and `d` the sum of their distances, `(r / d) * (r / (n - 1))` (Wasserman–Faust), 0
//!   when nothing reaches `v`.
//! - `eigenvector` (**weighted**): `nx.eigenvector_centrality(G, weight='weight',
//!   max_iter=1000, tol=1e-10)` on the DiGraph (a node's score comes from its in-edges;
//!   iteration with `A^T + I`, unit Euclidean norm). `None` for every node when it is undefined:
//!   the graph has no directed cycle of positive weight (the adjacency matrix is nilpotent:
//!   spectral radius 0; NetworkX then fails to converge or returns an artefact of the start
//!   vector), or when the iteration does not converge within `max_iter` (NetworkX raises
//!   `PowerIterationFailedConvergence`). See [`GraphMetrics::eigenvector_status`].
//! - `community`: Louvain (directed modularity, weighted; NetworkX `louvain_communities(G,
//!   weight='weight', resolution=1, threshold=1e-7)` algorithm), node order shuffled by a
//!   ChaCha8 generator seeded with [`Options::seed`]: deterministic for a seed, not NetworkX's
//!   partition for the same seed. Communities are numbered by size (largest first), then
//!   smallest member. Without edge weight every node is its own community.
//!
//! Graph metrics ([`GraphMetrics`]):
//!
//! - `density`: `m / (n (n - 1))` (directed, `nx.density`; 0 when `n <= 1`).
//! - `reciprocity`: reciprocated edges / edges (`nx.overall_reciprocity`; NodeXL reciprocated
//!   edge ratio); `None` without edges.
//! - `weak_components` (NodeXL "connected components"), `strong_components`,
//!   `largest_weak_component` (nodes).
//! - `diameter`: the longest shortest path, in hops, over ordered pairs `(s, t)` where `t` is
//!   reachable from `s` (directed, unweighted). NetworkX `diameter` requires strong
//!   connectivity; this is the "maximum geodesic distance" of NodeXL computed over reachable
//!   pairs only. `None` when no pair is connected. `average_distance`: mean over the same
//!   pairs (self-pairs excluded).
//! - `modularity`: `nx.community.modularity(G, communities, weight='weight')` (directed) of
//!   the Louvain communities; `None` without edge weight.
//!
//! # Parallelism and determinism
//!
//! Betweenness, closeness and the distance measures come from one BFS per source, run with
//! rayon over blocks of sources that depend only on `n`; block results are summed in block
//! order, so the values are identical run to run and for any thread count. PageRank and
//! eigenvector iterations pull along in-edges with a fixed summation order per node.

mod components;
pub mod dataset;
mod graph;
mod louvain;
mod paths;
mod spectral;

pub use graph::{Graph, GraphError};
pub use louvain::modularity;
pub use spectral::EigenvectorStatus;

/// Parameters of the metrics; [`Options::default`] is the codebook's setting.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Options {
    /// PageRank damping factor (0.85).
    pub pagerank_alpha: f64,
    /// PageRank tolerance per node (1e-10; NetworkX's criterion `err < n * tol`).
    pub pagerank_tol: f64,
    /// PageRank iteration limit (1000).
    pub pagerank_max_iter: usize,
    /// Eigenvector tolerance per node (1e-10).
    pub eigenvector_tol: f64,
    /// Eigenvector iteration limit (1000).
    pub eigenvector_max_iter: usize,
    /// Louvain resolution (1).
    pub resolution: f64,
    /// Louvain: stop when a level improves modularity by no more than this (1e-7).
    pub louvain_threshold: f64,
    /// Seed of the Louvain node order (0).
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pagerank_alpha: 0.85,
            pagerank_tol: 1e-10,
            pagerank_max_iter: 1000,
            eigenvector_tol: 1e-10,
            eigenvector_max_iter: 1000,
            resolution: 1.0,
            louvain_threshold: 1e-7,
            seed: 0,
        }
    }
}

/// Metrics of one node; field names are the codebook ids.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NodeMetrics {
    pub in_degree: u32,
    pub out_degree: u32,
    pub weighted_in: f64,
    pub weighted_out: f64,
    pub mutual: u32,
    pub one_way_in: u32,
    pub one_way_out: u32,
    pub pagerank: Option<f64>,
    pub betweenness: f64,
    pub closeness: f64,
    pub eigenvector: Option<f64>,
    pub community: usize,
}

/// Graph-level metrics.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GraphMetrics {
    pub nodes: usize,
    pub edges: usize,
    pub self_loops_dropped: u64,
    pub invalid_dropped: u64,
    pub density: f64,
    pub reciprocity: Option<f64>,
    pub weak_components: usize,
    pub strong_components: usize,
    pub largest_weak_component: usize,
    pub diameter: Option<u64>,
    pub average_distance: Option<f64>,
    pub communities: usize,
    pub modularity: Option<f64>,
    #[serde(serialize_with = "ser_status")]
    pub eigenvector_status: EigenvectorStatus,
}

fn ser_status<S: serde::Serializer>(s: &EigenvectorStatus, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(match s {
        EigenvectorStatus::Converged => "converged",
        EigenvectorStatus::Undefined => "undefined",
        EigenvectorStatus::NotConverged => "not_converged",
    })
}

/// Node and graph metrics computed together (one all-pairs pass).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub nodes: Vec<NodeMetrics>,
    pub graph: GraphMetrics,
}

/// Degree counts of one node: (in, out, weighted in, weighted out, mutual).
fn degrees(g: &Graph, v: usize) -> (u32, u32, f64, f64, u32) {
    let (outs, outw) = g.out_slice(v);
    let (ins, inw) = g.in_slice(v);
    // Both lists are sorted: count common neighbours by merging.
    let (mut i, mut j, mut mutual) = (0, 0, 0u32);
    while i < outs.len() && j < ins.len() {
        match outs[i].cmp(&ins[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                mutual += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (
        ins.len() as u32,
        outs.len() as u32,
        // Folded from +0.0: an empty `sum()` of f64 is -0.0, which tables would print as "-0".
        inw.iter().fold(0.0, |a, b| a + b),
        outw.iter().fold(0.0, |a, b| a + b),
        mutual,
    )
}

/// All node and graph metrics.
pub fn analyse(g: &Graph, opts: &Options) -> Analysis {
    let (nodes, graph) = compute(g, opts, true);
    Analysis { nodes, graph }
}

/// Node metrics, one per node `0..n`.
pub fn node_metrics(g: &Graph, opts: &Options) -> Vec<NodeMetrics> {
    compute(g, opts, true).0
}

/// Graph metrics (skips betweenness, so about half the cost of [`analyse`]).
pub fn graph_metrics(g: &Graph, opts: &Options) -> GraphMetrics {
    compute(g, opts, false).1
}

/// Betweenness only (normalised as NetworkX), for benchmarks and callers that need one metric.
pub fn betweenness(g: &Graph) -> Vec<f64> {
    let stats = paths::all_pairs(g, true);
    normalise_betweenness(stats.betweenness, g.node_count())
}

/// PageRank only (see the crate docs); `None` if it does not converge.
pub fn pagerank(g: &Graph, opts: &Options) -> Option<Vec<f64>> {
    spectral::pagerank(
        g,
        opts.pagerank_alpha,
        opts.pagerank_tol,
        opts.pagerank_max_iter,
    )
}

/// Eigenvector centrality only (see the crate docs).
pub fn eigenvector(g: &Graph, opts: &Options) -> (Option<Vec<f64>>, EigenvectorStatus) {
    spectral::eigenvector(g, opts.eigenvector_tol, opts.eigenvector_max_iter)
}

/// Louvain community per node (see the crate docs).
pub fn communities(g: &Graph, opts: &Options) -> Vec<usize> {
    louvain::louvain(g, opts.resolution, opts.louvain_threshold, opts.seed)
}

/// Node indexes in "best connected" order (Twiplomacy): most mutual ties first, then most
/// one-way ties in, then node order.
pub fn best_connected_order(nodes: &[NodeMetrics]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (&nodes[a], &nodes[b]);
        (mb.mutual, mb.one_way_in)
            .cmp(&(ma.mutual, ma.one_way_in))
            .then(a.cmp(&b))
    });
    order
}

/// Closeness only (incoming distances, Wasserman–Faust), NetworkX `closeness_centrality`.
pub fn closeness(g: &Graph) -> Vec<f64> {
    let stats = paths::all_pairs(g, false);
    closeness_from(&stats, g.node_count())
}

fn normalise_betweenness(mut bc: Vec<f64>, n: usize) -> Vec<f64> {
    if n > 2 {
        let scale = 1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0));
        for b in &mut bc {
            *b *= scale;
        }
    }
    bc
}

fn closeness_from(stats: &paths::PathStats, n: usize) -> Vec<f64> {
    (0..n)
        .map(|v| {
            let r = stats.reach_in[v] as f64;
            let d = stats.dist_sum_in[v] as f64;
            if d > 0.0 && n > 1 {
                (r / d) * (r / (n as f64 - 1.0))
            } else {
                0.0
            }
        })
        .collect()
}

fn compute(g: &Graph, opts: &Options, with_nodes: bool) -> (Vec<NodeMetrics>, GraphMetrics) {
    let n = g.node_count();
    let m = g.edge_count();
    let stats = paths::all_pairs(g, with_nodes);
    let community = communities(g, opts);
    let k = community.iter().max().map_or(0, |&c| c + 1);
    let modularity = louvain::modularity(g, &community, opts.resolution);
    let (eig, eig_status) = if with_nodes {
        eigenvector(g, opts)
    } else {
        (None, EigenvectorStatus::Undefined)
    };
    let mut reciprocated = 0usize;
    let mut nodes = Vec::with_capacity(if with_nodes { n } else { 0 });
    for v in 0..n {
        let (din, dout, win, wout, mutual) = degrees(g, v);
        reciprocated += mutual as usize;
        if !with_nodes {
            continue;
        }
        nodes.push(NodeMetrics {
            in_degree: din,
            out_degree: dout,
            weighted_in: win,
            weighted_out: wout,
            mutual,
            one_way_in: din - mutual,
            one_way_out: dout - mutual,
            pagerank: None,
            betweenness: 0.0,
            closeness: 0.0,
            eigenvector: eig.as_ref().map(|e| e[v]),
            community: community[v],
        });
    }
    if with_nodes {
        let pr = pagerank(g, opts);
        let bc = normalise_betweenness(stats.betweenness.clone(), n);
        let cl = closeness_from(&stats, n);
        for (v, node) in nodes.iter_mut().enumerate() {
            node.pagerank = pr.as_ref().map(|p| p[v]);
            node.betweenness = bc[v];
            node.closeness = cl[v];
        }
    }
    let (weak, weak_count) = components::weak(g);
    let mut sizes = vec![0usize; weak_count];
    for &c in &weak {
        sizes[c] += 1;
    }
    let graph = GraphMetrics {
        nodes: n,
        edges: m,
        self_loops_dropped: g.self_loops_dropped(),
        invalid_dropped: g.invalid_dropped(),
        density: if n > 1 {
            m as f64 / (n as f64 * (n as f64 - 1.0))
        } else {
            0.0
        },
        reciprocity: (m > 0).then(|| reciprocated as f64 / m as f64),
        weak_components: weak_count,
        strong_components: components::strong_count(g),
        largest_weak_component: sizes.iter().copied().max().unwrap_or(0),
        diameter: (stats.reachable_pairs > 0).then_some(stats.max_dist),
        average_distance: (stats.reachable_pairs > 0)
            .then(|| stats.total_dist as f64 / stats.reachable_pairs as f64),
        communities: k,
        modularity,
        eigenvector_status: if with_nodes {
            eig_status
        } else {
            eigenvector(g, opts).1
        },
    };
    (nodes, graph)
}
