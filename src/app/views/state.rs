//! What the user is looking at, as plain serde data.
//!
//! The page stores this as JSON (IndexedDB, the workspace file, share links) without knowing
//! its fields, so every field has a default and unknown or missing fields never fail: an old
//! saved view simply opens on the defaults.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tab {
    #[default]
    Sources,
    Stances,
    Figures,
    Quotes,
    Differences,
    Reader,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Sources, Tab::Stances, Tab::Figures, Tab::Quotes, Tab::Differences, Tab::Reader];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Sources => "Sources",
            Tab::Stances => "Stance matrix",
            Tab::Figures => "Figures",
            Tab::Quotes => "Quotes",
            Tab::Differences => "Differences",
            Tab::Reader => "Reader",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Tab::Sources => "sources",
            Tab::Stances => "stances",
            Tab::Figures => "figures",
            Tab::Quotes => "quotes",
            Tab::Differences => "differences",
            Tab::Reader => "reader",
        }
    }

    /// The tab `step` places away (wrapping), for arrow-key navigation of the tab list.
    pub fn step(self, step: isize) -> Tab {
        let n = Self::ALL.len() as isize;
        let i = Self::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Self::ALL[((i + step).rem_euclid(n)) as usize]
    }
}

/// A span of one document to show in the Reader.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReaderTarget {
    pub document: String,
    pub start: usize,
    pub end: usize,
}

/// Columns the figure-group table sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureSort {
    #[default]
    Measure,
    Unit,
    Sources,
    Status,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub tab: Tab,
    pub reader: Option<ReaderTarget>,
    /// Where "Back" in the Reader returns to.
    pub back: Option<Tab>,
    pub fig_sort: FigureSort,
    pub fig_desc: bool,
    /// Only figures from this document file.
    pub fig_source: Option<String>,
    /// Only figures in this unit.
    pub fig_unit: Option<String>,
    pub fig_conflicts_only: bool,
}

impl ViewState {
    /// The state after opening `target` in the Reader from the current tab.
    pub fn open(&self, target: ReaderTarget) -> ViewState {
        let back = if self.tab == Tab::Reader { self.back } else { Some(self.tab) };
        ViewState { tab: Tab::Reader, reader: Some(target), back, ..self.clone() }
    }

    pub fn with_tab(&self, tab: Tab) -> ViewState {
        ViewState { tab, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_wrap_both_ways() {
        assert_eq!(Tab::Sources.step(-1), Tab::Reader);
        assert_eq!(Tab::Reader.step(1), Tab::Sources);
        assert_eq!(Tab::Stances.step(1), Tab::Figures);
    }

    #[test]
    fn open_remembers_where_from_and_back_survives_reader_hops() {
        let v = ViewState::default().with_tab(Tab::Figures);
        let r = v.open(ReaderTarget { document: "a".into(), start: 1, end: 2 });
        assert_eq!((r.tab, r.back), (Tab::Reader, Some(Tab::Figures)));
        let r2 = r.open(ReaderTarget { document: "b".into(), start: 0, end: 1 });
        assert_eq!(r2.back, Some(Tab::Figures));
    }

    #[test]
    fn unknown_or_missing_fields_fall_back_to_defaults() {
        let v: ViewState = serde_json::from_str(r#"{"tab":"quotes","zzz":1}"#).unwrap();
        assert_eq!(v.tab, Tab::Quotes);
        assert_eq!(v.fig_sort, FigureSort::Measure);
        let bad: Result<ViewState, _> = serde_json::from_str(r#"{"tab":"nope"}"#);
        assert!(bad.is_err());
    }
}
