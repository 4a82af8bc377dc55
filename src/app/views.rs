//! Rendering of an [`Analysis`]: sources, figures, stance matrix, quotes, errors.
//!
//! Pure functions from data to `Html`. Sources are labelled `S1`, `S2`, … in document
//! order everywhere, so a reader can follow one source across the panels. Polarity is
//! shown by colour *and* by a text label, so the matrix does not rely on colour alone.

use std::collections::BTreeMap;

use std::rc::Rc;

use parallax_core::compare::IssueEdit;
use parallax_core::{Analysis, DocAnalysis, FileError, Polarity, Span, Stance};
use parallax_web::format_value;
use web_sys::KeyboardEvent;
use yew::prelude::*;

mod compare;
mod reader;

pub use parallax_web::view_model::{disagrees, ReaderTarget, Tab, ViewState};

fn source_label(i: usize) -> String {
    format!("S{}", i + 1)
}

/// `file -> S<n>` for the documents of an analysis.
fn labels(a: &Analysis) -> BTreeMap<&str, String> {
    a.documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.as_str(), source_label(i)))
        .collect()
}

fn dash(s: &Option<String>) -> Html {
    match s {
        Some(s) if !s.trim().is_empty() => html! { { s.clone() } },
        _ => html! { <span class="muted">{ "—" }</span> },
    }
}

fn doc_name(d: &DocAnalysis) -> String {
    d.title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| d.file.clone())
}

#[derive(Properties)]
pub struct ResultsProps {
    pub analysis: Rc<Analysis>,
    pub view: ViewState,
    pub on_view: Callback<ViewState>,
    pub on_issue_edit: Callback<IssueEdit>,
    pub issue_edits: Vec<IssueEdit>,
    pub on_reset_issues: Callback<()>,
    pub on_remove_source: Callback<String>,
}

impl PartialEq for ResultsProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.analysis, &o.analysis)
            && self.view == o.view
            && self.on_view == o.on_view
            && self.on_issue_edit == o.on_issue_edit
            && self.issue_edits == o.issue_edits
            && self.on_reset_issues == o.on_reset_issues
            && self.on_remove_source == o.on_remove_source
    }
}

/// The results: a tab list over the views, one view shown at a time. The view state is
/// owned by the page (persisted, shared); this component only renders it and emits changes.
#[function_component(Results)]
pub fn results(p: &ResultsProps) -> Html {
    let a = &*p.analysis;
    let view = &p.view;
    // After a tab change by keyboard, keep focus on the newly selected tab; after opening
    // the Reader, bring the target passage into view and focus it.
    {
        let tab = view.tab;
        let target = view.reader.clone();
        use_effect_with((tab, target), move |(tab, target)| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let active_is_tab = doc
                    .active_element()
                    .and_then(|e| e.get_attribute("role"))
                    .is_some_and(|r| r == "tab");
                if active_is_tab {
                    if let Some(el) = doc.get_element_by_id(&format!("tab-{}", tab.id())) {
                        if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = h.focus();
                        }
                    }
                } else if *tab == Tab::Reader && target.is_some() {
                    if let Some(el) = doc.get_element_by_id("reader-target") {
                        el.scroll_into_view_with_bool(false);
                        if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = h.focus();
                        }
                    }
                }
            }
        });
    }
    let on_key = {
        let (v, cb) = (view.clone(), p.on_view.clone());
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => v.tab.step(1),
                "ArrowLeft" => v.tab.step(-1),
                "Home" => Tab::ALL[0],
                "End" => Tab::ALL[Tab::ALL.len() - 1],
                _ => return,
            };
            e.prevent_default();
            cb.emit(v.with_tab(next));
        })
    };
    let labels = labels(a);
    let panel = match view.tab {
        Tab::Sources => sources(a, view, &p.on_view, &p.on_remove_source),
        Tab::Stances => html! {
            <>
                { stance_matrix(a, view, &p.on_view) }
                <compare::IssueEditor issues={a.issues.iter().map(|i| (i.id.clone(), i.label.clone())).collect::<Vec<_>>()}
                    edits={p.issue_edits.clone()} on_edit={p.on_issue_edit.clone()} on_reset={p.on_reset_issues.clone()} />
            </>
        },
        Tab::Figures => html! {
            <section class="panel" id="figures" aria-labelledby="figures-h">
                <h2 id="figures-h">{ "Figures" }</h2>
                { compare::figure_groups(a, &labels, view, &p.on_view) }
                { figures(a, view, &p.on_view) }
            </section>
        },
        Tab::Quotes => html! {
            <section class="panel" id="quotes" aria-labelledby="quotes-h">
                <h2 id="quotes-h">{ "Quotes" }</h2>
                { compare::quote_groups(a, &labels, view, &p.on_view) }
                { compare::voice(a, &labels) }
                { quotes(a, view, &p.on_view) }
            </section>
        },
        Tab::Differences => html! {
            <section class="panel" id="differences" aria-labelledby="differences-h">
                <h2 id="differences-h">{ "Differences" }</h2>
                { compare::differences(a, &labels) }
            </section>
        },
        Tab::Reader => reader_view(a, view, &p.on_view),
    };
    let count = |t: Tab| -> Option<usize> {
        match t {
            Tab::Sources => Some(a.documents.len()),
            Tab::Stances => Some(a.stances.len()),
            Tab::Figures => Some(a.figure_groups.len()),
            Tab::Quotes => Some(a.documents.iter().map(|d| d.quotes.len()).sum()),
            Tab::Differences => Some(a.conflicts.len() + a.blindspots.len()),
            Tab::Reader => None,
        }
    };
    html! {
        <div class="results">
            if !a.errors.is_empty() { { errors(&a.errors) } }
            <div class="tabs" role="tablist" aria-label="Views" onkeydown={on_key}>
                { for Tab::ALL.iter().map(|&t| {
                    let selected = t == view.tab;
                    let next = view.with_tab(t);
                    let cb = p.on_view.clone();
                    html! {
                        <button type="button" role="tab" id={format!("tab-{}", t.id())} aria-selected={selected.to_string()}
                            aria-controls="view-panel" tabindex={if selected { "0" } else { "-1" }} class={classes!("tab", selected.then_some("active"))}
                            onclick={Callback::from(move |_| cb.emit(next.clone()))}>
                            { t.label() }
                            if let Some(n) = count(t) { <span class="count">{ n }</span> }
                        </button>
                    }
                }) }
            </div>
            <div id="view-panel" role="tabpanel" aria-labelledby={format!("tab-{}", view.tab.id())}>
                { panel }
            </div>
        </div>
    }
}

