//! Reporting cues: a verb or phrase of saying, who it names as the source, and where what was
//! said lies.
//!
//! Takes segmented text and the quoted spans; gives [`Cue`]s. A cue's speaker is a token range
//! (the mention as written, `Port Authority Director Ines Dahl`, `he`, `a longtime adviser to ...`);
//! deciding *who* that is belongs to `resolve`. A cue's content is what the source said in
//! reported speech; when that content is a quoted span, `quotes::find` turns it into a direct
//! quote instead. Rules work on word classes and the verb lexicon, never on particular names.

use std::ops::Range;

use super::marks::QuotedSpan;
use super::words::*;
use crate::lexicon::{Frames, Lexicon, PhraseKind, VerbForm};
use crate::segment::{Segments, Token, TokenKind};

/// Where a cue's content lies relative to the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// `X said (that) ...`, `X told reporters ...`, `according to X, ...`.
    After,
    /// `..., X said.`, `"...," said X.`, `..., according to X.`
    Before,
}

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerRole {
    /// The subject before the verb.
    Subject,
    /// After the verb: `said Varga`, `reports Interfax`.
    Inverted,
    /// After `according to`.
    Source,
    /// Borrowed from the main clause: `..., adding that ...`.
    MainClause,
}

#[derive(Debug, Clone)]
pub struct Cue {
    /// Tokens of the verb or phrase.
    pub verb: Range<usize>,
    pub lemma: String,
    pub frames: Frames,
    pub speaker: Option<Range<usize>>,
    pub speaker_role: SpeakerRole,
    pub orientation: Orientation,
    /// What was said, as tokens (may be empty when the content is a quote found elsewhere).
    pub content: Range<usize>,
    /// First and one-past-last token of the cue itself (speaker and verb together).
    pub extent: Range<usize>,
    /// The verb stands inside a quoted span: speech reported within a quote.
    pub inside_quote: bool,
    /// The content was introduced by `that`, a colon or a quotation mark.
    pub introduced: bool,
    pub confidence: f32,
}

struct Ctx<'a> {
    seg: &'a Segments,
    lex: &'a Lexicon,
    quoted: &'a [QuotedSpan],
}

impl Ctx<'_> {
    fn t(&self, i: usize) -> &Token {
        &self.seg.tokens[i]
    }

    fn lower(&self, i: usize) -> &str {
        &self.seg.tokens[i].lower
    }

    fn is_verb_token(&self, i: usize) -> bool {
        let t = self.t(i);
        t.kind == TokenKind::Word && !t.capitalized && self.lex.verb(&t.lower).is_some()
    }

    fn in_outer_quote(&self, i: usize) -> bool {
        self.quoted
            .iter()
            .any(|q| q.depth == 0 && q.open < i && i < q.last() && q.close.is_some())
    }

    /// The quoted span opened by token `i`.
    fn quote_opened_at(&self, i: usize) -> Option<&QuotedSpan> {
        self.quoted.iter().find(|q| q.open == i)
    }
}

/// Finds every reporting cue in the article.
pub fn find(seg: &Segments, quoted: &[QuotedSpan], lex: &Lexicon) -> Vec<Cue> {
    let cx = Ctx { seg, lex, quoted };
    let mut cues: Vec<Cue> = Vec::new();
    for sent in &seg.sentences {
        let mut i = sent.start;
        while i < sent.end {
            if let Some((cue, next)) = phrase_cue(&cx, sent, i, &cues) {
                cues.push(cue);
                i = next;
                continue;
            }
            if cx.is_verb_token(i) {
                if let Some(cue) = verb_cue(&cx, sent, i, i + 1, &cues) {
                    i = cue.verb.end;
                    cues.push(cue);
                    continue;
                }
            }
            i += 1;
        }
    }
    cues
}

fn matches_phrase(cx: &Ctx, at: usize, words: &[&str], end: usize) -> bool {
    at + words.len() <= end
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| cx.lower(at + k) == *w)
}

fn phrase_cue(cx: &Ctx, sent: &Range<usize>, i: usize, done: &[Cue]) -> Option<(Cue, usize)> {
    let phrase = cx
        .lex
        .phrases_starting(cx.lower(i))
        .find(|p| matches_phrase(cx, i, &p.words, sent.end))?;
    let after = i + phrase.words.len();
    match phrase.kind {
        PhraseKind::SourceAfter => according_to(cx, sent, i, after).map(|c| (c, after)),
        PhraseKind::Verb => {
            let mut cue = verb_cue(cx, sent, i, after, done)?;
            cue.lemma = phrase.words.join(" ");
            Some((cue, after))
        }
    }
}

/// `according to X, ...` and `..., according to X.`
fn according_to(cx: &Ctx, sent: &Range<usize>, i: usize, after: usize) -> Option<Cue> {
    let mut k = after;
    while k < sent.end && k < after + 16 {
        let t = cx.t(k);
        if t.is_punct(',') || t.is_terminal() || t.is_punct(';') || t.is_quote() || t.is_punct('(')
        {
            break;
        }
        k += 1;
    }
    if k == after {
        return None;
    }
    let speaker = after..k;
    // "..., according to X, who ...": a source after a comma, with a clause before it, reports
    // that clause; what follows the source describes the source.
    let clause_before = i > sent.start
        && cx.t(i - 1).is_punct(',')
        && (sent.start..i - 1).filter(|&m| cx.t(m).is_word()).count() >= 3;
    let (orientation, content) =
        if !clause_before && k < sent.end && cx.t(k).is_punct(',') && k + 1 < sent.end {
            (Orientation::After, content_to_end(cx, sent, k + 1))
        } else if i > sent.start && (cx.t(i - 1).is_punct(',') || cx.t(i - 1).is_quote()) {
            (Orientation::Before, trim_content(cx, sent.start..i - 1))
        } else {
            return None;
        };
    if content.is_empty() {
        return None;
    }
    Some(Cue {
        verb: i..after,
        lemma: "according to".into(),
        frames: Frames {
            clause: true,
            ..Frames::default()
        },
        speaker: Some(speaker),
        speaker_role: SpeakerRole::Source,
        orientation,
        content,
        extent: i..k,
        inside_quote: cx.in_outer_quote(i),
        introduced: true,
        confidence: 0.8,
    })
}

