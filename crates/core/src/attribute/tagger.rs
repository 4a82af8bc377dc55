//! A learned attribution tagger: which words of a paragraph are a reported *content*,
//! its *cue* and its *source*.
//!
//! The rules of the parent module find what reporters mark plainly ("X said (that) Y",
//! "according to X", quote marks). Most attributions in news are not that plain: "Christie
//! endorsed Trump", "critics accuse him of ...", "polls show ...", "he talked about ...".
//! Their cues are hundreds of verbs and phrases whose reading depends on the words around
//! them, which is what a trained sequence model is good at and hand-written patterns are
//! not. So after the rules, a small sequence tagger labels every token of a paragraph with
//! one of [`TAGS`] (BIO over Content, Cue and Source) and the contents it finds where the
//! rules found nothing become indirect quotes (the parent resolves their sources to
//! speakers like any other speaker phrase).
//!
//! The model is a structured averaged perceptron over hashed sparse features (the word
//! and its neighbours, shape, quote marks, the nearest cue-lexicon word on each side with
//! its distance and what lies between, the position in the sentence, the neighbouring
//! tag), decoded with first-order Viterbi. Greedy decoding trained on gold history was
//! tried first: it scored 3 points lower end to end on held-out data, because one early
//! mistake (a missed cue) lost the whole content after it. A bias on the `O` tag, stored
//! with the weights, sets how readily a span is reported (precision against recall).
//! It is trained on the PolNeAR train split (`parallax train-tagger`, see
//! `data/quotes/SOURCE.md`) and stored as one `i8` weight per (feature bucket, tag), so
//! inference is integer additions, identical natively and in WebAssembly. Small weights
//! are pruned to zero: the table ships inside the WebAssembly, and a mostly-zero table
//! compresses to a sixth of its size at no measurable cost in accuracy.

use super::{is_abbrev_dot, lower, Body, Tok, CUES};

/// The tag set, in weight-row order.
pub const TAGS: [&str; 7] = ["O", "B-C", "I-C", "B-Q", "I-Q", "B-S", "I-S"];
const NT: usize = TAGS.len();
/// log2 of the number of feature buckets.
pub const BITS: u32 = 16;
const MAGIC: &[u8; 5] = b"PXTG2";
/// Magic, bits, tag count, the `O` bias (i32 little-endian).
const HEADER: usize = 11;

/// The trained weights (`parallax train-tagger`).
static MODEL_BYTES: &[u8] = include_bytes!("../../data/quotes/tagger.bin");

/// A weight table: `2^bits` rows of [`TAGS`]`.len()` weights, each row padded to 8
/// bytes in memory (the file stores 7), so that a token's emission scores are one 8-lane
/// add per feature, which compilers vectorise.
pub struct Model {
    mask: u32,
    o_bias: i32,
    rows: Vec<[i8; 8]>,
}

/// What decoding needs of a weight table.
pub trait Weights {
    type S: Copy + Default + PartialOrd + std::ops::AddAssign;
    fn add(&self, f: u32, s: &mut [Self::S; NT]);
    /// The summed weights of the features `fs`, per tag.
    fn emission(&self, fs: &[u32]) -> [Self::S; NT] {
        let mut s = [Self::S::default(); NT];
        for &f in fs {
            self.add(f, &mut s);
        }
        s
    }
    /// What every token's `O` score gets added: the decision threshold between
    /// reporting a span and leaving it (tuned on held-out data, stored with the model).
    fn o_bias(&self) -> Self::S {
        Self::S::default()
    }
}

impl Weights for Model {
    type S = i32;
    fn o_bias(&self) -> i32 {
        self.o_bias
    }
    fn add(&self, f: u32, s: &mut [i32; NT]) {
        let row = &self.rows[(f & self.mask) as usize];
        for (x, &v) in s.iter_mut().zip(row) {
            *x += v as i32;
        }
    }
    fn emission(&self, fs: &[u32]) -> [i32; NT] {
        // i16 lanes cannot overflow: a token has at most MAX_FEATS features, and
        // MAX_FEATS * 128 < 2^15. The sums are exact, so the result equals `add`'s.
        let mut acc = [0i16; 8];
        for &f in fs {
            let row = &self.rows[(f & self.mask) as usize];
            for (a, &v) in acc.iter_mut().zip(row) {
                *a += v as i16;
            }
        }
        std::array::from_fn(|k| acc[k] as i32)
    }
}

