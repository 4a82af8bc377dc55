//! Exports of an [`Analysis`] for people who work outside Parallax: one CSV per table
//! (for a spreadsheet), and a self-contained report in Markdown or HTML (for a newsroom
//! wiki, an e-mail or an archive).
//!
//! Why here and not in the shells: the CLI (`parallax analyze --csv DIR --report FILE`)
//! and the web page must produce the same bytes for the same analysis, so the exports
//! are pure functions of the analysis, like the JSON. They are deterministic: rows come
//! in the analysis' own (already deterministic) order, maps are `BTreeMap`s and numbers
//! are printed with Rust's shortest round-trip formatting.
//!
//! Why hand-written CSV: RFC 4180 quoting is a dozen lines and keeps the core (and the
//! .wasm) free of another dependency. Text cells that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) are prefixed with
//! `'`: article text is untrusted input, and a CSV opened in a spreadsheet must not
//! execute it (OWASP "CSV injection"). Numeric cells are never prefixed.
//!
//! Why the HTML report has no script and an inline style: it is meant to be opened from
//! disk or mailed; every piece of text in it is escaped, and its own
//! Content-Security-Policy forbids scripts and remote loads even if an escaping bug
//! slipped through.

use crate::model::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// File names and contents of the CSV tables, in a fixed order.
pub fn csv_tables(a: &Analysis) -> Vec<(&'static str, String)> {
    vec![
        ("sources.csv", sources_csv(a)),
        ("stances.csv", stances_csv(a)),
        ("figures.csv", figures_csv(a)),
        ("figure_groups.csv", figure_groups_csv(a)),
        ("quotes.csv", quotes_csv(a)),
        ("quote_groups.csv", quote_groups_csv(a)),
        ("differences.csv", differences_csv(a)),
    ]
}

/// A CSV cell: a text cell (formula-guarded) or a number/code cell (verbatim).
enum Cell<'a> {
    Text(&'a str),
    Raw(String),
}

fn t(s: &str) -> Cell<'_> {
    Cell::Text(s)
}
fn n(v: impl ToString) -> Cell<'static> {
    Cell::Raw(v.to_string())
}
fn opt(s: &Option<String>) -> Cell<'_> {
    Cell::Text(s.as_deref().unwrap_or(""))
}

/// CSV writer: `\r\n` line ends (RFC 4180), quotes only where needed.
struct Csv(String);

impl Csv {
    fn new(header: &[&str]) -> Csv {
        let mut c = Csv(String::new());
        c.row(header.iter().map(|h| Cell::Raw((*h).to_string())).collect());
        c
    }
    fn row(&mut self, cells: Vec<Cell<'_>>) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            match cell {
                Cell::Text(s) => {
                    let guard =
                        matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
                    write_field(&mut self.0, s, guard);
                }
                Cell::Raw(s) => write_field(&mut self.0, s, false),
            }
        }
        self.0.push_str("\r\n");
    }
}

fn write_field(out: &mut String, s: &str, guard: bool) {
    let needs_quotes =
        guard || s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if !needs_quotes {
        out.push_str(s);
        return;
    }
    out.push('"');
    if guard {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

fn polarity(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "support",
        Polarity::Oppose => "oppose",
        Polarity::Mixed => "mixed",
        Polarity::Neutral => "neutral",
    }
}

fn format_name(f: Option<Format>) -> String {
    f.map(|f| {
        serde_json::to_value(f)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    })
    .unwrap_or_default()
}

fn quote_kind(k: QuoteKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn sources_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "file",
        "status",
        "story",
        "title",
        "outlet",
        "author",
        "published",
        "format",
        "words",
        "figures",
        "quotes",
        "actors",
        "error",
    ]);
    let story: BTreeMap<&str, &str> = a
        .stories
        .iter()
        .flat_map(|s| s.documents.iter().map(move |f| (f.as_str(), s.id.as_str())))
        .collect();
    for d in &a.documents {
        c.row(vec![
            t(&d.file),
            n("analysed"),
            t(story.get(d.file.as_str()).copied().unwrap_or("")),
            opt(&d.title),
            opt(&d.outlet),
            opt(&d.author),
            opt(&d.published),
            n(format_name(d.format)),
            n(d.words),
            n(d.figures.len()),
            n(d.quotes.len()),
            n(d.entities.len()),
            t(""),
        ]);
    }
    for e in &a.errors {
        c.row(vec![
            t(&e.file),
            n("error"),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(""),
            t(&format!("{}: {}", e.code, e.message)),
        ]);
    }
    c.0
}