/// A cue built on the verb at `v` (or a verb phrase `v..after`).
fn verb_cue(cx: &Ctx, sent: &Range<usize>, v: usize, after: usize, done: &[Cue]) -> Option<Cue> {
    let word = cx.lower(v).to_string();
    let (frames, form, lemma) = match cx.lex.verb(&word) {
        Some(verb) if after == v + 1 => (verb.frames, verb.form, verb.lemma.to_string()),
        _ => {
            let p = cx
                .lex
                .phrases
                .iter()
                .find(|p| matches_phrase(cx, v, &p.words, sent.end))?;
            let frames = Frames {
                clause: true,
                object: p.words.contains(&"for") || p.words.contains(&"on"),
                ..Frames::default()
            };
            (frames, p.form, p.words.join(" "))
        }
    };
    // What stands before the verb, past adverbs and auxiliaries.
    let mut j = v;
    let mut aux_be = false;
    let mut aux_any = false;
    let mut negated = false;
    while j > sent.start {
        let t = cx.t(j - 1);
        // A parenthesis between subject and verb: "Sen. Tessa Marlow (D-Ore.) said".
        if t.is_punct(')') {
            if let Some(open) = (sent.start..j - 1)
                .rev()
                .take(10)
                .find(|&k| cx.t(k).is_punct('('))
            {
                j = open;
                continue;
            }
        }
        if is_adverb(t) || (t.is_word() && is_auxiliary(&t.lower) && !t.capitalized) {
            aux_be |= is_be(&t.lower);
            aux_any |= is_auxiliary(&t.lower);
            negated |= matches!(t.lower.as_str(), "not" | "never" | "n't" | "’t");
            j -= 1;
        } else {
            break;
        }
    }
    let left = (j > sent.start).then(|| cx.t(j - 1));
    // "did not say", "has never claimed": a denial of speech is not a report of it.
    if negated
        || cx.t(j.saturating_sub(1)).lower.ends_with("n't")
        || cx.t(j.saturating_sub(1)).lower.ends_with("n’t")
    {
        return None;
    }
    // A noun, not a verb: "the report", "his claims", "Varga’s remarks", "in response".
    if let Some(l) = left {
        if l.is_word()
            && !aux_any
            && (is_determiner(&l.lower)
                || l.is_possessive()
                || (l.lower == "to" && form == VerbForm::Base))
        {
            return None;
        }
        if l.is_word()
            && matches!(
                l.lower.as_str(),
                "of" | "for" | "in" | "on" | "with" | "by" | "from"
            )
            && form != VerbForm::Ing
        {
            return None;
        }
    }
    // Passives and reduced relatives: "it was reported", "remarks reported by the Harbor Post".
    let next = (after < sent.end).then(|| cx.t(after));
    if form == VerbForm::Past && (aux_be || next.is_some_and(|n| n.lower == "by")) {
        return None;
    }
    if form == VerbForm::Past && next.is_some_and(|n| n.lower == "as") && !frames.clause {
        return None;
    }
    // Right after a closing quotation mark (`,” Varga said` / `,” said Varga`): this cue
    // attributes that quote, whatever follows it.
    let after_quote = follows_closing_quote(cx, sent, j);
    if frames.after_quote && !after_quote {
        return None;
    }
    // Base forms need a clear subject: "officials say", "they warn", "will say".
    if form == VerbForm::Base && !aux_any {
        let ok = left.is_some_and(|l| {
            l.is_word()
                && (is_subject_pronoun(&l.lower)
                    || l.lower == "who"
                    // Counted people: "seven in 10 say", "40 percent say", "most say".
                    || l.kind == TokenKind::Number
                    || matches!(
                        l.lower.as_str(),
                        "percent" | "most" | "many" | "some" | "few" | "half" | "majority"
                            | "minority" | "both" | "all" | "others"
                    )
                    || (l.lower.ends_with('s') && !l.is_possessive() && !is_preposition(&l.lower)))
        });
        if !ok {
            return None;
        }
    }
    // A present-tense form right before punctuation is a plural noun ("Chilean attacks,"), and
    // one needs a subject that can speak: a name, a pronoun, a person or organisation noun.
    if matches!(form, VerbForm::Third | VerbForm::Base)
        && after == v + 1
        && next.is_none_or(|n| matches!(n.kind, TokenKind::Punct(_)))
        && !next.is_some_and(|n| {
            (n.is_punct(',') || n.is_punct(':'))
                && cx.seg.tokens.get(after + 1).is_some_and(|q| q.is_quote())
        })
        && !left.is_some_and(|l| {
            is_subject_pronoun(&l.lower)
                || matches!(l.lower.as_str(), "who" | "which")
                // "Varga says, most of the money ...": a name speaking before a comma and a clause.
                || (l.capitalized
                    && cx.lex.demonym(&l.lower).is_none()
                    && next.is_some_and(|n| n.is_punct(','))
                    && cx.seg.tokens.get(after + 1).is_some_and(|w| w.is_word()))
        })
    {
        return None;
    }
    if form == VerbForm::Third && !aux_any {
        // "A person close to the mayor says": the subject's head, not the word before
        // the verb, shows who speaks.
        let person_in_subject = || {
            subject_before(cx, sent, j).is_some_and(|np| {
                np.clone().any(|k| {
                    let t = cx.t(k);
                    t.is_word()
                        && (cx.lex.is_anonymous_head(&t.lower) || cx.lex.is_title_word(&t.lower))
                })
            })
        };
        // The word before the verb first; the subject phrase only when that is not enough.
        let ok = left.is_none_or(|l| {
            !l.is_word()
                || is_subject_pronoun(&l.lower)
                || matches!(l.lower.as_str(), "who" | "that")
                || (l.capitalized && cx.lex.demonym(&l.lower).is_none())
                || cx.lex.is_anonymous_head(&l.lower)
                || cx.lex.is_org_word(&l.lower)
                || cx.lex.is_title_word(&l.lower)
        }) || person_in_subject();
        if !ok {
            return None;
        }
    }
    // Object-frame-only verbs ("praised", "urged") are cues only with a named subject or as a
    // participle after a comma; they report less reliably.
    let object_only = frames.object && !frames.clause && !frames.tell;

    let inside_quote = cx.in_outer_quote(v);
    let mut cue = Cue {
        verb: v..after,
        lemma,
        frames,
        speaker: None,
        speaker_role: SpeakerRole::Subject,
        orientation: Orientation::After,
        content: after..after,
        extent: v..after,
        inside_quote,
        introduced: false,
        confidence: if object_only { 0.55 } else { 0.8 },
    };

    // Participles after a comma or a subordinator take the main clause's subject.
    let participial = form == VerbForm::Ing
        && left.is_none_or(|l| {
            l.is_punct(',')
                || matches!(
                    l.lower.as_str(),
                    "before" | "after" | "while" | "when" | "by" | "without" | "and" | "as"
                )
        });
    if participial && (object_only || done.iter().any(|c| c.content.start == v)) {
        return None;
    }
    if participial {
        cue.speaker_role = SpeakerRole::MainClause;
        let reported = done
            .iter()
            .rev()
            .find(|c| c.verb.start >= sent.start && c.verb.start < v && c.speaker.is_some())
            .and_then(|c| c.speaker.clone());
        // "The envoys met twice, indicating that ...": an evidential participle after
        // a clause that reports no speech says what the event shows, not what anyone said.
        if reported.is_none() && is_evidential(&cue.lemma) {
            return None;
        }
        cue.speaker = reported.or_else(|| main_subject(cx, sent, v));
        cue.confidence -= 0.1;
    } else if form == VerbForm::Ing && left.is_some_and(|l| !l.is_word()) {
        return None;
    } else if let Some(np) = subject_before(cx, sent, j) {
        cue.extent.start = np.start;
        cue.speaker = Some(np);
    } else if matches!(form, VerbForm::Past | VerbForm::Third)
        && !frames.tell
        && !object_only
        && after == v + 1
        && left
            .is_none_or(|l| l.is_punct(',') || l.is_quote() || l.is_punct('—') || l.is_punct('–'))
    {
        // Inverted: `..., said Varga`, `"...," said a longtime adviser to ...`, `reports the Harbor Post`.
        let np = subject_after(cx, sent, after)?;
        cue.extent.end = np.end;
        cue.speaker = Some(np);
        cue.speaker_role = SpeakerRole::Inverted;
        cue.orientation = Orientation::Before;
        cue.content = content_before(cx, sent, v, j);
        return Some(cue);
    } else {
        return None;
    }
    let speaker = cue.speaker.clone()?;
    if !can_speak(cx, &speaker, frames.animate) {
        return None;
    }

    // Content after the verb.
    let (start, how) = complement_start(cx, sent, after, frames);
    let (start, how) = if after_quote
        && how != Start::Quote
        && !cx.seg.tokens.get(start).is_some_and(|t| t.is_quote())
    {
        (sent.end, Start::End)
    } else {
        (start, how)
    };
    match how {
        Start::End => {
            // "..., who advised the bank.": a relative clause reports nothing before it.
            if cue
                .speaker
                .as_ref()
                .is_some_and(|r| matches!(cx.lower(r.start), "who" | "which"))
            {
                return None;
            }
            cue.orientation = Orientation::Before;
            cue.content = content_before(cx, sent, v, cue.extent.start);
        }
        Start::Comma if !cx.t(start.min(sent.end - 1)).is_quote() && start < sent.end => {
            // Parenthetical `Even so, she stressed, rebuilding the pier ...`: the clause after.
            cue.content = content_to_end(cx, sent, start);
            cue.introduced = true;
        }
        _ => {
            cue.introduced = matches!(
                how,
                Start::That | Start::Colon | Start::Quote | Start::Comma
            );
            let subordinate = clause_is_subordinate(cx, sent, cue.extent.start);
            cue.content = content_to_end(cx, sent, start);
            if subordinate {
                cue.content = cut_at_main_clause(cx, cue.content.clone());
            }
            if object_only
                && (cue.content.clone().filter(|&k| cx.t(k).is_word()).count() < 4
                    || matches!(
                        cx.lower(cue.content.start),
                        "to" | "not" | "for" | "about" | "as"
                    ))
            {
                return None;
            }
            let clause_follows =
                starts_clause(cx, cue.content.start) && looks_like_clause(cx, &cue.content);
            if !(cue.introduced || object_only || frames.tell || clause_follows) {
                if object_only || frames.object {
                    cue.confidence = 0.55;
                } else {
                    return None;
                }
            }
        }
    }
    cue.extent.end = cue.extent.end.max(after);
    Some(cue)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    That,
    Colon,
    Comma,
    Quote,
    Plain,
    End,
}

