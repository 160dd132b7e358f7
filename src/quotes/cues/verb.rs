//! Verb cues: a reporting verb (or verb phrase) that reports speech where it stands.
//!
//! Takes the tokens of a sentence, a verb from the lexicon (`data/speech_verbs.txt`) or a verb
//! phrase (`data/cue_phrases.txt`), and the cues found before it in the article; gives a [`Cue`]
//! or nothing. Decides whether the word is used as a reporting verb here (not a noun, not a
//! passive, not negated, with a subject that can speak), then asks [`super::subject`] for the
//! speaker and [`super::content`] for the reported clause. Never looks past its sentence.

use std::ops::Range;

use super::super::words::*;
use super::clause::{looks_like_clause, starts_clause};
use super::complement::{answer_word, complement_start, Start};
use super::coordinated::coordinated_subject;
use super::extent::{clause_is_subordinate, content_before, content_to_end, cut_at_main_clause};
use super::inverted::subject_after;
use super::object::fit_object;
use super::subject::{after_with, can_speak, main_subject, subject_before, with_parenthesis};
use super::verb_use::{it_reports, scan_left, subject_fits_form, used_as_verb, Fit};
use super::{
    closes_quote_before, follows_closing_quote, phrase_end, Ctx, Cue, Orientation, SpeakerRole,
};
use crate::lexicon::{Frames, VerbForm};
use crate::segment::Token;

/// A cue built on the verb at `v` (or a verb phrase `v..after`).
pub(super) fn verb_cue(
    cx: &Ctx,
    sent: &Range<usize>,
    v: usize,
    after: usize,
    done: &[Cue],
) -> Option<Cue> {
    let (frames, form, lemma) = verb_entry(cx, sent, v, after)?;
    let left_ctx = scan_left(cx, sent, v);
    let j = left_ctx.j;
    let left = (j > sent.start).then(|| cx.t(j - 1));
    // "did not say", "has never claimed": a denial of speech is not a report of it.
    if left_ctx.negated
        || cx.t(j.saturating_sub(1)).lower.ends_with("n't")
        || cx.t(j.saturating_sub(1)).lower.ends_with("n’t")
    {
        return None;
    }
    if !used_as_verb(cx, sent, &left_ctx, left, after, form, frames) {
        return None;
    }
    // Right after a closing quotation mark (`,” Varga said` / `,” said Varga`): this cue
    // attributes that quote, whatever follows it.
    let after_quote = follows_closing_quote(cx, j);
    // A thing as the subject (`The memo says`) reports only a clause.
    let weak = match subject_fits_form(cx, sent, &left_ctx, left, v, after, form) {
        Fit::No => return None,
        Fit::Weak if frames.clause && !frames.object && after == v + 1 => true,
        Fit::Weak => return None,
        Fit::Yes => false,
    };
    // Object-frame-only verbs ("praised", "urged") are cues only with a named subject or as a
    // participle after a comma; they report less reliably.
    let object_only = frames.object && !frames.clause && !frames.tell;
    let mut cue = Cue {
        verb: v..after,
        lemma,
        frames,
        speaker: None,
        speaker_role: SpeakerRole::Subject,
        orientation: Orientation::After,
        content: after..after,
        extent: v..after,
        inside_quote: cx.in_outer_quote(v),
        introduced: false,
        lead: None,
        confidence: if object_only { 0.55 } else { 0.8 },
    };
    let attached = attach_speaker(cx, sent, &mut cue, left, j, form, object_only, done)?;
    // A subject with a long appositive after the quote: `"…," Ines Dahl, harbor director at
    // the agency, said of the plan.`
    let after_quote = after_quote.or_else(|| {
        (cue.speaker_role == SpeakerRole::Subject)
            .then(|| closes_quote_before(cx, cue.extent.start))
            .flatten()
    });
    if frames.after_quote && after_quote.is_none() {
        return None;
    }
    if let Attached::Inverted = attached {
        return Some(cue);
    }
    let speaker = cue.speaker.clone()?;
    if !can_speak(cx, &speaker, frames.animate) {
        return None;
    }
    attach_content(cx, sent, &mut cue, after_quote, object_only, weak)?;
    if !it_reports(cx, &cue) {
        return None;
    }
    cue.extent.end = cue.extent.end.max(after);
    Some(cue)
}

/// The frames, form and lemma of the verb at `v`, or of the verb phrase `v..after`.
fn verb_entry(
    cx: &Ctx,
    sent: &Range<usize>,
    v: usize,
    after: usize,
) -> Option<(Frames, VerbForm, String)> {
    match cx.lex.verb(cx.lower(v)) {
        Some(verb) if after == v + 1 => Some((verb.frames, verb.form, verb.lemma.to_string())),
        _ => {
            let p = cx
                .lex
                .phrases
                .iter()
                .find(|p| phrase_end(cx, v, &p.words, sent.end) == Some(after))?;
            let frames = Frames {
                clause: true,
                object: p
                    .words
                    .iter()
                    .any(|w| matches!(*w, "for" | "on" | "about" | "of" | "to" | "case")),
                ..Frames::default()
            };
            Some((frames, p.form, p.words.join(" ")))
        }
    }
}

