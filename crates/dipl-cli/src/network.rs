//! `diplometrics network follow|mention|reply|repost`: the node table, the graph summary, the
//! best-connected league table, and exports for Gephi, NetworkX and igraph.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use dipl_metrics::{Table, Value};
use dipl_model::Dataset;
use dipl_network::dataset::{
    build, periods, time_range, BuildOptions, BuiltGraph, Every, GraphKind, Node,
};
use dipl_network::{analyse, Analysis, Options};
use dipl_report::graph_export::{
    write_csv_edges, write_csv_nodes, write_gexf, write_gexf_dynamic, write_graphml, AttrType,
    AttrValue, ExportEdge, ExportGraph, ExportNode, Spell, TimeFormat,
};
use dipl_store::Scope;

use crate::commands::{emit, existing_workspace, input_error, parse_platforms, parse_window};
use crate::NetworkArgs;

/// Node metric columns, in codebook order.
const NODE_COLUMNS: [&str; 12] = [
    "in_degree",
    "out_degree",
    "weighted_in",
    "weighted_out",
    "mutual",
    "one_way_in",
    "one_way_out",
    "pagerank",
    "betweenness",
    "closeness",
    "eigenvector",
    "community",
];

pub fn network(data: &Path, args: &NetworkArgs) -> Result<()> {
    let kind = GraphKind::parse(&args.graph).ok_or_else(|| {
        input_error(format!(
            "unknown graph `{}` (expected follow, mention, reply or repost)",
            args.graph
        ))
    })?;
    let by_actor = match args.by.as_str() {
        "account" => false,
        "actor" => true,
        other => {
            return Err(input_error(format!(
                "--by `{other}`: expected account or actor"
            )))
        }
    };
    let window = parse_window(&args.scope)?;
    let platforms = parse_platforms(&args.scope.platform)?;
    let workspace = existing_workspace(data)?;
    let dataset = workspace.dataset(&Scope {
        window,
        platforms,
        with_hashtags: false,
        with_mentions: kind == GraphKind::Mention,
        subjects_only: !args.include_audience,
        with_follows: kind == GraphKind::Follow,
        with_threads: false,
        threads_until: None,
    })?;
    let built = build(
        &dataset,
        kind,
        &BuildOptions {
            window,
            include_audience: args.include_audience,
            by_actor,
        },
    )
    .map_err(|e| anyhow::anyhow!("building the {} graph: {e}", kind.id()))?;
    if !args.include_audience && built.graph.edge_count() == 0 {
        // Ties among other accounts only (an edge list of accounts nobody registered): say how
        // to see them rather than print an empty graph silently.
        let all = build(
            &dataset,
            kind,
            &BuildOptions {
                window,
                include_audience: true,
                by_actor,
            },
        );
        if all.is_ok_and(|g| g.graph.edge_count() > 0) {
            eprintln!(
                "note: the {} graph has no ties between actor accounts (registered, or subjects of an export); \
                 its ties are among other accounts: register them (`diplometrics actors import`) or add --include-audience \
                 (and import with --keep-audience-identities to see their real ids)",
                kind.id()
            );
        }
    }
    if let Some(every) = &args.every {
        let every = Every::parse(every).ok_or_else(|| {
            input_error(format!(
                "--every `{every}`: expected month, quarter or year"
            ))
        })?;
        return over_time(&dataset, kind, window, every, by_actor, args);
    }
    let analysis = analyse(
        &built.graph,
        &Options {
            seed: args.seed,
            ..Options::default()
        },
    );
    if let Some(format) = &args.export {
        let out = args
            .out
            .as_deref()
            .ok_or_else(|| input_error("--export needs --out PATH"))?;
        export(&dataset, &built, &analysis, format, out)?;
    }
    let table = if args.summary {
        summary_table(&built, &analysis)
    } else if args.best_connected {
        best_connected(&dataset, &built, &analysis, args.top)
    } else {
        node_table(&dataset, &built, &analysis, args.top)
    };
    emit(&table, &args.output)
}

/// `platform, account_id, handle, actor, country` of a node.
fn identity(ds: &Dataset, node: Node) -> [Value; 5] {
    match node {
        Node::Account(a) => {
            let info = &ds.accounts[a as usize];
            let actor = info.actor.map(|i| &ds.actors[i as usize]);
            [
                Value::from(info.platform.id()),
                Value::from(info.platform_id.as_str()),
                info.handle.as_deref().map_or(Value::Null, Value::from),
                actor.map_or(Value::Null, |a| Value::from(a.id.as_str())),
                actor.map_or(Value::Null, |a| Value::from(a.country.as_str())),
            ]
        }
        Node::Actor(i) => {
            let actor = &ds.actors[i as usize];
            let mut platforms: Vec<&str> = ds
                .accounts
                .iter()
                .filter(|a| a.actor == Some(i))
                .map(|a| a.platform.id())
                .collect();
            platforms.sort_unstable();
            platforms.dedup();
            [
                Value::from(platforms.join(",").as_str()),
                Value::Null,
                Value::Null,
                Value::from(actor.id.as_str()),
                Value::from(actor.country.as_str()),
            ]
        }
    }
}

