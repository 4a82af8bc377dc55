//! The view model of the page: what the user is looking at ([`ViewState`], plain serde
//! data the page persists and shares) and the pure functions the views are built from
//! (figure-group selection, Reader highlighting, matrix disagreement). They live in the
//! library, not in the `app` bin, so they are unit-tested natively.
//!
//! Every field of [`ViewState`] has a default and unknown fields are ignored, so an old
//! saved view opens on the defaults instead of failing.

use std::collections::BTreeSet;

use parallax_core::{Analysis, DocAnalysis, FigureGroup, Polarity, Span, Stance};
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
    pub const ALL: [Tab; 6] = [
        Tab::Sources,
        Tab::Stances,
        Tab::Figures,
        Tab::Quotes,
        Tab::Differences,
        Tab::Reader,
    ];

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
    /// The Sources table lists every source, not only the first [`SOURCES_SHOWN`].
    pub sources_all: bool,
}

/// Sources listed at first when there are more than [`SOURCES_PAGE_OVER`]: a table of a
/// thousand rows costs the page a noticeable pause each time it is shown.
pub const SOURCES_SHOWN: usize = 100;
/// Above this many sources the Sources table starts shortened.
pub const SOURCES_PAGE_OVER: usize = 150;

impl ViewState {
    /// The state after opening `target` in the Reader from the current tab.
    pub fn open(&self, target: ReaderTarget) -> ViewState {
        let back = if self.tab == Tab::Reader {
            self.back
        } else {
            Some(self.tab)
        };
        ViewState {
            tab: Tab::Reader,
            reader: Some(target),
            back,
            ..self.clone()
        }
    }

    pub fn with_tab(&self, tab: Tab) -> ViewState {
        ViewState {
            tab,
            ..self.clone()
        }
    }
}

pub fn group_sources(g: &FigureGroup) -> BTreeSet<&str> {
    g.members.iter().map(|m| m.document.as_str()).collect()
}

/// The figure groups a view state selects, in its sort order.
pub fn select_groups<'a>(a: &'a Analysis, v: &ViewState) -> Vec<&'a FigureGroup> {
    let mut out: Vec<&FigureGroup> = a
        .figure_groups
        .iter()
        .filter(|g| !v.fig_conflicts_only || g.status == "conflict")
        .filter(|g| v.fig_unit.as_ref().is_none_or(|u| &g.unit == u))
        .filter(|g| {
            v.fig_source
                .as_ref()
                .is_none_or(|s| g.members.iter().any(|m| &m.document == s))
        })
        .collect();
    let status_rank = |s: &str| match s {
        "conflict" => 0,
        "agree" => 1,
        _ => 2,
    };
    out.sort_by(|x, y| {
        let o = match v.fig_sort {
            FigureSort::Measure => x.measure.to_lowercase().cmp(&y.measure.to_lowercase()),
            FigureSort::Unit => x.unit.cmp(&y.unit),
            FigureSort::Sources => group_sources(x).len().cmp(&group_sources(y).len()),
            FigureSort::Status => status_rank(&x.status).cmp(&status_rank(&y.status)),
        };
        let o = if v.fig_desc { o.reverse() } else { o };
        o.then_with(|| x.measure.cmp(&y.measure))
    });
    out
}

/// True when a cell's chips do not all say the same thing (sources disagree, or one source
/// reports the actor both ways).
pub fn disagrees(list: &[&Stance]) -> bool {
    let mut seen: Vec<Polarity> = list
        .iter()
        .map(|s| s.polarity)
        .filter(|p| *p != Polarity::Neutral)
        .collect();
    seen.sort_by_key(|p| *p as u8);
    seen.dedup();
    seen.len() > 1 || seen.contains(&Polarity::Mixed) && list.len() > 1
}

/// The kinds of highlight in the Reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Evidence,
    Quote,
    Actor,
    Figure,
}

impl Mark {
    pub fn class(self) -> &'static str {
        match self {
            Mark::Evidence => "hl-evidence",
            Mark::Quote => "hl-quote",
            Mark::Actor => "hl-actor",
            Mark::Figure => "hl-figure",
        }
    }
}

/// Every highlight of a document, as (span, kind, tooltip).
pub fn marks(d: &DocAnalysis) -> Vec<(Span, Mark, String)> {
    let mut out = Vec::new();
    for c in &d.claims {
        let who = d
            .entities
            .get(c.entity)
            .map(|e| e.name.as_str())
            .unwrap_or("?");
        out.push((
            c.evidence,
            Mark::Evidence,
            format!(
                "stance: {who} {:?} {} (cue “{}”)",
                c.polarity, c.target, c.cue
            )
            .to_lowercase(),
        ));
    }
    for q in &d.quotes {
        let who = q
            .speaker
            .clone()
            .or_else(|| q.speaker_text.clone())
            .unwrap_or_else(|| "unattributed".into());
        out.push((q.span, Mark::Quote, format!("quote — {who}")));
    }
    for m in &d.mentions {
        let who = d
            .entities
            .get(m.entity)
            .map(|e| e.name.as_str())
            .unwrap_or("?");
        out.push((m.span, Mark::Actor, format!("actor: {who}")));
    }
    for f in &d.figures {
        let mut t = format!("figure: {} {}", crate::format_value(f.value), f.unit);
        if let Some(m) = &f.measure {
            t.push_str(&format!(" — {m}"));
        }
        out.push((f.span, Mark::Figure, t));
    }
    out
}

