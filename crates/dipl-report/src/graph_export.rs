//! Graph files for Gephi, NetworkX and igraph: GEXF 1.3 (static and dynamic), GraphML, and the
//! two CSV tables of Gephi's spreadsheet import.
//!
//! The input is an [`ExportGraph`], independent of any graph library: nodes with an id, a label
//! and typed attribute values; edges between node indices with a weight, attribute values and
//! time spells. Every writer checks the graph first ([`ExportGraph::validate`]) and writes
//! nothing when it is inconsistent (an `io::Error` of kind `InvalidInput` says why).
//!
//! Rules shared by every format:
//! - Output is deterministic: the same graph gives the same bytes (nodes and edges in the order
//!   given, attributes in declaration order, ids of edges `e0`, `e1`, … by position).
//! - Strings go through [`xml_safe`]: characters XML 1.0 forbids (C0 controls other than tab,
//!   line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD, the same in CSV so that all
//!   formats carry the same text. XML markup characters, tab, line feed and carriage return are
//!   escaped as character references, so attribute values survive a parser unchanged.
//! - Missing values ([`AttrValue::Missing`], non-finite floats) are omitted (XML) or empty (CSV).
//! - Floats are written in shortest round-trip form (with an exponent below 1e-5 or from
//!   1e16 on), integers in full.
//!
//! Types: a text attribute is `string` everywhere; an integer one is GEXF `integer` (or `long`
//! when a value does not fit 32 bits, as Gephi reads `integer` as a Java int) and GraphML
//! `long`; a float one is `double` in both.
//!
//! GEXF (`write_gexf`, `write_gexf_dynamic`): namespace `http://gexf.net/1.3`, attributes
//! declared with their name as id and title, edge weight in the `weight` attribute. The dynamic
//! variant sets `mode="dynamic"` and `timeformat` (`date` or `dateTime`, see [`TimeFormat`]) and
//! gives each edge its `<spells>` (inclusive intervals; a spell without an end is open). Nodes
//! carry no spells: they exist throughout. NetworkX 3.6 reads `timeformat="date"` but fails on
//! `dateTime`; Gephi reads both.
//!
//! GraphML (`write_graphml`): keys `d0` = node `label`, then node attributes, then edge
//! `weight`, then edge attributes (`attr.name` = the attribute name). Node ids are the graph's
//! ids (so that NetworkX uses them as node keys), edge ids `e0`, `e1`, …. Spells are not written
//! (GraphML has no standard for them).
//!
//! CSV (`write_csv_nodes`, `write_csv_edges`): `Id,Label,<node attributes…>` and
//! `Source,Target,Weight,Type,<edge attributes…>` with `Type` = `Directed` or `Undirected`,
//! sources and targets given by node id. Spells are not written.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use dipl_model::Timestamp;

/// The type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    Text,
    Integer,
    Float,
}

/// One attribute value. `Missing` is n/a; an `Integer` value is accepted in a `Float` column.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    Text(String),
    Integer(i64),
    Float(f64),
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportNode {
    /// Unique among the graph's nodes (e.g. `twitter:123456`).
    pub id: String,
    pub label: String,
    /// One value per entry of [`ExportGraph::node_attributes`], in that order.
    pub attributes: Vec<AttrValue>,
}

/// A time spell: from `start` to `end` inclusive; `None` = still open.
pub type Spell = (Timestamp, Option<Timestamp>);

#[derive(Debug, Clone, PartialEq)]
pub struct ExportEdge {
    /// Index into [`ExportGraph::nodes`].
    pub source: usize,
    /// Index into [`ExportGraph::nodes`].
    pub target: usize,
    /// Finite.
    pub weight: f64,
    /// One value per entry of [`ExportGraph::edge_attributes`], in that order.
    pub attributes: Vec<AttrValue>,
    /// When the tie existed (only written by [`write_gexf_dynamic`]).
    pub spells: Vec<Spell>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportGraph {
    pub directed: bool,
    /// Names and types of node attributes. Names are unique and not `id` or `label`
    /// (ignoring case), which the formats use themselves.
    pub node_attributes: Vec<(String, AttrType)>,
    /// Names and types of edge attributes. Names are unique and not `id`, `label`, `source`,
    /// `target`, `weight`, `type`, `spells`, `start` or `end` (ignoring case).
    pub edge_attributes: Vec<(String, AttrType)>,
    pub nodes: Vec<ExportNode>,
    pub edges: Vec<ExportEdge>,
}

/// Why a graph cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("graph cannot be exported: {0}")]
pub struct InvalidGraph(pub String);

impl From<InvalidGraph> for io::Error {
    fn from(e: InvalidGraph) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, e)
    }
}

