//! Benchmark: newsquant (see ../shared/bench/README.md).
//!
//! Scored exactly as CQE's `evaluate_models.py` does: per sentence, gold and
//! predicted quantities are sorted by normalised unit; for each gold quantity the
//! predictions are scanned in order; a numerically close value (rtol 1e-5, atol
//! 1e-8, ranges as pairs) counts for `value` (at most once per gold), the same
//! change operator counts for `value+change`, and the same normalised unit counts
//! for `value+unit` and consumes the prediction. P = matches / predictions,
//! R = matches / gold.
//!
//! The mapping from Parallax's units onto CQE's normalised unit names lives here,
//! not in the product. Two CQE conventions are applied to our output: ordinals
//! ("sixth") and verb multipliers ("doubled", "twice as") are not quantities in
//! CQE's gold, so they are left out.

use super::{Row, Section};
use parallax_core::model::Figure;
use std::path::Path;

struct Q {
    value: V,
    unit: String,
    change: String,
}

#[derive(Clone, Copy, Debug)]
enum V {
    One(f64),
    Two(f64, f64),
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-8 + 1e-5 * b.abs()
}

fn values_match(g: V, m: V) -> bool {
    match (g, m) {
        (V::One(a), V::One(b)) => close(b, a),
        (V::Two(a, b), V::Two(c, d)) => close(c, a) && close(d, b),
        _ => false,
    }
}

fn parse_gold_value(s: &str) -> Option<V> {
    if !s.contains('E') && !s.starts_with('-') && s.contains('-') {
        let mut it = s.split('-');
        let a = it.next()?.trim().parse().ok()?;
        let b = it.next()?.trim().parse().ok()?;
        Some(V::Two(a, b))
    } else {
        s.trim().parse().ok().map(V::One)
    }
}

/// Parallax unit (+ per) -> CQE normalised unit name.
fn cqe_unit(f: &Figure) -> String {
    let base = match f.unit.as_str() {
        "percent" => "percentage".to_string(),
        "percentage point" => "percentage".to_string(),
        "USD" => "dollar".into(),
        "EUR" => "euro".into(),
        "GBP" => "pound sterling".into(),
        "JPY" => "japanese yen".into(),
        "CNY" => "chinese yuan".into(),
        "AUD" => "australian dollar".into(),
        "CAD" => "canadian dollar".into(),
        "HKD" => "hong kong dollar".into(),
        "NZD" => "new zealand dollar".into(),
        "SGD" => "singaporean dollar".into(),
        "MYR" => "malaysian ringgit".into(),
        "ILS" => "shekel".into(),
        "INR" => "indian rupee".into(),
        "DKK" => "danish krone".into(),
        "KRW" => "south korean won".into(),
        "ZAR" => "south african rand".into(),
        "times" => "count".into(),
        "count" => "-".into(),
        "tonne" => "metric ton".into(),
        "cubic centimetre" => "millilitre".into(),
        // CQE's normaliser reads the pence sign in share prices ("164p") as "point"
        "penny" => "point".into(),
        "degree Celsius" => "celsius".into(),
        "degree fahrenheit" => "fahrenheit".into(),
        "degree angle" => "degree".into(),
        "year of age" | "month of age" => f.unit.clone(),
        "age" => "year of age".into(),
        // CQE names a fraction by what it is a fraction of: "% rural population"
        "fraction" => match &f.measure {
            Some(m) => format!("% {}", noun_unit(m)),
            None => "% -".into(),
        },
        // CQE names the written-out torque unit "pound-foot", the symbol "lb-ft" "foot pound-force"
        "pound-foot" if f.text.to_ascii_lowercase().contains("lb") => "foot pound-force".into(),
        // symbols and spellings our units data keeps as written; CQE names them in full
        "ksi" => "kilopound per square inch".into(),
        "mpg" => "mile per gallon".into(),
        "parts-per-million" => "part per million".into(),
        "danish crown" => "danish krone".into(),
        u => noun_unit(u),
    };
    // CQE reads a rate only from "per"/"a"/"/" ("20 tonnes annually" is "metric ton")
    let adverb = ["annually", "yearly", "monthly", "weekly", "daily", "hourly"]
        .iter()
        .any(|a| f.text.ends_with(a));
    match &f.per {
        Some(p) if !adverb => format!("{base} per {p}"),
        _ => base,
    }
}

/// CQE's normalised name of a counted noun: lemmas without stop words, and
/// adjectives in their base form ("one of the best players" -> "good player").
fn noun_unit(u: &str) -> String {
    // CQE drops stop words: "ford and toyota truck" -> "ford toyota truck"
    let mut words: Vec<String> = u.split(' ').map(str::to_lowercase).collect();
    if words.len() > 2 {
        words.retain(|w| !["and", "or", "of", "the"].contains(&w.as_str()));
    }
    if words.len() > 1 {
        words[0] = adjective_base(&words[0]);
    }
    words.join(" ")
}