/// Where the complement of a verb ending at `k` starts, past adverbs, time words, an addressee
/// (`told reporters`) and adjunct phrases (`in a statement`, `on Tuesday`).
fn complement_start(cx: &Ctx, sent: &Range<usize>, mut k: usize, frames: Frames) -> (usize, Start) {
    let end = sent.end;
    if frames.tell && k < end && cx.lower(k) != "that" {
        k = skip_addressee(cx, k, end);
    }
    let mut steps = 0;
    while k < end && steps < 12 {
        steps += 1;
        let t = cx.t(k);
        let w = t.lower.as_str();
        if t.is_terminal() {
            return (end, Start::End);
        }
        if w == "that" {
            return (k + 1, Start::That);
        }
        if t.is_punct(':') {
            return (k + 1, Start::Colon);
        }
        if t.is_punct(',') || t.is_punct('—') || t.is_punct('–') {
            let next_is_clause_cue = k + 1 < end && {
                let n = cx.t(k + 1);
                n.lower == "according" || is_clause_participle(cx, &n.lower)
            };
            return if k + 1 >= end || cx.t(k + 1).is_terminal() || next_is_clause_cue {
                (end, Start::End)
            } else {
                (k + 1, Start::Comma)
            };
        }
        if t.is_quote() {
            return if cx.quote_opened_at(k).is_some() {
                (k, Start::Quote)
            } else {
                (end, Start::End)
            };
        }
        if is_adverb(t) || (is_time_word(w) && !t.capitalized) || (t.capitalized && is_time_word(w))
        {
            k += 1;
            continue;
        }
        let infinitive = w == "to"
            && cx.seg.tokens.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && !n.capitalized
                    && !is_determiner(&n.lower)
                    && !is_object_pronoun(&n.lower)
                    && !matches!(n.lower.as_str(), "reporters" | "journalists")
            });
        if is_preposition(w) && !matches!(w, "of" | "about" | "for") && !infinitive {
            // An adjunct phrase reaching a comma, "that", a colon or the sentence end.
            let mut m = k + 1;
            while m < end && m < k + 10 {
                let u = cx.t(m);
                if u.lower == "that"
                    || u.is_punct(',')
                    || u.is_punct(':')
                    || u.is_terminal()
                    || u.is_quote()
                {
                    break;
                }
                if cx.is_verb_token(m) || (is_auxiliary(&u.lower) && !u.capitalized) {
                    return (k, Start::Plain);
                }
                m += 1;
            }
            if m >= end || m >= k + 10 {
                return if m >= end {
                    (end, Start::End)
                } else {
                    (k, Start::Plain)
                };
            }
            k = m;
            continue;
        }
        return (k, Start::Plain);
    }
    (k.min(end), if k >= end { Start::End } else { Start::Plain })
}

