//! `diplometrics network follow|mention|reply|repost`: the node table, the graph summary, the
//! best-connected league table, and exports for Gephi, NetworkX and igraph.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use dipl_metrics::{Table, Value};
use dipl_model::Dataset;
use dipl_network::dataset::{build, BuildOptions, BuiltGraph, GraphKind, Node};
use dipl_network::{analyse, Analysis, Options};
use dipl_report::graph_export::{
    write_csv_edges, write_csv_nodes, write_gexf, write_graphml, AttrType, AttrValue, ExportEdge,
    ExportGraph, ExportNode,
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
fn ranked(analysis: &Analysis, top: Option<usize>, key: impl Fn(usize) -> Vec<f64>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..analysis.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ka, kb) = (key(a), key(b));
        kb.partial_cmp(&ka)
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
        Some(_) => ranked(analysis, top, |i| {
            vec![analysis.nodes[i].pagerank.unwrap_or(0.0)]
        }),
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
    let order = ranked(analysis, top, |i| {
        let m = &analysis.nodes[i];
        vec![m.mutual as f64, m.one_way_in as f64]
    });
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
            let (id, label) = match node {
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
            };
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