fn float(v: f64) -> Value {
    Value::Float(v)
}

fn metric_values(m: &dipl_network::NodeMetrics) -> [Value; 12] {
    [
        Value::from(m.in_degree as u64),
        Value::from(m.out_degree as u64),
        float(m.weighted_in),
        float(m.weighted_out),
        Value::from(m.mutual as u64),
        Value::from(m.one_way_in as u64),
        Value::from(m.one_way_out as u64),
        m.pagerank.map_or(Value::Null, float),
        float(m.betweenness),
        float(m.closeness),
        m.eigenvector.map_or(Value::Null, float),
        Value::from(m.community as u64),
    ]
}

/// Node indexes by PageRank (highest first; ties by node order), cut to `top`.
fn by_pagerank(analysis: &Analysis, top: Option<usize>) -> Vec<usize> {
    let key = |i: usize| analysis.nodes[i].pagerank.unwrap_or(0.0);
    let mut order: Vec<usize> = (0..analysis.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.cmp(&b))
    });
    if let Some(top) = top {
        order.truncate(top);
    }
    order
}

fn node_table(ds: &Dataset, built: &BuiltGraph, analysis: &Analysis, top: Option<usize>) -> Table {
    let mut columns: Vec<String> = ["platform", "account_id", "handle", "actor", "country"]
        .map(str::to_string)
        .to_vec();
    columns.extend(NODE_COLUMNS.map(str::to_string));
    let order: Vec<usize> = match top {
        // The whole table in node order (platform, handle …); --top ranks by PageRank.
        None => (0..built.nodes.len()).collect(),
        Some(_) => by_pagerank(analysis, top),
    };
    let rows = order
        .into_iter()
        .map(|i| {
            let mut row = identity(ds, built.nodes[i]).to_vec();
            row.extend(metric_values(&analysis.nodes[i]));
            row
        })
        .collect();
    Table { columns, rows }
}

/// Twiplomacy's "best connected": mutual ties with other actors, then one-way ties in.
fn best_connected(
    ds: &Dataset,
    built: &BuiltGraph,
    analysis: &Analysis,
    top: Option<usize>,
) -> Table {
    let mut columns: Vec<String> = vec!["rank".into()];
    columns.extend(
        [
            "platform",
            "account_id",
            "handle",
            "actor",
            "country",
            "mutual",
            "one_way_in",
            "one_way_out",
            "in_degree",
            "out_degree",
        ]
        .map(str::to_string),
    );
    let mut order = dipl_network::best_connected_order(&analysis.nodes);
    if let Some(top) = top {
        order.truncate(top);
    }
    let rows = order
        .into_iter()
        .enumerate()
        .map(|(rank, i)| {
            let m = &analysis.nodes[i];
            let mut row = vec![Value::from(rank as u64 + 1)];
            row.extend(identity(ds, built.nodes[i]));
            row.extend([
                Value::from(m.mutual as u64),
                Value::from(m.one_way_in as u64),
                Value::from(m.one_way_out as u64),
                Value::from(m.in_degree as u64),
                Value::from(m.out_degree as u64),
            ]);
            row
        })
        .collect();
    Table { columns, rows }
}

fn summary_table(built: &BuiltGraph, analysis: &Analysis) -> Table {
    let g = &analysis.graph;
    let opt = |v: Option<f64>| v.map_or(Value::Null, Value::Float);
    let rows: Vec<(&str, Value)> = vec![
        ("graph", Value::from(built.kind.id())),
        ("nodes", Value::from(g.nodes as u64)),
        ("edges", Value::from(g.edges as u64)),
        ("density", Value::Float(g.density)),
        ("reciprocity", opt(g.reciprocity)),
        ("components", Value::from(g.weak_components as u64)),
        ("strong_components", Value::from(g.strong_components as u64)),
        (
            "largest_component",
            Value::from(g.largest_weak_component as u64),
        ),
        ("diameter", g.diameter.map_or(Value::Null, Value::from)),
        ("average_distance", opt(g.average_distance)),
        ("communities", Value::from(g.communities as u64)),
        ("modularity", opt(g.modularity)),
        ("self_loops_dropped", Value::from(g.self_loops_dropped)),
    ];
    Table {
        columns: vec!["metric".into(), "value".into()],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![Value::from(k), v])
            .collect(),
    }
}

