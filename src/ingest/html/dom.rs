//! HTML tokens (html5ever's tokenizer) to a flat outline of the page: elements, text blocks and
//! the metadata tags, in one pass.
//!
//! Takes the page as text; gives [`Outline`]: every element with its parent and whether it is
//! furniture (navigation, scripts, ads, comments, hidden), every run of text between block
//! boundaries as a [`Block`] owned by its nearest block element, and the `<meta>`, `<link>`,
//! `<title>`, JSON-LD and byline text found on the way. It never builds html5ever's tree: the
//! tree builder is quadratic in nesting depth, this outline is linear (nesting is capped at
//! [`MAX_DEPTH`]; deeper tags count as inline) and never recursive.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;

use super::tags::{judge, words, BLOCK, VOID};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements nested deeper than this are read as inline text of the deepest one.
pub const MAX_DEPTH: usize = 256;

/// One element: its tag, parent (index into [`Outline::elems`]; 0 is the document) and whether
/// it or an ancestor is page furniture.
#[derive(Debug, Clone)]
pub struct Elem {
    pub tag: String,
    pub parent: usize,
    pub dropped: bool,
    /// Class and id hints: positive for article-like names, negative for furniture-like ones.
    pub weight: i32,
}

/// A run of text between block boundaries, whitespace collapsed.
#[derive(Debug, Clone)]
pub struct Block {
    /// The nearest block element around the text.
    pub elem: usize,
    pub text: String,
    /// Characters of `text` inside links.
    pub link_chars: usize,
}

/// What one pass over a page finds.
#[derive(Debug, Default)]
pub struct Outline {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    /// `<meta name|property|itemprop=K content=V>` as (lowercase K, V), in page order.
    pub meta: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub title: Option<String>,
    pub h1: Option<String>,
    pub json_ld: Vec<String>,
    /// The text of the first byline element (`rel=author`, class `byline` or `author`).
    pub byline: Option<String>,
    /// `datetime` attributes of `<time>` elements (those marked `pubdate` first).
    pub times: Vec<String>,
}

/// Reads a page into its outline.
pub fn outline(html: &str) -> Outline {
    let sink = Sink(RefCell::new(Builder::new()));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    let mut b = tok.sink.0.into_inner();
    b.flush();
    b.out
}

struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut b = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return b.start(&tag),
                TagKind::EndTag => b.end(&tag.name),
            },
            Token::CharacterTokens(t) => b.text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// What raw text (script, style, title) is being read for.
#[derive(PartialEq)]
enum Raw {
    None,
    Skip,
    Title,
    JsonLd,
}

/// What text is being captured besides the body: the first `h1`, the first byline.
#[derive(Default)]
struct Capture {
    depth: Option<usize>,
    text: String,
}

struct Builder {
    out: Outline,
    /// Open elements (indexes into `out.elems`), the document first.
    stack: Vec<usize>,
    raw: Raw,
    raw_text: String,
    run: String,
    run_links: usize,
    open_links: usize,
    h1: Capture,
    byline: Capture,
}

impl Builder {
    fn new() -> Self {
        let root = Elem {
            tag: "#document".into(),
            parent: 0,
            dropped: false,
            weight: 0,
        };
        Builder {
            out: Outline {
                elems: vec![root],
                ..Outline::default()
            },
            stack: vec![0],
            raw: Raw::None,
            raw_text: String::new(),
            run: String::new(),
            run_links: 0,
            open_links: 0,
            h1: Capture::default(),
            byline: Capture::default(),
        }
    }

