//! Every node and graph metric compared with NetworkX 3.6.1 on small graphs with known answers.
//!
//! The expected values below were computed with NetworkX (not with this crate) by the script
//! kept in this comment (run with a venv: `python3 -m venv /tmp/nxvenv &&
//! /tmp/nxvenv/bin/pip install networkx scipy`; `python expected.py` prints the constants,
//! `python expected.py modularity < partitions.jsonl` the modularity of a given partition):
//!
//! ```python
//! # Expected values for crates/dipl-network/tests/network.rs (NetworkX).
//! import random, sys, json
//! import networkx as nx
//!
//! def rand_edges():
//!     r = random.Random(7)
//!     out = []
//!     for _ in range(140):
//!         u = r.randrange(30); v = r.randrange(30)
//!         if r.random() < 0.3:
//!             v = r.randrange(6)  # a few hubs
//!         out.append((u, v, float(r.randint(1, 5))))
//!     return out
//!
//! GRAPHS = {
//!   "star": (5, [(i, 0, 1.0) for i in range(1, 5)]),
//!   "cycle": (5, [(i, (i + 1) % 5, 1.0) for i in range(5)]),
//!   "two_parts": (8, [(0,1,2.0),(1,0,1.0),(1,2,1.0),(2,0,3.0),(0,2,1.0),(3,4,1.0),(4,5,2.0),(5,6,1.0),(6,4,1.0)]),
//!   "self_loops": (4, [(0,0,5.0),(0,1,1.0),(1,2,1.0),(2,2,1.0),(2,0,1.0),(2,3,2.0),(0,1,2.0),(3,3,1.0)]),
//!   "reciprocal": (4, [(0,1,3.0),(1,0,1.0),(1,2,2.0),(2,1,2.0),(2,3,1.0),(3,0,4.0)]),
//!   "random30": (30, rand_edges()),
//! }
//!
//! def build(n, edges):
//!     G = nx.DiGraph(); G.add_nodes_from(range(n))
//!     for u, v, w in edges:
//!         if u == v: continue
//!         if G.has_edge(u, v): G[u][v]["weight"] += w
//!         else: G.add_edge(u, v, weight=w)
//!     return G
//!
//! def f(x): return "None" if x is None else repr(float(x))
//!
//! def rust(name, n, edges):
//!     G = build(n, edges)
//!     pr = nx.pagerank(G, alpha=0.85, tol=1e-10, max_iter=1000, weight="weight")
//!     bc = nx.betweenness_centrality(G, normalized=True, weight=None)
//!     cl = nx.closeness_centrality(G)
//!     try:
//!         ev = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10, weight="weight")
//!     except nx.PowerIterationFailedConvergence:
//!         ev = None
//!     d = [(s, t, l) for s, dd in nx.all_pairs_shortest_path_length(G) for t, l in dd.items() if s != t]
//!     diam = max((l for _, _, l in d), default=None)
//!     avg = (sum(l for _, _, l in d) / len(d)) if d else None
//!     rec = nx.overall_reciprocity(G) if G.number_of_edges() else None
//!     lou = nx.community.louvain_communities(G, weight="weight", seed=1)
//!     print(f"// {name}: nx louvain(seed=1) modularity {nx.community.modularity(G, lou, weight='weight')!r} communities {sorted(map(sorted, lou))}")
//!     print(f"const {name.upper()}: Expected = Expected {{")
//!     print(f"    in_degree: &{[G.in_degree(v) for v in range(n)]},")
//!     print(f"    out_degree: &{[G.out_degree(v) for v in range(n)]},")
//!     print(f"    weighted_in: &[{', '.join(f(G.in_degree(v, weight='weight')) for v in range(n))}],")
//!     print(f"    weighted_out: &[{', '.join(f(G.out_degree(v, weight='weight')) for v in range(n))}],")
//!     print(f"    mutual: &{[sum(1 for x in G.successors(v) if G.has_edge(x, v)) for v in range(n)]},")
//!     print(f"    pagerank: &[{', '.join(f(pr[v]) for v in range(n))}],")
//!     print(f"    betweenness: &[{', '.join(f(bc[v]) for v in range(n))}],")
//!     print(f"    closeness: &[{', '.join(f(cl[v]) for v in range(n))}],")
//!     print(f"    eigenvector: {'None' if ev is None else 'Some(&[' + ', '.join(f(ev[v]) for v in range(n)) + '])'},")
//!     print(f"    edges: {G.number_of_edges()},")
//!     print(f"    density: {f(nx.density(G))},")
//!     print(f"    reciprocity: {'None' if rec is None else 'Some(' + f(rec) + ')'},")
//!     print(f"    weak: {nx.number_weakly_connected_components(G)},")
//!     print(f"    strong: {nx.number_strongly_connected_components(G)},")
//!     print(f"    diameter: {'None' if diam is None else f'Some({diam})'},")
//!     print(f"    average_distance: {'None' if avg is None else 'Some(' + f(avg) + ')'},")
//!     print("};")
//!
//! if len(sys.argv) > 1 and sys.argv[1] == "modularity":
//!     # stdin: JSON {"graph": name, "community": [...]}: NetworkX modularity of our partition.
//!     for line in sys.stdin:
//!         q = json.loads(line)
//!         n, edges = GRAPHS[q["graph"]]
//!         G = build(n, edges)
//!         parts = {}
//!         for v, c in enumerate(q["community"]): parts.setdefault(c, set()).add(v)
//!         print(q["graph"], repr(nx.community.modularity(G, list(parts.values()), weight="weight")))
//!     sys.exit()
//! if len(sys.argv) > 1 and sys.argv[1] == "edges":
//!     print(rand_edges()); sys.exit()
//! for name, (n, edges) in GRAPHS.items():
//!     rust(name, n, edges)
//! ```
//!
//! Louvain partitions are not compared with NetworkX's (its random node order is Python's
//! Mersenne Twister); instead the modularity of *our* partition was recomputed with
//! `nx.community.modularity` (mode `modularity` of the script) and pasted, and the comments
//! give NetworkX's own Louvain result for reference.

