//! Plain data types passed between the stages and serialised as the analysis JSON.
//!
//! Every stage consumes and produces values of these types and nothing else, so a
//! stage can be tested, benchmarked and fuzzed on its own. Field names of the types
//! that reach the JSON are the contract fixed by `shared/eval/README.md`
//! (`documents[].file/title/author/outlet/published/body/figures/quotes`,
//! `actors`, `stances`, `figure_groups`, `quote_groups`, `conflicts`); extra fields
//! are allowed.
//!
//! Invariant: every [`Span`] is a byte range into the *cleaned body* of its document
//! (`DocAnalysis::body`), lies on UTF-8 character boundaries and within the body.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into a document's cleaned body.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
}

// ---------------------------------------------------------------- ingest

/// One input file as the user gave it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Input {
    /// File name (no directories are needed; used as the document id).
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Output of `ingest`: decoded text and how it was decoded.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Decoded {
    pub name: String,
    pub text: String,
    pub format: Format,
    /// Encoding label as WHATWG names it ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: String,
    /// Whether the encoding was guessed (no BOM, not valid UTF-8).
    pub encoding_guessed: bool,
}

/// A per-file failure. The other files are still analysed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileError {
    pub file: String,
    /// Stable machine-readable code: `empty`, `binary`, `too_large`, `undecodable`, `no_text`, ...
    pub code: String,
    /// Human message shown to the user.
    pub message: String,
}

// ---------------------------------------------------------------- clean

/// What kind of page furniture a stripped line was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    Navigation,
    Share,
    Copyright,
    Comments,
    LanguageSwitcher,
    Caption,
    Byline,
    Dateline,
    Title,
    Tags,
    Contact,
    Promo,
    Other,
}

/// A piece of the input that is not article body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub text: String,
}

/// Output of `clean`: metadata and the article body.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Cleaned {
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601, partial allowed: `2017-09-06`, `2017-09`, `--09-06`.
    pub published: Option<String>,
    /// Paragraphs separated by a single `\n`.
    pub body: String,
    pub furniture: Vec<Furniture>,
}