fn reader_view(a: &Analysis, view: &ViewState, on_view: &Callback<ViewState>) -> Html {
    let target = view.reader.clone();
    let doc = target
        .as_ref()
        .and_then(|t| a.documents.iter().find(|d| d.file == t.document))
        .or_else(|| a.documents.first());
    let Some(d) = doc else {
        return html! { <section class="panel" id="reader"><p class="muted">{ "No document to read." }</p></section> };
    };
    let span = target
        .as_ref()
        .filter(|t| t.document == d.file)
        .map(|t| Span {
            start: t.start,
            end: t.end,
        });
    let back = view.back.filter(|t| *t != Tab::Reader).map(|t| {
        let next = ViewState { tab: t, back: None, ..view.clone() };
        let cb = on_view.clone();
        html! { <button type="button" id="reader-back" onclick={Callback::from(move |_| cb.emit(next.clone()))}>{ format!("← Back to {}", t.label()) }</button> }
    });
    let on_switch = {
        let (v, cb) = (view.clone(), on_view.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            cb.emit(ViewState {
                reader: Some(ReaderTarget {
                    document: file,
                    start: 0,
                    end: 0,
                }),
                ..v.clone()
            });
        })
    };
    let labels = labels(a);
    html! {
        <section class="panel" id="reader" aria-labelledby="reader-h">
            <div class="reader-bar">
                { back.unwrap_or_default() }
                <label>{ "Source " }
                    <select id="reader-source" onchange={on_switch}>
                        { for a.documents.iter().map(|x| html! {
                            <option value={x.file.clone()} selected={x.file == d.file}>
                                { format!("{} {}", labels.get(x.file.as_str()).cloned().unwrap_or_default(), doc_name(x)) }
                            </option>
                        }) }
                    </select>
                </label>
            </div>
            <h2 id="reader-h"><span class="src">{ labels.get(d.file.as_str()).cloned().unwrap_or_default() }</span>{ " " }{ doc_name(d) }</h2>
            <p class="muted">{ [d.outlet.clone(), d.author.clone(), d.published.clone(), Some(d.file.clone())].into_iter().flatten().collect::<Vec<_>>().join(" · ") }</p>
            { reader::legend() }
            { reader::render(d, span) }
        </section>
    }
}