use dipl_network::{
    analyse, betweenness, communities, graph_metrics, modularity, node_metrics, pagerank,
    EigenvectorStatus, Graph, Options,
};

const TOL: f64 = 1e-6;

struct Expected {
    in_degree: &'static [u32],
    out_degree: &'static [u32],
    weighted_in: &'static [f64],
    weighted_out: &'static [f64],
    mutual: &'static [u32],
    pagerank: &'static [f64],
    betweenness: &'static [f64],
    closeness: &'static [f64],
    eigenvector: Option<&'static [f64]>,
    edges: usize,
    density: f64,
    reciprocity: Option<f64>,
    weak: usize,
    strong: usize,
    diameter: Option<u64>,
    average_distance: Option<f64>,
}

// star: nx louvain(seed=1) modularity 0.0 communities [[0], [1], [2], [3], [4]]
const STAR: Expected = Expected {
    in_degree: &[4, 0, 0, 0, 0],
    out_degree: &[0, 1, 1, 1, 1],
    weighted_in: &[4.0, 0.0, 0.0, 0.0, 0.0],
    weighted_out: &[0.0, 1.0, 1.0, 1.0, 1.0],
    mutual: &[0, 0, 0, 0, 0],
    pagerank: &[
        0.5238095239014201,
        0.119047619024645,
        0.119047619024645,
        0.119047619024645,
        0.119047619024645,
    ],
    betweenness: &[0.0, 0.0, 0.0, 0.0, 0.0],
    closeness: &[1.0, 0.0, 0.0, 0.0, 0.0],
    eigenvector: None,
    edges: 4,
    density: 0.2,
    reciprocity: Some(0.0),
    weak: 1,
    strong: 5,
    diameter: Some(1),
    average_distance: Some(1.0),
};
// cycle: nx louvain(seed=1) modularity 0.08000000000000004 communities [[0, 4], [1, 2, 3]]
const CYCLE: Expected = Expected {
    in_degree: &[1, 1, 1, 1, 1],
    out_degree: &[1, 1, 1, 1, 1],
    weighted_in: &[1.0, 1.0, 1.0, 1.0, 1.0],
    weighted_out: &[1.0, 1.0, 1.0, 1.0, 1.0],
    mutual: &[0, 0, 0, 0, 0],
    pagerank: &[0.2, 0.2, 0.2, 0.2, 0.2],
    betweenness: &[0.5, 0.5, 0.5, 0.5, 0.5],
    closeness: &[0.4, 0.4, 0.4, 0.4, 0.4],
    eigenvector: Some(&[
        0.4472135954999579,
        0.4472135954999579,
        0.4472135954999579,
        0.4472135954999579,
        0.4472135954999579,
    ]),
    edges: 5,
    density: 0.25,
    reciprocity: Some(0.0),
    weak: 1,
    strong: 1,
    diameter: Some(4),
    average_distance: Some(2.5),
};
// two_parts: nx louvain(seed=1) modularity 0.47337278106508884 communities [[0, 1, 2], [3, 4, 5, 6], [7]]
const TWO_PARTS: Expected = Expected {
    in_degree: &[2, 1, 2, 0, 2, 1, 1, 0],
    out_degree: &[2, 2, 1, 1, 1, 1, 1, 0],
    weighted_in: &[4.0, 2.0, 2.0, 0.0, 2.0, 2.0, 1.0, 0.0],
    weighted_out: &[3.0, 2.0, 3.0, 1.0, 2.0, 1.0, 1.0, 0.0],
    mutual: &[2, 1, 1, 0, 0, 0, 0, 0],
    pagerank: &[
        0.17634418192409423,
        0.1209073907360077,
        0.1223288469203176,
        0.020979020979020983,
        0.1860724311745382,
        0.17914058717536335,
        0.17324852011163705,
        0.020979020979020983,
    ],
    betweenness: &[
        0.023809523809523808,
        0.0,
        0.0,
        0.0,
        0.07142857142857142,
        0.047619047619047616,
        0.023809523809523808,
        0.0,
    ],
    closeness: &[
        0.2857142857142857,
        0.19047619047619047,
        0.2857142857142857,
        0.0,
        0.3214285714285714,
        0.2571428571428571,
        0.21428571428571427,
        0.0,
    ],
    eigenvector: Some(&[
        0.7118125226594231,
        0.5294066866298532,
        0.46157501312010896,
        6.433992760079762e-26,
        2.623994671947518e-10,
        4.1653319026089365e-10,
        3.3060261219989156e-10,
        6.433992760079762e-26,
    ]),
    edges: 9,
    density: 0.16071428571428573,
    reciprocity: Some(0.4444444444444444),
    weak: 3,
    strong: 4,
    diameter: Some(3),
    average_distance: Some(1.4666666666666666),
};
// self_loops: nx louvain(seed=1) modularity 0.20408163265306123 communities [[0, 1], [2, 3]]
const SELF_LOOPS: Expected = Expected {
    in_degree: &[1, 1, 1, 1],
    out_degree: &[1, 1, 2, 0],
    weighted_in: &[1.0, 3.0, 1.0, 2.0],
    weighted_out: &[3.0, 1.0, 3.0, 0.0],
    mutual: &[0, 0, 0, 0],
    pagerank: &[
        0.18057687847696124,
        0.24771317007418112,
        0.30477901787841166,
        0.26693093357044584,
    ],
    betweenness: &[0.16666666666666666, 0.3333333333333333, 0.5, 0.0],
    closeness: &[
        0.4444444444444444,
        0.4444444444444444,
        0.4444444444444444,
        0.5,
    ],
    eigenvector: Some(&[
        0.2960857234037536,
        0.6158831235486,
        0.4270295073064988,
        0.5921714468074806,
    ]),
    edges: 4,
    density: 0.3333333333333333,
    reciprocity: Some(0.0),
    weak: 1,
    strong: 2,
    diameter: Some(3),
    average_distance: Some(1.6666666666666667),
};
// reciprocal: nx louvain(seed=1) modularity 0.11834319526627224 communities [[0, 3], [1, 2]]
const RECIPROCAL: Expected = Expected {
    in_degree: &[2, 2, 1, 1],
    out_degree: &[1, 2, 2, 1],
    weighted_in: &[5.0, 5.0, 2.0, 1.0],
    weighted_out: &[3.0, 3.0, 3.0, 4.0],
    mutual: &[1, 2, 1, 0],
    pagerank: &[
        0.2418621349952074,
        0.38936093820707285,
        0.2581378650047925,
        0.1106390617929271,
    ],
    betweenness: &[
        0.3333333333333333,
        0.5833333333333333,
        0.3333333333333333,
        0.08333333333333333,
    ],
    closeness: &[0.75, 0.75, 0.5, 0.5],
    eigenvector: Some(&[
        0.4420918302533365,
        0.7412566492268654,
        0.4804652014000169,
        0.15571314602131675,
    ]),
    edges: 6,
    density: 0.5,
    reciprocity: Some(0.6666666666666666),
    weak: 1,
    strong: 1,
    diameter: Some(3),
    average_distance: Some(1.6666666666666667),
};
// random30: nx louvain(seed=1) modularity 0.3130812628388418 communities [[0, 2, 5, 13, 19, 25, 26], [1, 3, 4, 8, 11, 18, 24], [6, 9, 16, 17, 29], [7, 22, 23], [10, 12, 14, 15, 20, 21, 27, 28]]
const RANDOM30: Expected = Expected {
    in_degree: &[
        6, 15, 7, 6, 7, 9, 5, 3, 1, 2, 3, 4, 3, 1, 2, 5, 2, 5, 6, 2, 1, 3, 5, 3, 1, 1, 5, 2, 2, 2,
    ],
    out_degree: &[
        5, 5, 6, 4, 5, 1, 2, 4, 5, 3, 6, 5, 3, 3, 5, 4, 4, 3, 2, 6, 1, 5, 4, 3, 4, 5, 3, 4, 6, 3,
    ],
    weighted_in: &[
        24.0, 43.0, 26.0, 23.0, 37.0, 29.0, 13.0, 7.0, 4.0, 7.0, 14.0, 16.0, 5.0, 3.0, 10.0, 12.0,
        8.0, 14.0, 17.0, 6.0, 2.0, 12.0, 17.0, 11.0, 3.0, 4.0, 21.0, 10.0, 5.0, 8.0,
    ],
    weighted_out: &[
        22.0, 19.0, 21.0, 11.0, 14.0, 5.0, 10.0, 10.0, 26.0, 9.0, 14.0, 17.0, 16.0, 13.0, 14.0,
        11.0, 13.0, 9.0, 7.0, 14.0, 4.0, 18.0, 16.0, 10.0, 15.0, 11.0, 14.0, 14.0, 25.0, 9.0,
    ],
    mutual: &[
        0, 4, 1, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0,
    ],
    pagerank: &[
        0.04149781834841072,
        0.11299077251531257,
        0.07122290575843708,
        0.04676579528531355,
        0.09254582978413418,
        0.04771717020719414,
        0.033741053319517184,
        0.01902580492268008,
        0.02747541585614312,
        0.015566112270229318,
        0.014995600291400527,
        0.03299324837840298,
        0.013794858271597394,
        0.012183862105059732,
        0.014543117030985243,
        0.030947985847027033,
        0.023882203524103734,
        0.025354807516518106,
        0.04547974464566237,
        0.022671472373952308,
        0.009782870553732542,
        0.02934847464099923,
        0.06763363579053258,
        0.028556050091790703,
        0.009809974375975923,
        0.016531327644728974,
        0.04063838759634118,
        0.02493787507714313,
        0.0116040626990127,
        0.015761763277661642,
    ],
    betweenness: &[
        0.09729161779654391,
        0.15410997732426304,
        0.13655582922824303,
        0.1046221362108062,
        0.09623797794980062,
        0.0384558996012198,
        0.05611658456486042,
        0.02301489561341778,
        0.023882828993666432,
        0.02307353976073188,
        0.03540347173352099,
        0.03509461255766674,
        0.04217100633356791,
        0.010479709125029322,
        0.021495034795527408,
        0.09630444131675657,
        0.06007799671592774,
        0.05720443349753695,
        0.01727363359136758,
        0.0274317773086246,
        0.013341543513957308,
        0.11037805926968493,
        0.1474049964813512,
        0.02587379779498006,
        0.00650656814449918,
        0.05699038235984049,
        0.07977852060364377,
        0.05895398389240754,
        0.04544041754632888,
        0.02563531159590273,
    ],
    closeness: &[
        0.4393939393939394,
        0.6444444444444445,
        0.5178571428571429,
        0.47540983606557374,
        0.5178571428571429,
        0.5272727272727272,
        0.48333333333333334,
        0.3372093023255814,
        0.3493975903614458,
        0.30851063829787234,
        0.3118279569892473,
        0.4027777777777778,
        0.3625,
        0.29,
        0.29,
        0.48333333333333334,
        0.3625,
        0.38666666666666666,
        0.48333333333333334,
        0.35802469135802467,
        0.3333333333333333,
        0.3717948717948718,
        0.47540983606557374,
        0.3717948717948718,
        0.31521739130434784,
        0.3493975903614458,
        0.453125,
        0.3493975903614458,
        0.3118279569892473,
        0.32222222222222224,
    ],
    eigenvector: Some(&[
        0.1494710484556604,
        0.4683483169253192,
        0.3549474985466329,
        0.28655478457507333,
        0.4955441180145729,
        0.22545570195029435,
        0.17930133184411196,
        0.03311394447475824,
        0.13738117009334613,
        0.028751955744424285,
        0.03203346646483664,
        0.13781213720256855,
        0.032078298790824834,
        0.013371058437584142,
        0.033918006103608865,
        0.1165963540271865,
        0.07554636971960937,
        0.06430720557551711,
        0.2570978054439489,
        0.06144975491427024,
        0.016162177031502495,
        0.09317610518273471,
        0.15274777644384685,
        0.08970604871105524,
        0.031078727624306114,
        0.09840315091840818,
        0.16170881587575658,
        0.0644996272817797,
        0.03337619309682711,
        0.052749809727527894,
    ]),
    edges: 119,
    density: 0.1367816091954023,
    reciprocity: Some(0.11764705882352941),
    weak: 1,
    strong: 1,
    diameter: Some(5),
    average_distance: Some(2.6114942528735634),
};

