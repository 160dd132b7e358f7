//! Gazetteer matches read in context, and equipment phrases.
//!
//! Takes the tokens of an article and its [`NameIndex`]; gives the mentions of gazetteer entries
//! (organisations, outlets, countries, capitals, regions, named weapon systems) where the
//! context allows the entry's reading, and equipment phrases with names the gazetteer does not
//! know (`Hellfire missiles`: a name, modifiers, a head noun). An entry gives way when it is part
//! of a longer name (`Denzel Avalon` for a capital `Avalon`, `Tampa Bay Lightning`, `Avalon
//! Giants`, `Avalon Valley Bank`), when it is a sentence-initial word the article also writes in
//! lowercase, or, for a weapon system, when the article reads the word as a person (`Abrams
//! said`, a last name of someone named in full). Titles and nationality words around an entry
//! leave it standing (`Avalon Gov. Ana Ruiz`).

use super::runs::Capitals;
use super::{Mention, NameIndex};
use crate::lexicon::{EntityKind, GazetteerEntry, Lexicon, VerbForm};
use crate::quotes::is_function_word;
use crate::segment::{Segments, Token, TokenKind};
use crate::text::Span;

/// Bytes of the text already inside a mention: earlier readings win.
pub struct Cover(Vec<bool>);

impl Cover {
    pub fn new(len: usize) -> Cover {
        Cover(vec![false; len])
    }

    pub fn taken(&self, s: Span) -> bool {
        self.0[s.start..s.end].iter().any(|&c| c)
    }

    pub fn take(&mut self, s: Span) {
        self.0[s.start..s.end].fill(true);
    }
}

pub fn token_at(seg: &Segments, byte: usize) -> usize {
    seg.tokens.partition_point(|t| t.span.start < byte)
}

/// What the article around a gazetteer match says.
pub struct Context<'a, 't> {
    pub text: &'t str,
    pub seg: &'t Segments,
    pub caps: &'a Capitals<'t>,
    pub names: &'a NameIndex,
}

impl<'a, 't> Context<'a, 't> {
    pub fn new(
        text: &'t str,
        seg: &'t Segments,
        caps: &'a Capitals<'t>,
        names: &'a NameIndex,
    ) -> Self {
        Context {
            text,
            seg,
            caps,
            names,
        }
    }
}

fn is_cap_word(t: &Token) -> bool {
    t.capitalized && t.kind == TokenKind::Word
}

/// Whether the entry matched over tokens `a..b` gives way to another reading.
fn gives_way(cx: &Context, e: &GazetteerEntry, a: usize, b: usize, lex: &Lexicon) -> bool {
    let toks = &cx.seg.tokens;
    let adjacent = |x: &Token, y: &Token| x.paragraph == y.paragraph;
    // Part of a longer name: a capitalised word before it that is no role, affiliation or entry.
    let before = a.checked_sub(1).map(|k| &toks[k]);
    let longer = before.is_some_and(|p| {
        is_cap_word(p)
            && adjacent(p, &toks[a])
            && !is_function_word(&p.lower)
            && lex.demonym(&p.lower).is_none()
            && (e.entity.kind == EntityKind::Equipment
                || !lex.is_title_word(&p.lower) && lex.known(&p.lower).is_none())
    });
    // The first word of a longer name: `Avalon Giants`, `Avalon Valley Bank`, `Avalon Times`.
    let after = toks.get(b);
    let name_follows = after.is_some_and(|n| {
        if !adjacent(n, &toks[b - 1]) {
            return false;
        }
        let alnum = n.kind == TokenKind::Number && n.lower.chars().any(char::is_alphabetic);
        // `Avalon State` (a university, a team): `State` after a place is part of the name.
        let state = n.lower == "state" && e.entity.kind == EntityKind::Place;
        alnum
            || is_cap_word(n)
                && (state
                    || !is_function_word(&n.lower)
                        && !lex.is_title_word(&n.lower)
                        && lex.demonym(&n.lower).is_none()
                        && lex.known(&n.lower).is_none()
                        && !crate::quotes::words::is_time_word(&n.lower))
    });
    // A sentence-initial word the article also writes in lowercase: a common word.
    let common =
        b == a + 1 && cx.caps.initial[a] && cx.caps.lowercase.contains(toks[a].lower.as_str());
    let person =
        e.entity.kind == EntityKind::Equipment && equipment_tail(cx.seg, b, lex).is_none() && {
            let said = after.is_some_and(|n| {
                lex.verb(&n.lower)
                    .is_some_and(|v| matches!(v.form, VerbForm::Past | VerbForm::Third))
            });
            let surname = cx
                .names
                .person_by_last(&toks[b - 1].lower)
                .is_some_and(|m| m.canonical.contains(' '));
            said || surname
        };
    longer || name_follows || common || person
}

