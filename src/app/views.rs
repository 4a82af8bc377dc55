//! Rendering of an [`Analysis`]: sources, figures, stance matrix, quotes, errors.
//!
//! Pure functions from data to `Html`. Sources are labelled `S1`, `S2`, … in document
//! order everywhere, so a reader can follow one source across the panels. Polarity is
//! shown by colour *and* by a text label, so the matrix does not rely on colour alone.

use std::collections::BTreeMap;

use parallax_core::{Analysis, DocAnalysis, FileError, Polarity, Stance};
use parallax_web::format_value;
use yew::prelude::*;

fn source_label(i: usize) -> String {
    format!("S{}", i + 1)
}

/// `file -> S<n>` for the documents of an analysis.
fn labels(a: &Analysis) -> BTreeMap<&str, String> {
    a.documents.iter().enumerate().map(|(i, d)| (d.file.as_str(), source_label(i))).collect()
}

fn dash(s: &Option<String>) -> Html {
    match s {
        Some(s) if !s.trim().is_empty() => html! { { s.clone() } },
        _ => html! { <span class="muted">{ "—" }</span> },
    }
}

fn doc_name(d: &DocAnalysis) -> String {
    d.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| d.file.clone())
}

pub fn analysis(a: &Analysis) -> Html {
    html! {
        <div class="results">
            if !a.errors.is_empty() { { errors(&a.errors) } }
            { sources(a) }
            { stance_matrix(a) }
            { figures(a) }
            { quotes(a) }
        </div>
    }
}

pub fn errors(errors: &[FileError]) -> Html {
    html! {
        <section class="panel errors" aria-label="Files that could not be analysed">
            <h2>{ format!("Files not analysed ({})", errors.len()) }</h2>
            <ul>
                { for errors.iter().map(|e| html! {
                    <li><strong>{ &e.file }</strong>{ ": " }{ &e.message }
                        <span class="code">{ &e.code }</span></li>
                }) }
            </ul>
        </section>
    }
}

fn furniture_summary(d: &DocAnalysis) -> Html {
    if d.furniture.is_empty() {
        return html! { <span class="muted">{ "nothing" }</span> };
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for f in &d.furniture {
        let kind = serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default();
        *counts.entry(kind).or_default() += 1;
    }
    let summary = counts
        .iter()
        .map(|(k, n)| if *n == 1 { k.clone() } else { format!("{k} ×{n}") })
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <details class="furniture">
            <summary>{ summary }</summary>
            <ul>
                { for d.furniture.iter().map(|f| html! {
                    <li><span class="kind">{ format!("{:?}", f.kind).to_lowercase() }</span>{ &f.text }</li>
                }) }
            </ul>
        </details>
    }
}