const RANDOM30_EDGES: &[(usize, usize, f64)] = &[
    (10, 4, 1.0),
    (2, 26, 3.0),
    (18, 1, 2.0),
    (1, 2, 1.0),
    (7, 2, 1.0),
    (26, 1, 5.0),
    (1, 18, 1.0),
    (7, 1, 2.0),
    (9, 0, 5.0),
    (9, 17, 2.0),
    (3, 18, 2.0),
    (11, 3, 1.0),
    (18, 1, 4.0),
    (21, 17, 3.0),
    (14, 18, 3.0),
    (9, 7, 2.0),
    (2, 18, 4.0),
    (28, 10, 3.0),
    (19, 3, 2.0),
    (24, 3, 4.0),
    (1, 4, 5.0),
    (25, 28, 3.0),
    (22, 11, 5.0),
    (25, 0, 3.0),
    (15, 22, 1.0),
    (23, 22, 5.0),
    (21, 26, 4.0),
    (28, 21, 4.0),
    (11, 5, 4.0),
    (1, 6, 2.0),
    (23, 7, 4.0),
    (2, 5, 5.0),
    (8, 3, 5.0),
    (8, 22, 3.0),
    (21, 28, 2.0),
    (4, 1, 2.0),
    (0, 15, 2.0),
    (8, 3, 5.0),
    (11, 19, 2.0),
    (22, 27, 5.0),
    (20, 21, 4.0),
    (28, 27, 5.0),
    (12, 12, 1.0),
    (15, 20, 2.0),
    (2, 6, 1.0),
    (10, 0, 5.0),
    (4, 2, 5.0),
    (0, 2, 5.0),
    (12, 4, 3.0),
    (19, 11, 1.0),
    (27, 15, 4.0),
    (15, 15, 2.0),
    (3, 23, 3.0),
    (15, 26, 5.0),
    (0, 6, 5.0),
    (11, 4, 1.0),
    (24, 5, 1.0),
    (22, 2, 2.0),
    (11, 4, 5.0),
    (10, 1, 2.0),
    (26, 12, 2.0),
    (6, 16, 1.0),
    (0, 2, 2.0),
    (22, 19, 4.0),
    (25, 29, 3.0),
    (11, 1, 4.0),
    (6, 4, 5.0),
    (26, 0, 3.0),
    (25, 5, 1.0),
    (29, 12, 2.0),
    (15, 5, 3.0),
    (2, 25, 4.0),
    (14, 12, 1.0),
    (23, 1, 1.0),
    (4, 18, 2.0),
    (19, 26, 4.0),
    (21, 29, 5.0),
    (17, 5, 1.0),
    (16, 23, 4.0),
    (27, 6, 2.0),
    (0, 4, 2.0),
    (24, 18, 5.0),
    (13, 5, 3.0),
    (28, 14, 5.0),
    (13, 26, 5.0),
    (4, 4, 1.0),
    (27, 14, 5.0),
    (0, 24, 2.0),
    (4, 15, 1.0),
    (17, 1, 5.0),
    (16, 17, 1.0),
    (28, 1, 3.0),
    (1, 3, 5.0),
    (0, 24, 1.0),
    (14, 10, 5.0),
    (19, 2, 4.0),
    (16, 17, 5.0),
    (7, 22, 3.0),
    (29, 17, 2.0),
    (26, 0, 4.0),
    (14, 1, 4.0),
    (2, 6, 1.0),
    (28, 5, 3.0),
    (4, 8, 4.0),
    (7, 23, 4.0),
    (28, 5, 2.0),
    (5, 22, 5.0),
    (12, 10, 3.0),
    (10, 2, 1.0),
    (10, 17, 1.0),
    (12, 10, 3.0),
    (16, 1, 1.0),
    (2, 1, 3.0),
    (24, 4, 3.0),
    (12, 4, 5.0),
    (18, 15, 1.0),
    (8, 1, 2.0),
    (13, 0, 1.0),
    (25, 1, 1.0),
    (8, 0, 3.0),
    (17, 13, 3.0),
    (19, 5, 2.0),
    (3, 1, 2.0),
    (29, 9, 5.0),
    (24, 4, 2.0),
    (8, 11, 3.0),
    (1, 4, 5.0),
    (6, 16, 4.0),
    (3, 21, 4.0),
    (21, 15, 4.0),
    (16, 9, 2.0),
    (10, 6, 2.0),
    (12, 11, 2.0),
    (0, 2, 3.0),
    (13, 5, 4.0),
    (27, 16, 3.0),
    (19, 7, 1.0),
    (14, 3, 1.0),
    (8, 11, 5.0),
    (10, 2, 2.0),
];

