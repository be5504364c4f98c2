//! Drawings of directed graphs as inline SVG: a force-directed layout (Fruchterman–Reingold),
//! nodes sized by a score (PageRank) and coloured by community, ties as thin lines whose opacity
//! follows their weight, handles written next to the top nodes, and a legend line.
//!
//! The layout is deterministic: a fixed number of iterations from initial positions that are a
//! hash of the node index, no clock, no random generator, so the same input gives the same bytes.
//! The work is bounded: at most [`MAX_NODES`] nodes are drawn (the top by score), which keeps
//! the `O(n²)` repulsion of each iteration small.

use std::fmt::Write as _;

use crate::document::escape_html;

/// At most this many nodes are drawn (the top by score).
pub const MAX_NODES: usize = 300;
/// Handles are written next to this many nodes (the top by score).
pub const LABELLED: usize = 12;
/// Layout iterations.
const ITERATIONS: usize = 200;
/// Community colours, largest community first (Okabe–Ito without black, then Tol's wine);
/// communities beyond the palette are grey.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#882255",
];
const GREY: &str = "#9AA5B1";
const WIDTH: f64 = 900.0;
const PLOT_HEIGHT: f64 = 600.0;
/// Room under the plot for the legend line.
const LEGEND_HEIGHT: f64 = 34.0;
const MIN_RADIUS: f64 = 3.0;
const MAX_RADIUS: f64 = 14.0;
/// Labels are cut to this many characters.
const MAX_LABEL: usize = 24;

/// A node to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkNode {
    /// The handle written next to the node (top nodes only) and shown on hover.
    pub label: String,
    /// Size and rank of the node (PageRank, or in-degree); not finite or negative counts as 0.
    pub score: f64,
    /// Community number, 0 the largest (colours follow the palette in this order).
    pub community: usize,
}

/// A laid-out drawing of a directed weighted graph.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkChart {
    pub title: String,
    /// The nodes drawn (at most [`MAX_NODES`]), in their input order.
    pub nodes: Vec<NetworkNode>,
    /// Ties among the drawn nodes: `(from, to, weight)` as indexes into `nodes`.
    pub edges: Vec<(usize, usize, f64)>,
    /// Nodes and ties of the whole graph, before the cut.
    pub total_nodes: usize,
    pub total_edges: usize,
    /// Nodes without any tie, left out of the drawing when others have ties (isolated nodes
    /// would otherwise spread over the plot and crush the connected part into its centre).
    pub untied: usize,
}

/// The score used for ranking and sizing: finite and non-negative.
fn clean(score: f64) -> f64 {
    if score.is_finite() && score > 0.0 {
        score
    } else {
        0.0
    }
}

impl NetworkChart {
    /// A chart of the graph `nodes` / `edges` (`(from, to, weight)` indexes into `nodes`),
    /// keeping the top [`MAX_NODES`] nodes by score (ties: earlier node) and the ties among
    /// them. Edges naming a node out of range, self-loops and weights that are not finite are
    /// left out.
    pub fn new(
        title: impl Into<String>,
        nodes: Vec<NetworkNode>,
        edges: impl IntoIterator<Item = (usize, usize, f64)>,
    ) -> NetworkChart {
        let edges: Vec<(usize, usize, f64)> = edges.into_iter().collect();
        let mut tied = vec![false; nodes.len()];
        for &(from, to, weight) in &edges {
            if from < nodes.len() && to < nodes.len() && from != to && weight.is_finite() {
                tied[from] = true;
                tied[to] = true;
            }
        }
        let any_tie = tied.iter().any(|&t| t);
        let untied = if any_tie {
            tied.iter().filter(|&&t| !t).count()
        } else {
            0
        };
        let total_nodes = nodes.len() - untied;
        let mut kept: Vec<usize> = ranked(&nodes)
            .into_iter()
            .filter(|&i| !any_tie || tied[i])
            .collect();
        kept.truncate(MAX_NODES);
        kept.sort_unstable();
        let mut new_index = vec![usize::MAX; nodes.len()];
        for (i, &old) in kept.iter().enumerate() {
            new_index[old] = i;
        }
        let mut total_edges = 0;
        let mut kept_edges = Vec::new();
        for (from, to, weight) in edges {
            if from >= nodes.len() || to >= nodes.len() || from == to || !weight.is_finite() {
                continue;
            }
            total_edges += 1;
            let (a, b) = (new_index[from], new_index[to]);
            if a != usize::MAX && b != usize::MAX {
                kept_edges.push((a, b, weight.max(0.0)));
            }
        }
        kept_edges.sort_by_key(|e| (e.0, e.1));
        let nodes = kept.iter().map(|&i| nodes[i].clone()).collect();
        NetworkChart {
            title: title.into(),
            nodes,
            edges: kept_edges,
            total_nodes,
            total_edges,
            untied,
        }
    }