/// Whether the subject ending before token `j` (or the verb at `j`) comes right after a closing
/// quotation mark, allowing a comma or dash between: `“…,” Varga said` / `“…,” said Varga`.
fn follows_closing_quote(cx: &Ctx, sent: &Range<usize>, j: usize) -> bool {
    // Walk back over a short subject (a name, a pronoun, a title and name).
    let mut k = j;
    let mut steps = 0;
    while k > 0 && steps < 8 {
        let t = cx.t(k - 1);
        if t.is_word()
            && (t.capitalized
                || is_subject_pronoun(&t.lower)
                || is_determiner(&t.lower)
                || t.is_possessive()
                || cx.lex.is_title_word(&t.lower)
                || cx.lex.is_anonymous_head(&t.lower)
                || t.lower == "former")
            || t.is_punct('.')
        {
            k -= 1;
            steps += 1;
            continue;
        }
        break;
    }
    for start in [k, j] {
        let mut m = start;
        while m > 0 && matches!(cx.t(m - 1).kind, TokenKind::Punct(',' | '—' | '–' | '-')) {
            m -= 1;
        }
        let same_paragraph =
            m > 0 && cx.t(m - 1).paragraph == cx.t(j.min(cx.seg.tokens.len() - 1)).paragraph;
        if same_paragraph
            && matches!(
                cx.t(m - 1).kind,
                TokenKind::Quote(
                    _,
                    crate::segment::Role::Close | crate::segment::Role::Either
                )
            )
            && cx.quoted.iter().any(|q| q.close == Some(m - 1))
        {
            return true;
        }
    }
    let _ = sent;
    false
}

/// `adding`, `saying`, `telling`: a participle that starts a reporting clause of its own.
fn is_clause_participle(cx: &Ctx, w: &str) -> bool {
    cx.lex
        .verb(w)
        .is_some_and(|v| v.form == VerbForm::Ing && (v.frames.clause || v.frames.tell))
}

/// Skips the addressee of `told`/`assured`: a pronoun, a capitalised name, or a short noun phrase.
fn skip_addressee(cx: &Ctx, k: usize, end: usize) -> usize {
    let t = cx.t(k);
    if is_object_pronoun(&t.lower) {
        return k + 1;
    }
    let mut m = k;
    if is_determiner(&t.lower) {
        m += 1;
    }
    let mut n = 0;
    while m < end && n < 5 {
        let u = cx.t(m);
        if !u.is_word()
            || u.lower == "that"
            || is_preposition(&u.lower)
            || is_subject_pronoun(&u.lower)
        {
            break;
        }
        if !u.capitalized
            && n > 0
            && !matches!(
                u.lower.as_str(),
                "reporters" | "journalists" | "outlet" | "press"
            )
        {
            break;
        }
        m += 1;
        n += 1;
        if !u.capitalized && n == 1 && matches!(u.lower.as_str(), "reporters" | "journalists") {
            break;
        }
    }
    m
}

