//! Capitalised runs: the word sequences that may name something.
//!
//! Takes the tokens of an article; gives [`Run`]s: capitalised words of one paragraph, joined
//! across name particles (`Ursula von der Leyen`), abbreviation dots (`Sen. Ana Ruiz`), `of`
//! after an organisation or title word (`Bank of Avalon`, `Secretary of State`), `for` after an
//! organisation word (`Center for Avalon Studies`) and alphanumeric
//! words (`Springfield 49ers`); cut at possessives and weekdays. In a title line (a headline,
//! where every content word is capitalised) capitals say nothing, so a run keeps only the words
//! the article also capitalises inside its sentences or the resources know as names. Never
//! decides what a run names (see [`super::classify()`]).

pub use super::capitals::Capitals;
use super::name_parts::{
    and_inside_org, cut_modifier, cut_possessive, is_alnum_name_part, is_model_number,
    is_plural_possessive_inside, is_spaced_hyphen, quoted_nickname, take_street_number,
};
use crate::lexicon::Lexicon;
use crate::quotes::{is_function_word, words};
use crate::segment::{Segments, Token, TokenKind};
use crate::text::Span;

/// A run of capitalised words.
#[derive(Debug, Clone)]
pub struct Run {
    pub words: Vec<Span>,
    /// The token index of each word.
    pub tokens: Vec<usize>,
    /// The first word starts its sentence or stands in a title line, where capitals say nothing.
    pub initial: bool,
}

impl Run {
    /// Token index of the first word.
    pub fn first(&self) -> usize {
        self.tokens[0]
    }

    /// Token index just after the last word.
    pub fn end(&self) -> usize {
        self.tokens[self.tokens.len() - 1] + 1
    }
}

fn is_calendar_word(w: &str) -> bool {
    words::is_month(w) || words::is_weekday(w)
}

/// A lowercase word without its possessive ending (`acme's` -> `acme`).
pub fn without_possessive(lower: &str) -> &str {
    lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(lower)
}

/// Lowercase particles that join the parts of a personal name.
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "da" | "de"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ter"
            | "ten"
            | "le"
            | "la"
            | "lo"
    )
}

fn is_cap_word(t: &Token) -> bool {
    t.capitalized && t.kind == TokenKind::Word
}