fn star() -> Graph {
    Graph::from_edges(5, (1..5).map(|i| (i, 0, 1.0))).unwrap()
}
fn cycle() -> Graph {
    Graph::from_edges(5, (0..5).map(|i| (i, (i + 1) % 5, 1.0))).unwrap()
}
fn two_parts() -> Graph {
    let e = [
        (0, 1, 2.0),
        (1, 0, 1.0),
        (1, 2, 1.0),
        (2, 0, 3.0),
        (0, 2, 1.0),
        (3, 4, 1.0),
        (4, 5, 2.0),
        (5, 6, 1.0),
        (6, 4, 1.0),
    ];
    Graph::from_edges(8, e).unwrap()
}
fn self_loops() -> Graph {
    let e = [
        (0, 0, 5.0),
        (0, 1, 1.0),
        (1, 2, 1.0),
        (2, 2, 1.0),
        (2, 0, 1.0),
        (2, 3, 2.0),
        (0, 1, 2.0),
        (3, 3, 1.0),
    ];
    Graph::from_edges(4, e).unwrap()
}
fn reciprocal() -> Graph {
    let e = [
        (0, 1, 3.0),
        (1, 0, 1.0),
        (1, 2, 2.0),
        (2, 1, 2.0),
        (2, 3, 1.0),
        (3, 0, 4.0),
    ];
    Graph::from_edges(4, e).unwrap()
}
fn random30() -> Graph {
    Graph::from_edges(30, RANDOM30_EDGES.iter().copied()).unwrap()
}

