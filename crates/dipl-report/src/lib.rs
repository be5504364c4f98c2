//! Output of Diplometrics: tables for terminals and scripts, and the report.
//!
//! - [`table`]: text, CSV, JSON and Markdown renderings of a metric [`dipl_metrics::Table`].
//! - [`document`]: the report's presentation model and its HTML and Markdown renderings.
//! - [`chart`]: bar charts as inline SVG.
//! - [`network_chart`]: laid-out drawings of graphs (force-directed) as inline SVG.
//! - [`graph_export`]: graphs as GEXF (static and dynamic), GraphML and Gephi's CSV tables.
//! - [`build`]: the report of a dataset, from the metrics.
//! - [`dialogue_section`]: the report's dialogue section (codebook §5–§6).

pub mod build;
pub mod chart;
pub mod dialogue_section;
pub mod document;
pub mod graph_export;
pub mod network_chart;
pub mod table;