pub fn runs(text: &str, seg: &Segments, caps: &Capitals, lex: &Lexicon) -> Vec<Run> {
    let toks = &seg.tokens;
    let mut out = Vec::new();
    // One run read at a time, its vectors reused: most runs are dropped (`The`, `He` starting a
    // sentence), and those kept are copied out at their length.
    let mut run = Run {
        words: Vec::with_capacity(8),
        tokens: Vec::with_capacity(8),
        initial: false,
    };
    let mut i = 0;
    while i < toks.len() {
        if !is_cap_word(&toks[i]) || words::is_weekday(&toks[i].lower) || caps.url[i] {
            i += 1;
            continue;
        }
        let mut j = extend(toks, i, caps, lex, &mut run);
        if let Some(after) = cut_possessive(text, &mut run) {
            j = after; // the words after a possessive start a name of their own
        }
        cut_modifier(text, &mut run);
        while run
            .tokens
            .first()
            .is_some_and(|&k| not_a_name_start(toks, k, caps, lex))
        {
            run.words.remove(0);
            run.tokens.remove(0);
        }
        take_street_number(toks, &mut run);
        let single_calendar = run.tokens.len() == 1 && is_calendar_word(&toks[run.first()].lower);
        if !run.words.is_empty() && !single_calendar {
            let run = Run {
                words: run.words.clone(),
                tokens: run.tokens.clone(),
                initial: caps.initial[run.first()] || caps.title[run.first()],
            };
            // Title case inside running text: "Ana Ruiz Checks Into Avalon Clinic".
            let title_case = run.tokens[1..]
                .iter()
                .any(|&k| toks[k].capitalized && is_function_word(&toks[k].lower));
            if caps.title[i] || title_case {
                split_title_run(seg, run, caps, lex, &mut out);
            } else {
                split_at_title(toks, run, lex, &mut out);
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Reads into `run` (emptied first) the run starting at token `i`; gives the token index
/// after it.
fn extend(toks: &[Token], i: usize, caps: &Capitals, lex: &Lexicon, run: &mut Run) -> usize {
    let t = &toks[i];
    run.words.clear();
    run.tokens.clear();
    run.words.push(t.span);
    run.tokens.push(i);
    let mut j = i + 1;
    // Whether an organisation word took an `of` or `for` (`Department of Health`).
    let mut org_joint = false;
    let cap_at = |k: usize| toks.get(k).is_some_and(is_cap_word);
    let push = |run: &mut Run, k: usize| {
        run.words.push(toks[k].span);
        run.tokens.push(k);
    };
    while j < toks.len() && toks[j].paragraph == t.paragraph {
        let u = &toks[j];
        let prev = &toks[j - 1];
        if is_cap_word(u) && !words::is_weekday(&u.lower) || is_alnum_name_part(u) {
            push(run, j);
            j += 1;
        } else if is_model_number(toks, j) && (run.words.len() > 1 || !caps.initial[j - 1]) {
            // "Acme Volta 8800": a product's model number ends its name.
            push(run, j);
            j += 1;
            break;
        } else if cap_at(j + 1)
            && is_spaced_hyphen(prev, u, &toks[j + 1])
            && (caps.spaced_hyphens || prev.lower.chars().count() == 1)
            && (!caps.title[j] || prev.lower.chars().count() == 1)
        {
            // "T - Mobile" (in a headline too), and in text with spaced hyphens "Hewlett -
            // Packard".
            j += 1;
        } else if u.is_punct(',')
            && toks.get(j + 1).is_some_and(|n| {
                n.capitalized && super::classify::is_legal_form(n.lower.trim_end_matches('.'))
            })
        {
            // "Acme Holdings, Inc.": the legal form after a comma.
            push(run, j + 1);
            j += 2;
        } else if let Some(after) = (!caps.title[j])
            .then(|| quoted_nickname(toks, run, j, lex))
            .flatten()
        {
            j = after; // "Tomas 'The Hawk' Vellacourt": the nickname is no part of the name
        } else if is_plural_possessive_inside(toks, j) {
            j += 1; // "the Kestrel Workers' Union": the apostrophe is inside the name
        } else if is_name_particle(&u.lower) && !u.capitalized && cap_at(j + 1) {
            // "Lula da Silva", "Ursula von der Leyen": particles inside a name.
            push(run, j);
            j += 1;
        } else if u.lower == "of"
            && prev.capitalized
            && (lex.is_org_word(&prev.lower)
                || lex.is_title_word(&prev.lower)
                || super::classify::is_place_word(&prev.lower))
            && (cap_at(j + 1) || toks.get(j + 1).is_some_and(|n| n.lower == "the") && cap_at(j + 2))
        {
            // "Bank of Avalon", "Secretary of State", "Church of the Open Door".
            org_joint |= lex.is_org_word(&prev.lower);
            let skip = if toks[j + 1].lower == "the" { 2 } else { 1 };
            for k in j..j + skip {
                push(run, k);
            }
            j += skip;
        } else if u.lower == "for"
            && prev.capitalized
            && lex.is_org_word(&prev.lower)
            && !lex.is_title_word(&prev.lower)
            && (cap_at(j + 1) || toks.get(j + 1).is_some_and(|n| n.lower == "the") && cap_at(j + 2))
        {
            // "Center for Avalon Studies", "Committee for the Open Door": one organisation.
            org_joint = true;
            let skip = if toks[j + 1].lower == "the" { 2 } else { 1 };
            for k in j..j + skip {
                push(run, k);
            }
            j += skip;
        } else if org_joint && and_inside_org(toks, run, j, lex) {
            // "Department of Health and Human Services": `and` inside one organisation.
            push(run, j);
            j += 1;
        } else if u.is_punct('.')
            && u.span.start == prev.span.end
            && (lex.is_abbreviation(&prev.lower)
                || prev.capitalized && prev.lower.chars().count() == 1)
            && cap_at(j + 1)
        {
            j += 1; // "Sen. Ted Cruz", "Ana J. Ruiz"
        } else {
            break;
        }
    }
    j
}

/// Whether a run's first word is no part of the name: a function word or a sentence adverb,
/// or, at the start of a sentence, a word the article writes in lowercase, an adverb in `-ly`
/// or a participle in `-ing` (`Typically Avalon Bank ...`, `Acquiring Avalon ...`).
fn not_a_name_start(toks: &[Token], k: usize, caps: &Capitals, lex: &Lexicon) -> bool {
    let w = toks[k].lower.as_str();
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    if is_function_word(w)
        || matches!(
            w,
            "even"
                | "also"
                | "only"
                | "just"
                | "both"
                | "besides"
                | "maybe"
                | "perhaps"
                | "unlike"
                | "like"
                | "despite"
                | "following"
                | "including"
                | "meanwhile"
                | "instead"
                | "several"
                | "many"
                | "most"
                | "some"
                | "few"
                | "all"
                | "each"
                | "every"
                | "another"
                | "other"
                | "such"
                | "more"
                | "less"
                | "close"
                | "dear"
                | "yes"
                | "not"
                | "never"
                | "everybody"
                | "everyone"
                | "everything"
                | "somebody"
                | "someone"
                | "something"
                | "anybody"
                | "anyone"
                | "anything"
                | "nobody"
                | "nothing"
                | "between"
                | "around"
                | "until"
                | "along"
                | "alongside"
                | "above"
                | "below"
                | "beneath"
                | "onto"
                | "except"
                | "regarding"
                | "concerning"
        )
    {
        return true;
    }
    let named = caps.inside.contains(w) || lex.known(w).is_some() || lex.first_name(w).is_some();
    let common = caps.lowercase.contains(w) || w.ends_with("ly") || w.ends_with("ing");
    (caps.initial[k] || caps.title[k]) && common && !named
}

/// A run with a title inside after words that are no role (`Acme CEO Ana Ruiz`) is two names:
/// the organisation and the titled person; not when only organisation words follow the title
/// (`Avalon Police Department`).
fn split_at_title(toks: &[Token], run: Run, lex: &Lexicon, out: &mut Vec<Run>) {
    let role = |k: usize| {
        let w = toks[k].lower.as_str();
        lex.is_title_word(w) || lex.demonym(w).is_some() || lex.known(w).is_some()
    };
    let cut = run.tokens.iter().position(|&k| role(k));
    match cut {
        Some(c)
            if c > 0 && c + 1 < run.tokens.len() && !run.tokens[..c].iter().any(|&k| role(k)) =>
        {
            let known_before = {
                let first = run.tokens[0];
                let last = run.tokens[c - 1];
                let words: Vec<&str> = (first..=last).map(|k| toks[k].lower.as_str()).collect();
                lex.known(&words.join(" ")).is_some()
            };
            // A title word that begins an institution's name (`Avalon Police Department`) or
            // qualifies its head (`Avalon General Hospital`).
            let institution = run.tokens[c + 1..]
                .iter()
                .all(|&k| lex.is_org_word(&toks[k].lower));
            if known_before || institution || !lex.is_title_word(&toks[run.tokens[c]].lower) {
                out.push(run);
                return;
            }
            let (a, b) = (run.words.split_at(c), run.tokens.split_at(c));
            out.push(Run {
                words: a.0.to_vec(),
                tokens: b.0.to_vec(),
                initial: run.initial,
            });
            out.push(Run {
                words: a.1.to_vec(),
                tokens: b.1.to_vec(),
                initial: false,
            });
        }
        _ => out.push(run),
    }
}

/// A run of a title line split into the stretches of words that read as names.
fn split_title_run(seg: &Segments, run: Run, caps: &Capitals, lex: &Lexicon, out: &mut Vec<Run>) {
    let mut cur = Run {
        words: Vec::new(),
        tokens: Vec::new(),
        initial: true,
    };
    for (w, &k) in run.words.iter().zip(&run.tokens) {
        if caps.name_like(&seg.tokens[k].lower, lex) {
            cur.words.push(*w);
            cur.tokens.push(k);
        } else if !cur.words.is_empty() {
            out.push(std::mem::replace(
                &mut cur,
                Run {
                    words: Vec::new(),
                    tokens: Vec::new(),
                    initial: true,
                },
            ));
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
}