fn attr(v: &Value) -> AttrValue {
    match v {
        Value::Null => AttrValue::Missing,
        Value::Int(i) => AttrValue::Integer(*i),
        Value::Float(f) => AttrValue::Float(*f),
        Value::Text(s) => AttrValue::Text(s.clone()),
    }
}

fn export(
    ds: &Dataset,
    built: &BuiltGraph,
    analysis: &Analysis,
    format: &str,
    out: &Path,
) -> Result<()> {
    let identity_names = ["platform", "account_id", "handle", "actor", "country"];
    let mut node_attributes: Vec<(String, AttrType)> = identity_names
        .iter()
        .map(|n| (n.to_string(), AttrType::Text))
        .collect();
    node_attributes.push(("kind".into(), AttrType::Text));
    for name in NODE_COLUMNS {
        let ty = match name {
            "in_degree" | "out_degree" | "mutual" | "one_way_in" | "one_way_out" | "community" => {
                AttrType::Integer
            }
            _ => AttrType::Float,
        };
        node_attributes.push((name.to_string(), ty));
    }
    let nodes = built
        .nodes
        .iter()
        .enumerate()
        .map(|(i, &node)| {
            let ident = identity(ds, node);
            let kind = match node {
                Node::Account(a) => ds.accounts[a as usize]
                    .actor
                    .map(|x| ds.actors[x as usize].kind.id()),
                Node::Actor(x) => Some(ds.actors[x as usize].kind.id()),
            };
            let (id, label) = node_id_label(ds, node);
            let mut attributes: Vec<AttrValue> = ident.iter().map(attr).collect();
            attributes.push(kind.map_or(AttrValue::Missing, |k| AttrValue::Text(k.into())));
            attributes.extend(metric_values(&analysis.nodes[i]).iter().map(attr));
            ExportNode {
                id,
                label,
                attributes,
            }
        })
        .collect();
    let edges = built
        .graph
        .edges()
        .map(|(source, target, weight)| ExportEdge {
            source,
            target,
            weight,
            attributes: Vec::new(),
            spells: Vec::new(),
        })
        .collect();
    let graph = ExportGraph {
        directed: true,
        node_attributes,
        edge_attributes: Vec::new(),
        nodes,
        edges,
    };
    let create = |path: &Path| -> Result<BufWriter<File>> {
        Ok(BufWriter::new(File::create(path).map_err(|e| {
            input_error(format!("{}: cannot create: {e}", path.display()))
        })?))
    };
    match format {
        "gexf" => {
            let mut w = create(out)?;
            write_gexf(&graph, &mut w)?;
            w.flush()?;
        }
        "graphml" => {
            let mut w = create(out)?;
            write_graphml(&graph, &mut w)?;
            w.flush()?;
        }
        "csv" => {
            std::fs::create_dir_all(out)
                .with_context(|| format!("{}: cannot create the folder", out.display()))?;
            let mut w = create(&out.join("nodes.csv"))?;
            write_csv_nodes(&graph, &mut w)?;
            w.flush()?;
            let mut w = create(&out.join("edges.csv"))?;
            write_csv_edges(&graph, &mut w)?;
            w.flush()?;
        }
        other => {
            return Err(input_error(format!(
                "--export `{other}`: expected gexf, graphml or csv"
            )))
        }
    }
    Ok(())
}