/// Gazetteer entries, tried at each capitalised word; a named system takes the equipment words
/// after it.
pub fn entries(cx: &Context, lex: &Lexicon, cover: &mut Cover, out: &mut Vec<Mention>) {
    let (text, seg) = (cx.text, cx.seg);
    let mut k = 0;
    while k < seg.tokens.len() {
        let t = &seg.tokens[k];
        let starts_name = t.is_word()
            && t.span
                .of(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let Some((r, e)) = (starts_name && !cx.caps.url[k])
            .then(|| lex.gazetteer_match_at(text, t.span.start))
            .flatten()
        else {
            k += 1;
            continue;
        };
        let mut span = Span::new(r.start, r.end);
        let the = span.of(text).starts_with("the ") || span.of(text).starts_with("The ");
        let name = Span::new(span.start + if the { 4 } else { 0 }, span.end);
        let (a, b) = (token_at(seg, name.start), token_at(seg, name.end));
        if gives_way(cx, e, a, b, lex) {
            k += 1;
            continue;
        }
        if e.entity.kind == EntityKind::Equipment {
            span.end = equipment_tail(seg, b, lex).unwrap_or(span.end);
        }
        if cover.taken(span) {
            // "the" already belongs to an earlier mention: keep the name alone.
            span.start = name.start;
        }
        cover.take(span);
        out.push(Mention {
            span,
            name,
            role: None,
            kind: e.entity.kind,
            canonical: e.entity.canonical.to_string(),
            affiliations: Vec::new(),
        });
        k = token_at(seg, span.end).max(k + 1);
    }
}

/// Equipment phrases with names the gazetteer does not know.
pub fn equipment(
    text: &str,
    seg: &Segments,
    lex: &Lexicon,
    cover: &mut Cover,
    out: &mut Vec<Mention>,
) {
    let toks = &seg.tokens;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Cheapest tests first: a word shaped like a name, then an equipment word after it.
        let shaped = t.is_word()
            && (t.capitalized
                || (t.lower.contains('-') && t.lower.chars().any(|c| c.is_ascii_digit())));
        let equipment_next = shaped
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && !n.capitalized
                    && (lex.is_equipment_head(&n.lower) || lex.is_equipment_modifier(&n.lower))
            });
        let namelike = equipment_next
            && !is_function_word(&t.lower)
            && lex.demonym(&t.lower).is_none()
            && lex.known(&t.lower).is_none()
            && !lex.is_title_word(&t.lower);
        if namelike {
            if let Some(end) = equipment_tail(seg, i + 1, lex) {
                let span = Span::new(t.span.start, end);
                if !cover.taken(span) {
                    cover.take(span);
                    out.push(Mention {
                        span,
                        name: t.span,
                        role: None,
                        kind: EntityKind::Equipment,
                        canonical: t.span.of(text).to_string(),
                        affiliations: Vec::new(),
                    });
                }
                i = token_at(seg, end);
                continue;
            }
        }
        i += 1;
    }
}

/// With token `from` just after a name: the end of the `modifier* head+` words that make the name
/// an equipment phrase (`air defense systems`), if they do.
fn equipment_tail(seg: &Segments, from: usize, lex: &Lexicon) -> Option<usize> {
    let mut end = None;
    let mut k = from;
    while k < seg.tokens.len() && k < from + 5 {
        let t = &seg.tokens[k];
        if !t.is_word() || t.capitalized {
            break;
        }
        if lex.is_equipment_head(&t.lower) {
            end = Some(t.span.end);
        } else if !lex.is_equipment_modifier(&t.lower) {
            break;
        }
        k += 1;
    }
    end
}