/// A paragraph `[start, end)` cut into pieces: (piece span, indices of the marks covering it).
/// Pieces are contiguous and cover the paragraph exactly.
pub fn pieces(start: usize, end: usize, marks: &[(Span, Mark, String)]) -> Vec<(Span, Vec<usize>)> {
    let inside: Vec<usize> = (0..marks.len())
        .filter(|&i| {
            marks[i].0.start < end && marks[i].0.end > start && marks[i].0.start < marks[i].0.end
        })
        .collect();
    let mut cuts = vec![start, end];
    for &i in &inside {
        cuts.push(marks[i].0.start.clamp(start, end));
        cuts.push(marks[i].0.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let covering = inside
                .iter()
                .copied()
                .filter(|&i| marks[i].0.start <= w[0] && marks[i].0.end >= w[1])
                .collect();
            (
                Span {
                    start: w[0],
                    end: w[1],
                },
                covering,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::GroupMember;

    #[test]
    fn tabs_wrap_both_ways() {
        assert_eq!(Tab::Sources.step(-1), Tab::Reader);
        assert_eq!(Tab::Reader.step(1), Tab::Sources);
        assert_eq!(Tab::Stances.step(1), Tab::Figures);
    }

    #[test]
    fn open_remembers_where_from_and_back_survives_reader_hops() {
        let v = ViewState::default().with_tab(Tab::Figures);
        let r = v.open(ReaderTarget {
            document: "a".into(),
            start: 1,
            end: 2,
        });
        assert_eq!((r.tab, r.back), (Tab::Reader, Some(Tab::Figures)));
        let r2 = r.open(ReaderTarget {
            document: "b".into(),
            start: 0,
            end: 1,
        });
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

    fn group(measure: &str, unit: &str, status: &str, docs: &[&str]) -> FigureGroup {
        FigureGroup {
            measure: measure.into(),
            unit: unit.into(),
            per: None,
            members: docs
                .iter()
                .map(|d| GroupMember {
                    document: d.to_string(),
                    text: "x".into(),
                    span: Span { start: 0, end: 1 },
                    index: 0,
                })
                .collect(),
            normalised: docs.iter().map(|_| 1.0).collect(),
            status: status.into(),
        }
    }

    fn analysis() -> Analysis {
        Analysis {
            figure_groups: vec![
                group("oil imports", "barrel", "agree", &["a", "b"]),
                group("Aid", "USD", "conflict", &["a", "c"]),
                group("exports", "barrel", "single", &["c"]),
            ],
            ..Default::default()
        }
    }

    fn measures(v: &ViewState) -> Vec<String> {
        let a = analysis();
        select_groups(&a, v)
            .iter()
            .map(|g| g.measure.clone())
            .collect()
    }

    #[test]
    fn sorts_case_insensitively_and_reverses() {
        let v = ViewState::default();
        assert_eq!(measures(&v), ["Aid", "exports", "oil imports"]);
        assert_eq!(
            measures(&ViewState {
                fig_desc: true,
                ..v.clone()
            }),
            ["oil imports", "exports", "Aid"]
        );
        assert_eq!(
            measures(&ViewState {
                fig_sort: FigureSort::Status,
                ..v
            }),
            ["Aid", "oil imports", "exports"]
        );
    }

    #[test]
    fn filters_combine() {
        let v = ViewState {
            fig_unit: Some("barrel".into()),
            ..Default::default()
        };
        assert_eq!(measures(&v), ["exports", "oil imports"]);
        let v = ViewState {
            fig_source: Some("c".into()),
            ..v
        };
        assert_eq!(measures(&v), ["exports"]);
        let v = ViewState {
            fig_conflicts_only: true,
            ..Default::default()
        };
        assert_eq!(measures(&v), ["Aid"]);
    }

    fn m(a: usize, b: usize, k: Mark) -> (Span, Mark, String) {
        (Span { start: a, end: b }, k, String::new())
    }

    #[test]
    fn pieces_cover_the_paragraph_and_nest() {
        let marks = vec![
            m(2, 8, Mark::Quote),
            m(4, 6, Mark::Actor),
            m(20, 30, Mark::Figure),
        ];
        let p = pieces(0, 10, &marks);
        let spans: Vec<(usize, usize)> = p.iter().map(|(s, _)| (s.start, s.end)).collect();
        assert_eq!(spans, vec![(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]);
        assert_eq!(
            p[2].1,
            vec![0, 1],
            "the mention inside the quote carries both"
        );
        assert!(p[0].1.is_empty() && p[4].1.is_empty());
    }

    #[test]
    fn marks_crossing_the_paragraph_edge_are_clipped() {
        let p = pieces(10, 20, &[m(5, 15, Mark::Evidence)]);
        assert_eq!(
            p.iter()
                .map(|(s, c)| (s.start, s.end, c.len()))
                .collect::<Vec<_>>(),
            vec![(10, 15, 1), (15, 20, 0)]
        );
    }
}