// ---------------------------------------------------------------- segment

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Segmented::paragraphs`.
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into `Segmented::sentences`.
    pub sentence: usize,
}

/// Output of `segment`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Segmented {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

// ---------------------------------------------------------------- recognise

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organisation,
    Group,
    Other,
}

/// One mention of an actor in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    /// Index into `DocAnalysis::entities`.
    pub entity: usize,
    /// How the mention refers: a name, a title/role noun, a pronoun, a metonym (capital, demonym, government).
    pub via: MentionVia,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionVia {
    Name,
    Alias,
    Metonym,
    Demonym,
    Role,
    Pronoun,
}

/// A document-local actor (all its mentions clustered).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical (longest full) name, e.g. "Angela Merkel".
    pub name: String,
    pub kind: ActorKind,
    /// Other surface forms seen in this document.
    pub aliases: Vec<String>,
    /// Titles/roles the document gives the actor ("Russian President", "Prime Minister").
    pub titles: Vec<String>,
    /// Gazetteer key when the actor is a known country/organisation (ISO code, etc.).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub key: Option<String>,
}

/// A quantity found in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Surface text, including approximation markers ("about 2,500 tonnes a day").
    pub text: String,
    pub span: Span,
    /// Numeric value after scaling ("$2.3 million" -> 2300000). For ranges, the lower bound.
    pub value: f64,
    /// Upper bound of a range ("3 to 5 percent").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value_high: Option<f64>,
    /// `percent`, ISO currency code, singular physical unit, `times`, `count` or the counted noun.
    pub unit: String,
    /// Denominator of a rate ("per day" -> `day`).
    pub per: Option<String>,
    /// `=`, `~`, `>`, `<`, `up`, `down` (CQE's change operators).
    pub change: String,
    /// What is measured, as written nearby ("crude oil imports", "trade volume").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub measure: Option<String>,
    /// The period when stated ("in the first five months this year", "per year").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<String>,
    /// Index into `Segmented::sentences`.
    pub sentence: usize,
}

// ---------------------------------------------------------------- attribute

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    /// The scorer's two-way split: partial quotes are direct quotes.
    pub fn as_eval(&self) -> &'static str {
        match self {
            QuoteKind::Direct | QuoteKind::Partial => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation with its speaker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Quoted content (without the quote marks for direct quotes).
    pub text: String,
    pub span: Span,
    pub kind: QuoteKind,
    /// Canonical actor name after resolution; `None` when unknown.
    pub speaker: Option<String>,
    /// The speaker as written at the cue ("the spokesman", "he", "A government official in Seoul").
    pub speaker_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_span: Option<Span>,
    /// Index into `DocAnalysis::entities`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_entity: Option<usize>,
    /// True for unnamed sources ("a government official").
    #[serde(default)]
    pub anonymous: bool,
    /// The reporting cue ("said", "according to", "told").
    pub cue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cue_span: Option<Span>,
}

// ---------------------------------------------------------------- stance

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Support,
    Oppose,
    Mixed,
    Neutral,
}

/// A position an actor takes in one document, before issues are clustered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceClaim {
    /// Index into `DocAnalysis::entities`.
    pub entity: usize,
    /// The target phrase as written ("cutting off oil supply to North Korea").
    pub target: String,
    pub target_span: Span,
    pub polarity: Polarity,
    /// The cue that decided it ("rejected", "urged", "not the solution").
    pub cue: String,
    pub cue_span: Span,
    /// Evidence sentence span.
    pub evidence: Span,
    /// Whether negation flipped the cue.
    #[serde(default)]
    pub negated: bool,
}

// ---------------------------------------------------------------- per document

/// Everything extracted from one document. This is `documents[i]` in the JSON.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct DocAnalysis {
    /// Input file name.
    pub file: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub format: Option<Format>,
    pub encoding: Option<String>,
    pub body: String,
    pub words: usize,
    pub furniture: Vec<Furniture>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<StanceClaim>,
}

// ---------------------------------------------------------------- compare

/// A corpus-level actor (document entities merged across sources).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Titles per document file: which source calls the actor what.
    pub titles: std::collections::BTreeMap<String, Vec<String>>,
    /// `(document file, entity index)` pairs merged into this actor.
    pub members: Vec<(String, usize)>,
    /// Number of mentions over all documents.
    pub mentions: usize,
}

/// An issue actors take positions on, discovered by clustering stance targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    pub id: String,
    pub label: String,
    /// Target phrases clustered into this issue.
    pub phrases: Vec<String>,
    /// Keywords that decide membership (content-word stems).
    pub keywords: Vec<String>,
}

/// One cell entry of the stance matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    pub document: String,
    pub actor: String,
    /// Issue label.
    pub issue: String,
    pub issue_id: String,
    pub polarity: Polarity,
    /// Evidence sentence text.
    pub evidence: String,
    pub evidence_span: Span,
    pub cue: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupMember {
    pub document: String,
    pub text: String,
    pub span: Span,
    /// Index into the document's `figures` or `quotes`.
    pub index: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// What is measured ("trade growth", "oil imports per day").
    pub measure: String,
    pub unit: String,
    pub per: Option<String>,
    pub members: Vec<GroupMember>,
    /// Values normalised to a common unit/period for comparison, per member.
    pub normalised: Vec<f64>,
    /// `agree`, `conflict` or `single`.
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// `exact`, `truncated`, `paraphrase`.
    pub relation: String,
    pub speakers: Vec<Option<String>>,
    pub members: Vec<GroupMember>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// `attribute`, `speaker`, `figure`, `date`.
    pub kind: String,
    pub actor: Option<String>,
    /// Which attribute or phrase differs.
    pub about: String,
    /// Per document file, the value that source gives.
    pub values: std::collections::BTreeMap<String, String>,
    pub message: String,
}

/// Documents that tell the same story (see `compare::stories`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// `story-1`, `story-2`, ... in the order of each story's first document.
    pub id: String,
    /// The actors most of its documents name.
    pub label: String,
    /// Document files, in corpus order.
    pub documents: Vec<String>,
}

/// Something only some sources of one story carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Blindspot {
    /// `actor`, `figure`, `quote`.
    pub kind: String,
    pub what: String,
    /// The story (`Story::id`) whose sources are compared: `missing_from` lists only
    /// documents of that story.
    #[serde(default)]
    pub story: String,
    pub present_in: Vec<String>,
    pub missing_from: Vec<String>,
}

/// The analysis of a corpus: the whole JSON output.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub version: String,
    pub documents: Vec<DocAnalysis>,
    pub errors: Vec<FileError>,
    /// Documents grouped by the story they tell.
    #[serde(default)]
    pub stories: Vec<Story>,
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    pub stances: Vec<Stance>,
    pub figure_groups: Vec<FigureGroup>,
    pub quote_groups: Vec<QuoteGroup>,
    pub conflicts: Vec<Conflict>,
    pub blindspots: Vec<Blindspot>,
    /// Per document file, quotes per speaker: who gets a voice in each source.
    #[serde(default)]
    pub voice: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
}