    fn top(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let attr = |k: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == k)
                .map(|a| a.value.to_string())
        };
        if let Some(raw) = self.head(name, &attr) {
            return raw;
        }
        if name == "br" {
            self.push_break();
            return TokenSinkResult::Continue;
        }
        if BLOCK.contains(&name) || name == "hr" {
            self.flush();
        }
        if VOID.contains(&name) || tag.self_closing && !BLOCK.contains(&name) {
            return TokenSinkResult::Continue;
        }
        // A new paragraph or block ends an open paragraph, as browsers do.
        if BLOCK.contains(&name) && self.out.elems[self.top()].tag == "p" {
            self.stack.pop();
        }
        if self.stack.len() >= MAX_DEPTH {
            return TokenSinkResult::Continue;
        }
        let parent = self.top();
        let (dropped, weight) = judge(name, &attr);
        let byline = attr("rel").is_some_and(|r| r.contains("author"))
            || attr("class").is_some_and(|c| words(&c).any(|w| w == "byline" || w == "author"));
        self.out.elems.push(Elem {
            tag: name.to_string(),
            parent,
            dropped: dropped || self.out.elems[parent].dropped,
            weight,
        });
        self.stack.push(self.out.elems.len() - 1);
        if name == "a" {
            self.open_links += 1;
        }
        if name == "h1" && self.out.h1.is_none() && self.h1.depth.is_none() {
            self.h1.depth = Some(self.stack.len());
        }
        if byline && self.out.byline.is_none() && self.byline.depth.is_none() {
            self.byline.depth = Some(self.stack.len());
        }
        TokenSinkResult::Continue
    }

    /// Tags read for what they hold rather than as page structure: raw text (scripts, styles,
    /// the title: the tokenizer is told, as the tree builder would) and metadata (`meta`,
    /// `link rel=canonical`, `time datetime`). Returns the tokenizer's next state for raw text.
    fn head(
        &mut self,
        name: &str,
        attr: &dyn Fn(&str) -> Option<String>,
    ) -> Option<TokenSinkResult<()>> {
        match name {
            "script" => {
                let json_ld = attr("type").is_some_and(|t| t.trim() == "application/ld+json");
                self.raw = if json_ld { Raw::JsonLd } else { Raw::Skip };
                self.raw_text.clear();
                return Some(TokenSinkResult::RawData(RawKind::ScriptData));
            }
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                self.raw = Raw::Skip;
                return Some(TokenSinkResult::RawData(RawKind::Rawtext));
            }
            "title" | "textarea" => {
                let first = name == "title" && self.out.title.is_none();
                self.raw = if first { Raw::Title } else { Raw::Skip };
                self.raw_text.clear();
                return Some(TokenSinkResult::RawData(RawKind::Rcdata));
            }
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"));
                if let (Some(k), Some(v)) = (key, attr("content")) {
                    self.out.meta.push((k.trim().to_ascii_lowercase(), v));
                }
            }
            "link" => {
                let rel = attr("rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.out.canonical.is_none()
                {
                    self.out.canonical = attr("href");
                }
            }
            "time" => {
                if let Some(dt) = attr("datetime") {
                    if attr("pubdate").is_some()
                        || attr("itemprop").as_deref() == Some("datePublished")
                    {
                        self.out.times.insert(0, dt);
                    } else if self.out.times.len() < 8 {
                        self.out.times.push(dt);
                    }
                }
            }
            _ => {}
        }
        None
    }

    fn end(&mut self, name: &str) {
        if self.raw != Raw::None {
            let text = std::mem::take(&mut self.raw_text);
            match self.raw {
                Raw::Title => self.out.title = Some(collapse(&text)),
                Raw::JsonLd => self.out.json_ld.push(text),
                _ => {}
            }
            self.raw = Raw::None;
            return;
        }
        // Close the innermost open element of this name (and all inside it); ignore a stray end.
        let Some(pos) = self
            .stack
            .iter()
            .rposition(|&e| self.out.elems[e].tag == name)
        else {
            return;
        };
        if pos == 0 {
            return;
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        for &e in &self.stack[pos..] {
            if self.out.elems[e].tag == "a" {
                self.open_links = self.open_links.saturating_sub(1);
            }
        }
        self.stack.truncate(pos);
        let depth = self.stack.len();
        if self.h1.depth.is_some_and(|d| d > depth) {
            self.h1.depth = None;
            self.out.h1 = Some(collapse(&std::mem::take(&mut self.h1.text)));
        }
        if self.byline.depth.is_some_and(|d| d > depth) {
            self.byline.depth = None;
            let text = collapse(&std::mem::take(&mut self.byline.text));
            self.out.byline = (!text.is_empty()).then_some(text);
        }
    }

    fn text(&mut self, t: &str) {
        if self.raw != Raw::None {
            if self.raw != Raw::Skip {
                self.raw_text.push_str(t);
            }
            return;
        }
        if self.h1.depth.is_some() {
            self.h1.text.push_str(t);
        }
        if self.byline.depth.is_some() {
            self.byline.text.push_str(t);
        }
        if self.out.elems[self.top()].dropped {
            return;
        }
        let before = self.run.chars().count();
        for c in t.chars() {
            self.push_char(c);
        }
        if self.open_links > 0 {
            self.run_links += self.run.chars().count() - before;
        }
    }

    /// Appends one character, collapsing white space.
    fn push_char(&mut self, c: char) {
        if c.is_whitespace() || c == '\u{a0}' {
            if !self.run.is_empty() && !self.run.ends_with([' ', '\n']) {
                self.run.push(' ');
            }
            return;
        }
        self.run.push(c);
    }

    /// A `<br>`: a line break inside the block; two in a row end the paragraph.
    fn push_break(&mut self) {
        let trimmed = self.run.trim_end_matches(' ').len();
        self.run.truncate(trimmed);
        if self.run.ends_with('\n') {
            self.flush();
        } else if !self.run.is_empty() {
            self.run.push('\n');
        }
    }

    /// Ends the current run of text as a block of the nearest block element.
    fn flush(&mut self) {
        let text = self.run.trim().to_string();
        self.run.clear();
        let links = std::mem::take(&mut self.run_links);
        if text.is_empty() {
            return;
        }
        let elem = self
            .stack
            .iter()
            .rev()
            .copied()
            .find(|&e| BLOCK.contains(&self.out.elems[e].tag.as_str()))
            .unwrap_or(0);
        self.out.blocks.push(Block {
            elem,
            text,
            link_chars: links,
        });
    }
}

/// White space collapsed to single spaces, trimmed.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "dom_tests.rs"]
mod tests;
