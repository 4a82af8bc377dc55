//! `parallax train-tagger`: trains the learned attribution tagger
//! (`parallax_core::attribute::tagger`) on the PolNeAR train split and writes its
//! weights to `crates/core/data/quotes/tagger.bin`.
//!
//! One annotator per article (the same choice as `parallax eval polnear`); each
//! attribution's Content (its fragments), Cue and Source spans become BIO tags over the
//! tokens the product's attribute stage sees. Dev is never read. `--holdout` leaves every
//! tenth article out, to be scored with `PARALLAX_POLNEAR_SPLIT=train
//! PARALLAX_POLNEAR_HOLDOUT=1 parallax eval polnear` while tuning.

use super::polnear::{choose_annotations, parse_ann};
use parallax_core::attribute::{tagger, tagger_examples, Role};
use parallax_core::segment;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// The shared directory (PolNeAR train is read from bench/polnear/train).
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Where to write the weights.
    #[arg(long, default_value = "crates/core/data/quotes/tagger.bin")]
    pub out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = 14)]
    pub epochs: usize,
    /// Added to every token's `O` score (in the quantised weights' units): the
    /// threshold between reporting a span and leaving it, tuned on the held-out tenth.
    #[arg(long, default_value_t = 30, allow_hyphen_values = true)]
    pub o_bias: i32,
    /// Fraction of the largest weights clipped when quantising to i8.
    #[arg(long, default_value_t = 0.001)]
    pub clip: f64,
    /// Leave every tenth article out (for tuning on the rest of train).
    #[arg(long)]
    pub holdout: bool,
    /// log2 of the number of feature buckets.
    #[arg(long, default_value_t = tagger::BITS)]
    pub bits: u32,
    /// Weights of at most this magnitude (of 127) are set to zero after quantising: the
    /// model then compresses far better (it ships inside the WebAssembly).
    #[arg(long, default_value_t = 32)]
    pub prune: u8,
    /// The kept weights are rounded to multiples of this (fewer distinct values
    /// compress better).
    #[arg(long, default_value_t = 16)]
    pub step: u8,
}

/// Whether article `i` (in name order) is in the held-out tenth.
pub fn held_out(i: usize) -> bool {
    i % 10 == 3
}

pub fn run(args: TrainArgs) -> ExitCode {
    match train(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax train-tagger: {e}");
            ExitCode::from(2)
        }
    }
}

fn train(args: &TrainArgs) -> Result<(), String> {
    let dir = args.shared.join("bench/polnear/train");
    let adir = dir.join("attributions");
    let chosen = choose_annotations(&adir)?;
    let mut examples = Vec::new();
    let mut held = Vec::new();
    let mut docs = 0;
    for (i, (article, ann_file)) in chosen.iter().enumerate() {
        let hold = args.holdout && held_out(i);
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))
        else {
            continue;
        };
        let ann = std::fs::read_to_string(adir.join(ann_file)).map_err(|e| e.to_string())?;
        let mut spans = Vec::new();
        for g in parse_ann(&ann, &text) {
            let frags = if g.frags.is_empty() {
                vec![g.content]
            } else {
                g.frags.clone()
            };
            spans.push((Role::Content, frags));
            if let Some(c) = g.cue {
                spans.push((Role::Cue, vec![c]));
            }
            if let Some(s) = g.source {
                spans.push((Role::Source, vec![s]));
            }
        }
        let seg = segment::segment(&text);
        if hold {
            held.extend(tagger_examples(&text, &seg, &spans));
            continue;
        }
        examples.extend(tagger_examples(&text, &seg, &spans));
        docs += 1;
    }
    let tokens: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!(
        "training on {docs} articles, {} paragraphs, {tokens} tokens, {} epochs",
        examples.len(),
        args.epochs
    );
    let fw = tagger::train(&examples, args.epochs, args.bits);
    let mut w = tagger::quantise(&fw, args.clip);
    for x in &mut w {
        if x.unsigned_abs() <= args.prune {
            *x = 0;
        } else if args.step > 1 {
            let st = args.step as f32;
            *x = ((*x as f32 / st).round() * st).clamp(-127.0, 127.0) as i8;
        }
    }
    if !held.is_empty() {
        let bytes = tagger::encode(args.bits, args.o_bias, &w);
        let m = tagger::Model::parse(&bytes).ok_or("model does not parse")?;
        report(&held, |seq| tagger::decode(&fw, seq), "float");
        report(&held, |seq| tagger::decode(&m, seq), "i8");
    }
    let nz = w.iter().filter(|&&x| x != 0).count();
    std::fs::write(&args.out, tagger::encode(args.bits, args.o_bias, &w))
        .map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} weights, {nz} non-zero)",
        args.out.display(),
        w.len()
    );
    Ok(())
}

/// Token-level precision and recall per role on held-out examples.
fn report(held: &[tagger::Example], decode: impl Fn(&tagger::Sequence) -> Vec<u8>, what: &str) {
    {
        let mut c = [[0usize; 3]; 3]; // role -> [tp, pred, gold]
        for (n, ex) in held.iter().enumerate() {
            let tags = decode(&ex.seq);
            if n < 14 && std::env::var_os("PX_SHOW").is_some() {
                eprintln!(
                    "P {}\nG {}",
                    tags.iter().map(|t| t.to_string()).collect::<String>(),
                    ex.gold.iter().map(|t| t.to_string()).collect::<String>()
                );
            }
            for (p, g) in tags.iter().zip(&ex.gold) {
                let (pr, gr) = ((*p as usize + 1) / 2, (*g as usize + 1) / 2);
                if pr > 0 {
                    c[pr - 1][1] += 1;
                }
                if gr > 0 {
                    c[gr - 1][2] += 1;
                }
                if pr > 0 && pr == gr {
                    c[pr - 1][0] += 1;
                }
            }
        }
        for (name, x) in ["content", "cue", "source"].iter().zip(c) {
            eprintln!(
                "{what}: held out, {name} tokens: P {:.1} R {:.1} ({} gold)",
                100.0 * x[0] as f64 / x[1].max(1) as f64,
                100.0 * x[0] as f64 / x[2].max(1) as f64,
                x[2]
            );
        }
    }
}
