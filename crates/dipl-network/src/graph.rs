//! The directed weighted graph: compressed adjacency in both directions.

/// Why a graph could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// Node indexes are stored as `u32`; more nodes than that cannot be represented.
    TooManyNodes(usize),
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphError::TooManyNodes(n) => write!(f, "{n} nodes: at most {} supported", u32::MAX),
        }
    }
}

impl std::error::Error for GraphError {}

/// A directed graph on nodes `0..n` with one edge per ordered pair `(u, v)`, `u != v`, carrying
/// the sum of the weights given for that pair.
///
/// Built with [`Graph::from_edges`]: parallel edges are summed (in input order), self-loops are
/// dropped and counted ([`Graph::self_loops_dropped`]), and edges naming a node `>= n` or with a
/// weight that is not a finite number `>= 0` are dropped and counted
/// ([`Graph::invalid_dropped`]). A zero weight keeps the edge (it counts for degrees) but adds
/// nothing to weighted measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    n: u32,
    out_off: Vec<usize>,
    out_adj: Vec<u32>,
    out_w: Vec<f64>,
    /// `out_adj` as `u16` when `n <= 65536` (halves the memory streamed by the BFS kernels).
    out_adj16: Vec<u16>,
    in_off: Vec<usize>,
    in_adj: Vec<u32>,
    in_w: Vec<f64>,
    self_loops: u64,
    invalid: u64,
}

impl Graph {
    /// Builds the graph from `(from, to, weight)` triples. Fails only when `n` does not fit in
    /// a `u32`.
    pub fn from_edges<I>(n: usize, edges: I) -> Result<Graph, GraphError>
    where
        I: IntoIterator<Item = (usize, usize, f64)>,
    {
        let n32 = u32::try_from(n).map_err(|_| GraphError::TooManyNodes(n))?;
        let mut self_loops = 0u64;
        let mut invalid = 0u64;
        let mut list: Vec<(u32, u32, f64)> = Vec::new();
        for (u, v, w) in edges {
            if u >= n || v >= n || !w.is_finite() || w < 0.0 {
                invalid += 1;
                continue;
            }
            if u == v {
                self_loops += 1;
                continue;
            }
            // u, v < n <= u32::MAX, so the casts are lossless.
            list.push((u as u32, v as u32, w));
        }
        // Stable sort: parallel edges are summed in input order (deterministic).
        list.sort_by_key(|&(u, v, _)| (u, v));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(list.len());
        for (u, v, w) in list {
            match merged.last_mut() {
                Some(last) if last.0 == u && last.1 == v => {
                    last.2 += w;
                    if !last.2.is_finite() {
                        last.2 = f64::MAX;
                    }
                }
                _ => merged.push((u, v, w)),
            }
        }
        let mut out_off = vec![0usize; n + 1];
        let mut in_off = vec![0usize; n + 1];
        for &(u, v, _) in &merged {
            out_off[u as usize + 1] += 1;
            in_off[v as usize + 1] += 1;
        }
        for i in 0..n {
            out_off[i + 1] += out_off[i];
            in_off[i + 1] += in_off[i];
        }
        let out_adj: Vec<u32> = merged.iter().map(|e| e.1).collect();
        let out_w: Vec<f64> = merged.iter().map(|e| e.2).collect();
        // In-adjacency: merged is sorted by (u, v), so filling by v keeps sources sorted.
        let m = merged.len();
        let mut in_adj = vec![0u32; m];
        let mut in_w = vec![0f64; m];
        let mut fill = in_off.clone();
        for &(u, v, w) in &merged {
            let slot = &mut fill[v as usize];
            in_adj[*slot] = u;
            in_w[*slot] = w;
            *slot += 1;
        }
        let out_adj16: Vec<u16> = if n <= 1 << 16 {
            out_adj.iter().map(|&t| t as u16).collect()
        } else {
            Vec::new()
        };
        Ok(Graph {
            n: n32,
            out_off,
            out_adj16,
            out_adj,
            out_w,
            in_off,
            in_adj,
            in_w,
            self_loops,
            invalid,
        })
    }

    /// Number of nodes `n`.
    pub fn node_count(&self) -> usize {
        self.n as usize
    }

    /// Number of distinct directed edges (after merging parallel edges, without self-loops).
    pub fn edge_count(&self) -> usize {
        self.out_adj.len()
    }

    /// Self-loops given to [`Graph::from_edges`] and dropped.
    pub fn self_loops_dropped(&self) -> u64 {
        self.self_loops
    }

    /// Edges dropped because a node was out of range or the weight was not finite and `>= 0`.
    pub fn invalid_dropped(&self) -> u64 {
        self.invalid
    }

    /// Out-neighbours of `v` (sorted) and their edge weights; empty when `v` is out of range.
    pub fn out_edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (a, b) = self.out_range(v);
        self.out_adj[a..b]
            .iter()
            .zip(&self.out_w[a..b])
            .map(|(&t, &w)| (t as usize, w))
    }

    /// In-neighbours of `v` (sorted) and their edge weights; empty when `v` is out of range.
    pub fn in_edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (a, b) = self.in_range(v);
        self.in_adj[a..b]
            .iter()
            .zip(&self.in_w[a..b])
            .map(|(&t, &w)| (t as usize, w))
    }

    /// The weight of edge `u -> v`, if present.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        let (a, b) = self.out_range(u);
        let v = u32::try_from(v).ok()?;
        self.out_adj[a..b]
            .binary_search(&v)
            .ok()
            .map(|i| self.out_w[a + i])
    }

    /// All edges `(from, to, weight)` sorted by `(from, to)`.
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.node_count()).flat_map(move |u| self.out_edges(u).map(move |(v, w)| (u, v, w)))
    }

    fn out_range(&self, v: usize) -> (usize, usize) {
        if v < self.node_count() {
            (self.out_off[v], self.out_off[v + 1])
        } else {
            (0, 0)
        }
    }

    fn in_range(&self, v: usize) -> (usize, usize) {
        if v < self.node_count() {
            (self.in_off[v], self.in_off[v + 1])
        } else {
            (0, 0)
        }
    }

    // Internal slices for the kernels (v is always < n there).
    pub(crate) fn out_slice(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.out_off[v], self.out_off[v + 1]);
        (&self.out_adj[a..b], &self.out_w[a..b])
    }

    /// Out-offsets and out-targets as `u16` when `n <= 65536`.
    pub(crate) fn out_csr16(&self) -> Option<(&[usize], &[u16])> {
        (self.node_count() <= 1 << 16).then_some((&self.out_off[..], &self.out_adj16[..]))
    }

    /// Out-offsets and out-targets.
    pub(crate) fn out_csr(&self) -> (&[usize], &[u32]) {
        (&self.out_off, &self.out_adj)
    }

    pub(crate) fn in_slice(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.in_off[v], self.in_off[v + 1]);
        (&self.in_adj[a..b], &self.in_w[a..b])
    }
}