fn close(what: &str, i: usize, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}[{i}]: got {got}, NetworkX {want}"
    );
}

fn check(name: &str, g: &Graph, e: &Expected) {
    let a = analyse(g, &Options::default());
    let n = g.node_count();
    assert_eq!(a.nodes.len(), n, "{name}");
    for (v, m) in a.nodes.iter().enumerate() {
        assert_eq!(m.in_degree, e.in_degree[v], "{name} in_degree[{v}]");
        assert_eq!(m.out_degree, e.out_degree[v], "{name} out_degree[{v}]");
        close(name, v, m.weighted_in, e.weighted_in[v]);
        close(name, v, m.weighted_out, e.weighted_out[v]);
        assert_eq!(m.mutual, e.mutual[v], "{name} mutual[{v}]");
        assert_eq!(m.one_way_in, e.in_degree[v] - e.mutual[v], "{name}");
        assert_eq!(m.one_way_out, e.out_degree[v] - e.mutual[v], "{name}");
        close(
            &format!("{name} pagerank"),
            v,
            m.pagerank.unwrap(),
            e.pagerank[v],
        );
        close(
            &format!("{name} betweenness"),
            v,
            m.betweenness,
            e.betweenness[v],
        );
        close(&format!("{name} closeness"), v, m.closeness, e.closeness[v]);
        match e.eigenvector {
            Some(ev) => close(
                &format!("{name} eigenvector"),
                v,
                m.eigenvector.unwrap(),
                ev[v],
            ),
            None => assert_eq!(m.eigenvector, None, "{name} eigenvector[{v}]"),
        }
    }
    let gm = &a.graph;
    assert_eq!(gm.nodes, n, "{name}");
    assert_eq!(gm.edges, e.edges, "{name} edges");
    close(&format!("{name} density"), 0, gm.density, e.density);
    match (gm.reciprocity, e.reciprocity) {
        (Some(x), Some(y)) => close(&format!("{name} reciprocity"), 0, x, y),
        (x, y) => assert_eq!(x, y, "{name} reciprocity"),
    }
    assert_eq!(gm.weak_components, e.weak, "{name} weak");
    assert_eq!(gm.strong_components, e.strong, "{name} strong");
    assert_eq!(gm.diameter, e.diameter, "{name} diameter");
    match (gm.average_distance, e.average_distance) {
        (Some(x), Some(y)) => close(&format!("{name} average_distance"), 0, x, y),
        (x, y) => assert_eq!(x, y, "{name} average_distance"),
    }
    let status = if e.eigenvector.is_some() {
        EigenvectorStatus::Converged
    } else {
        EigenvectorStatus::Undefined
    };
    assert_eq!(gm.eigenvector_status, status, "{name}");
    // The standalone functions agree with analyse().
    assert_eq!(&graph_metrics(g, &Options::default()), gm, "{name}");
    assert_eq!(node_metrics(g, &Options::default()), a.nodes, "{name}");
}

