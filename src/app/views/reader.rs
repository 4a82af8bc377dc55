//! The Reader: one document's cleaned text with what the analysis found in it highlighted.
//!
//! Highlights come from byte spans into `DocAnalysis::body` (mentions, quotes, figures,
//! stance evidence). Spans may overlap (a mention inside a quote inside an evidence
//! sentence), so each paragraph is cut at every span boundary and each piece carries the
//! classes of all spans covering it. Everything is rendered as text nodes: the article never
//! becomes markup.

use parallax_core::{DocAnalysis, Span};
use parallax_web::view_model::{marks, pieces, Mark};
use yew::prelude::*;

/// The paragraphs to render: the analysis' paragraphs, or the whole body when it has none.
fn paragraphs(d: &DocAnalysis) -> Vec<Span> {
    if d.paragraphs.is_empty() {
        vec![Span {
            start: 0,
            end: d.body.len(),
        }]
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
