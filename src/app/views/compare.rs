//! Cross-source views: figure groups (sortable, filterable), quote groups and voice share,
//! differences (conflicts and blindspots), and the issue editor under the stance matrix.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::compare::IssueEdit;
use parallax_core::{Analysis, GroupMember};
use parallax_web::format_value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use parallax_web::view_model::{group_sources, select_groups, FigureSort, ReaderTarget, ViewState};

/// A button showing `S<n>: text` that opens a group member in the Reader.
fn member_button(
    labels: &BTreeMap<&str, String>,
    m: &GroupMember,
    shown: String,
    view: &ViewState,
    on_view: &Callback<ViewState>,
) -> Html {
    let src = labels
        .get(m.document.as_str())
        .cloned()
        .unwrap_or_else(|| m.document.clone());
    let target = ReaderTarget {
        document: m.document.clone(),
        start: m.span.start,
        end: m.span.end,
    };
    let next = view.open(target);
    let on_view = on_view.clone();
    html! {
        <button type="button" class="member" title={format!("{} — open in the Reader", m.document)}
            onclick={Callback::from(move |_| on_view.emit(next.clone()))}>
            <span class="src">{ src }</span>{ " " }{ shown }
        </button>
    }
}

pub fn figure_groups(
    a: &Analysis,
    labels: &BTreeMap<&str, String>,
    view: &ViewState,
    on_view: &Callback<ViewState>,
) -> Html {
    let units: BTreeSet<&str> = a.figure_groups.iter().map(|g| g.unit.as_str()).collect();
    let groups = select_groups(a, view);
    let header = |col: FigureSort, label: &str| {
        let active = view.fig_sort == col;
        let sort = if !active {
            "none"
        } else if view.fig_desc {
            "descending"
        } else {
            "ascending"
        };
        let next = ViewState {
            fig_sort: col,
            fig_desc: active && !view.fig_desc,
            ..view.clone()
        };
        let on_view = on_view.clone();
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" onclick={Callback::from(move |_| on_view.emit(next.clone()))}>
                    { label }{ if !active { " ↕" } else if view.fig_desc { " ↓" } else { " ↑" } }
                </button>
            </th>
        }
    };
    let on_source = {
        let (v, cb) = (view.clone(), on_view.clone());
        Callback::from(move |e: Event| {
            let s = e.target_unchecked_into::<HtmlInputElement>().value();
            cb.emit(ViewState {
                fig_source: (!s.is_empty()).then_some(s),
                ..v.clone()
            });
        })
    };
    let on_unit = {
        let (v, cb) = (view.clone(), on_view.clone());
        Callback::from(move |e: Event| {
            let s = e.target_unchecked_into::<HtmlInputElement>().value();
            cb.emit(ViewState {
                fig_unit: (!s.is_empty()).then_some(s),
                ..v.clone()
            });
        })
    };
    let on_conflicts = {
        let (v, cb) = (view.clone(), on_view.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            cb.emit(ViewState {
                fig_conflicts_only: on,
                ..v.clone()
            });
        })
    };
    let conflicts = a
        .figure_groups
        .iter()
        .filter(|g| g.status == "conflict")
        .count();
    html! {
        <section class="subpanel" id="figure-groups" aria-labelledby="figure-groups-h">
            <h3 id="figure-groups-h">{ format!("Across sources: {} measures, {} in conflict", a.figure_groups.len(), conflicts) }</h3>
            <div class="filters" role="group" aria-label="Filter figures">
                <label>{ "Source " }
                    <select id="fig-source" onchange={on_source}>
                        <option value="" selected={view.fig_source.is_none()}>{ "all" }</option>
                        { for a.documents.iter().map(|d| {
                            let l = labels.get(d.file.as_str()).cloned().unwrap_or_default();
                            html! { <option value={d.file.clone()} selected={view.fig_source.as_deref() == Some(d.file.as_str())}>{ format!("{l} {}", d.file) }</option> }
                        }) }
                    </select>
                </label>
                <label>{ "Unit " }
                    <select id="fig-unit" onchange={on_unit}>
                        <option value="" selected={view.fig_unit.is_none()}>{ "all" }</option>
                        { for units.iter().map(|u| html! { <option value={u.to_string()} selected={view.fig_unit.as_deref() == Some(*u)}>{ *u }</option> }) }
                    </select>
                </label>
                <label><input type="checkbox" id="fig-conflicts" checked={view.fig_conflicts_only} onchange={on_conflicts} />{ " conflicts only" }</label>
                <span class="muted" aria-live="polite">{ format!(" {} shown", groups.len()) }</span>
            </div>
            <div class="table-wrap">
                <table class="figure-groups">
                    <thead><tr>
                        { header(FigureSort::Measure, "Measure") }
                        { header(FigureSort::Unit, "Unit") }
                        <th scope="col">{ "Values by source (normalised)" }</th>
                        { header(FigureSort::Sources, "Sources") }
                        { header(FigureSort::Status, "Status") }
                    </tr></thead>
                    <tbody>
                        { for groups.iter().map(|g| {
                            let srcs = group_sources(g).len();
                            let unit = match &g.per { Some(p) => format!("{} per {p}", g.unit), None => g.unit.clone() };
                            html! {
                                <tr class={classes!(g.status.clone())} data-status={g.status.clone()}>
                                    <th scope="row">{ &g.measure }</th>
                                    <td>{ unit }</td>
                                    <td><ul class="members">
                                        { for g.members.iter().enumerate().map(|(i, m)| {
                                            let v = g.normalised.get(i).map(|v| format_value(*v)).unwrap_or_default();
                                            html! { <li>{ member_button(labels, m, format!("{v} — “{}”", m.text), view, on_view) }</li> }
                                        }) }
                                    </ul></td>
                                    <td class="num">{ srcs }</td>
                                    <td><span class={classes!("status", g.status.clone())}>{ match g.status.as_str() {
                                        "conflict" => "⚠ conflict".to_string(),
                                        "agree" => "✓ agree".to_string(),
                                        "single" => "single source".to_string(),
                                        s => s.to_string(),
                                    } }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn quote_groups(
    a: &Analysis,
    labels: &BTreeMap<&str, String>,
    view: &ViewState,
    on_view: &Callback<ViewState>,
) -> Html {
    html! {
        <section class="subpanel" id="quote-groups" aria-labelledby="quote-groups-h">
            <h3 id="quote-groups-h">{ format!("The same remark across sources ({})", a.quote_groups.len()) }</h3>
            if a.quote_groups.is_empty() {
                <p class="muted">{ "No remark appears in more than one source." }</p>
            } else {
                <ul class="quote-groups">
                    { for a.quote_groups.iter().map(|g| {
                        let named: BTreeSet<&str> = g.speakers.iter().flatten().map(|s| s.as_str()).collect();
                        let conflict = named.len() > 1;
                        html! {
                            <li class={classes!(conflict.then_some("speaker-conflict"))}>
                                <span class="tag">{ &g.relation }</span>
                                if conflict { <span class="flag">{ format!("⚠ speaker conflict: {}", named.iter().copied().collect::<Vec<_>>().join(" vs ")) }</span> }
                                <ul class="members">
                                    { for g.members.iter().enumerate().map(|(i, m)| {
                                        let who = g.speakers.get(i).cloned().flatten().unwrap_or_else(|| "unattributed".into());
                                        html! { <li>{ member_button(labels, m, format!("“{}” — {who}", m.text), view, on_view) }</li> }
                                    }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

pub fn voice(a: &Analysis, labels: &BTreeMap<&str, String>) -> Html {
    let mut speakers: BTreeMap<&str, usize> = BTreeMap::new();
    for per in a.voice.values() {
        for (s, n) in per {
            *speakers.entry(s.as_str()).or_default() += n;
        }
    }
    let mut rows: Vec<(&str, usize)> = speakers.into_iter().collect();
    rows.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
    let docs: Vec<&str> = a.documents.iter().map(|d| d.file.as_str()).collect();
    let totals: BTreeMap<&str, usize> = docs
        .iter()
        .map(|d| (*d, a.voice.get(*d).map(|m| m.values().sum()).unwrap_or(0)))
        .collect();
    html! {
        <section class="subpanel" id="voice" aria-labelledby="voice-h">
            <h3 id="voice-h">{ "Who gets a voice: share of each source's quotes" }</h3>
            <div class="table-wrap">
                <table class="voice">
                    <thead><tr>
                        <th scope="col">{ "Speaker" }</th>
                        { for docs.iter().map(|d| html! { <th scope="col" class="num" title={d.to_string()}>{ labels.get(d).cloned().unwrap_or_default() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|(s, _)| html! {
                            <tr>
                                <th scope="row">{ *s }</th>
                                { for docs.iter().map(|d| {
                                    let n = a.voice.get(*d).and_then(|m| m.get(*s)).copied().unwrap_or(0);
                                    let t = totals[d];
                                    if n == 0 { html! { <td class="num muted">{ "—" }</td> } } else {
                                        let pct = (n * 100 + t / 2) / t.max(1);
                                        html! { <td class="num"><meter min="0" max="100" value={pct.to_string()} aria-hidden="true"></meter>{ format!(" {n} ({pct}%)") }</td> }
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

pub fn differences(a: &Analysis, labels: &BTreeMap<&str, String>) -> Html {
    let many_stories = a.stories.len() > 1;
    let story_label = |id: &str| match a.stories.iter().position(|s| s.id == id) {
        Some(i) => format!("#{} {}", i + 1, a.stories[i].label),
        None => id.to_string(),
    };
    let label_list = |files: &[String]| {
        files
            .iter()
            .map(|f| labels.get(f.as_str()).cloned().unwrap_or_else(|| f.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        <>
            <section class="subpanel" id="conflicts" aria-labelledby="conflicts-h">
                <h3 id="conflicts-h">{ format!("Conflicts between sources ({})", a.conflicts.len()) }</h3>
                if a.conflicts.is_empty() { <p class="muted">{ "The sources do not contradict each other on titles, speakers, figures or dates." }</p> }
                else {
                    <div class="table-wrap"><table class="conflicts">
                        <thead><tr><th scope="col">{ "Kind" }</th><th scope="col">{ "About" }</th><th scope="col">{ "What each source says" }</th><th scope="col">{ "Note" }</th></tr></thead>
                        <tbody>
                            { for a.conflicts.iter().map(|c| html! {
                                <tr data-kind={c.kind.clone()}>
                                    <td><span class="tag">{ &c.kind }</span></td>
                                    <td>{ match &c.actor { Some(x) => format!("{x}: {}", c.about), None => c.about.clone() } }</td>
                                    <td><ul class="values">{ for c.values.iter().map(|(f, v)| html! {
                                        <li><span class="src" title={f.clone()}>{ labels.get(f.as_str()).cloned().unwrap_or_else(|| f.clone()) }</span>{ " " }{ v }</li>
                                    }) }</ul></td>
                                    <td>{ &c.message }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table></div>
                }
            </section>
            <section class="subpanel" id="blindspots" aria-labelledby="blindspots-h">
                <h3 id="blindspots-h">{ format!("Only some sources carry ({})", a.blindspots.len()) }</h3>
                if a.blindspots.is_empty() { <p class="muted">{ "Every source carries the same actors, figures and quotes." }</p> }
                else {
                    <div class="table-wrap"><table class="blindspots">
                        <thead><tr>
                            if many_stories { <th scope="col">{ "Story" }</th> }
                            <th scope="col">{ "Kind" }</th><th scope="col">{ "What" }</th><th scope="col">{ "In" }</th><th scope="col">{ "Missing from" }</th>
                        </tr></thead>
                        <tbody>
                            { for a.blindspots.iter().map(|b| html! {
                                <tr data-kind={b.kind.clone()}>
                                    if many_stories {
                                        <td>{ story_label(&b.story) }</td>
                                    }
                                    <td><span class="tag">{ &b.kind }</span></td>
                                    <td>{ &b.what }</td>
                                    <td class="nowrap">{ label_list(&b.present_in) }</td>
                                    <td class="nowrap">{ label_list(&b.missing_from) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table></div>
                }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct IssueEditorProps {
    /// (id, label) of the current issues.
    pub issues: Vec<(String, String)>,
    pub edits: Vec<IssueEdit>,
    pub on_edit: Callback<IssueEdit>,
    pub on_reset: Callback<()>,
}

fn input_value(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>()
        .map(|i| i.value().trim().to_string())
        .unwrap_or_default()
}

fn clear(r: &NodeRef) {
    if let Some(i) = r.cast::<HtmlInputElement>() {
        i.set_value("");
    }
}

/// Add, rename, merge and delete issues. Every change becomes one [`IssueEdit`]; the page
/// recomputes the comparison with all edits so far.
#[function_component(IssueEditor)]
pub fn issue_editor(p: &IssueEditorProps) -> Html {
    let (add_label, add_keys, issue_sel, rename_to, merge_into) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let on_add = {
        let (l, k, cb) = (add_label.clone(), add_keys.clone(), p.on_edit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = input_value(&l);
            let keywords: Vec<String> = input_value(&k)
                .split(',')
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect();
            if !label.is_empty() {
                let keywords = if keywords.is_empty() {
                    vec![label.to_lowercase()]
                } else {
                    keywords
                };
                cb.emit(IssueEdit::Add { label, keywords });
                clear(&l);
                clear(&k);
            }
        })
    };
    let selected = {
        let s = issue_sel.clone();
        move || {
            s.cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        }
    };
    let on_rename = {
        let (sel, to, cb) = (selected.clone(), rename_to.clone(), p.on_edit.clone());
        Callback::from(move |_| {
            let (id, label) = (sel(), input_value(&to));
            if !id.is_empty() && !label.is_empty() {
                cb.emit(IssueEdit::Rename { id, label });
                clear(&to);
            }
        })
    };
    let on_merge = {
        let (sel, into, cb) = (selected.clone(), merge_into.clone(), p.on_edit.clone());
        Callback::from(move |_| {
            let (from, into) = (
                sel(),
                into.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default(),
            );
            if !from.is_empty() && !into.is_empty() && from != into {
                cb.emit(IssueEdit::Merge { from, into });
            }
        })
    };
    let on_delete = {
        let (sel, cb) = (selected, p.on_edit.clone());
        Callback::from(move |_| {
            let id = sel();
            if !id.is_empty() {
                cb.emit(IssueEdit::Delete { id });
            }
        })
    };
    let on_reset = {
        let cb = p.on_reset.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let options = || html! { { for p.issues.iter().map(|(id, l)| html! { <option value={id.clone()}>{ l }</option> }) } };
    html! {
        <section class="subpanel issue-editor" aria-labelledby="issue-editor-h">
            <h3 id="issue-editor-h">{ "Edit issues" }</h3>
            <div class="editor-row" role="group" aria-label="Change an issue">
                <label>{ "Issue " }<select id="issue-select" ref={issue_sel}>{ options() }</select></label>
                <label>{ " rename to " }<input id="issue-rename" ref={rename_to} placeholder="new label" /></label>
                <button type="button" id="issue-rename-btn" onclick={on_rename}>{ "Rename" }</button>
                <label>{ " merge into " }<select id="issue-merge-into" ref={merge_into}>{ options() }</select></label>
                <button type="button" id="issue-merge-btn" onclick={on_merge}>{ "Merge" }</button>
                <button type="button" id="issue-delete-btn" class="danger" onclick={on_delete}>{ "Delete" }</button>
            </div>
            <form class="editor-row" onsubmit={on_add} aria-label="Add an issue">
                <label>{ "New issue " }<input id="issue-add-label" ref={add_label} placeholder="label, e.g. arms exports" /></label>
                <label>{ " keywords " }<input id="issue-add-keywords" ref={add_keys} placeholder="comma-separated, e.g. arms, weapons" /></label>
                <button type="submit" id="issue-add-btn">{ "Add issue" }</button>
            </form>
            if !p.edits.is_empty() {
                <div class="editor-row applied">
                    <span>{ format!("{} edit{} applied: ", p.edits.len(), if p.edits.len() == 1 { "" } else { "s" }) }</span>
                    { for p.edits.iter().map(|e| html! { <span class="tag">{ describe(e) }</span> }) }
                    <button type="button" id="issue-reset-btn" onclick={on_reset}>{ "Reset issues" }</button>
                </div>
            }
        </section>
    }
}

fn describe(e: &IssueEdit) -> String {
    match e {
        IssueEdit::Add { label, keywords } => format!("added “{label}” ({})", keywords.join(", ")),
        IssueEdit::Rename { id, label } => format!("renamed {id} → “{label}”"),
        IssueEdit::Merge { from, into } => format!("merged {from} into {into}"),
        IssueEdit::Delete { id } => format!("deleted {id}"),
    }
}