fn stances_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "issue_id",
        "issue",
        "actor",
        "document",
        "polarity",
        "cue",
        "evidence",
        "evidence_start",
        "evidence_end",
    ]);
    for s in &a.stances {
        c.row(vec![
            t(&s.issue_id),
            t(&s.issue),
            t(&s.actor),
            t(&s.document),
            n(polarity(s.polarity)),
            t(&s.cue),
            t(&s.evidence),
            n(s.evidence_span.start),
            n(s.evidence_span.end),
        ]);
    }
    c.0
}

fn figures_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "document",
        "index",
        "text",
        "value",
        "value_high",
        "unit",
        "per",
        "change",
        "measure",
        "period",
        "start",
        "end",
    ]);
    for d in &a.documents {
        for (i, f) in d.figures.iter().enumerate() {
            c.row(vec![
                t(&d.file),
                n(i),
                t(&f.text),
                n(f.value),
                n(f.value_high.map(|v| v.to_string()).unwrap_or_default()),
                t(&f.unit),
                opt(&f.per),
                t(&f.change),
                opt(&f.measure),
                opt(&f.period),
                n(f.span.start),
                n(f.span.end),
            ]);
        }
    }
    c.0
}

fn figure_groups_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "group",
        "measure",
        "unit",
        "per",
        "status",
        "document",
        "figure_index",
        "text",
        "normalised",
    ]);
    for (g, fg) in a.figure_groups.iter().enumerate() {
        for (i, m) in fg.members.iter().enumerate() {
            c.row(vec![
                n(g + 1),
                t(&fg.measure),
                t(&fg.unit),
                opt(&fg.per),
                t(&fg.status),
                t(&m.document),
                n(m.index),
                t(&m.text),
                n(fg.normalised
                    .get(i)
                    .map(|v| v.to_string())
                    .unwrap_or_default()),
            ]);
        }
    }
    c.0
}

fn quotes_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "document",
        "index",
        "kind",
        "speaker",
        "speaker_text",
        "anonymous",
        "cue",
        "text",
        "start",
        "end",
    ]);
    for d in &a.documents {
        for (i, q) in d.quotes.iter().enumerate() {
            c.row(vec![
                t(&d.file),
                n(i),
                n(quote_kind(q.kind)),
                opt(&q.speaker),
                opt(&q.speaker_text),
                n(q.anonymous),
                opt(&q.cue),
                t(&q.text),
                n(q.span.start),
                n(q.span.end),
            ]);
        }
    }
    c.0
}

fn quote_groups_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "group",
        "relation",
        "document",
        "quote_index",
        "speaker",
        "text",
    ]);
    for (g, qg) in a.quote_groups.iter().enumerate() {
        for (i, m) in qg.members.iter().enumerate() {
            let speaker = qg.speakers.get(i).cloned().flatten();
            c.row(vec![
                n(g + 1),
                t(&qg.relation),
                t(&m.document),
                n(m.index),
                opt(&speaker),
                t(&m.text),
            ]);
        }
    }
    c.0
}

/// Conflicts (one row per document value) and blindspots (one row each) in one table.
fn differences_csv(a: &Analysis) -> String {
    let mut c = Csv::new(&[
        "type",
        "story",
        "kind",
        "actor",
        "about",
        "document",
        "value",
        "message",
        "present_in",
        "missing_from",
    ]);
    for k in &a.conflicts {
        for (doc, value) in &k.values {
            c.row(vec![
                n("conflict"),
                t(""),
                t(&k.kind),
                opt(&k.actor),
                t(&k.about),
                t(doc),
                t(value),
                t(&k.message),
                t(""),
                t(""),
            ]);
        }
    }
    for b in &a.blindspots {
        c.row(vec![
            n("blindspot"),
            t(&b.story),
            t(&b.kind),
            t(""),
            t(&b.what),
            t(""),
            t(""),
            t(""),
            t(&b.present_in.join("; ")),
            t(&b.missing_from.join("; ")),
        ]);
    }
    c.0
}

/// The stance matrix: (actor, issue) rows in first-seen order, per document the
/// polarities that source reports (several when a source reports several cues).
fn matrix(a: &Analysis) -> Vec<((String, String), BTreeMap<String, Vec<&'static str>>)> {
    let mut rows: Vec<((String, String), BTreeMap<String, Vec<&'static str>>)> = Vec::new();
    for s in &a.stances {
        let key = (s.actor.clone(), s.issue.clone());
        let i = match rows.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                rows.push((key, BTreeMap::new()));
                rows.len() - 1
            }
        };
        let cell = rows[i].1.entry(s.document.clone()).or_default();
        let p = polarity(s.polarity);
        if !cell.contains(&p) {
            cell.push(p);
        }
    }
    rows
}

