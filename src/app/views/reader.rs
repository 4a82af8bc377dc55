//! The Reader: one document's cleaned text with what the analysis found in it highlighted.
//!
//! Highlights come from byte spans into `DocAnalysis::body` (mentions, quotes, figures,
//! stance evidence). Spans may overlap (a mention inside a quote inside an evidence
//! sentence), so each paragraph is cut at every span boundary and each piece carries the
//! classes of all spans covering it. Everything is rendered as text nodes: the article never
//! becomes markup.

use parallax_core::{DocAnalysis, Span};
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Evidence,
    Quote,
    Actor,
    Figure,
}

impl Mark {
    fn class(self) -> &'static str {
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
        let who = d.entities.get(c.entity).map(|e| e.name.as_str()).unwrap_or("?");
        out.push((c.evidence, Mark::Evidence, format!("stance: {who} {:?} {} (cue “{}”)", c.polarity, c.target, c.cue).to_lowercase()));
    }
    for q in &d.quotes {
        let who = q.speaker.clone().or_else(|| q.speaker_text.clone()).unwrap_or_else(|| "unattributed".into());
        out.push((q.span, Mark::Quote, format!("quote — {who}")));
    }
    for m in &d.mentions {
        let who = d.entities.get(m.entity).map(|e| e.name.as_str()).unwrap_or("?");
        out.push((m.span, Mark::Actor, format!("actor: {who}")));
    }
    for f in &d.figures {
        let mut t = format!("figure: {} {}", parallax_web::format_value(f.value), f.unit);
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
    let inside: Vec<usize> =
        (0..marks.len()).filter(|&i| marks[i].0.start < end && marks[i].0.end > start && marks[i].0.start < marks[i].0.end).collect();
    let mut cuts = vec![start, end];
    for &i in &inside {
        cuts.push(marks[i].0.start.clamp(start, end));
        cuts.push(marks[i].0.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let covering = inside.iter().copied().filter(|&i| marks[i].0.start <= w[0] && marks[i].0.end >= w[1]).collect();
            (Span { start: w[0], end: w[1] }, covering)
        })
        .collect()
}

/// The paragraphs to render: the analysis' paragraphs, or the whole body when it has none.
fn paragraphs(d: &DocAnalysis) -> Vec<Span> {
    if d.paragraphs.is_empty() {
        vec![Span { start: 0, end: d.body.len() }]
    } else {
        d.paragraphs.clone()
    }
}

pub fn render(d: &DocAnalysis, target: Option<Span>) -> Html {
    let marks = marks(d);
    let mut target_placed = false;
    let body = &d.body;
    let paras = paragraphs(d);
    html! {
        <div class="reader-text" lang="en">
            { for paras.iter().filter(|p| p.end <= body.len() && p.start < p.end && body.is_char_boundary(p.start) && body.is_char_boundary(p.end)).map(|p| {
                let pieces = pieces(p.start, p.end, &marks);
                html! {
                    <p>
                        { for pieces.into_iter().map(|(s, covering)| {
                            let text = body.get(s.start..s.end).unwrap_or("").to_string();
                            let is_target = target.is_some_and(|t| t.start < s.end && t.end > s.start || (t.start == t.end && t.start == s.start));
                            let id = (is_target && !target_placed).then(|| { target_placed = true; "reader-target".to_string() });
                            if covering.is_empty() && !is_target {
                                html! { { text } }
                            } else {
                                let mut kinds: Vec<Mark> = covering.iter().map(|&i| marks[i].1).collect();
                                kinds.sort();
                                kinds.dedup();
                                let mut cls = classes!(kinds.iter().map(|k| k.class()).collect::<Vec<_>>());
                                if is_target { cls.push("hl-target"); }
                                let title = covering.iter().map(|&i| marks[i].2.clone()).collect::<Vec<_>>().join("\n");
                                html! { <mark class={cls} title={title} id={id} tabindex={is_target.then_some("-1")}>{ text }</mark> }
                            }
                        }) }
                    </p>
                }
            }) }
        </div>
    }
}

pub fn legend() -> Html {
    html! {
        <p class="legend reader-legend" aria-label="Highlight legend">
            <mark class="hl-actor">{ "actor" }</mark>{ " " }
            <mark class="hl-quote">{ "quote" }</mark>{ " " }
            <mark class="hl-figure">{ "figure" }</mark>{ " " }
            <mark class="hl-evidence">{ "stance evidence" }</mark>{ " " }
            <mark class="hl-target">{ "the passage you opened" }</mark>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(a: usize, b: usize, k: Mark) -> (Span, Mark, String) {
        (Span { start: a, end: b }, k, String::new())
    }

    #[test]
    fn pieces_cover_the_paragraph_and_nest() {
        let marks = vec![m(2, 8, Mark::Quote), m(4, 6, Mark::Actor), m(20, 30, Mark::Figure)];
        let p = pieces(0, 10, &marks);
        let spans: Vec<(usize, usize)> = p.iter().map(|(s, _)| (s.start, s.end)).collect();
        assert_eq!(spans, vec![(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]);
        assert_eq!(p[2].1, vec![0, 1], "the mention inside the quote carries both");
        assert!(p[0].1.is_empty() && p[4].1.is_empty());
    }

    #[test]
    fn marks_crossing_the_paragraph_edge_are_clipped() {
        let p = pieces(10, 20, &[m(5, 15, Mark::Evidence)]);
        assert_eq!(p.iter().map(|(s, c)| (s.start, s.end, c.len())).collect::<Vec<_>>(), vec![(10, 15, 1), (15, 20, 0)]);
    }
}