/// Whether a clause can start at token `k`: a subject-like word, not an adjective or a verb.
fn starts_clause(cx: &Ctx, k: usize) -> bool {
    let Some(t) = cx.seg.tokens.get(k) else {
        return false;
    };
    t.capitalized
        || t.kind == TokenKind::Number
        || t.is_quote()
        || is_determiner(&t.lower)
        || is_subject_pronoun(&t.lower)
        // A gerund subject: "says expanding the monument will protect ...".
        || (t.lower.ends_with("ing") && t.lower.len() > 5)
        || matches!(
            t.lower.as_str(),
            "there"
                | "if"
                | "when"
                | "while"
                | "because"
                | "as"
                | "given"
                | "despite"
                | "without"
                | "all"
                | "both"
                | "many"
                | "most"
                | "none"
                | "nothing"
                | "everyone"
                | "everything"
                | "nobody"
                | "someone"
                | "something"
                | "one"
                | "more"
                | "few"
                | "several"
                | "only"
                | "once"
        )
        || cx.lex.is_anonymous_head(&t.lower)
        || t.lower.ends_with('s') && !t.lower.ends_with("ss") && !t.lower.ends_with("ous")
}

/// Whether a subject phrase can be a source: demonstrative phrases about things ("This stance")
/// are not, and verbs like `underscore` or `signal` report speech only with a name, a pronoun or
/// a person noun as subject.
fn can_speak(cx: &Ctx, np: &Range<usize>, animate_only: bool) -> bool {
    let first = cx.t(np.start);
    let head = cx.t(np.end - 1);
    let person_head = cx.lex.is_anonymous_head(&head.lower) || cx.lex.is_title_word(&head.lower);
    if matches!(
        first.lower.as_str(),
        "this" | "these" | "that" | "those" | "it" | "which"
    ) && !person_head
        && !head.capitalized
    {
        return false;
    }
    if !animate_only {
        return true;
    }
    head.capitalized && !head.is_possessive()
        || matches!(
            head.lower.as_str(),
            "he" | "she" | "they" | "we" | "i" | "who"
        )
        || person_head
}

/// A reported clause has something verb-like after its first word.
fn looks_like_clause(cx: &Ctx, r: &Range<usize>) -> bool {
    let words = r.clone().filter(|&k| cx.t(k).is_word()).count();
    words >= 3
        && (r
            .clone()
            .take(2)
            .any(|k| strip_contraction(&cx.t(k).lower).1)
            || r.clone().skip(1).any(|k| {
                let t = cx.t(k);
                !t.capitalized
                    && (is_auxiliary(&t.lower)
                        || t.lower.ends_with("ed")
                        || t.lower.ends_with("n't")
                        || t.lower.ends_with("’t"))
            }))
}

/// The sentence opens with a subordinator before the cue's subject (`While X said ..., Y ...`).
fn clause_is_subordinate(cx: &Ctx, sent: &Range<usize>, subject_start: usize) -> bool {
    (sent.start..subject_start).any(|k| {
        matches!(
            cx.lower(k),
            "while"
                | "although"
                | "though"
                | "as"
                | "because"
                | "since"
                | "if"
                | "when"
                | "whereas"
        )
    })
}

/// In `While X confirmed that A, B.`, the content is A: it ends at the comma before the main clause.
fn cut_at_main_clause(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    for k in r.clone() {
        if cx.t(k).is_punct(',') && k + 1 < r.end {
            let n = cx.t(k + 1);
            if is_subject_pronoun(&n.lower) || is_determiner(&n.lower) {
                return r.start..k;
            }
        }
    }
    r
}

/// From `start` to the end of the sentence, stopping before `, according to`, a participial cue
/// (`, adding ...`) or a semicolon, and reaching past the sentence end when a quote opened inside
/// closes later.
fn content_to_end(cx: &Ctx, sent: &Range<usize>, start: usize) -> Range<usize> {
    let mut end = sent.end;
    let mut k = start;
    while k < sent.end {
        let t = cx.t(k);
        if t.is_punct(';') {
            end = k;
            break;
        }
        if t.is_punct(',') && k + 1 < sent.end {
            let n = cx.t(k + 1);
            let participle = is_clause_participle(cx, &n.lower);
            let inverted = k + 2 < sent.end
                && cx.lex.verb(&n.lower).is_some_and(|v| {
                    matches!(v.form, VerbForm::Past | VerbForm::Third) && v.frames.clause
                })
                && !n.capitalized
                && cx.t(k + 2).is_word()
                && (cx.t(k + 2).capitalized || is_determiner(&cx.t(k + 2).lower));
            if n.lower == "according" || participle || inverted {
                end = k;
                break;
            }
        }
        if let Some(q) = cx.quote_opened_at(k) {
            if q.depth == 0 {
                k = q.last().max(k) + 1;
                end = end.max(k.min(cx.seg.paragraphs[q.paragraph].end));
                continue;
            }
        }
        k += 1;
    }
    trim_content(cx, start..end.max(start))
}

/// The clause before a cue: from the sentence start (or the end of an earlier clause) to the
/// punctuation before the cue's first token.
fn content_before(cx: &Ctx, sent: &Range<usize>, _verb: usize, cue_start: usize) -> Range<usize> {
    if cue_start <= sent.start {
        return cue_start..cue_start;
    }
    let before = cx.t(cue_start - 1);
    if !(before.is_punct(',') || before.is_quote() || before.is_punct('—') || before.is_punct('–'))
    {
        return cue_start..cue_start;
    }
    trim_content(cx, sent.start..cue_start)
}