    /// Whether nodes were left out.
    pub fn is_cut(&self) -> bool {
        self.nodes.len() < self.total_nodes
    }

    /// The caption: the title, and what was left out when the graph was cut.
    pub fn caption(&self) -> String {
        let mut caption = if self.is_cut() {
            format!(
                "{} (the top {} of {} nodes by PageRank and the ties among them)",
                self.title,
                self.nodes.len(),
                self.total_nodes
            )
        } else {
            self.title.clone()
        };
        if self.untied > 0 {
            caption.push_str(&format!(
                "; {} without any tie not drawn",
                if self.untied == 1 {
                    "1 account".to_string()
                } else {
                    format!("{} accounts", self.untied)
                }
            ));
        }
        caption
    }

    /// One sentence on what the drawing shows (for Markdown, which cannot show SVG).
    pub fn describe(&self) -> String {
        let mut communities: Vec<usize> = self.nodes.iter().map(|n| n.community).collect();
        communities.sort_unstable();
        communities.dedup();
        let shown = communities.len();
        let labels: Vec<String> = ranked(&self.nodes)
            .into_iter()
            .take(LABELLED.min(5))
            .map(|i| self.nodes[i].label.clone())
            .collect();
        let mut s = format!(
            "The drawing shows {} and {} coloured by {}",
            count(self.nodes.len(), "node", "nodes"),
            count(self.edges.len(), "tie", "ties"),
            count(shown, "community", "communities"),
        );
        if !labels.is_empty() {
            let _ = write!(s, "; the largest by PageRank: {}", labels.join(", "));
        }
        s.push('.');
        s
    }

    /// Drawn nodes per palette community (`0..PALETTE.len()`), then the rest (grey).
    fn community_sizes(&self) -> [usize; PALETTE.len() + 1] {
        let mut sizes = [0; PALETTE.len() + 1];
        for node in &self.nodes {
            sizes[node.community.min(PALETTE.len())] += 1;
        }
        sizes
    }

    /// Node radii in pixels: area proportional to the score, between 3 and 14 px.
    pub fn radii(&self) -> Vec<f64> {
        let max = self
            .nodes
            .iter()
            .map(|n| clean(n.score))
            .fold(0.0_f64, f64::max);
        self.nodes
            .iter()
            .map(|n| {
                let share = if max > 0.0 {
                    (clean(n.score) / max).sqrt()
                } else {
                    0.0
                };
                MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share
            })
            .collect()
    }

    /// The view box: width and height in pixels (the plot and the legend line under it).
    pub fn view_box(&self) -> (f64, f64) {
        (WIDTH, PLOT_HEIGHT + LEGEND_HEIGHT)
    }

    /// Node centres in pixels, inside the plot area with room for each node's radius.
    pub fn layout(&self) -> Vec<(f64, f64)> {
        let raw = fruchterman_reingold(self.nodes.len(), &self.edges);
        let margin = MAX_RADIUS + 4.0;
        fit(&raw, margin, WIDTH - margin, margin, PLOT_HEIGHT - margin)
    }