#[test]
fn star_matches_networkx() {
    check("star", &star(), &STAR);
}

#[test]
fn cycle_matches_networkx() {
    check("cycle", &cycle(), &CYCLE);
}

#[test]
fn two_parts_match_networkx() {
    check("two_parts", &two_parts(), &TWO_PARTS);
}

#[test]
fn self_loops_are_dropped_and_counted() {
    let g = self_loops();
    assert_eq!(g.self_loops_dropped(), 3);
    assert_eq!(g.invalid_dropped(), 0);
    assert_eq!(g.weight(0, 1), Some(3.0), "parallel edges summed");
    check("self_loops", &g, &SELF_LOOPS);
}

#[test]
fn reciprocal_pairs_match_networkx() {
    check("reciprocal", &reciprocal(), &RECIPROCAL);
}

#[test]
fn random30_matches_networkx() {
    let g = random30();
    assert_eq!(g.self_loops_dropped(), 3);
    check("random30", &g, &RANDOM30);
}

/// Our Louvain partitions (seed 0), their modularity as recomputed by
/// `nx.community.modularity` (script mode `modularity`), and NetworkX's own
/// `louvain_communities(seed=1)` partition, which here is the same partition up to numbering.
#[test]
fn louvain_communities_and_modularity() {
    let cases: [(&str, Graph, &[usize], f64); 6] = [
        ("star", star(), &[0, 1, 2, 3, 4], 0.0),
        ("cycle", cycle(), &[1, 0, 0, 0, 1], 0.08000000000000004),
        (
            "two_parts",
            two_parts(),
            &[1, 1, 1, 0, 0, 0, 0, 2],
            0.47337278106508884,
        ),
        (
            "self_loops",
            self_loops(),
            &[0, 0, 1, 1],
            0.20408163265306123,
        ),
        (
            "reciprocal",
            reciprocal(),
            &[0, 1, 1, 0],
            0.11834319526627224,
        ),
        (
            "random30",
            random30(),
            &[
                1, 2, 1, 2, 2, 1, 3, 4, 2, 3, 0, 2, 0, 1, 0, 0, 3, 3, 2, 1, 0, 0, 4, 4, 2, 1, 1, 0,
                0, 3,
            ],
            0.31308126283884186,
        ),
    ];
    for (name, g, want, q) in cases {
        let a = analyse(&g, &Options::default());
        let got: Vec<usize> = a.nodes.iter().map(|m| m.community).collect();
        assert_eq!(got, want, "{name}");
        assert_eq!(
            a.graph.communities,
            want.iter().max().unwrap() + 1,
            "{name}"
        );
        close(name, 0, a.graph.modularity.unwrap(), q);
        close(name, 0, modularity(&g, &got, 1.0).unwrap(), q);
        // Numbered by size, then smallest member.
        let mut sizes = vec![0usize; a.graph.communities];
        for &c in &got {
            sizes[c] += 1;
        }
        assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{name}");
    }
}