/// Drops leading `that` and punctuation, trailing punctuation, from a token range.
fn trim_content(cx: &Ctx, r: Range<usize>) -> Range<usize> {
    let (mut a, mut b) = (r.start, r.end);
    while a < b && (cx.lower(a) == "that" || matches!(cx.t(a).kind, TokenKind::Punct(_))) {
        a += 1;
    }
    while b > a && matches!(cx.t(b - 1).kind, TokenKind::Punct(_)) {
        b -= 1;
    }
    a..b
}

/// Whether token `k` (left of a subject) ends the subject phrase.
fn is_left_boundary(cx: &Ctx, k: usize, sent_start: usize) -> bool {
    let t = cx.t(k);
    match t.kind {
        TokenKind::Quote(..) => true,
        TokenKind::Punct('.') => {
            // "Sen. Ines Dahl": the dot of an abbreviation.
            !(k > sent_start && {
                let p = cx.t(k - 1);
                p.is_word()
                    && (cx.lex.is_abbreviation(&p.lower)
                        || (p.lower.chars().count() == 1 && p.capitalized))
            })
        }
        TokenKind::Punct('&' | '-' | '/') => false,
        TokenKind::Punct(_) => true,
        _ => {
            let w = t.lower.as_str();
            if t.capitalized {
                return matches!(
                    w,
                    "but"
                        | "and"
                        | "so"
                        | "or"
                        | "when"
                        | "while"
                        | "if"
                        | "as"
                        | "after"
                        | "before"
                        | "because"
                        | "although"
                        | "though"
                        | "since"
                );
            }
            let noun_use = cx.seg.tokens.get(k + 1).is_some_and(|n| n.lower == "of");
            if w == "who"
                || opens_clause(w)
                || is_auxiliary(w)
                || (cx.is_verb_token(k) && !noun_use)
            {
                return true;
            }
            if matches!(w, "and" | "or") {
                let next = cx.seg.tokens.get(k + 1);
                let prev = (k > sent_start).then(|| cx.t(k - 1));
                return next.is_some_and(|n| is_subject_pronoun(&n.lower) && !n.capitalized)
                    || prev.is_none_or(|p| {
                        !p.is_word()
                            || p.lower.ends_with("ing")
                            || (p.lower.ends_with("ed") && !p.capitalized)
                    });
            }
            false
        }
    }
}

/// The subject phrase ending just before token `j`.
fn subject_before(cx: &Ctx, sent: &Range<usize>, j: usize) -> Option<Range<usize>> {
    if j <= sent.start {
        return None;
    }
    let mut end = j; // exclusive
                     // Asides between subject and verb: `Elias Brandt, a nurse, said`, `Varga, though, said`,
                     // `Nadia Corvin, 61, who farms near the river, says`. The mention keeps appositives (the news
                     // convention) but not adverbial asides.
    let mut close: Option<usize> = None;
    let mut adverbial_only = true;
    while end > sent.start && cx.t(end - 1).is_punct(',') {
        let c = end - 1;
        let mut k = c;
        while k > sent.start && !cx.t(k - 1).is_punct(',') && c - k < 14 {
            k -= 1;
        }
        let has_open = k > sent.start + 1 && cx.t(k - 1).is_punct(',');
        if !has_open || k >= c {
            close?;
            end = c;
            break;
        }
        let first = cx.t(k);
        let adverbial = is_adverb(first)
            || matches!(
                first.lower.as_str(),
                "though" | "however" | "too" | "meanwhile" | "like"
            )
            || (is_preposition(&first.lower) && first.lower != "including" && c - k <= 8);
        let aside = adverbial
            || is_determiner(&first.lower)
            || matches!(
                first.lower.as_str(),
                "who" | "which" | "including" | "whose"
            )
            || first.kind == TokenKind::Number
            || (c - k <= 6 && first.capitalized && cx.t(k - 2).capitalized);
        if !(aside && cx.t(k - 2).is_word()) {
            close?;
            end = c;
            break;
        }
        close.get_or_insert(c);
        adverbial_only &= adverbial;
        end = k; // the comma before the aside is now last
    }
    if let Some(c) = close {
        let np = subject_before(
            cx,
            sent,
            end.saturating_sub(1).max(sent.start + 1) + usize::from(!cx.t(end - 1).is_punct(',')),
        )?;
        return Some(if adverbial_only { np } else { np.start..c });
    }
    // Trailing time words, adverbs and reflexives are not part of the subject:
    // "Dahl later Friday told", "Brandt himself said".
    while end > sent.start + 1 && {
        let t = cx.t(end - 1);
        is_reflexive(&t.lower)
            || is_adverb(t)
            || (is_time_word(&t.lower)
                && (t.capitalized
                    || matches!(
                        t.lower.as_str(),
                        "later" | "earlier" | "today" | "yesterday" | "tonight"
                    )))
    } {
        end -= 1;
    }
    let last = cx.t(end - 1);
    if !last.is_word() {
        return None;
    }
    if last.lower == "who" || last.lower == "which" {
        return Some(end - 1..end);
    }
    // The head noun may look like a reporting verb ("the auditors' report said"): as the
    // last word of the subject it is a noun.
    let noun_head = cx.is_verb_token(end - 1)
        && !is_auxiliary(&last.lower)
        && end - 1 > sent.start
        && !is_left_boundary(cx, end - 2, sent.start);
    let mut k = if noun_head { end - 1 } else { end };
    while k > sent.start && !is_left_boundary(cx, k - 1, sent.start) {
        k -= 1;
    }
    let mut start = k;
    // Leading connectives, discourse adverbs and intro prepositions.
    loop {
        if start >= end {
            return None;
        }
        let t = cx.t(start);
        if is_discourse_word(&t.lower)
            || t.lower == "with"
            || (matches!(t.kind, TokenKind::Punct(_)) && !t.is_punct('&'))
        {
            start += 1;
            continue;
        }
        if is_preposition(&t.lower) && !t.capitalized || (t.capitalized && is_preposition(&t.lower))
        {
            // "On Tuesday Dahl said": drop the time phrase; "with Lima warning": drop "with".
            let time_end = (start + 1..end.min(start + 5))
                .rev()
                .find(|&m| is_time_word(cx.lower(m)));
            start = match time_end {
                Some(m) if m + 1 < end => m + 1,
                _ => start + 1,
            };
            continue;
        }
        break;
    }
    if end - start > 16 {
        start = core_phrase_start(cx, start, end);
    }
    let first = cx.t(start);
    if !first.capitalized && first.lower.ends_with("ing") && first.lower.len() > 5 {
        return None; // "describing a fund called ...": a participle phrase, not a subject
    }
    let last = cx.t(end - 1);
    if is_determiner(&last.lower)
        || is_preposition(&last.lower)
        || matches!(last.lower.as_str(), "and" | "or")
        || (!last.capitalized && last.lower.ends_with("ing"))
    {
        return None;
    }
    Some(start..end)
}

