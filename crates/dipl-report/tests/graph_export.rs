//! Graph export round trips: each format is written, parsed back with an independent reader
//! (roxmltree for GEXF and GraphML, the csv crate's reader for CSV) and compared with the input:
//! every node, label, edge, weight, attribute value and spell, with awkward strings and missing
//! values; output bytes are the same on repeated writes; an empty graph; invalid graphs refused.

use std::collections::{BTreeMap, HashMap};

use dipl_model::Timestamp;
use dipl_report::graph_export::{
    write_csv_edges, write_csv_nodes, write_gexf, write_gexf_dynamic, write_graphml, xml_safe,
    AttrType, AttrValue, ExportEdge, ExportGraph, ExportNode, TimeFormat,
};

/// A value as read back: text, integer or float.
#[derive(Debug, Clone, PartialEq)]
enum V {
    T(String),
    I(i64),
    F(f64),
}

type Attrs = BTreeMap<String, V>;
/// Spells as written: start, optional end.
type SpellText = Vec<(String, Option<String>)>;
/// One edge as read: source id, target id, weight, attributes, spells.
type EdgeSeen = (String, String, f64, Attrs, SpellText);
/// A way of breaking a valid graph.
type Breaker = Box<dyn Fn(&mut ExportGraph)>;
/// A writer under test.
type Writer<'a> = &'a dyn Fn(&mut Vec<u8>) -> std::io::Result<()>;

/// What a reader should find: nodes (id, label, attributes) and edges (source id, target id,
/// weight, attributes, spells as text).
#[derive(Debug, PartialEq)]
struct Seen {
    directed: bool,
    nodes: Vec<(String, String, Attrs)>,
    edges: Vec<EdgeSeen>,
}

fn ts(y: i32, mo: u32, d: u32) -> Timestamp {
    Timestamp::from_ymd_hms(y, mo, d, 0, 0, 0).unwrap_or(Timestamp(0))
}

fn text(s: &str) -> AttrValue {
    AttrValue::Text(s.into())
}

/// Three invented accounts and an audience member; awkward strings everywhere (markup
/// characters, Cyrillic, emoji, tab/newline/CR, a control character), missing values, an integer
/// beyond 32 bits, an integer in a float column, a non-finite float (written as missing).
fn sample() -> ExportGraph {
    let node_attributes = vec![
        ("platform".to_string(), AttrType::Text),
        ("handle".to_string(), AttrType::Text),
        ("actor".to_string(), AttrType::Text),
        ("kind".to_string(), AttrType::Text),
        ("country".to_string(), AttrType::Text),
        ("in_degree".to_string(), AttrType::Integer),
        ("pagerank".to_string(), AttrType::Float),
        ("followers".to_string(), AttrType::Integer),
    ];
    let edge_attributes = vec![
        ("relation".to_string(), AttrType::Text),
        ("posts".to_string(), AttrType::Integer),
        ("share".to_string(), AttrType::Float),
    ];
    let nodes = vec![
        ExportNode {
            id: "twitter:1001".into(),
            label: "MFA of Kazakhstan".into(),
            attributes: vec![
                text("twitter"),
                text("MFA_KZ"),
                text("kaz-mfa"),
                text("ministry"),
                text("KAZ"),
                AttrValue::Integer(2),
                AttrValue::Float(0.312_345_678_901_234_5),
                AttrValue::Integer(5_000_000_000),
            ],
        },
        ExportNode {
            id: "telegram:eu<&>\"'".into(),
            label: "Делегация ЕС в Казахстане 🇪🇺".into(),
            attributes: vec![
                text("telegram"),
                text("eu_in_kz\u{1}\u{1F}"),
                text("eu-delegation-kz"),
                text("embassy"),
                AttrValue::Missing,
                AttrValue::Integer(1),
                AttrValue::Integer(1),
                AttrValue::Missing,
            ],
        },
        ExportNode {
            id: "twitter:audience-7f3a".into(),
            label: "Aigerim\tN.\nline two\r\nend ".into(),
            attributes: vec![
                text("twitter"),
                AttrValue::Missing,
                AttrValue::Missing,
                text("audience"),
                text(""),
                AttrValue::Integer(-3),
                AttrValue::Float(f64::NAN),
                AttrValue::Integer(0),
            ],
        },
        ExportNode {
            id: "lonely".into(),
            label: String::new(),
            attributes: vec![AttrValue::Missing; 8],
        },
    ];
    let edges = vec![
        ExportEdge {
            source: 0,
            target: 1,
            weight: 3.0,
            attributes: vec![
                text("mention"),
                AttrValue::Integer(3),
                AttrValue::Float(0.75),
            ],
            spells: vec![
                (ts(2025, 1, 1), Some(ts(2025, 1, 31))),
                (ts(2025, 3, 1), Some(ts(2025, 3, 31))),
            ],
        },
        ExportEdge {
            source: 2,
            target: 0,
            weight: 1e-7,
            attributes: vec![
                text("reply <to> & \"quote\" 'x' ✉️"),
                AttrValue::Missing,
                AttrValue::Missing,
            ],
            spells: vec![(ts(2025, 2, 1), None)],
        },
        ExportEdge {
            source: 1,
            target: 1,
            weight: -2.5,
            attributes: vec![
                AttrValue::Missing,
                AttrValue::Integer(i64::MIN),
                AttrValue::Float(1e300),
            ],
            spells: vec![],
        },
        // A parallel edge.
        ExportEdge {
            source: 0,
            target: 1,
            weight: 0.1 + 0.2,
            attributes: vec![text("repost"), AttrValue::Integer(1), AttrValue::Float(0.0)],
            spells: vec![],
        },
    ];
    ExportGraph {
        directed: true,
        node_attributes,
        edge_attributes,
        nodes,
        edges,
    }
}