    pub fn to_svg(&self) -> String {
        let (width, height) = self.view_box();
        let positions = self.layout();
        let radii = self.radii();
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"system-ui,sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"{}\">",
            escape_html(&self.caption())
        );
        // Ties: thin lines, more opaque the heavier (relative to the heaviest tie).
        let max_weight = self
            .edges
            .iter()
            .map(|e| e.2)
            .filter(|w| w.is_finite())
            .fold(0.0_f64, f64::max);
        svg.push_str("<g stroke=\"#5b6877\" stroke-width=\"0.7\">\n");
        for &(from, to, weight) in &self.edges {
            // `edges` is public: skip ties naming a node that is not drawn.
            let (Some(&(x1, y1)), Some(&(x2, y2))) = (positions.get(from), positions.get(to))
            else {
                continue;
            };
            let share = if max_weight > 0.0 && weight.is_finite() {
                (weight.max(0.0) / max_weight).min(1.0).sqrt()
            } else {
                0.0
            };
            let _ = writeln!(
                svg,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke-opacity=\"{:.2}\"/>",
                0.12 + 0.5 * share
            );
        }
        svg.push_str("</g>\n");
        // Nodes, smallest first so that the large ones stay visible on top.
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by(|&a, &b| radii[a].total_cmp(&radii[b]).then(a.cmp(&b)));
        svg.push_str("<g stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
        for &i in &order {
            let node = &self.nodes[i];
            let (x, y) = positions[i];
            let _ = writeln!(
                svg,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\"><title>{} — community {}, PageRank {:.4}</title></circle>",
                radii[i],
                colour(node.community),
                escape_html(&node.label),
                node.community + 1,
                clean(node.score)
            );
        }
        svg.push_str("</g>\n");
        // Handles of the top nodes, under the node, kept inside the plot.
        for i in ranked(&self.nodes).into_iter().take(LABELLED) {
            let label: String = self.nodes[i].label.chars().take(MAX_LABEL).collect();
            let half = 3.2 * label.chars().count() as f64;
            let (x, y) = positions[i];
            let x = x.clamp(half + 2.0, WIDTH - half - 2.0);
            let y = (y + radii[i] + 11.0).min(PLOT_HEIGHT - 2.0);
            let _ = writeln!(
                svg,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" fill=\"#1d2733\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                escape_html(&label)
            );
        }
        // Legend line: what size and colour mean, one swatch per community shown.
        let y = PLOT_HEIGHT + LEGEND_HEIGHT / 2.0;
        let _ = writeln!(
            svg,
            "<text x=\"8\" y=\"{:.1}\" fill=\"#5b6877\">Size = PageRank; colour = community:</text>",
            y + 4.0
        );
        let sizes = self.community_sizes();
        let mut x = 230.0;
        for (c, &n) in sizes.iter().enumerate().take(PALETTE.len()) {
            if n == 0 {
                continue;
            }
            let text = format!("{} ({n})", c + 1);
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#3a4654\">{text}</text>",
                x + 5.0,
                PALETTE[c],
                x + 13.0,
                y + 4.0
            );
            x += 20.0 + 6.2 * text.chars().count() as f64;
        }
        let others = sizes[PALETTE.len()];
        if others > 0 {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{GREY}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#3a4654\">other ({others})</text>",
                x + 5.0,
                x + 13.0,
                y + 4.0
            );
        }
        svg.push_str("</svg>\n");
        svg
    }
}

fn colour(community: usize) -> &'static str {
    PALETTE.get(community).copied().unwrap_or(GREY)
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Node indexes by score, highest first; ties by index.
fn ranked(nodes: &[NetworkNode]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|&a, &b| {
        clean(nodes[b].score)
            .total_cmp(&clean(nodes[a].score))
            .then(a.cmp(&b))
    });
    order
}

/// SplitMix64: a fixed hash of the node index for the initial positions.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A number in `[0, 1)` from a hash.
fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Fruchterman–Reingold on the unit square (edges undirected, unweighted for the forces), with
/// a weak pull to the centre so that separate components and isolated nodes stay near the
/// rest instead of piling up at the border. Positions are not bounded; [`fit`] scales them.
fn fruchterman_reingold(n: usize, edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    let mut pos: Vec<(f64, f64)> = (0..n as u64)
        .map(|i| {
            let h = splitmix(i ^ 0x6469_706C_6E65_7477);
            (unit(h), unit(splitmix(h)))
        })
        .collect();
    if n <= 1 {
        return pos;
    }
    let k = (1.0 / n as f64).sqrt();
    let k2 = k * k;
    let gravity = 0.05;
    let mut temperature = 0.1;
    let cooling = temperature / (ITERATIONS as f64 + 1.0);
    let mut disp = vec![(0.0_f64, 0.0_f64); n];
    for _ in 0..ITERATIONS {
        for d in disp.iter_mut() {
            *d = (0.0, 0.0);
        }
        for u in 0..n {
            for v in (u + 1)..n {
                let (mut dx, mut dy) = (pos[u].0 - pos[v].0, pos[u].1 - pos[v].1);
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-12 {
                    // Coincident nodes: push apart along a direction fixed by the pair.
                    dx = 1e-6 * (1.0 + (u % 7) as f64);
                    dy = 1e-6 * (1.0 + (v % 5) as f64);
                    d2 = dx * dx + dy * dy;
                }
                // Repulsion k²/d along the unit vector: (dx, dy) * k² / d².
                let f = k2 / d2;
                disp[u].0 += dx * f;
                disp[u].1 += dy * f;
                disp[v].0 -= dx * f;
                disp[v].1 -= dy * f;
            }
        }
        for &(u, v, _) in edges {
            if u >= n || v >= n || u == v {
                continue;
            }
            let (dx, dy) = (pos[u].0 - pos[v].0, pos[u].1 - pos[v].1);
            let d = (dx * dx + dy * dy).sqrt();
            // Attraction d²/k along the unit vector: (dx, dy) * d / k.
            let f = d / k;
            disp[u].0 -= dx * f;
            disp[u].1 -= dy * f;
            disp[v].0 += dx * f;
            disp[v].1 += dy * f;
        }
        for (p, d) in pos.iter_mut().zip(disp.iter_mut()) {
            d.0 -= gravity * (p.0 - 0.5) / k;
            d.1 -= gravity * (p.1 - 0.5) / k;
            let len = (d.0 * d.0 + d.1 * d.1).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(temperature) / len;
                p.0 += d.0 * step;
                p.1 += d.1 * step;
            }
        }
        temperature -= cooling;
    }
    pos
}