fn doc_label(d: &DocAnalysis) -> String {
    match &d.outlet {
        Some(o) if !o.trim().is_empty() => format!("{} ({})", o, d.file),
        _ => d.file.clone(),
    }
}

/// Escapes text for a Markdown table cell: the marks Markdown (and GitHub's tables)
/// interpret inside a line are backslash-escaped, and line breaks become spaces. Block
/// syntax (`-`, `+`, `1.` at line start) cannot occur: every cell follows a `| `.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A report's content as plain sections, rendered by [`markdown_report`] and
/// [`html_report`] so the two always say the same thing.
struct Table {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn report_tables(a: &Analysis) -> Vec<Table> {
    let docs: Vec<&DocAnalysis> = a.documents.iter().collect();
    let mut tables = Vec::new();

    tables.push(Table {
        title: "Sources".into(),
        header: ["File", "Outlet", "Title", "Author", "Published", "Words"]
            .map(String::from)
            .to_vec(),
        rows: docs
            .iter()
            .map(|d| {
                vec![
                    d.file.clone(),
                    d.outlet.clone().unwrap_or_default(),
                    d.title.clone().unwrap_or_default(),
                    d.author.clone().unwrap_or_default(),
                    d.published.clone().unwrap_or_default(),
                    d.words.to_string(),
                ]
            })
            .collect(),
    });
    if !a.errors.is_empty() {
        tables.push(Table {
            title: "Files not analysed".into(),
            header: vec!["File".into(), "Reason".into()],
            rows: a
                .errors
                .iter()
                .map(|e| vec![e.file.clone(), e.message.clone()])
                .collect(),
        });
    }

    let mut header = vec!["Actor".to_string(), "Issue".to_string()];
    header.extend(docs.iter().map(|d| doc_label(d)));
    tables.push(Table {
        title: "Stance matrix".into(),
        header,
        rows: matrix(a)
            .into_iter()
            .map(|((actor, issue), cells)| {
                let mut row = vec![actor, issue];
                row.extend(docs.iter().map(|d| {
                    cells
                        .get(&d.file)
                        .map(|p| p.join(" / "))
                        .unwrap_or_else(|| "—".into())
                }));
                row
            })
            .collect(),
    });

    let mut header = vec!["Measure".to_string(), "Status".to_string()];
    header.extend(docs.iter().map(|d| doc_label(d)));
    tables.push(Table {
        title: "Figures".into(),
        header,
        rows: a
            .figure_groups
            .iter()
            .map(|g| {
                let measure = match &g.per {
                    Some(p) => format!("{} ({}/{})", g.measure, g.unit, p),
                    None if g.unit.is_empty() => g.measure.clone(),
                    None => format!("{} ({})", g.measure, g.unit),
                };
                let mut row = vec![measure, g.status.clone()];
                row.extend(docs.iter().map(|d| {
                    let v: Vec<&str> = g
                        .members
                        .iter()
                        .filter(|m| m.document == d.file)
                        .map(|m| m.text.as_str())
                        .collect();
                    if v.is_empty() {
                        "—".to_string()
                    } else {
                        v.join("; ")
                    }
                }));
                row
            })
            .collect(),
    });