/// How [`attach_speaker`] found the speaker.
enum Attached {
    /// A subject before the verb, or a participle's main clause: the content comes next.
    Subject,
    /// An inverted speaker after the verb: the cue is complete.
    Inverted,
}

/// Gives the cue its speaker: the main clause's subject for a participle after a comma, the
/// subject before the verb, or (`..., said Varga`) the speaker after it.
#[allow(clippy::too_many_arguments)]
fn attach_speaker(
    cx: &Ctx,
    sent: &Range<usize>,
    cue: &mut Cue,
    left: Option<&Token>,
    j: usize,
    form: VerbForm,
    object_only: bool,
    done: &[Cue],
) -> Option<Attached> {
    let (v, after) = (cue.verb.start, cue.verb.end);
    // Participles after a comma or a subordinator take the main clause's subject.
    let participial = form == VerbForm::Ing
        && left.is_none_or(|l| {
            l.is_punct(',')
                || matches!(
                    l.lower.as_str(),
                    "before" | "after" | "while" | "when" | "by" | "without" | "and" | "as"
                )
        });
    // The cues found so far in this sentence (the end of `done`), latest first.
    let in_sentence = || done.iter().rev().take_while(|c| c.verb.start >= sent.start);
    // An object verb's participle reports only after speech reported in its sentence (`X
    // said the ferry was late, citing the storm`, `"...," X said, citing ...`); after an act
    // or an announcement of one (`..., attacking the convoy`, `X announced a halt, citing
    // ...`) it gives reasons, not words.
    let after_report = || {
        in_sentence()
            .find(|c| c.verb.start < v && c.speaker.is_some())
            .is_some_and(|c| {
                c.introduced
                    || c.orientation == Orientation::Before
                    || looks_like_clause(cx, &c.content)
            })
    };
    if participial
        && ((object_only && !after_report()) || in_sentence().any(|c| c.content.start == v))
    {
        return None;
    }
    if participial {
        cue.speaker_role = SpeakerRole::MainClause;
        let reported = in_sentence()
            .find(|c| c.verb.start < v && c.speaker.is_some())
            .and_then(|c| c.speaker.clone());
        // "The envoys met twice, indicating that ...": an evidential participle after a clause
        // that reports no speech says what the event shows, not what anyone said.
        if reported.is_none() && is_evidential(&cue.lemma) {
            return None;
        }
        cue.speaker = reported.or_else(|| main_subject(cx, sent, v));
        cue.confidence -= 0.1;
        return Some(Attached::Subject);
    }
    if form == VerbForm::Ing && left.is_some_and(|l| !l.is_word()) {
        return None;
    }
    if let Some(np) = coordinated_subject(cx, sent, left, j, form, || {
        in_sentence()
            .find(|c| c.verb.start < v && c.speaker.is_some())
            .and_then(|c| Some((c.speaker.clone()?, c.verb.end)))
    }) {
        cue.speaker = Some(np);
        cue.speaker_role = SpeakerRole::MainClause;
        return Some(Attached::Subject);
    }
    if let Some(mut np) = subject_before(cx, sent, j) {
        // `with $20 million in aid confirmed for May`: a participle after `with`, no verb.
        if form == VerbForm::Past && after_with(cx, sent, &np) {
            return None;
        }
        np.end = with_parenthesis(cx, j, v).unwrap_or(np.end);
        cue.extent.start = np.start;
        cue.speaker = Some(np);
        return Some(Attached::Subject);
    }
    let inverted_position = matches!(form, VerbForm::Past | VerbForm::Third)
        && !cue.frames.tell
        // `"Is it late?" asked Varga`: right after the closing mark of a quote of some length
        // (not a title: `star of “Harbor,” thanked ...`) any reporting verb tags.
        && (!object_only
            || (left.is_some_and(|l| l.is_quote())
                && (j.saturating_sub(5)..j - 1).all(|m| !cx.t(m).is_quote())))
        && after == v + 1
        && left
            .is_none_or(|l| l.is_punct(',') || l.is_quote() || l.is_punct('—') || l.is_punct('–'));
    if !inverted_position {
        return None;
    }
    // Inverted: `..., said Varga`, `"...," said a longtime adviser to ...`, `reports Interfax`.
    let np = subject_after(cx, sent, after)?;
    cue.extent.end = np.end;
    cue.speaker = Some(np);
    cue.speaker_role = SpeakerRole::Inverted;
    cue.orientation = Orientation::Before;
    cue.content = content_before(cx, sent, v, j);
    Some(Attached::Inverted)
}