/// The trailing capitalised phrase of an over-long subject, with its determiner.
fn core_phrase_start(cx: &Ctx, floor: usize, end: usize) -> usize {
    let mut k = end;
    while k > floor {
        let t = cx.t(k - 1);
        if t.capitalized
            || t.is_possessive()
            || is_determiner(&t.lower)
            || (t.lower == "of" && k - 1 > floor && cx.t(k - 2).capitalized)
        {
            k -= 1;
            if is_determiner(&t.lower) {
                break;
            }
        } else {
            break;
        }
    }
    if k == end {
        end - 1
    } else {
        k
    }
}

/// The speaker after an inverted verb: `said a longtime adviser to ...`, `reports the Harbor Post`.
fn subject_after(cx: &Ctx, sent: &Range<usize>, start: usize) -> Option<Range<usize>> {
    if start >= sent.end || is_preposition(cx.lower(start)) || is_time_word(cx.lower(start)) {
        return None;
    }
    let mut k = start;
    while k < sent.end && k < start + 14 {
        let t = cx.t(k);
        if !t.is_word() {
            if t.is_punct('.') && k > start && cx.lex.is_abbreviation(&cx.t(k - 1).lower) {
                k += 1;
                continue;
            }
            if t.is_punct('&') || t.is_punct('-') {
                k += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if k > start && (opens_clause(w) || w == "who" || cx.is_verb_token(k) || is_auxiliary(w)) {
            break;
        }
        if k > start && is_preposition(w) && !t.capitalized {
            let prev = cx.t(k - 1);
            let role_noun = (!prev.capitalized && !is_adverb(prev) && !is_time_word(&prev.lower))
                || (prev.capitalized && cx.lex.is_title_word(&prev.lower));
            let inner = matches!(w, "of" | "for" | "to" | "at" | "with" | "from");
            let next = cx.seg.tokens.get(k + 1);
            if !(role_noun && inner && next.is_some_and(|n| n.is_word() && !is_time_word(&n.lower)))
            {
                break;
            }
        }
        if is_time_word(w) && k > start && (t.capitalized || w == "on") {
            break;
        }
        k += 1;
    }
    while k > start && {
        let t = cx.t(k - 1);
        !t.is_word() || is_determiner(&t.lower) || is_preposition(&t.lower)
    } {
        k -= 1;
    }
    (k > start && cx.t(start).is_word() && !is_subject_pronoun(&cx.t(start).lower)
        || (k > start && matches!(cx.lower(start), "he" | "she" | "they")))
    .then_some(start..k)
}

/// The subject of a sentence's main clause, for participial cues (`The ministry has welcomed the
/// delay, suggesting ...`). Skips introductory phrases that end with a comma.
/// Verbs that usually mean "is evidence of" (`indicating`, `signaling`, `highlighting`).
fn is_evidential(lemma: &str) -> bool {
    matches!(
        lemma,
        "indicate"
            | "signal"
            | "show"
            | "highlight"
            | "underscore"
            | "underline"
            | "reflect"
            | "demonstrate"
            | "mean"
            | "imply"
            | "illustrate"
            | "reveal"
            | "signify"
    )
}

fn main_subject(cx: &Ctx, sent: &Range<usize>, before: usize) -> Option<Range<usize>> {
    let mut start = sent.start;
    // Skip an introductory phrase: `Meanwhile,`, `In a sharp turn for the port,`.
    for _ in 0..2 {
        let first = cx.t(start);
        let intro = is_discourse_word(&first.lower)
            || is_preposition(&first.lower)
            || first.lower.ends_with("ing")
            || opens_clause(&first.lower);
        if !intro {
            break;
        }
        match (start..before).find(|&k| cx.t(k).is_punct(',')) {
            Some(c) if c + 1 < before => start = c + 1,
            _ => break,
        }
    }
    while start < before
        && (cx.t(start).is_quote()
            || matches!(cx.t(start).kind, TokenKind::Punct(_))
            || is_discourse_word(cx.lower(start)))
    {
        start += 1;
    }
    let first = cx.t(start.min(before.saturating_sub(1)));
    if start >= before
        || is_preposition(&first.lower)
        || opens_clause(&first.lower)
        || is_time_word(&first.lower)
        || (!first.capitalized && first.lower.ends_with("ed"))
        || first.lower.ends_with("ing")
    {
        return None;
    }
    let mut k = start;
    while k < before && k < start + 10 {
        let t = cx.t(k);
        if !t.is_word() {
            if t.is_punct('.') && k > start && cx.lex.is_abbreviation(&cx.t(k - 1).lower) {
                k += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if !t.capitalized
            && (is_auxiliary(w)
                || is_adverb(t)
                || cx.is_verb_token(k)
                || w.ends_with("ed")
                || opens_clause(w))
        {
            break;
        }
        let after_name = k > start && cx.t(k - 1).capitalized && !is_determiner(&cx.t(k - 1).lower);
        let role_noun =
            cx.lex.is_title_word(w) || cx.lex.is_anonymous_head(w) || cx.lex.is_org_word(w);
        if !t.capitalized && after_name && !matches!(w, "of" | "and" | "for") && !role_noun {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks;
    use crate::segment::segment;
    use crate::text::Span;

    /// Each cue as `speaker | verb | content`.
    fn check(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        let seg = segment(text, Span::new(0, text.len()), lex);
        let quoted = marks::pair(&seg);
        find(&seg, &quoted, lex)
            .iter()
            .map(|c| {
                let s = |r: &Option<Range<usize>>| {
                    r.clone()
                        .map_or(String::new(), |r| seg.span(r).of(text).to_string())
                };
                format!(
                    "{} | {} | {}",
                    s(&c.speaker),
                    seg.span(c.verb.clone()).of(text),
                    s(&Some(c.content.clone()))
                )
            })
            .collect()
    }

    #[test]
    fn said_that_clause() {
        assert_eq!(
            check("The minister said that the ferry had sunk."),
            ["The minister | said | the ferry had sunk"]
        );
    }

    #[test]
    fn counted_people_and_a_name_before_a_comma_speak() {
        assert_eq!(
            check("Seven in 10 say the ferry is too slow."),
            ["Seven in 10 | say | the ferry is too slow"]
        );
        assert_eq!(
            check("Since the flood, Okafor says, many families have left."),
            ["Okafor | says | many families have left"]
        );
        // Still a plural noun: "Chilean attacks, floods and fires".
        assert!(check("Chilean attacks, floods and fires continued.").is_empty());
    }

    #[test]
    fn a_late_according_to_reports_the_clause_before_it() {
        assert_eq!(
            check("Rates will rise again, according to Ines Dahl, who advised the bank."),
            ["Ines Dahl | according to | Rates will rise again"]
        );
    }

    #[test]
    fn documents_speak_and_parentheses_stand_aside() {
        assert_eq!(
            check("Hackers reached ten servers, the inspector's report said."),
            ["the inspector's report | said | Hackers reached ten servers"]
        );
        assert_eq!(
            check("Rep. Ines Dahl (D-Ore.) said the count was rigged."),
            ["Rep. Ines Dahl | said | the count was rigged"]
        );
    }

    #[test]
    fn clauses_opening_with_a_contracted_pronoun() {
        assert_eq!(
            check("The senator says she’d vote against the bill."),
            ["The senator | says | she’d vote against the bill"]
        );
        assert_eq!(
            check("Officials say it's too early to tell."),
            ["Officials | say | it's too early to tell"]
        );
        assert_eq!(
            check("The ministry says expanding the park will protect rare birds."),
            ["The ministry | says | expanding the park will protect rare birds"]
        );
    }

    #[test]
    fn subject_with_title_and_prepositions() {
        assert_eq!(
            check("Two clerks with some sense of the ledger said the merger was dead."),
            ["Two clerks with some sense of the ledger | said | the merger was dead"]
        );
    }

    #[test]
    fn content_before_an_end_cue() {
        assert_eq!(
            check("The harbor needs dredging, he said."),
            ["he | said | The harbor needs dredging"]
        );
    }

    #[test]
    fn inverted_speaker_with_role_and_preposition() {
        assert_eq!(
            check(
                "The dam is sound, said a longtime adviser to the mayor, who asked not to be named."
            ),
            ["a longtime adviser to the mayor | said | The dam is sound"]
        );
    }

    #[test]
    fn according_to_before_and_after() {
        assert_eq!(
            check("According to two clerks close to the mayor, the ferry will resume."),
            ["two clerks close to the mayor | According to | the ferry will resume"]
        );
        assert_eq!(
            check("The ferry will resume, according to Interfax."),
            ["Interfax | according to | The ferry will resume"]
        );
    }

    #[test]
    fn parenthetical_cue_takes_the_clause_after() {
        assert_eq!(
            check("Even so, she stressed, dredging the harbor must come first."),
            ["she | stressed | dredging the harbor must come first"]
        );
    }

    #[test]
    fn participle_takes_the_main_clause_subject() {
        assert_eq!(
            check(
                "Meanwhile, the Port Authority has kept quiet, suggesting that it expects a delay."
            ),
            ["the Port Authority | suggesting | it expects a delay"]
        );
    }

    #[test]
    fn told_skips_the_addressee() {
        assert_eq!(
            check("She told reporters the tally would be close."),
            ["She | told | the tally would be close"]
        );
    }

    #[test]
    fn nouns_are_not_cues() {
        assert!(check("Varga’s remarks mark a shift. The report was long.").is_empty());
    }

    #[test]
    fn passive_is_not_a_cue() {
        assert!(check("It was reported that the ferry sank.").is_empty());
    }

    #[test]
    fn appositive_between_subject_and_verb() {
        assert_eq!(
            check("Elias Brandt, a nurse, said the clinic was full."),
            ["Elias Brandt, a nurse | said | the clinic was full"]
        );
    }

    #[test]
    fn subordinate_clause_ends_at_the_main_clause() {
        assert_eq!(
            check("While the port authority confirmed that the closure is temporary, it has not named a date."),
            ["the port authority | confirmed | the closure is temporary"]
        );
    }

    #[test]
    fn relative_pronoun_speaks() {
        assert_eq!(
            check("It angered farmers who say the levy is a money pit."),
            ["who | say | the levy is a money pit"]
        );
    }
}