/// Unquantised weights (training diagnostics).
pub struct Float {
    pub bits: u32,
    pub w: Vec<f32>,
}

impl Weights for Float {
    type S = f32;
    fn add(&self, f: u32, s: &mut [f32; NT]) {
        let row = (f & ((1 << self.bits) - 1)) as usize * NT;
        for (k, x) in s.iter_mut().enumerate() {
            *x += self.w[row + k];
        }
    }
}

/// Borrowed unquantised weights (decoding while training).
struct FloatRef<'a> {
    mask: u32,
    w: &'a [f32],
}

impl Weights for FloatRef<'_> {
    type S = f32;
    fn add(&self, f: u32, s: &mut [f32; NT]) {
        let row = (f & self.mask) as usize * NT;
        for (k, x) in s.iter_mut().enumerate() {
            *x += self.w[row + k];
        }
    }
}

impl Model {
    /// Reads a model file; `None` when it is not one (an empty placeholder included).
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        if bytes.len() < HEADER || &bytes[..5] != MAGIC || bytes[6] as usize != NT {
            return None;
        }
        let bits = bytes[5] as u32;
        let o_bias = i32::from_le_bytes(bytes[7..11].try_into().ok()?);
        let w = &bytes[HEADER..];
        if !(8..=24).contains(&bits) || w.len() != (NT << bits) {
            return None;
        }
        let rows = w
            .chunks_exact(NT)
            .map(|r| std::array::from_fn(|k| r.get(k).map_or(0, |&b| b as i8)))
            .collect();
        Some(Model {
            mask: (1 << bits) - 1,
            o_bias,
            rows,
        })
    }
}

/// The built-in model, if one was trained.
pub fn model() -> Option<&'static Model> {
    static M: std::sync::LazyLock<Option<Model>> =
        std::sync::LazyLock::new(|| Model::parse(MODEL_BYTES));
    M.as_ref()
}

/// Serialises trained weights.
pub fn encode(bits: u32, o_bias: i32, w: &[i8]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(bits as u8);
    out.push(NT as u8);
    out.extend(o_bias.to_le_bytes());
    out.extend(w.iter().map(|&x| x as u8));
    out
}

// ------------------------------------------------------------------ features

