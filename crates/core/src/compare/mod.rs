//! compare: merge actors across documents, cluster issues, group figures and quotes,
//! find conflicts and blindspots.
pub mod actors;

use crate::model::*;

/// User edits to the discovered issues, applied after clustering.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CompareOptions {
    pub issue_edits: Vec<IssueEdit>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum IssueEdit {
    /// A new issue defined by keywords.
    Add { label: String, keywords: Vec<String> },
    Rename { id: String, label: String },
    /// Merge `from` into `into`.
    Merge { from: String, into: String },
    Delete { id: String },
}

#[derive(Clone, Debug, Default)]
pub struct Comparison {
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub stances: Vec<Stance>,
    pub figure_groups: Vec<FigureGroup>,
    pub quote_groups: Vec<QuoteGroup>,
    pub conflicts: Vec<Conflict>,
    pub blindspots: Vec<Blindspot>,
}

pub fn compare(_docs: &mut [DocAnalysis], _opts: &CompareOptions) -> Comparison {
    Comparison::default()
}