#[test]
fn deterministic_for_a_seed_and_any_thread_count() {
    // A larger graph so that betweenness runs over many blocks.
    let mut edges = Vec::new();
    let mut x: u64 = 12345;
    for _ in 0..4000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let u = (x >> 33) as usize % 300;
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let v = ((x >> 33) as usize % 300) * ((x >> 20) as usize % 2) % 300;
        edges.push((u, v, 1.0 + (x >> 60) as f64));
    }
    let g = Graph::from_edges(300, edges).unwrap();
    let opts = Options {
        seed: 42,
        ..Options::default()
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| analyse(&g, &opts));
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap()
        .install(|| analyse(&g, &opts));
    let again = analyse(&g, &opts);
    // Bitwise identical (PartialEq on f64).
    assert_eq!(one, two);
    assert_eq!(one, again);
    assert_eq!(
        betweenness(&g),
        one.nodes.iter().map(|m| m.betweenness).collect::<Vec<_>>()
    );
    let pr = pagerank(&g, &opts).unwrap();
    assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let other = communities(
        &g,
        &Options {
            seed: 43,
            ..opts.clone()
        },
    );
    assert_eq!(other.len(), 300);
}

#[test]
fn empty_and_edgeless_graphs() {
    let g = Graph::from_edges(0, std::iter::empty()).unwrap();
    let a = analyse(&g, &Options::default());
    assert!(a.nodes.is_empty());
    assert_eq!(a.graph.density, 0.0);
    assert_eq!(a.graph.reciprocity, None);
    assert_eq!(a.graph.diameter, None);
    assert_eq!(a.graph.modularity, None);
    assert_eq!(a.graph.eigenvector_status, EigenvectorStatus::Undefined);

    // Three isolated nodes (NetworkX: pagerank 1/3 each, closeness and betweenness 0,
    // overall_reciprocity raises, louvain gives singletons; eigenvector_centrality returns the
    // normalised start vector 1/sqrt(3), an artefact of A = 0: we say n/a).
    let g = Graph::from_edges(3, [(1, 1, 1.0)]).unwrap();
    let a = analyse(&g, &Options::default());
    for m in &a.nodes {
        close("isolated pagerank", 0, m.pagerank.unwrap(), 1.0 / 3.0);
        assert_eq!(
            (m.betweenness, m.closeness, m.eigenvector),
            (0.0, 0.0, None)
        );
    }
    assert_eq!(a.graph.weak_components, 3);
    assert_eq!(a.graph.strong_components, 3);
    assert_eq!(a.graph.communities, 3);
    assert_eq!(a.graph.self_loops_dropped, 1);
}