/// The graph per period: PageRank rank per period of every node with a tie in that period (n/a
/// otherwise), and its mobility: its rank in the first period it is ranked in minus its rank in
/// the last (positive: it rose), n/a when it is ranked in fewer than two periods.
fn over_time(
    ds: &Dataset,
    kind: GraphKind,
    window: dipl_model::Window,
    every: Every,
    by_actor: bool,
    args: &NetworkArgs,
) -> Result<()> {
    let Some((first, last)) = time_range(ds) else {
        return Err(input_error("no posts or follow edges in scope"));
    };
    let from = window.from.unwrap_or(first);
    let to = window.to.unwrap_or(dipl_model::Timestamp(last.0 + 1));
    let periods = periods(from, to, every);
    let options = Options {
        seed: args.seed,
        ..Options::default()
    };
    // Per period: node → rank; and each tie's periods.
    let mut ranks: Vec<std::collections::HashMap<Node, usize>> = Vec::new();
    let mut ties: std::collections::BTreeMap<(Node, Node), Vec<usize>> = Default::default();
    let mut all_nodes: std::collections::BTreeSet<Node> = Default::default();
    for (p, period) in periods.iter().enumerate() {
        let built = build(
            ds,
            kind,
            &BuildOptions {
                window: dipl_model::Window {
                    from: Some(period.start),
                    to: Some(period.end),
                    as_of: None,
                },
                include_audience: args.include_audience,
                by_actor,
            },
        )
        .map_err(|e| anyhow::anyhow!("building the {} graph: {e}", kind.id()))?;
        let pagerank = dipl_network::pagerank(&built.graph, &options)
            .unwrap_or_else(|| vec![0.0; built.nodes.len()]);
        // Only nodes with a tie in the period are ranked: an isolated node's PageRank is the
        // uniform share and says nothing about its place.
        let mut tied = vec![false; built.nodes.len()];
        for (s, t, _) in built.graph.edges() {
            tied[s] = true;
            tied[t] = true;
        }
        let mut order: Vec<usize> = (0..built.nodes.len()).filter(|&i| tied[i]).collect();
        order.sort_by(|&a, &b| {
            pagerank[b]
                .partial_cmp(&pagerank[a])
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.cmp(&b))
        });
        ranks.push(
            order
                .iter()
                .enumerate()
                .map(|(rank, &i)| (built.nodes[i], rank + 1))
                .collect(),
        );
        all_nodes.extend(built.nodes.iter().copied());
        for (s, t, _) in built.graph.edges() {
            ties.entry((built.nodes[s], built.nodes[t]))
                .or_default()
                .push(p);
        }
    }
    let nodes: Vec<Node> = all_nodes.into_iter().collect();
    if let Some(format) = &args.export {
        if format != "gexf" {
            return Err(input_error(
                "--every exports a dynamic GEXF only: use --export gexf",
            ));
        }
        let out = args
            .out
            .as_deref()
            .ok_or_else(|| input_error("--export needs --out PATH"))?;
        let index: std::collections::HashMap<Node, usize> =
            nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let graph = ExportGraph {
            directed: true,
            node_attributes: ["platform", "account_id", "handle", "actor", "country"]
                .iter()
                .map(|n| (n.to_string(), AttrType::Text))
                .collect(),
            edge_attributes: Vec::new(),
            nodes: nodes
                .iter()
                .map(|&node| {
                    let ident = identity(ds, node);
                    let (id, label) = node_id_label(ds, node);
                    ExportNode {
                        id,
                        label,
                        attributes: ident.iter().map(attr).collect(),
                    }
                })
                .collect(),
            edges: ties
                .iter()
                .map(|((a, b), in_periods)| ExportEdge {
                    source: index[a],
                    target: index[b],
                    weight: in_periods.len() as f64,
                    attributes: Vec::new(),
                    spells: in_periods
                        .iter()
                        .map(|&p| -> Spell { (periods[p].start, Some(periods[p].end)) })
                        .collect(),
                })
                .collect(),
        };
        let file = File::create(out)
            .map_err(|e| input_error(format!("{}: cannot create: {e}", out.display())))?;
        let mut w = BufWriter::new(file);
        write_gexf_dynamic(&graph, TimeFormat::Date, &mut w)?;
        w.flush()?;
    }
    let mut columns: Vec<String> = ["platform", "account_id", "handle", "actor", "country"]
        .map(str::to_string)
        .to_vec();
    columns.extend(periods.iter().map(|p| format!("rank_{}", p.label)));
    columns.push("mobility".into());
    let rows = nodes
        .iter()
        .map(|&node| {
            let mut row = identity(ds, node).to_vec();
            let per: Vec<Option<usize>> = ranks.iter().map(|r| r.get(&node).copied()).collect();
            row.extend(
                per.iter()
                    .map(|r| r.map_or(Value::Null, |r| Value::from(r as u64))),
            );
            let present: Vec<usize> = per.iter().flatten().copied().collect();
            row.push(match (present.first(), present.last()) {
                (Some(&a), Some(&b)) if present.len() > 1 => Value::Int(a as i64 - b as i64),
                _ => Value::Null,
            });
            row
        })
        .collect();
    emit(&Table { columns, rows }, &args.output)
}

/// A node's stable id (`platform:platform_id`, or the actor id) and label.
fn node_id_label(ds: &Dataset, node: Node) -> (String, String) {
    match node {
        Node::Account(a) => {
            let info = &ds.accounts[a as usize];
            (
                format!("{}:{}", info.platform.id(), info.platform_id),
                info.handle
                    .clone()
                    .unwrap_or_else(|| info.platform_id.clone()),
            )
        }
        Node::Actor(x) => {
            let actor = &ds.actors[x as usize];
            (actor.id.clone(), actor.name.clone())
        }
    }
}