fn expected_attrs(columns: &[(String, AttrType)], values: &[AttrValue]) -> Attrs {
    columns
        .iter()
        .zip(values)
        .filter_map(|((name, ty), v)| {
            let v = match (ty, v) {
                (_, AttrValue::Missing) => return None,
                (_, AttrValue::Text(s)) => V::T(xml_safe(s).into_owned()),
                (AttrType::Float, AttrValue::Integer(i)) => V::F(*i as f64),
                (_, AttrValue::Integer(i)) => V::I(*i),
                (_, AttrValue::Float(f)) if f.is_finite() => V::F(*f),
                (_, AttrValue::Float(_)) => return None,
            };
            Some((name.clone(), v))
        })
        .collect()
}

fn date(t: Timestamp, format: Option<TimeFormat>) -> String {
    match format {
        Some(TimeFormat::DateTime) => t.to_rfc3339(),
        _ => t.to_date_string(),
    }
}

/// What a reader should find in `graph`; spells only when `spells` says in which format.
fn expected(graph: &ExportGraph, spells: Option<TimeFormat>) -> Seen {
    let id = |i: usize| xml_safe(&graph.nodes[i].id).into_owned();
    Seen {
        directed: graph.directed,
        nodes: graph
            .nodes
            .iter()
            .map(|n| {
                (
                    xml_safe(&n.id).into_owned(),
                    xml_safe(&n.label).into_owned(),
                    expected_attrs(&graph.node_attributes, &n.attributes),
                )
            })
            .collect(),
        edges: graph
            .edges
            .iter()
            .map(|e| {
                let s = match spells {
                    None => vec![],
                    Some(_) => e
                        .spells
                        .iter()
                        .map(|(a, b)| (date(*a, spells), b.map(|b| date(b, spells))))
                        .collect(),
                };
                (
                    id(e.source),
                    id(e.target),
                    e.weight,
                    expected_attrs(&graph.edge_attributes, &e.attributes),
                    s,
                )
            })
            .collect(),
    }
}