/// Scales positions into `[x0, x1] × [y0, y1]` (each axis on its own, centred when all nodes
/// share a coordinate). Non-finite positions go to the centre.
fn fit(pos: &[(f64, f64)], x0: f64, x1: f64, y0: f64, y1: f64) -> Vec<(f64, f64)> {
    let finite = |p: &&(f64, f64)| p.0.is_finite() && p.1.is_finite();
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in pos.iter().filter(finite) {
        min_x = min_x.min(p.0);
        max_x = max_x.max(p.0);
        min_y = min_y.min(p.1);
        max_y = max_y.max(p.1);
    }
    let axis = |v: f64, min: f64, max: f64, lo: f64, hi: f64| -> f64 {
        if !v.is_finite() || max - min <= 1e-12 {
            (lo + hi) / 2.0
        } else {
            lo + (v - min) / (max - min) * (hi - lo)
        }
    };
    pos.iter()
        .map(|&(x, y)| {
            (
                axis(x, min_x, max_x, x0, x1).clamp(x0, x1),
                axis(y, min_y, max_y, y0, y1).clamp(y0, y1),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, score: f64, community: usize) -> NetworkNode {
        NetworkNode {
            label: label.into(),
            score,
            community,
        }
    }

    #[test]
    fn a_triangle_and_an_isolate() {
        let chart = NetworkChart::new(
            "Follow graph",
            vec![
                node("@a", 0.4, 0),
                node("@b", 0.3, 0),
                node("@c", 0.2, 0),
                node("@d", f64::NAN, 9),
                node("@e", 0.1, 3),
            ],
            [
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (3, 0, 1.0),
                (0, 0, 1.0),
                (7, 0, 1.0),
            ],
        );
        // The self-loop and the out-of-range tie are left out; @e has no tie: not drawn, and
        // the caption says so.
        assert_eq!(chart.edges.len(), 4);
        assert!(!chart.is_cut());
        assert_eq!(chart.nodes.len(), 4);
        assert_eq!(
            chart.caption(),
            "Follow graph; 1 account without any tie not drawn"
        );
        let svg = chart.to_svg();
        assert_eq!(svg.matches("<line ").count(), 4);
        // Community 10 is beyond the palette: grey, and "other" in the legend.
        assert!(svg.contains(&format!("fill=\"{GREY}\"><title>@d — community 10")));
        assert!(svg.contains("other (1)"));
        assert!(!svg.contains("@e"));
        assert_eq!(svg, chart.to_svg());
        assert_eq!(
            chart.describe(),
            "The drawing shows 4 nodes and 4 ties coloured by 2 communities; the largest by PageRank: @a, @b, @c, @d."
        );
    }

    #[test]
    fn empty_and_single_node_charts_do_not_fail() {
        let empty = NetworkChart::new("x", vec![], []);
        assert!(empty.to_svg().ends_with("</svg>\n"));
        let one = NetworkChart::new("x", vec![node("@a", 1.0, 0)], []);
        assert_eq!(one.layout(), vec![(WIDTH / 2.0, PLOT_HEIGHT / 2.0)]);
    }
}