/// Gives the cue its content: the complement after the verb, or the clause before the cue
/// when nothing follows it. `None` when what follows is no report.
fn attach_content(
    cx: &Ctx,
    sent: &Range<usize>,
    cue: &mut Cue,
    after_quote: Option<usize>,
    object_only: bool,
    weak: bool,
) -> Option<()> {
    let (v, after, frames) = (cue.verb.start, cue.verb.end, cue.frames);
    let (start, how) = complement_start(cx, sent, after, frames);
    // A quote that ended its sentence is not the tag's when the cue goes on with a clause of
    // its own: `… called the plan “bold.” She noted that the council had not voted.`, or
    // when a naming verb names an object of its own: `… “bold.” Ruiz called the toll “a trap.”`
    let tags_quote = after_quote.is_some_and(|close| {
        !(close > 0
            && cx.t(close - 1).is_terminal()
            && (how == Start::That
                || (how == Start::Plain
                    && starts_clause(cx, start)
                    && looks_like_clause(cx, &(start..sent.end)))
                || names_own_object(cx, cue, start)))
    });
    let (start, how) = if tags_quote
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
            parenthetical(cx, sent, cue, start);
        }
        _ => return attach_complement(cx, sent, cue, (start, how), object_only, weak),
    }
    Some(())
}

/// `called the toll …`: a naming verb followed by an object (not `called it`, which may name
/// the quote before it).
fn names_own_object(cx: &Ctx, cue: &Cue, start: usize) -> bool {
    matches!(cue.lemma.as_str(), "call" | "label" | "brand" | "dub")
        && cx.seg.tokens.get(start).is_some_and(|t| {
            t.is_word() && !matches!(t.lower.as_str(), "it" | "this" | "that" | "so")
        })
}

/// The content of a cue whose complement follows the verb at `start`: the clause to the end
/// of the sentence (cut at the main clause after a subordinate cue). `None` when an object
/// verb's object is too short or the words are no clause.
fn attach_complement(
    cx: &Ctx,
    sent: &Range<usize>,
    cue: &mut Cue,
    (start, how): (usize, Start),
    object_only: bool,
    weak: bool,
) -> Option<()> {
    cue.introduced = matches!(
        how,
        Start::That | Start::Colon | Start::Quote | Start::Comma
    );
    if let Some(k) = answer_word(cx, sent, cue, start, how) {
        cue.content = k..k + 1;
        return Some(());
    }
    let subordinate = clause_is_subordinate(cx, sent, cue.extent.start);
    cue.content = content_to_end(cx, sent, start);
    if subordinate {
        cue.content = cut_at_main_clause(cx, cue.content.clone());
    }
    // `Morrow then asked, “With what money?”`: a quote after a comma or colon is what was
    // said, however short.
    let quoted = matches!(how, Start::Comma | Start::Colon)
        && cx.quote_opened_at(cue.content.start).is_some();
    // After `say` three words are a clause (`said each year yields a bump`, `said
    // current rules fail`): `say` rarely takes a noun phrase that long. After other
    // verbs the words need a verb, and a subject-like start or an adjective before one.
    let said =
        cue.lemma == "say" && cue.content.clone().filter(|&k| cx.t(k).is_word()).count() >= 3;
    // (`said` holds three words, so the content is not empty.)
    let modifier_start = said && !weak && {
        let first = cx.t(cue.content.start);
        first.is_word()
            && !first.capitalized
            && !is_function_word(&first.lower)
            && !is_particle(&first.lower)
            && !cx.is_verb_token(cue.content.start)
    };
    let clause_follows = modifier_start
        || (starts_clause(cx, cue.content.start) && (said || looks_like_clause(cx, &cue.content)));
    // `pledged $5 million`, `the 20 pledged delegates`: a commitment with a noun phrase.
    let infinitive = cx
        .seg
        .tokens
        .get(cue.content.start)
        .is_some_and(|t| t.lower == "to");
    if cue.frames.commit && !cue.introduced && !clause_follows && !infinitive {
        return None;
    }
    fit_object(cx, cue, object_only && !quoted, clause_follows)?;
    complement_fits(cue, object_only, weak, clause_follows)
}

/// A parenthetical cue between two commas (`A, she stressed, B`) interrupts a report: the
/// words after it are one report and the words before it another (news convention: `Even so,
/// she said, the pier ...` reports `Even so` and `the pier ...`). A lone connective before it
/// (`Still, she said, ...`) reports nothing.
fn parenthetical(cx: &Ctx, sent: &Range<usize>, cue: &mut Cue, start: usize) {
    let before = content_before(cx, sent, cue.verb.start, cue.extent.start);
    cue.introduced = true;
    cue.content = content_to_end(cx, sent, start);
    let connective = before.len() == 1 && is_discourse_word(cx.lower(before.start));
    if cue.content.is_empty() {
        cue.orientation = Orientation::Before;
        cue.content = before;
    } else if !before.is_empty() && !connective {
        cue.lead = Some(before);
    }
}

/// Whether a complement that is not introduced by `that`, a colon or a quote is reported
/// speech: a clause, the addressee of `tell`, or an object of an object verb (which reports
/// less reliably). A thing as the subject needs a clause.
fn complement_fits(
    cue: &mut Cue,
    object_only: bool,
    weak: bool,
    clause_follows: bool,
) -> Option<()> {
    let frames = cue.frames;
    if weak && !(cue.introduced || clause_follows) {
        return None;
    }
    if !(cue.introduced || object_only || frames.tell || clause_follows) {
        if object_only || frames.object {
            cue.confidence = 0.55;
        } else {
            return None;
        }
    }
    Some(())
}