fn fnv(s: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Mixes a template id with up to two value hashes (platform independent).
fn mix(t: u32, a: u32, b: u32) -> u32 {
    let mut h = (t as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (a as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
        ^ ((b as u64) << 17).wrapping_mul(0x1656_67B1_9E37_79F9);
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 32;
    h as u32
}

fn dist_bucket(d: usize) -> u32 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

fn freq_bucket(n: u32) -> u32 {
    match n {
        0 => 0,
        1..=3 => 1,
        4..=9 => 2,
        10..=29 => 3,
        30..=99 => 4,
        _ => 5,
    }
}

/// Per-token static features of one paragraph, plus what decoding needs.
pub struct Sequence {
    /// Feature ids of all tokens, token after token (without the tag-history features):
    /// token `i`'s are `feats[offs[i]..offs[i + 1]]`. One buffer per paragraph, not one
    /// per token: the allocator was a tenth of the tagger's time.
    feats: Vec<u32>,
    offs: Vec<u32>,
    /// Whether a cue-lexicon word lies to the left in the same sentence.
    left_cue: Vec<bool>,
    any_cue: bool,
}

impl Sequence {
    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }

    /// Whether the paragraph has no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Token `i`'s feature ids.
    pub fn feats(&self, i: usize) -> &[u32] {
        &self.feats[self.offs[i] as usize..self.offs[i + 1] as usize]
    }

    /// Whether the paragraph has a cue-lexicon word at all (without one, the tagger
    /// has nothing to go on and is not run).
    pub fn any_cue(&self) -> bool {
        self.any_cue
    }
}

/// The most features one token gets from [`features`] (its pushes, each at most once).
const MAX_FEATS: usize = 40;
const _: () = assert!(MAX_FEATS * 128 < i16::MAX as usize);

/// The lowest PolNeAR cue frequency for a word to count as a cue feature.
const CUE_MIN: u32 = 4;

const BOS: u32 = 0x5bd1_e995;
const EOS: u32 = 0x1b87_3593;

/// Builds the features of a paragraph's tokens; with `always` false, a paragraph with
/// no cue-lexicon word gets none (and [`Sequence::any_cue`] is false).
pub(super) fn features(body: Body<'_>, toks: &[Tok], always: bool) -> Sequence {
    let n = toks.len();
    // one pass over the tokens: lower-case form hashed, cue frequency, suffix, and the
    // punctuation the features count (no per-token allocation for ASCII words)
    let mut words = Vec::with_capacity(n);
    let mut freq = Vec::with_capacity(n);
    let mut suffix = Vec::with_capacity(n);
    let mut end = Vec::with_capacity(n);
    // prefix counts of commas and complementisers, for "what lies between" in O(1)
    let mut commas = Vec::with_capacity(n + 1);
    let mut thats = Vec::with_capacity(n + 1);
    commas.push(0u32);
    thats.push(0u32);
    for (i, t) in toks.iter().enumerate() {
        let buf = lower(body, t);
        words.push(fnv(buf.as_bytes()));
        freq.push(if t.word {
            CUES.single.get(&*buf).copied().unwrap_or(0)
        } else {
            0
        });
        let cut = buf.char_indices().rev().nth(2).map_or(0, |(k, _)| k);
        suffix.push(fnv(&buf.as_bytes()[cut..]));
        end.push(
            !t.word
                && !t.quoted
                && matches!(&*buf, "." | "?" | "!" | ";")
                && !is_abbrev_dot(body, toks, i),
        );
        commas.push(commas[i] + (buf == ",") as u32);
        thats.push(thats[i] + matches!(&*buf, "that" | "whether" | "if") as u32);
    }
    let any_cue = freq.iter().any(|&f| f >= CUE_MIN);
    if !any_cue && !always {
        return Sequence {
            feats: Vec::new(),
            offs: Vec::new(),
            left_cue: Vec::new(),
            any_cue,
        };
    }
    let mut sent_start = vec![0usize; n];
    let mut s = 0;
    for i in 0..n {
        sent_start[i] = s;
        if end[i] {
            s = i + 1;
        }
    }
    let mut sent_end = vec![n; n];
    let mut e = n;
    for i in (0..n).rev() {
        if end[i] {
            e = i + 1;
        }
        sent_end[i] = e;
    }
    // nearest lexicon cue (freq >= CUE_MIN) to the left / right within the sentence
    let mut left: Vec<Option<usize>> = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if sent_start[i] == i {
            last = None;
        }
        left[i] = last;
        if freq[i] >= CUE_MIN {
            last = Some(i);
        }
    }
    let mut right: Vec<Option<usize>> = vec![None; n];
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        if i + 1 < n && end[i] {
            next = None;
        }
        right[i] = next;
        if freq[i] >= CUE_MIN {
            next = Some(i);
        }
        if end[i] {
            next = None;
        }
    }
    // commas and complementisers since the left cue
    let mut feats = Vec::with_capacity(n * 28);
    let mut offs = Vec::with_capacity(n + 1);
    offs.push(0u32);
    let mut left_cue = Vec::with_capacity(n);
    let w = |i: isize| -> u32 {
        if i < 0 {
            BOS
        } else if i as usize >= n {
            EOS
        } else {
            words[i as usize]
        }
    };
    for i in 0..n {
        let ii = i as isize;
        let t = &toks[i];
        let text = &body[t.start..t.end];
        let f = &mut feats;
        f.push(mix(0, 0, 0));
        f.push(mix(1, w(ii), 0));
        f.push(mix(2, w(ii - 1), 0));
        f.push(mix(3, w(ii + 1), 0));
        f.push(mix(4, w(ii - 2), 0));
        f.push(mix(5, w(ii + 2), 0));
        f.push(mix(6, w(ii - 1), w(ii)));
        f.push(mix(7, w(ii), w(ii + 1)));
        f.push(mix(8, suffix[i], 0));
        let shape = if !t.word {
            0
        } else {
            let mut cs = text.chars();
            let c0 = cs.next().unwrap_or(' ');
            if c0.is_numeric() {
                1
            } else if c0.is_uppercase() {
                if text.chars().all(|c| !c.is_lowercase()) {
                    2
                } else {
                    3
                }
            } else {
                4
            }
        };
        let pshape = if i > 0 && toks[i - 1].word {
            let c = body[toks[i - 1].start..].chars().next().unwrap_or(' ');
            c.is_uppercase() as u32 + 1
        } else {
            0
        };
        f.push(mix(9, shape, pshape));
        f.push(mix(10, t.quoted as u32, shape));
        f.push(mix(11, freq_bucket(freq[i]), 0));
        let from_start = i - sent_start[i];
        let to_end = sent_end[i] - i - 1;
        f.push(mix(12, dist_bucket(from_start), 0));
        f.push(mix(13, dist_bucket(to_end), 0));
        f.push(mix(14, dist_bucket(from_start), w(ii)));
        match left[i] {
            Some(j) => {
                let d = dist_bucket(i - j);
                let commas = (commas[i] - commas[j + 1]).min(2);
                let that = (thats[i] > thats[j + 1]) as u32;
                let lw = if freq[j] >= 20 {
                    words[j]
                } else {
                    freq_bucket(freq[j])
                };
                f.push(mix(15, lw, d));
                f.push(mix(16, d, commas * 2 + that));
                f.push(mix(17, lw, 0));
                f.push(mix(18, lw, w(ii)));
                f.push(mix(19, d, shape));
                f.push(mix(29, lw, commas * 2 + that));
                left_cue.push(true);
            }
            None => {
                f.push(mix(15, 0, 99));
                left_cue.push(false);
            }
        }
        match right[i] {
            Some(j) => {
                let d = dist_bucket(j - i);
                let commas = (commas[j] - commas[i + 1]).min(2);
                let rw = if freq[j] >= 20 {
                    words[j]
                } else {
                    freq_bucket(freq[j])
                };
                f.push(mix(20, rw, d));
                f.push(mix(21, d, commas));
                f.push(mix(22, rw, 0));
                f.push(mix(23, d, w(ii)));
            }
            None => f.push(mix(20, 0, 99)),
        }
        f.push(mix(26, w(ii - 3), 0));
        f.push(mix(27, w(ii + 3), 0));
        let nshape = if i + 1 < n && toks[i + 1].word {
            let c = body[toks[i + 1].start..].chars().next().unwrap_or(' ');
            c.is_uppercase() as u32 + 1
        } else {
            0
        };
        f.push(mix(28, pshape, nshape));
        // quoted neighbourhood
        let qprev = i > 0 && toks[i - 1].quoted;
        let qnext = i + 1 < n && toks[i + 1].quoted;
        f.push(mix(
            24,
            t.quoted as u32 * 4 + qprev as u32 * 2 + qnext as u32,
            0,
        ));
        debug_assert!(feats.len() - *offs.last().unwrap() as usize <= MAX_FEATS);
        offs.push(feats.len() as u32);
    }
    Sequence {
        feats,
        offs,
        left_cue,
        any_cue,
    }
}