/// How `write_gexf_dynamic` writes the times of spells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeFormat {
    /// `timeformat="date"`, times as `2025-03-01` (the UTC day): per-day or coarser periods.
    Date,
    /// `timeformat="dateTime"`, times as `2025-03-01T12:00:00Z`.
    DateTime,
}

const NODE_RESERVED: &[&str] = &["id", "label"];
const EDGE_RESERVED: &[&str] = &[
    "id", "label", "source", "target", "weight", "type", "spells", "start", "end",
];

fn check_columns(
    class: &str,
    columns: &[(String, AttrType)],
    reserved: &[&str],
) -> Result<(), InvalidGraph> {
    let mut seen = HashSet::new();
    for (name, _) in columns {
        if name.is_empty() {
            return Err(InvalidGraph(format!(
                "{class} attribute with an empty name"
            )));
        }
        let lower = xml_safe(name).to_lowercase();
        if reserved.contains(&lower.as_str()) {
            return Err(InvalidGraph(format!(
                "{class} attribute `{name}` clashes with a name the formats reserve"
            )));
        }
        if !seen.insert(lower) {
            return Err(InvalidGraph(format!(
                "{class} attribute `{name}` declared twice (names are compared ignoring case)"
            )));
        }
    }
    Ok(())
}

fn check_values(
    what: &dyn Fn() -> String,
    columns: &[(String, AttrType)],
    values: &[AttrValue],
) -> Result<(), InvalidGraph> {
    if values.len() != columns.len() {
        return Err(InvalidGraph(format!(
            "{} has {} attribute values for {} declared attributes",
            what(),
            values.len(),
            columns.len()
        )));
    }
    for ((name, ty), value) in columns.iter().zip(values) {
        let ok = matches!(
            (ty, value),
            (_, AttrValue::Missing)
                | (AttrType::Text, AttrValue::Text(_))
                | (AttrType::Integer, AttrValue::Integer(_))
                | (AttrType::Float, AttrValue::Float(_) | AttrValue::Integer(_))
        );
        if !ok {
            return Err(InvalidGraph(format!(
                "{}: value of `{name}` does not match its declared type {ty:?}",
                what()
            )));
        }
    }
    Ok(())
}