fn typed(ty: &str, s: &str) -> V {
    match ty {
        "string" => V::T(s.to_string()),
        "integer" | "long" | "int" => V::I(s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))),
        "double" | "float" => V::F(s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))),
        other => panic!("unexpected type {other}"),
    }
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name(name))
}

fn children<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    n.children().filter(move |c| c.has_tag_name(name))
}

const GEXF_NS: &str = "http://gexf.net/1.3";

fn read_gexf(xml: &str) -> (Seen, BTreeMap<(String, String), String>) {
    let doc = roxmltree::Document::parse(xml).expect("GEXF is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(GEXF_NS));
    assert_eq!(root.attribute("version"), Some("1.3"));
    let graph = child(root, "graph").expect("graph element");
    // Declarations: class -> id -> (title, type).
    let mut decl: HashMap<String, HashMap<String, (String, String)>> = HashMap::new();
    let mut types = BTreeMap::new();
    for block in children(graph, "attributes") {
        let class = block.attribute("class").unwrap().to_string();
        for a in children(block, "attribute") {
            let id = a.attribute("id").unwrap().to_string();
            let title = a.attribute("title").unwrap().to_string();
            let ty = a.attribute("type").unwrap().to_string();
            types.insert((class.clone(), title.clone()), ty.clone());
            decl.entry(class.clone())
                .or_default()
                .insert(id, (title, ty));
        }
    }
    let attvalues = |n: roxmltree::Node, class: &str| -> Attrs {
        let mut out = Attrs::new();
        if let Some(values) = child(n, "attvalues") {
            for v in children(values, "attvalue") {
                let (title, ty) = &decl[class][v.attribute("for").unwrap()];
                out.insert(title.clone(), typed(ty, v.attribute("value").unwrap()));
            }
        }
        out
    };
    let nodes = children(child(graph, "nodes").unwrap(), "node")
        .map(|n| {
            (
                n.attribute("id").unwrap().to_string(),
                n.attribute("label").unwrap().to_string(),
                attvalues(n, "node"),
            )
        })
        .collect();
    let edges = children(child(graph, "edges").unwrap(), "edge")
        .map(|e| {
            let spells = child(e, "spells")
                .map(|s| {
                    children(s, "spell")
                        .map(|s| {
                            (
                                s.attribute("start").unwrap().to_string(),
                                s.attribute("end").map(str::to_string),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (
                e.attribute("source").unwrap().to_string(),
                e.attribute("target").unwrap().to_string(),
                e.attribute("weight").unwrap().parse().unwrap(),
                attvalues(e, "edge"),
                spells,
            )
        })
        .collect();
    let seen = Seen {
        directed: graph.attribute("defaultedgetype") == Some("directed"),
        nodes,
        edges,
    };
    (seen, types)
}

fn read_graphml(xml: &str) -> (Seen, BTreeMap<(String, String), String>) {
    let doc = roxmltree::Document::parse(xml).expect("GraphML is well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    let mut keys: HashMap<String, (String, String)> = HashMap::new();
    let mut types = BTreeMap::new();
    for k in children(root, "key") {
        let name = k.attribute("attr.name").unwrap().to_string();
        let ty = k.attribute("attr.type").unwrap().to_string();
        types.insert(
            (k.attribute("for").unwrap().to_string(), name.clone()),
            ty.clone(),
        );
        keys.insert(k.attribute("id").unwrap().to_string(), (name, ty));
    }
    let data = |n: roxmltree::Node| -> Attrs {
        children(n, "data")
            .map(|d| {
                let (name, ty) = &keys[d.attribute("key").unwrap()];
                (name.clone(), typed(ty, d.text().unwrap_or("")))
            })
            .collect()
    };
    let graph = child(root, "graph").unwrap();
    let nodes = children(graph, "node")
        .map(|n| {
            let mut attrs = data(n);
            let Some(V::T(label)) = attrs.remove("label") else {
                panic!("node without a label")
            };
            (n.attribute("id").unwrap().to_string(), label, attrs)
        })
        .collect();
    let edges = children(graph, "edge")
        .map(|e| {
            let mut attrs = data(e);
            let Some(V::F(weight)) = attrs.remove("weight") else {
                panic!("edge without a weight")
            };
            (
                e.attribute("source").unwrap().to_string(),
                e.attribute("target").unwrap().to_string(),
                weight,
                attrs,
                vec![],
            )
        })
        .collect();
    let seen = Seen {
        directed: graph.attribute("edgedefault") == Some("directed"),
        nodes,
        edges,
    };
    (seen, types)
}

/// Reads the two CSV tables, typing columns as the graph declares them.
fn read_csv(graph: &ExportGraph, nodes_csv: &[u8], edges_csv: &[u8]) -> Seen {
    let cell = |ty: &AttrType, s: &str| -> Option<V> {
        if s.is_empty() && *ty != AttrType::Text {
            return None;
        }
        Some(match ty {
            AttrType::Text => V::T(s.to_string()),
            AttrType::Integer => typed("long", s),
            AttrType::Float => typed("double", s),
        })
    };
    let mut r = csv::Reader::from_reader(nodes_csv);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let mut expected_header = vec!["Id".to_string(), "Label".to_string()];
    expected_header.extend(graph.node_attributes.iter().map(|(n, _)| n.clone()));
    assert_eq!(header, expected_header);
    let nodes = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            let attrs = graph
                .node_attributes
                .iter()
                .enumerate()
                .filter_map(|(c, (name, ty))| Some((name.clone(), cell(ty, &rec[c + 2])?)))
                .collect();
            (rec[0].to_string(), rec[1].to_string(), attrs)
        })
        .collect();
    let mut r = csv::Reader::from_reader(edges_csv);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let mut expected_header: Vec<String> = ["Source", "Target", "Weight", "Type"]
        .map(String::from)
        .to_vec();
    expected_header.extend(graph.edge_attributes.iter().map(|(n, _)| n.clone()));
    assert_eq!(header, expected_header);
    let mut directed = graph.directed;
    let edges = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            directed = &rec[3] == "Directed";
            let attrs = graph
                .edge_attributes
                .iter()
                .enumerate()
                .filter_map(|(c, (name, ty))| Some((name.clone(), cell(ty, &rec[c + 4])?)))
                .collect();
            (
                rec[0].to_string(),
                rec[1].to_string(),
                rec[2].parse().unwrap(),
                attrs,
                vec![],
            )
        })
        .collect();
    Seen {
        directed,
        nodes,
        edges,
    }
}

fn bytes(f: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    // Deterministic: a second write gives the same bytes.
    let mut again = Vec::new();
    f(&mut again).unwrap();
    assert_eq!(out, again, "output differs between two writes");
    out
}

fn utf8(b: Vec<u8>) -> String {
    String::from_utf8(b).expect("UTF-8 output")
}

#[test]
fn gexf_round_trip() {
    let g = sample();
    let xml = utf8(bytes(|w| write_gexf(&g, w)));
    assert!(xml.contains("defaultedgetype=\"directed\""));
    assert!(xml.contains("mode=\"static\""));
    assert!(!xml.contains("<spell"), "static GEXF has no spells");
    let (seen, types) = read_gexf(&xml);
    assert_eq!(seen, expected(&g, None));
    // Declared types: integer unless a value needs 64 bits.
    let t = |class: &str, name: &str| types[&(class.to_string(), name.to_string())].clone();
    assert_eq!(t("node", "platform"), "string");
    assert_eq!(t("node", "in_degree"), "integer");
    assert_eq!(t("node", "followers"), "long");
    assert_eq!(t("node", "pagerank"), "double");
    assert_eq!(t("edge", "posts"), "long");
    assert_eq!(t("edge", "share"), "double");
    // The control characters became U+FFFD, nothing else was altered.
    assert!(seen.nodes[1].2[&"handle".to_string()] == V::T("eu_in_kz\u{FFFD}\u{FFFD}".into()));
    assert_eq!(seen.nodes[2].1, "Aigerim\tN.\nline two\r\nend ");
}

#[test]
fn gexf_dynamic_round_trip() {
    let g = sample();
    for format in [TimeFormat::Date, TimeFormat::DateTime] {
        let xml = utf8(bytes(|w| write_gexf_dynamic(&g, format, w)));
        let tf = match format {
            TimeFormat::Date => "timeformat=\"date\"",
            TimeFormat::DateTime => "timeformat=\"dateTime\"",
        };
        assert!(xml.contains("mode=\"dynamic\""));
        assert!(xml.contains(tf));
        let (seen, _) = read_gexf(&xml);
        assert_eq!(seen, expected(&g, Some(format)));
    }
    let xml = utf8(bytes(|w| write_gexf_dynamic(&g, TimeFormat::Date, w)));
    let (seen, _) = read_gexf(&xml);
    assert_eq!(
        seen.edges[0].4,
        vec![
            ("2025-01-01".to_string(), Some("2025-01-31".to_string())),
            ("2025-03-01".to_string(), Some("2025-03-31".to_string())),
        ]
    );
    assert_eq!(seen.edges[1].4, vec![("2025-02-01".to_string(), None)]);
}

#[test]
fn graphml_round_trip() {
    let g = sample();
    let xml = utf8(bytes(|w| write_graphml(&g, w)));
    assert!(xml.contains("edgedefault=\"directed\""));
    let (seen, types) = read_graphml(&xml);
    assert_eq!(seen, expected(&g, None));
    let t = |class: &str, name: &str| types[&(class.to_string(), name.to_string())].clone();
    assert_eq!(t("node", "label"), "string");
    assert_eq!(t("node", "in_degree"), "long");
    assert_eq!(t("node", "pagerank"), "double");
    assert_eq!(t("edge", "weight"), "double");
    assert_eq!(t("edge", "relation"), "string");
}

#[test]
fn csv_round_trip() {
    let g = sample();
    let nodes = bytes(|w| write_csv_nodes(&g, w));
    let edges = bytes(|w| write_csv_edges(&g, w));
    let mut want = expected(&g, None);
    // CSV cannot tell an empty text from a missing one: both are an empty cell.
    for (_, _, attrs) in &mut want.nodes {
        for ((name, ty), _) in g.node_attributes.iter().zip(0..) {
            if *ty == AttrType::Text {
                attrs.entry(name.clone()).or_insert(V::T(String::new()));
            }
        }
    }
    for (_, _, _, attrs, _) in &mut want.edges {
        for (name, ty) in &g.edge_attributes {
            if *ty == AttrType::Text {
                attrs.entry(name.clone()).or_insert(V::T(String::new()));
            }
        }
    }
    assert_eq!(read_csv(&g, &nodes, &edges), want);
    let edges = utf8(edges);
    assert!(edges.starts_with("Source,Target,Weight,Type,relation,posts,share\n"));
    assert!(edges.contains(",Directed,"));
}

#[test]
fn undirected_graph() {
    let g = ExportGraph {
        directed: false,
        ..sample()
    };
    let gexf = utf8(bytes(|w| write_gexf(&g, w)));
    assert!(gexf.contains("defaultedgetype=\"undirected\""));
    assert_eq!(read_gexf(&gexf).0, expected(&g, None));
    let graphml = utf8(bytes(|w| write_graphml(&g, w)));
    assert!(graphml.contains("edgedefault=\"undirected\""));
    assert_eq!(read_graphml(&graphml).0, expected(&g, None));
    let edges = utf8(bytes(|w| write_csv_edges(&g, w)));
    assert!(edges.contains(",Undirected,"));
}

#[test]
fn empty_graph() {
    let g = ExportGraph {
        directed: true,
        ..ExportGraph::default()
    };
    let want = expected(&g, None);
    let gexf = utf8(bytes(|w| write_gexf(&g, w)));
    assert_eq!(read_gexf(&gexf).0, want);
    let gexf = utf8(bytes(|w| write_gexf_dynamic(&g, TimeFormat::Date, w)));
    assert_eq!(read_gexf(&gexf).0, want);
    let graphml = utf8(bytes(|w| write_graphml(&g, w)));
    assert_eq!(read_graphml(&graphml).0, want);
    assert_eq!(utf8(bytes(|w| write_csv_nodes(&g, w))), "Id,Label\n");
    assert_eq!(
        utf8(bytes(|w| write_csv_edges(&g, w))),
        "Source,Target,Weight,Type\n"
    );
}

#[test]
fn invalid_graphs_are_refused_before_writing() {
    let cases: Vec<(&str, Breaker)> = vec![
        ("edge end", Box::new(|g| g.edges[0].target = 99)),
        (
            "duplicate id",
            Box::new(|g| g.nodes[1].id = g.nodes[0].id.clone()),
        ),
        (
            "ids equal once sanitised",
            Box::new(|g| {
                g.nodes[0].id = "a\u{1}".into();
                g.nodes[1].id = "a\u{2}".into();
            }),
        ),
        (
            "value count",
            Box::new(|g| {
                g.nodes[0].attributes.pop();
            }),
        ),
        (
            "value type",
            Box::new(|g| g.nodes[0].attributes[0] = AttrValue::Integer(1)),
        ),
        ("weight", Box::new(|g| g.edges[0].weight = f64::INFINITY)),
        (
            "reserved name",
            Box::new(|g| g.node_attributes[0].0 = "Label".into()),
        ),
        (
            "reserved edge name",
            Box::new(|g| g.edge_attributes[0].0 = "weight".into()),
        ),
        (
            "duplicate name",
            Box::new(|g| g.node_attributes[1].0 = "PLATFORM".into()),
        ),
        (
            "spell order",
            Box::new(|g| g.edges[0].spells[0] = (ts(2025, 2, 1), Some(ts(2025, 1, 1)))),
        ),
        (
            "spell range",
            Box::new(|g| g.edges[0].spells[0] = (Timestamp(i64::MAX), None)),
        ),
    ];
    for (what, break_it) in cases {
        let mut g = sample();
        break_it(&mut g);
        assert!(g.validate().is_err(), "{what}");
        let writers: [Writer; 5] = [
            &|w| write_gexf(&g, w),
            &|w| write_gexf_dynamic(&g, TimeFormat::Date, w),
            &|w| write_graphml(&g, w),
            &|w| write_csv_nodes(&g, w),
            &|w| write_csv_edges(&g, w),
        ];
        for write in writers {
            let mut out = Vec::new();
            let err = write(&mut out).expect_err(what);
            assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{what}");
            assert!(out.is_empty(), "{what}: nothing written");
        }
    }
    assert!(sample().validate().is_ok());
}

/// Writes the sample files for a manual check with NetworkX when `GRAPH_EXPORT_DIR` is set.
#[test]
fn sample_files_for_manual_checks() {
    let Some(dir) = std::env::var_os("GRAPH_EXPORT_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let g = sample();
    let write = |name: &str, f: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        std::fs::write(dir.join(name), out).unwrap();
    };
    write("sample.gexf", &|w| write_gexf(&g, w));
    write("sample-dynamic.gexf", &|w| {
        write_gexf_dynamic(&g, TimeFormat::Date, w)
    });
    write("sample-dynamic-datetime.gexf", &|w| {
        write_gexf_dynamic(&g, TimeFormat::DateTime, w)
    });
    write("sample.graphml", &|w| write_graphml(&g, w));
    write("sample-nodes.csv", &|w| write_csv_nodes(&g, w));
    write("sample-edges.csv", &|w| write_csv_edges(&g, w));
}