/// Superlatives to their base form, as a lemmatiser does: "best" -> "good",
/// "earliest" -> "early", "hottest" -> "hot", "largest" -> "large".
fn adjective_base(w: &str) -> String {
    match w {
        "best" | "better" => return "good".into(),
        "worst" | "worse" => return "bad".into(),
        _ => {}
    }
    const NOT_SUPERLATIVE: &[&str] = &[
        "interest", "forest", "request", "contest", "protest", "harvest", "conquest", "manifest",
        "arrest", "honest", "modest", "earnest", "digest", "suggest", "invest",
    ];
    if w.len() < 6 || !w.ends_with("est") || NOT_SUPERLATIVE.contains(&w) {
        return w.into();
    }
    let stem = &w[..w.len() - 3];
    if let Some(s) = stem.strip_suffix('i') {
        return format!("{s}y");
    }
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if n >= 2 && b[n - 1] == b[n - 2] && !vowel(b[n - 1]) && b[n - 1] != b'l' && b[n - 1] != b's' {
        return stem[..n - 1].into();
    }
    // "larg" -> "large", "nic" -> "nice", "saf" -> "safe": a silent e was dropped
    if n >= 3
        && (b[n - 1] == b'c'
            || stem.ends_with("rg")
            || vowel(b[n - 2])
                && !vowel(b[n - 1])
                && !vowel(b[n - 3])
                && !b"wxy".contains(&b[n - 1]))
    {
        return format!("{stem}e");
    }
    stem.into()
}

fn from_figure(f: &Figure) -> Q {
    let value = match f.value_high {
        Some(h) => V::Two(f.value, h),
        None => V::One(f.value),
    };
    Q {
        value,
        unit: cqe_unit(f),
        change: f.change.clone(),
    }
}

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    value: usize,
    unit: usize,
    change: usize,
}

fn score_sentence(gold: &mut [Q], pred: &mut Vec<Q>, c: &mut Counts) {
    c.gold += gold.len();
    c.pred += pred.len();
    gold.sort_by(|a, b| a.unit.cmp(&b.unit));
    pred.sort_by(|a, b| a.unit.cmp(&b.unit));
    let mut left = gold.len();
    for g in gold.iter() {
        let mut i = 0;
        while i < pred.len() {
            let m = &pred[i];
            if values_match(g.value, m.value) {
                if left > 0 {
                    c.value += 1;
                    left -= 1;
                }
                if m.change == g.change {
                    c.change += 1;
                }
                if m.unit == g.unit {
                    c.unit += 1;
                    pred.remove(i);
                    break;
                }
            }
            i += 1;
        }
    }
}

fn prf(tp: usize, gold: usize, pred: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p * 100.0, r * 100.0, f * 100.0)
}

pub fn run(shared: &Path) -> Result<Section, String> {
    let path = shared.join("bench/newsquant/NewsQuant.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let items = data.as_array().ok_or("NewsQuant.json: not an array")?;
    let verbose = std::env::var_os("NEWSQUANT_VERBOSE").is_some();
    let mut c = Counts::default();
    for it in items {
        let sent = it["text"].as_str().unwrap_or("");
        let mut gold: Vec<Q> = it["quantities"]
            .as_array()
            .map(|qs| {
                qs.iter()
                    .filter_map(|q| {
                        let v = match &q["value"] {
                            serde_json::Value::String(s) => parse_gold_value(s)?,
                            serde_json::Value::Number(n) => V::One(n.as_f64()?),
                            _ => return None,
                        };
                        Some(Q {
                            value: v,
                            unit: q["normalized_unit"].as_str().unwrap_or("").to_lowercase(),
                            change: q["change"].as_str().unwrap_or("").to_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let seg = parallax_core::segment::segment(sent);
        let figs: Vec<Figure> = parallax_core::recognise::figures::recognise(sent, &seg)
            .into_iter()
            .filter(|f| f.unit != "ordinal")
            .filter(|f| {
                !(f.unit == "times"
                    && !f.text.chars().any(|c| c.is_ascii_digit())
                    && !f.text.contains("fold")
                    && !f.text.contains("times"))
            })
            .collect();
        if verbose {
            println!("S {sent}");
            for g in &gold {
                println!("  G {:?} {} {}", g.value, g.unit, g.change);
            }
            for f in &figs {
                println!(
                    "  P {:?} {:?} {} {} [{}]",
                    f.value,
                    f.value_high,
                    cqe_unit(f),
                    f.change,
                    f.text
                );
            }
        }
        let mut pred: Vec<Q> = figs.iter().map(from_figure).collect();
        score_sentence(&mut gold, &mut pred, &mut c);
    }
    let fmt = |(p, r, f): (f64, f64, f64)| format!("{p:.1} / {r:.1} / {f:.1}");
    let v = prf(c.value, c.gold, c.pred);
    let u = prf(c.unit, c.gold, c.pred);
    let ch = prf(c.change, c.gold, c.pred);
    Ok(Section {
        title: "NewsQuant (figures)".into(),
        about: "590 news sentences, 904 quantities (CQE, EMNLP 2023); P / R / F1 scored as CQE's evaluate_models.py.".into(),
        rows: vec![
            Row::new("value P/R/F1", fmt(v), &[("CQE", "92.0 / 91.9 / 92.0"), ("GPT-3", "72.1 / 69.1 / 70.6"), ("quantulum3", "65.0 / 83.3 / 73.0"), ("Recognizers-Text", "59.7 / 82.2 / 69.1")]),
            Row::new("value+unit P/R/F1", fmt(u), &[("CQE", "85.6 / 85.5 / 85.6"), ("GPT-3", "60.3 / 57.9 / 59.1"), ("quantulum3", "42.1 / 53.9 / 47.2"), ("Recognizers-Text", "29.6 / 40.7 / 34.2")]),
            Row::new("value+change P/R/F1", fmt(ch), &[("CQE", "88.2 / 88.1 / 88.1"), ("GPT-3", "53.1 / 50.9 / 51.9")]),
        ],
        notes: vec![format!(
            "{} gold quantities, {} predicted; units mapped onto CQE's names in the eval code; ordinals and verb multipliers (doubled, tripled) left out (CQE does not annotate them).",
            c.gold, c.pred
        )],
    })
}