/// Whether tag `t` may follow `prev` (an inside tag continues its own kind).
fn allowed(prev: u8, t: u8) -> bool {
    match t {
        2 => matches!(prev, 1 | 2),
        4 => matches!(prev, 3 | 4),
        6 => matches!(prev, 5 | 6),
        _ => true,
    }
}

/// The first-order history features of position `i` when the tag decoded just before
/// it (the one to its right) is `p1`: the transition itself and the transition where a
/// cue lies (or does not lie) to the left. (A transition-by-word feature was tried: it
/// did not help on held-out data and made every token cost seven more table reads.)
fn history(seq: &Sequence, i: usize, p1: u8) -> [u32; 2] {
    [
        mix(100, p1 as u32, 0),
        mix(103, p1 as u32, seq.left_cue[i] as u32),
    ]
}

/// Tags a paragraph with the best-scoring tag sequence (first-order Viterbi), read
/// right to left: a `B-` tag marks the *last* token of a run.
pub fn decode<M: Weights>(m: &M, seq: &Sequence) -> Vec<u8> {
    let n = seq.len();
    if n == 0 {
        return Vec::new();
    }
    // the history scores depend only on (previous tag, cue on the left): summed once
    let mut trans = [[[M::S::default(); NT]; NT]; 2];
    for (lc, row) in trans.iter_mut().enumerate() {
        for (p, s) in row.iter_mut().enumerate() {
            m.add(mix(100, p as u32, 0), s);
            m.add(mix(103, p as u32, lc as u32), s);
        }
    }
    let mut back = vec![[0u8; NT]; n];
    let mut delta = [M::S::default(); NT];
    let mut live = [false; NT];
    for i in (0..n).rev() {
        let mut em = m.emission(seq.feats(i));
        em[0] += m.o_bias();
        let tr = &trans[seq.left_cue[i] as usize];
        let mut nd = [M::S::default(); NT];
        let mut nlive = [false; NT];
        // the previous tags to consider: the start state (O) at the right edge
        let prevs: &[u8] = if i + 1 == n {
            &[0]
        } else {
            &[0, 1, 2, 3, 4, 5, 6]
        };
        for &p in prevs {
            if i + 1 < n && !live[p as usize] {
                continue;
            }
            for t in 0..NT {
                if !allowed(p, t as u8) {
                    continue;
                }
                let mut v = em[t];
                v += tr[p as usize][t];
                if i + 1 < n {
                    v += delta[p as usize];
                }
                if !nlive[t] || v > nd[t] {
                    nd[t] = v;
                    nlive[t] = true;
                    back[i][t] = p;
                }
            }
        }
        delta = nd;
        live = nlive;
    }
    // best final state (at token 0), then follow the pointers rightwards
    let mut t = 0u8;
    for k in 0..NT {
        if live[k] && (!live[t as usize] || delta[k] > delta[t as usize]) {
            t = k as u8;
        }
    }
    let mut tags = vec![0u8; n];
    for i in 0..n {
        tags[i] = t;
        t = back[i][t as usize];
    }
    tags
}