/// A reader link for a span of a document.
fn open_button(
    doc: &str,
    span: Span,
    label: &str,
    view: &ViewState,
    on_view: &Callback<ViewState>,
) -> Html {
    let next = view.open(ReaderTarget {
        document: doc.to_string(),
        start: span.start,
        end: span.end,
    });
    let cb = on_view.clone();
    html! {
        <button type="button" class="open" title="Show in the article (Reader)" onclick={Callback::from(move |_| cb.emit(next.clone()))}>{ label.to_string() }</button>
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
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
            .unwrap_or_default();
        *counts.entry(kind).or_default() += 1;
    }
    let summary = counts
        .iter()
        .map(|(k, n)| {
            if *n == 1 {
                k.clone()
            } else {
                format!("{k} ×{n}")
            }
        })
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

fn sources(
    a: &Analysis,
    view: &ViewState,
    on_view: &Callback<ViewState>,
    on_remove: &Callback<String>,
) -> Html {
    let n = a.documents.len();
    let shown = if n > parallax_web::view_model::SOURCES_PAGE_OVER && !view.sources_all {
        parallax_web::view_model::SOURCES_SHOWN
    } else {
        n
    };
    // story number and label per document
    let story: BTreeMap<&str, (usize, &str)> = a
        .stories
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.documents
                .iter()
                .map(move |f| (f.as_str(), (i + 1, s.label.as_str())))
        })
        .collect();
    let shared = a.stories.iter().filter(|s| s.documents.len() > 1).count();
    // one story: the column would repeat one label on every row
    let many = a.stories.len() > 1;
    html! {
        <section class="panel" id="sources" aria-labelledby="sources-h">
            <h2 id="sources-h">{ format!("Sources ({})", a.documents.len()) }</h2>
            if many {
                <p class="muted stories-summary">{ format!(
                    "{} stories ({} told by more than one source). Omissions are only compared among sources of one story.",
                    a.stories.len(), shared) }</p>
            }
            <div class="table-wrap">
                <table class="sources">
                    <thead><tr>
                        <th scope="col">{ "" }</th><th scope="col">{ "Title" }</th><th scope="col">{ "Outlet" }</th>
                        <th scope="col">{ "Author" }</th><th scope="col">{ "Date" }</th>
                        if many { <th scope="col">{ "Story" }</th> }
                        <th scope="col" class="num">{ "Words" }</th>
                        <th scope="col" class="num" title="actors / figures / quotes / stances">{ "Found" }</th>
                        <th scope="col">{ "Stripped as furniture" }</th><th scope="col"><span class="sr-only">{ "Actions" }</span></th>
                    </tr></thead>
                    <tbody>
                        { for a.documents.iter().take(shown).enumerate().map(|(i, d)| html! {
                            <tr>
                                <td><span class="src">{ source_label(i) }</span></td>
                                <td class="title">{ doc_name(d) }<div class="file">{ &d.file }</div></td>
                                <td>{ dash(&d.outlet) }</td>
                                <td>{ dash(&d.author) }</td>
                                <td class="nowrap">{ dash(&d.published) }</td>
                                if many {
                                    <td class="story">{ match story.get(d.file.as_str()) {
                                        Some((n, label)) => html! { <><span class="tag">{ format!("#{n}") }</span>{ " " }{ *label }</> },
                                        None => html! { "—" },
                                    } }</td>
                                }
                                <td class="num">{ format_value(d.words as f64) }</td>
                                <td class="num nowrap">{ format!("{} / {} / {} / {}", d.entities.len(), d.figures.len(), d.quotes.len(), d.claims.len()) }</td>
                                <td>{ furniture_summary(d) }</td>
                                <td>{ {
                                    let (cb, f) = (on_remove.clone(), d.file.clone());
                                    html! { <button type="button" class="remove" aria-label={format!("Remove {}", d.file)}
                                        onclick={Callback::from(move |_| cb.emit(f.clone()))}>{ "Remove" }</button> }
                                } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if shown < n {
                <p class="more">
                    { format!("The first {shown} of {n} sources are listed. ") }
                    <button type="button" class="btn small" id="sources-all"
                        onclick={ { let (cb, v) = (on_view.clone(), view.clone()); Callback::from(move |_| cb.emit(ViewState { sources_all: true, ..v.clone() })) } }>
                        { format!("List all {n}") }</button>
                </p>
            }
        </section>
    }
}

fn figures(a: &Analysis, view: &ViewState, on_view: &Callback<ViewState>) -> Html {
    let labels = labels(a);
    let rows: Vec<Html> = a
        .documents
        .iter()
        .filter(|d| view.fig_source.as_ref().is_none_or(|s| *s == d.file))
        .flat_map(|d| {
            let label = labels.get(d.file.as_str()).cloned().unwrap_or_default();
            d.figures.iter().filter(|f| view.fig_unit.as_ref().is_none_or(|u| *u == f.unit)).map(move |f| {
                let value = match f.value_high {
                    Some(h) => format!("{}–{}", format_value(f.value), format_value(h)),
                    None => format_value(f.value),
                };
                html! {
                    <tr>
                        <td><span class="src" title={d.file.clone()}>{ label.clone() }</span></td>
                        <td class="quote-text">{ open_button(&d.file, f.span, &f.text, view, on_view) }</td>
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
        <section class="subpanel" id="figure-list" aria-labelledby="figure-list-h">
            <h3 id="figure-list-h">{ format!("Every figure ({n})") }</h3>
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

fn stance_matrix(a: &Analysis, view: &ViewState, on_view: &Callback<ViewState>) -> Html {
    let labels = labels(a);
    // Columns: the issues in the analysis order, then any issue only the stances name.
    let mut issues: Vec<(String, String)> = a
        .issues
        .iter()
        .map(|i| (i.id.clone(), i.label.clone()))
        .collect();
    for s in &a.stances {
        if !issues.iter().any(|(id, _)| *id == s.issue_id) {
            issues.push((s.issue_id.clone(), s.issue.clone()));
        }
    }
    issues.retain(|(id, _)| a.stances.iter().any(|s| s.issue_id == *id));
    // Rows: actors with a stance, in the analysis' actor order (most prominent first).
    let rank = |name: &str| {
        a.actors
            .iter()
            .position(|x| x.name == name)
            .unwrap_or(usize::MAX)
    };
    let mut actors: Vec<&str> = Vec::new();
    for s in &a.stances {
        if !actors.contains(&s.actor.as_str()) {
            actors.push(&s.actor);
        }
    }
    actors.sort_by_key(|n| (rank(n), n.to_string()));
    let mut cells: BTreeMap<(&str, &str), Vec<&Stance>> = BTreeMap::new();
    for s in &a.stances {
        cells
            .entry((s.actor.as_str(), s.issue_id.as_str()))
            .or_default()
            .push(s);
    }

    let chip = |s: &Stance| {
        let src = labels
            .get(s.document.as_str())
            .cloned()
            .unwrap_or_else(|| s.document.clone());
        let title = format!(
            "{src} ({}): {} — cue “{}”: {}",
            s.document,
            polarity_label(s.polarity),
            s.cue,
            s.evidence
        );
        let next = view.open(ReaderTarget {
            document: s.document.clone(),
            start: s.evidence_span.start,
            end: s.evidence_span.end,
        });
        let cb = on_view.clone();
        html! {
            <li class={classes!("chip", polarity_class(s.polarity))} title={title}><button type="button" class="chip-btn"
                    aria-label={format!("{src} {}: open the evidence", polarity_label(s.polarity))}
                    onclick={Callback::from(move |_| cb.emit(next.clone()))}>
                <span class="chip-src">{ src }</span>{ " " }{ polarity_label(s.polarity) }
            </button></li>
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
                                        if let Some(list) = cells.get(&(*actor, id.as_str())) {
                                            if disagrees(list) {
                                                <td class="disagree"><span class="flag">{ "⚠ disagree" }</span>
                                                    <ul class="chips">{ for list.iter().map(|s| chip(s)) }</ul></td>
                                            } else {
                                                <td><ul class="chips">{ for list.iter().map(|s| chip(s)) }</ul></td>
                                            }
                                        } else { <td></td> }
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

fn quotes(a: &Analysis, view: &ViewState, on_view: &Callback<ViewState>) -> Html {
    let total: usize = a.documents.iter().map(|d| d.quotes.len()).sum();
    html! {
        <section class="subpanel" id="quote-list" aria-labelledby="quote-list-h">
            <h3 id="quote-list-h">{ format!("Every quote, by source ({total})") }</h3>
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
                                            { " " }{ open_button(&d.file, q.span, "in text", view, on_view) }
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