impl ExportGraph {
    /// Checks that the graph can be written: attribute names, one value of the declared type
    /// per attribute, unique node ids, edge ends in range, finite weights, spells with
    /// `start <= end` and times that are calendar dates.
    pub fn validate(&self) -> Result<(), InvalidGraph> {
        check_columns("node", &self.node_attributes, NODE_RESERVED)?;
        check_columns("edge", &self.edge_attributes, EDGE_RESERVED)?;
        let mut ids = HashSet::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if !ids.insert(xml_safe(&node.id)) {
                return Err(InvalidGraph(format!(
                    "node {i}: id `{}` is not unique",
                    node.id
                )));
            }
            check_values(
                &|| format!("node {i} (`{}`)", node.id),
                &self.node_attributes,
                &node.attributes,
            )?;
        }
        for (i, edge) in self.edges.iter().enumerate() {
            let n = self.nodes.len();
            if edge.source >= n || edge.target >= n {
                return Err(InvalidGraph(format!(
                    "edge {i}: ends {} -> {} outside the {n} nodes",
                    edge.source, edge.target
                )));
            }
            if !edge.weight.is_finite() {
                return Err(InvalidGraph(format!("edge {i}: weight is not finite")));
            }
            check_values(
                &|| format!("edge {i}"),
                &self.edge_attributes,
                &edge.attributes,
            )?;
            for (start, end) in &edge.spells {
                let times = std::iter::once(*start).chain(*end);
                if times.clone().any(|t| t.to_datetime().is_none()) {
                    return Err(InvalidGraph(format!(
                        "edge {i}: spell time out of the calendar's range"
                    )));
                }
                if end.is_some_and(|end| end < *start) {
                    return Err(InvalidGraph(format!(
                        "edge {i}: spell ends before it starts"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// Is `c` allowed in an XML 1.0 document?
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` with every character XML 1.0 forbids replaced by U+FFFD (the text every format of this
/// module writes for `s`).
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(xml_allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if xml_allowed(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Appends `s` escaped for an attribute value or element content.
fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// The exact text of a value, `None` when missing or not finite.
fn value_text(value: &AttrValue) -> Option<Cow<'_, str>> {
    match value {
        AttrValue::Missing => None,
        AttrValue::Text(s) => Some(xml_safe(s)),
        AttrValue::Integer(i) => Some(Cow::Owned(i.to_string())),
        AttrValue::Float(f) if f.is_finite() => Some(Cow::Owned(float_text(*f))),
        AttrValue::Float(_) => None,
    }
}

/// Shortest round-trip form of a finite float; with an exponent when very large or small
/// (`1e300`, `2.5e-7`), which XML Schema, Python, Java and R all read.
fn float_text(f: f64) -> String {
    let a = f.abs();
    if a != 0.0 && !(1e-5..1e16).contains(&a) {
        format!("{f:e}")
    } else {
        f.to_string()
    }
}

fn fits_i32(v: &AttrValue) -> bool {
    match v {
        AttrValue::Integer(i) => i32::try_from(*i).is_ok(),
        _ => true,
    }
}

/// GEXF type names of the columns of one class.
fn gexf_types<'a>(
    columns: &[(String, AttrType)],
    rows: impl Iterator<Item = &'a [AttrValue]> + Clone,
) -> Vec<&'static str> {
    columns
        .iter()
        .enumerate()
        .map(|(c, (_, ty))| match ty {
            AttrType::Text => "string",
            AttrType::Float => "double",
            AttrType::Integer => {
                if rows.clone().all(|r| r.get(c).is_none_or(fits_i32)) {
                    "integer"
                } else {
                    "long"
                }
            }
        })
        .collect()
}

/// Writes the graph as static GEXF 1.3.
pub fn write_gexf<W: Write>(graph: &ExportGraph, w: W) -> io::Result<()> {
    write_gexf_impl(graph, None, w)
}

/// Writes the graph as dynamic GEXF 1.3: each edge with its spells, times in `format`.
pub fn write_gexf_dynamic<W: Write>(
    graph: &ExportGraph,
    format: TimeFormat,
    w: W,
) -> io::Result<()> {
    write_gexf_impl(graph, Some(format), w)
}

fn gexf_time(t: Timestamp, format: TimeFormat) -> String {
    match format {
        TimeFormat::Date => t.to_date_string(),
        TimeFormat::DateTime => t.to_rfc3339(),
    }
}

fn gexf_attribute_block(
    out: &mut String,
    class: &str,
    mode: &str,
    columns: &[(String, AttrType)],
    types: &[&str],
) {
    if columns.is_empty() {
        return;
    }
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"{mode}\">");
    for ((name, _), ty) in columns.iter().zip(types) {
        let name = escaped(name);
        let _ = writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{ty}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
}

fn gexf_attvalues(out: &mut String, columns: &[(String, AttrType)], values: &[AttrValue]) {
    let present: Vec<(&str, Cow<'_, str>)> = columns
        .iter()
        .zip(values)
        .filter_map(|((name, _), v)| Some((name.as_str(), value_text(v)?)))
        .collect();
    if present.is_empty() {
        return;
    }
    out.push_str("        <attvalues>\n");
    for (name, text) in present {
        out.push_str("          <attvalue for=\"");
        push_escaped(out, name);
        out.push_str("\" value=\"");
        push_escaped(out, &text);
        out.push_str("\"/>\n");
    }
    out.push_str("        </attvalues>\n");
}

fn write_gexf_impl<W: Write>(
    graph: &ExportGraph,
    dynamic: Option<TimeFormat>,
    w: W,
) -> io::Result<()> {
    graph.validate()?;
    let mut w = BufWriter::new(w);
    let edge_type = if graph.directed {
        "directed"
    } else {
        "undirected"
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    out.push_str("  <meta>\n    <creator>Diplometrics</creator>\n  </meta>\n");
    match dynamic {
        None => {
            let _ = writeln!(
                out,
                "  <graph mode=\"static\" defaultedgetype=\"{edge_type}\">"
            );
        }
        Some(format) => {
            let tf = match format {
                TimeFormat::Date => "date",
                TimeFormat::DateTime => "dateTime",
            };
            let _ = writeln!(
                out,
                "  <graph mode=\"dynamic\" defaultedgetype=\"{edge_type}\" timeformat=\"{tf}\">"
            );
        }
    }
    let node_types = gexf_types(
        &graph.node_attributes,
        graph.nodes.iter().map(|n| n.attributes.as_slice()),
    );
    let edge_types = gexf_types(
        &graph.edge_attributes,
        graph.edges.iter().map(|e| e.attributes.as_slice()),
    );
    gexf_attribute_block(
        &mut out,
        "node",
        "static",
        &graph.node_attributes,
        &node_types,
    );
    gexf_attribute_block(
        &mut out,
        "edge",
        "static",
        &graph.edge_attributes,
        &edge_types,
    );
    out.push_str("    <nodes>\n");
    w.write_all(out.as_bytes())?;
    for node in &graph.nodes {
        out.clear();
        out.push_str("      <node id=\"");
        push_escaped(&mut out, &node.id);
        out.push_str("\" label=\"");
        push_escaped(&mut out, &node.label);
        if value_count(&node.attributes) == 0 {
            out.push_str("\"/>\n");
        } else {
            out.push_str("\">\n");
            gexf_attvalues(&mut out, &graph.node_attributes, &node.attributes);
            out.push_str("      </node>\n");
        }
        w.write_all(out.as_bytes())?;
    }
    out.clear();
    out.push_str("    </nodes>\n    <edges>\n");
    w.write_all(out.as_bytes())?;
    for (i, edge) in graph.edges.iter().enumerate() {
        let (Some(source), Some(target)) =
            (graph.nodes.get(edge.source), graph.nodes.get(edge.target))
        else {
            continue; // ruled out by validate()
        };
        out.clear();
        let _ = write!(out, "      <edge id=\"e{i}\" source=\"");
        push_escaped(&mut out, &source.id);
        out.push_str("\" target=\"");
        push_escaped(&mut out, &target.id);
        let _ = write!(out, "\" weight=\"{}\"", float_text(edge.weight));
        let spells = dynamic.filter(|_| !edge.spells.is_empty());
        if value_count(&edge.attributes) == 0 && spells.is_none() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            gexf_attvalues(&mut out, &graph.edge_attributes, &edge.attributes);
            if let Some(format) = spells {
                out.push_str("        <spells>\n");
                for (start, end) in &edge.spells {
                    let _ = write!(
                        out,
                        "          <spell start=\"{}\"",
                        gexf_time(*start, format)
                    );
                    if let Some(end) = end {
                        let _ = write!(out, " end=\"{}\"", gexf_time(*end, format));
                    }
                    out.push_str("/>\n");
                }
                out.push_str("        </spells>\n");
            }
            out.push_str("      </edge>\n");
        }
        w.write_all(out.as_bytes())?;
    }
    w.write_all(b"    </edges>\n  </graph>\n</gexf>\n")?;
    w.flush()
}

fn value_count(values: &[AttrValue]) -> usize {
    values.iter().filter(|v| value_text(v).is_some()).count()
}

/// Writes the graph as GraphML (readable by `networkx.read_graphml` and igraph).
pub fn write_graphml<W: Write>(graph: &ExportGraph, w: W) -> io::Result<()> {
    graph.validate()?;
    let mut w = BufWriter::new(w);
    let graphml_type = |ty: &AttrType| match ty {
        AttrType::Text => "string",
        AttrType::Integer => "long",
        AttrType::Float => "double",
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    // Key ids: d0 = node label, then node attributes, then edge weight, then edge attributes.
    let node_key = |c: usize| c + 1;
    let weight_key = graph.node_attributes.len() + 1;
    let edge_key = |c: usize| weight_key + 1 + c;
    out.push_str("  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    for (c, (name, ty)) in graph.node_attributes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"d{}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>",
            node_key(c),
            escaped(name),
            graphml_type(ty)
        );
    }
    let _ = writeln!(
        out,
        "  <key id=\"d{weight_key}\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
    );
    for (c, (name, ty)) in graph.edge_attributes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"d{}\" for=\"edge\" attr.name=\"{}\" attr.type=\"{}\"/>",
            edge_key(c),
            escaped(name),
            graphml_type(ty)
        );
    }
    let edge_default = if graph.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{edge_default}\">");
    w.write_all(out.as_bytes())?;
    for node in &graph.nodes {
        out.clear();
        out.push_str("    <node id=\"");
        push_escaped(&mut out, &node.id);
        out.push_str("\">\n      <data key=\"d0\">");
        push_escaped(&mut out, &node.label);
        out.push_str("</data>\n");
        for (c, value) in node.attributes.iter().enumerate() {
            if let Some(text) = value_text(value) {
                let _ = write!(out, "      <data key=\"d{}\">", node_key(c));
                push_escaped(&mut out, &text);
                out.push_str("</data>\n");
            }
        }
        out.push_str("    </node>\n");
        w.write_all(out.as_bytes())?;
    }
    for (i, edge) in graph.edges.iter().enumerate() {
        let (Some(source), Some(target)) =
            (graph.nodes.get(edge.source), graph.nodes.get(edge.target))
        else {
            continue; // ruled out by validate()
        };
        out.clear();
        let _ = write!(out, "    <edge id=\"e{i}\" source=\"");
        push_escaped(&mut out, &source.id);
        out.push_str("\" target=\"");
        push_escaped(&mut out, &target.id);
        let _ = writeln!(out, "\">");
        let _ = writeln!(
            out,
            "      <data key=\"d{weight_key}\">{}</data>",
            float_text(edge.weight)
        );
        for (c, value) in edge.attributes.iter().enumerate() {
            if let Some(text) = value_text(value) {
                let _ = write!(out, "      <data key=\"d{}\">", edge_key(c));
                push_escaped(&mut out, &text);
                out.push_str("</data>\n");
            }
        }
        out.push_str("    </edge>\n");
        w.write_all(out.as_bytes())?;
    }
    w.write_all(b"  </graph>\n</graphml>\n")?;
    w.flush()
}

fn csv_value(value: &AttrValue) -> String {
    value_text(value).map(Cow::into_owned).unwrap_or_default()
}

/// Writes the node table of Gephi's spreadsheet import: `Id,Label,<node attributes…>`.
pub fn write_csv_nodes<W: Write>(graph: &ExportGraph, w: W) -> io::Result<()> {
    graph.validate()?;
    let mut writer = csv::Writer::from_writer(w);
    let header = ["Id".to_string(), "Label".to_string()].into_iter().chain(
        graph
            .node_attributes
            .iter()
            .map(|(n, _)| xml_safe(n).into_owned()),
    );
    writer.write_record(header)?;
    for node in &graph.nodes {
        let row = [
            xml_safe(&node.id).into_owned(),
            xml_safe(&node.label).into_owned(),
        ]
        .into_iter()
        .chain(node.attributes.iter().map(csv_value));
        writer.write_record(row)?;
    }
    writer.flush()
}

/// Writes the edge table of Gephi's spreadsheet import:
/// `Source,Target,Weight,Type,<edge attributes…>`, ends given by node id.
pub fn write_csv_edges<W: Write>(graph: &ExportGraph, w: W) -> io::Result<()> {
    graph.validate()?;
    let mut writer = csv::Writer::from_writer(w);
    let header = ["Source", "Target", "Weight", "Type"]
        .into_iter()
        .map(String::from)
        .chain(
            graph
                .edge_attributes
                .iter()
                .map(|(n, _)| xml_safe(n).into_owned()),
        );
    writer.write_record(header)?;
    let edge_type = if graph.directed {
        "Directed"
    } else {
        "Undirected"
    };
    for edge in &graph.edges {
        let (Some(source), Some(target)) =
            (graph.nodes.get(edge.source), graph.nodes.get(edge.target))
        else {
            continue; // ruled out by validate()
        };
        let row = [
            xml_safe(&source.id).into_owned(),
            xml_safe(&target.id).into_owned(),
            float_text(edge.weight),
            edge_type.to_string(),
        ]
        .into_iter()
        .chain(edge.attributes.iter().map(csv_value));
        writer.write_record(row)?;
    }
    writer.flush()
}