// ------------------------------------------------------------------ training

/// A training example: a paragraph's features and its gold tags.
pub struct Example {
    pub seq: Sequence,
    pub gold: Vec<u8>,
}

/// Structured averaged perceptron: each paragraph is decoded with [`decode`] and, when
/// the best sequence is not the gold one, the features of the gold sequence are
/// rewarded and those of the predicted one penalised.
pub fn train(examples: &[Example], epochs: usize, bits: u32) -> Float {
    let size = NT << bits;
    let mask = (1u32 << bits) - 1;
    let mut w = vec![0f32; size];
    let mut total = vec![0f64; size];
    let mut stamp = vec![0u64; size];
    let mut clock: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng: u64 = 0x2545_F491_4F6C_DD1D;
    let upd = |w: &mut Vec<f32>,
               total: &mut Vec<f64>,
               stamp: &mut Vec<u64>,
               clock: u64,
               f: u32,
               t: usize,
               d: f32| {
        let k = (f & mask) as usize * NT + t;
        total[k] += (clock - stamp[k]) as f64 * w[k] as f64;
        stamp[k] = clock;
        w[k] += d;
    };
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &ei in &order {
            let ex = &examples[ei];
            clock += 1;
            let pred = decode(&FloatRef { mask, w: &w }, &ex.seq);
            if pred == ex.gold {
                continue;
            }
            let n = ex.gold.len();
            for i in 0..n {
                let (g, p) = (ex.gold[i], pred[i]);
                let gp1 = if i + 1 < n { ex.gold[i + 1] } else { 0 };
                let pp1 = if i + 1 < n { pred[i + 1] } else { 0 };
                if g != p {
                    for &f in ex.seq.feats(i) {
                        upd(&mut w, &mut total, &mut stamp, clock, f, g as usize, 1.0);
                        upd(&mut w, &mut total, &mut stamp, clock, f, p as usize, -1.0);
                    }
                }
                if g != p || gp1 != pp1 {
                    for &f in &history(&ex.seq, i, gp1) {
                        upd(&mut w, &mut total, &mut stamp, clock, f, g as usize, 1.0);
                    }
                    for &f in &history(&ex.seq, i, pp1) {
                        upd(&mut w, &mut total, &mut stamp, clock, f, p as usize, -1.0);
                    }
                }
            }
        }
    }
    let w = (0..size)
        .map(|k| ((total[k] + (clock - stamp[k]) as f64 * w[k] as f64) / clock as f64) as f32)
        .collect();
    Float { bits, w }
}

/// Quantises weights to `i8`, clipping the largest `clip` fraction of magnitudes.
pub fn quantise(f: &Float, clip: f64) -> Vec<i8> {
    let mut mags: Vec<f32> = f.w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(|a, b| a.total_cmp(b));
    let k = ((mags.len() as f64) * (1.0 - clip)) as usize;
    let cap = mags
        .get(k.min(mags.len().saturating_sub(1)))
        .copied()
        .unwrap_or(1.0)
        .max(1e-6);
    f.w.iter()
        .map(|&x| ((x / cap) * 127.0).round().clamp(-127.0, 127.0) as i8)
        .collect()
}