#[test]
fn bad_input_is_dropped_not_panicking() {
    let e = [
        (0, 1, f64::NAN),
        (0, 1, f64::INFINITY),
        (0, 1, -1.0),
        (0, 9, 1.0),
        (9, 0, 1.0),
        (0, 1, 0.0),
        (1, 2, f64::MAX),
        (1, 2, f64::MAX),
        (2, 0, 1.0),
    ];
    let g = Graph::from_edges(3, e).unwrap();
    assert_eq!(g.invalid_dropped(), 5);
    assert_eq!(g.edge_count(), 3);
    assert_eq!(g.weight(0, 1), Some(0.0));
    assert_eq!(g.weight(1, 2), Some(f64::MAX), "overflowing sum saturates");
    assert_eq!(g.weight(7, 1), None);
    assert_eq!(g.out_edges(99).count(), 0);
    let a = analyse(&g, &Options::default());
    assert_eq!(a.nodes.len(), 3);
    assert_eq!(a.graph.diameter, Some(2));
    // Zero-weight edges count for degrees but carry no weight.
    let g = Graph::from_edges(2, [(0, 1, 0.0), (1, 0, 0.0)]).unwrap();
    let a = analyse(&g, &Options::default());
    assert_eq!(a.graph.modularity, None);
    assert_eq!(a.graph.reciprocity, Some(1.0));
    assert_eq!(a.nodes[0].mutual, 1);
    assert_eq!(a.graph.eigenvector_status, EigenvectorStatus::Undefined);
}