fn sources(a: &Analysis) -> Html {
    html! {
        <section class="panel" id="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">{ format!("Sources ({})", a.documents.len()) }</h2>
            <div class="table-wrap">
                <table class="sources">
                    <thead><tr>
                        <th scope="col">{ "" }</th><th scope="col">{ "Title" }</th><th scope="col">{ "Outlet" }</th>
                        <th scope="col">{ "Author" }</th><th scope="col">{ "Date" }</th>
                        <th scope="col" class="num">{ "Words" }</th><th scope="col">{ "Stripped as furniture" }</th>
                    </tr></thead>
                    <tbody>
                        { for a.documents.iter().enumerate().map(|(i, d)| html! {
                            <tr>
                                <td><span class="src">{ source_label(i) }</span></td>
                                <td class="title">{ doc_name(d) }<div class="file">{ &d.file }</div></td>
                                <td>{ dash(&d.outlet) }</td>
                                <td>{ dash(&d.author) }</td>
                                <td class="nowrap">{ dash(&d.published) }</td>
                                <td class="num">{ format_value(d.words as f64) }</td>
                                <td>{ furniture_summary(d) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn figures(a: &Analysis) -> Html {
    let labels = labels(a);
    let rows: Vec<Html> = a
        .documents
        .iter()
        .flat_map(|d| {
            let label = labels.get(d.file.as_str()).cloned().unwrap_or_default();
            d.figures.iter().map(move |f| {
                let value = match f.value_high {
                    Some(h) => format!("{}–{}", format_value(f.value), format_value(h)),
                    None => format_value(f.value),
                };
                html! {
                    <tr>
                        <td><span class="src" title={d.file.clone()}>{ label.clone() }</span></td>
                        <td class="quote-text">{ &f.text }</td>
                        <td class="num">{ value }</td>
                        <td>{ &f.unit }</td>
                        <td>{ dash(&f.per) }</td>
                        <td class="center">{ &f.change }</td>
                        <td>{ dash(&f.measure) }</td>
                    </tr>
                }
            })
        })
        .collect();
    let n = rows.len();
    html! {
        <section class="panel" id="figures" aria-labelledby="figures-h">
            <h2 id="figures-h">{ format!("Figures ({n})") }</h2>
            if n == 0 {
                <p class="muted">{ "No figures found." }</p>
            } else {
                <div class="table-wrap tall">
                    <table class="figures">
                        <thead><tr>
                            <th scope="col">{ "Source" }</th><th scope="col">{ "Text" }</th>
                            <th scope="col" class="num">{ "Value" }</th><th scope="col">{ "Unit" }</th>
                            <th scope="col">{ "Per" }</th><th scope="col">{ "Change" }</th><th scope="col">{ "Measure" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn polarity_class(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "support",
        Polarity::Oppose => "oppose",
        Polarity::Mixed => "mixed",
        Polarity::Neutral => "neutral",
    }
}

fn polarity_label(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "supports",
        Polarity::Oppose => "opposes",
        Polarity::Mixed => "mixed",
        Polarity::Neutral => "neutral",
    }
}

fn stance_matrix(a: &Analysis) -> Html {
    let labels = labels(a);
    // Columns: the issues in the analysis order, then any issue only the stances name.
    let mut issues: Vec<(String, String)> = a.issues.iter().map(|i| (i.id.clone(), i.label.clone())).collect();
    for s in &a.stances {
        if !issues.iter().any(|(id, _)| *id == s.issue_id) {
            issues.push((s.issue_id.clone(), s.issue.clone()));
        }
    }
    issues.retain(|(id, _)| a.stances.iter().any(|s| s.issue_id == *id));
    // Rows: actors with a stance, in the analysis' actor order (most prominent first).
    let rank = |name: &str| a.actors.iter().position(|x| x.name == name).unwrap_or(usize::MAX);
    let mut actors: Vec<&str> = Vec::new();
    for s in &a.stances {
        if !actors.contains(&s.actor.as_str()) {
            actors.push(&s.actor);
        }
    }
    actors.sort_by_key(|n| (rank(n), n.to_string()));
    let mut cells: BTreeMap<(&str, &str), Vec<&Stance>> = BTreeMap::new();
    for s in &a.stances {
        cells.entry((s.actor.as_str(), s.issue_id.as_str())).or_default().push(s);
    }

    let chip = |s: &Stance| {
        let src = labels.get(s.document.as_str()).cloned().unwrap_or_else(|| s.document.clone());
        let title = format!("{src} ({}): {} — cue “{}”: {}", s.document, polarity_label(s.polarity), s.cue, s.evidence);
        html! {
            <li class={classes!("chip", polarity_class(s.polarity))} title={title}>
                <span class="chip-src">{ src }</span>{ " " }{ polarity_label(s.polarity) }
            </li>
        }
    };

    html! {
        <section class="panel" id="stances" aria-labelledby="stances-h">
            <h2 id="stances-h">{ "Stance matrix" }</h2>
            if a.stances.is_empty() {
                <p class="muted">{ "No stances found: no actor takes a recognisable position on an issue in these sources." }</p>
            } else {
                <p class="legend">
                    { "Each chip is one source's report of an actor's position. " }
                    <span class="chip support">{ "supports" }</span>
                    <span class="chip oppose">{ "opposes" }</span>
                    <span class="chip mixed">{ "mixed" }</span>
                    <span class="chip neutral">{ "neutral" }</span>
                </p>
                <div class="table-wrap">
                    <table class="matrix">
                        <thead><tr>
                            <th scope="col">{ "Actor \\ issue" }</th>
                            { for issues.iter().map(|(_, label)| html! { <th scope="col">{ label }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for actors.iter().map(|actor| html! {
                                <tr>
                                    <th scope="row">{ *actor }</th>
                                    { for issues.iter().map(|(id, _)| html! {
                                        <td>
                                            if let Some(list) = cells.get(&(*actor, id.as_str())) {
                                                <ul class="chips">{ for list.iter().map(|s| chip(s)) }</ul>
                                            }
                                        </td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn quotes(a: &Analysis) -> Html {
    let total: usize = a.documents.iter().map(|d| d.quotes.len()).sum();
    html! {
        <section class="panel" id="quotes" aria-labelledby="quotes-h">
            <h2 id="quotes-h">{ format!("Quotes ({total})") }</h2>
            { for a.documents.iter().enumerate().map(|(i, d)| html! {
                <details class="doc-quotes" open={i == 0}>
                    <summary>
                        <span class="src">{ source_label(i) }</span>{ " " }{ doc_name(d) }
                        <span class="muted">{ format!(" — {} quote{}", d.quotes.len(), if d.quotes.len() == 1 { "" } else { "s" }) }</span>
                    </summary>
                    if d.quotes.is_empty() {
                        <p class="muted">{ "No quotes found." }</p>
                    } else {
                        <ul class="quotes">
                            { for d.quotes.iter().map(|q| {
                                let speaker = q.speaker.clone().or_else(|| q.speaker_text.clone());
                                let kind = format!("{:?}", q.kind).to_lowercase();
                                html! {
                                    <li>
                                        <blockquote class={classes!(kind.clone())}>
                                            if q.kind == parallax_core::QuoteKind::Indirect { { &q.text } }
                                            else { { format!("“{}”", q.text) } }
                                        </blockquote>
                                        <div class="speaker">
                                            { "— " }
                                            { match speaker {
                                                Some(s) => html! { <strong>{ s }</strong> },
                                                None => html! { <span class="muted">{ "unattributed" }</span> },
                                            } }
                                            if q.anonymous { <span class="tag">{ "anonymous" }</span> }
                                            <span class="tag">{ kind }</span>
                                            if let Some(cue) = &q.cue { <span class="muted">{ format!(" ({cue})") }</span> }
                                        </div>
                                    </li>
                                }
                            }) }
                        </ul>
                    }
                </details>
            }) }
        </section>
    }
}