    tables.push(Table {
        title: "Differences".into(),
        header: vec!["Kind".into(), "About".into(), "What the sources say".into()],
        rows: a
            .conflicts
            .iter()
            .map(|k| {
                let values: Vec<String> =
                    k.values.iter().map(|(d, v)| format!("{d}: {v}")).collect();
                vec![k.kind.clone(), k.message.clone(), values.join("; ")]
            })
            .chain(a.blindspots.iter().map(|b| {
                vec![
                    format!("only some sources ({})", b.kind),
                    b.what.clone(),
                    format!(
                        "in: {}; not in: {}",
                        b.present_in.join(", "),
                        b.missing_from.join(", ")
                    ),
                ]
            }))
            .collect(),
    });
    tables
}

/// A Markdown report: sources, stance matrix, figures and differences.
pub fn markdown_report(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Parallax report\n");
    let _ = writeln!(
        out,
        "{} sources analysed, {} not analysed; Parallax {}.\n",
        a.documents.len(),
        a.errors.len(),
        md_escape(&a.version)
    );
    for table in report_tables(a) {
        let _ = writeln!(out, "## {}\n", md_escape(&table.title));
        if table.rows.is_empty() {
            out.push_str("None.\n\n");
            continue;
        }
        let cells = |r: &[String]| {
            r.iter()
                .map(|c| md_escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let _ = writeln!(out, "| {} |", cells(&table.header));
        let _ = writeln!(out, "|{}", " --- |".repeat(table.header.len()));
        for row in &table.rows {
            let _ = writeln!(out, "| {} |", cells(row));
        }
        out.push('\n');
    }
    out
}

const REPORT_CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;width:100%;font-size:.9rem}\
th,td{border:1px solid #ccd1d9;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f5}\
td.support{background:#e3f4e6}td.oppose{background:#fbe4e4}td.mixed{background:#fdf3d9}p.meta{color:#555}\
@media (prefers-color-scheme:dark){body{background:#16181c;color:#e6e8eb}th{background:#262a31}th,td{border-color:#3a3f47}\
td.support{background:#1f3a26}td.oppose{background:#45201f}td.mixed{background:#3d3419}p.meta{color:#aaa}}";

/// A self-contained HTML report (inline CSS, no script, all text escaped) with the same
/// content as [`markdown_report`].
pub fn html_report(a: &Analysis) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>Parallax report</title>\n<style>");
    out.push_str(REPORT_CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>Parallax report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} sources analysed, {} not analysed; Parallax {}.</p>",
        a.documents.len(),
        a.errors.len(),
        html_escape(&a.version)
    );
    for table in report_tables(a) {
        let _ = writeln!(out, "<h2>{}</h2>", html_escape(&table.title));
        if table.rows.is_empty() {
            out.push_str("<p>None.</p>\n");
            continue;
        }
        out.push_str("<table>\n<thead><tr>");
        for h in &table.header {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        let polar = table.title == "Stance matrix";
        for row in &table.rows {
            out.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let class =
                    if polar && i >= 2 && matches!(c.as_str(), "support" | "oppose" | "mixed") {
                        format!(" class=\"{c}\"")
                    } else {
                        String::new()
                    };
                let _ = write!(out, "<td{class}>{}</td>", html_escape(c));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        let doc = |file: &str, outlet: &str| DocAnalysis {
            file: file.into(),
            title: Some("A \"title\", with comma".into()),
            author: None,
            outlet: Some(outlet.into()),
            published: None,
            format: Some(Format::Text),
            encoding: Some("UTF-8".into()),
            body: String::new(),
            words: 10,
            furniture: vec![],
            paragraphs: vec![],
            sentences: vec![],
            entities: vec![],
            mentions: vec![],
            figures: vec![],
            quotes: vec![],
            claims: vec![],
        };
        Analysis {
            version: "0".into(),
            documents: vec![doc("a.txt", "Outlet <A>"), doc("b.txt", "B | pipe")],
            errors: vec![FileError {
                file: "c.txt".into(),
                code: "empty".into(),
                message: "the file is empty".into(),
            }],
            stances: vec![Stance {
                document: "a.txt".into(),
                actor: "=cmd|' /C calc'!A0".into(),
                issue: "sanctions".into(),
                issue_id: "i1".into(),
                polarity: Polarity::Oppose,
                evidence: "line one\nline two".into(),
                evidence_span: Span { start: 0, end: 5 },
                cue: "rejected".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let a = sample();
        let s = stances_csv(&a);
        let lines: Vec<&str> = s.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "issue_id,issue,actor,document,polarity,cue,evidence,evidence_start,evidence_end"
        );
        assert!(s.contains("\"'=cmd|' /C calc'!A0\""), "{s}");
        assert!(s.contains("\"line one\nline two\""), "{s}");
        let src = sources_csv(&a);
        assert!(src.contains("\"A \"\"title\"\", with comma\""), "{src}");
        assert!(src.contains("c.txt,error,"), "{src}");
    }

    #[test]
    fn negative_numbers_are_not_guarded() {
        let mut c = Csv::new(&["v"]);
        c.row(vec![n(-3.5)]);
        assert_eq!(c.0, "v\r\n-3.5\r\n");
    }

    #[test]
    fn html_report_escapes_everything_and_has_no_script() {
        let mut a = sample();
        a.documents[0].title = Some("<script>alert(1)</script>".into());
        let h = html_report(&a);
        assert!(!h.to_lowercase().contains("<script"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("Outlet &lt;A&gt;"));
        assert!(h.contains("<td class=\"oppose\">oppose</td>"));
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        let a = sample();
        let m = markdown_report(&a);
        assert!(m.contains("B \\| pipe"), "{m}");
        assert!(
            m.contains("| =cmd\\|' /C calc'!A0 | sanctions | oppose | — |"),
            "{m}"
        );
        for line in m.lines().filter(|l| l.starts_with('|')) {
            let unescaped = line.replace("\\|", "");
            let cols = unescaped.matches('|').count();
            assert!(cols >= 3, "{line}");
        }
    }

    #[test]
    fn exports_are_deterministic() {
        let a = sample();
        assert_eq!(csv_tables(&a), csv_tables(&a.clone()));
        assert_eq!(html_report(&a), html_report(&a.clone()));
    }
}
