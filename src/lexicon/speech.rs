//! Reporting language: speech verbs in all their forms (`data/speech_verbs.txt`), multi-word
//! cue phrases (`data/cue_phrases.txt`) and pronouns with their class (`data/pronouns.txt`).
//!
//! Takes the built-in data; gives lookups by lowercase word; never reads anything at run time.

use super::{lines, Lexicon};

const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
const CUE_PHRASES: &str = include_str!("../../data/cue_phrases.txt");
const PRONOUNS: &str = include_str!("../../data/pronouns.txt");

/// What a reporting verb takes after it, which decides where its content starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frames {
    /// A reported clause, optionally after "that": `said (that) ...`.
    pub clause: bool,
    /// A noun phrase or infinitive: `urged Washington to ...`, `praised the plan`.
    pub object: bool,
    /// An addressee and then a clause: `told reporters (that) ...`.
    pub tell: bool,
    /// Reports speech only with an animate subject (`underscore`, `signal`, `suggest`).
    pub animate: bool,
    /// Reports speech only right after a quotation (`"...," he continued`).
    pub after_quote: bool,
    /// A commitment: speech with a clause or a `to`-infinitive (`pledged to act`), a
    /// transaction with a bare noun phrase (`pledged $5 million`, `the pledged delegates`).
    pub commit: bool,
}

/// The inflection of a verb form as it stands in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    Third,
    /// Simple past or past participle (`said`, `stressed`, `written`).
    Past,
    Ing,
}

#[derive(Debug, Clone)]
pub struct Verb {
    pub lemma: &'static str,
    pub frames: Frames,
    pub form: VerbForm,
}

/// Multi-word cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// The source follows: `according to X, ...`.
    SourceAfter,
    /// Works like a clause-taking reporting verb: `pointed out that ...`.
    Verb,
}

#[derive(Debug, Clone)]
pub struct CuePhrase {
    pub words: Vec<&'static str>,
    pub kind: PhraseKind,
    pub form: VerbForm,
}

/// Grammatical class of a pronoun, used to find its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounClass {
    Male,
    Female,
    Plural,
    First,
    Second,
    Neuter,
    Relative,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular English inflections of a verb lemma: (third person, past, -ing).
fn inflect(lemma: &str) -> (String, String, String) {
    let b = lemma.as_bytes();
    let last = b[b.len() - 1];
    let before_last = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let third = if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let past = if last == b'e' {
        format!("{lemma}d")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    };
    let ing = if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == b'e' && before_last != b'e' && lemma.len() > 2 {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    (third, past, ing)
}

impl Lexicon {
    /// Every form of every reporting verb, with the frames its tags give.
    pub(super) fn load_verbs(&mut self) {
        for line in lines(SPEECH_VERBS) {
            let Some((tag, forms)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<&'static str> = forms.split_whitespace().collect();
            let Some(&lemma) = words.first() else {
                continue;
            };
            let (third, mut past, mut ing) = inflect(lemma);
            let mut participle = None;
            if let Some(p) = words.get(1) {
                // A doubled final consonant in the past doubles in -ing too (slam, slammed, slamming).
                let doubled = format!("{lemma}{}ed", &lemma[lemma.len() - 1..]);
                if *p == doubled {
                    ing = format!("{lemma}{}ing", &lemma[lemma.len() - 1..]);
                }
                past = p.to_string();
            }
            if let Some(p) = words.get(2) {
                participle = Some(p.to_string());
            }
            let frame = |f: &mut Frames| match tag.trim() {
                "clause" => f.clause = true,
                "object" => f.object = true,
                "tell" => f.tell = true,
                "commit" => {
                    f.object = true;
                    f.commit = true;
                }
                "after_quote" => {
                    f.clause = true;
                    f.after_quote = true;
                }
                "animate" => {
                    f.clause = true;
                    f.animate = true;
                }
                other => panic!("speech_verbs.txt: unknown tag {other}"),
            };
            let mut forms = vec![
                (lemma.to_string(), VerbForm::Base),
                (third, VerbForm::Third),
                (past, VerbForm::Past),
                (ing, VerbForm::Ing),
            ];
            if let Some(p) = participle {
                forms.push((p, VerbForm::Past));
            }
            for (form_text, form) in forms {
                let entry = self.verbs.entry(form_text).or_insert(Verb {
                    lemma,
                    frames: Frames::default(),
                    form,
                });
                frame(&mut entry.frames);
            }
        }
    }

    /// Multi-word cues, longest first, indexed by their first word.
    pub(super) fn load_phrases(&mut self) {
        for line in lines(CUE_PHRASES) {
            let Some((tag, phrase)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<&'static str> = phrase.split_whitespace().collect();
            let kind = match tag.trim() {
                "source_after" => PhraseKind::SourceAfter,
                _ => PhraseKind::Verb,
            };
            let first = words[0];
            let form = if first.ends_with("ing") {
                VerbForm::Ing
            } else if first.ends_with('s') && !first.ends_with("ss") {
                VerbForm::Third
            } else if first.ends_with("ed")
                || matches!(
                    first,
                    "made"
                        | "went"
                        | "told"
                        | "was"
                        | "is"
                        | "were"
                        | "put"
                        | "had"
                        | "sent"
                        | "gave"
                        | "spoke"
                )
            {
                VerbForm::Past
            } else {
                VerbForm::Base
            };
            self.phrases.push(CuePhrase { words, kind, form });
        }
        // Longest phrases first, so "made it clear" wins over "made clear".
        self.phrases
            .sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        for (k, p) in self.phrases.iter().enumerate() {
            self.phrases_by_first.entry(p.words[0]).or_default().push(k);
        }
    }

    pub(super) fn load_pronouns(&mut self) {
        for line in lines(PRONOUNS) {
            if let Some((word, class)) = line.split_once(':') {
                let class = match class.trim() {
                    "male" => PronounClass::Male,
                    "female" => PronounClass::Female,
                    "plural" => PronounClass::Plural,
                    "first" => PronounClass::First,
                    "second" => PronounClass::Second,
                    "neuter" => PronounClass::Neuter,
                    _ => PronounClass::Relative,
                };
                self.pronouns.insert(word.trim(), class);
            }
        }
    }

    /// The reporting verb spelled `word` (lowercase), if it is one.
    pub fn verb(&self, word: &str) -> Option<&Verb> {
        self.verbs.get(word)
    }

    pub fn verb_form_count(&self) -> usize {
        self.verbs.len()
    }

    /// Cue phrases starting with the lowercase `word`, longest first.
    pub fn phrases_starting(&self, word: &str) -> impl Iterator<Item = &CuePhrase> {
        self.phrases_by_first
            .get(word)
            .into_iter()
            .flatten()
            .map(|&k| &self.phrases[k])
    }

    pub fn pronoun(&self, word: &str) -> Option<PronounClass> {
        self.pronouns.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_follow_english_spelling() {
        let cases = [
            ("say", "says", "sayed", "saying"),
            ("stress", "stresses", "stressed", "stressing"),
            ("deny", "denies", "denied", "denying"),
            ("state", "states", "stated", "stating"),
            ("tie", "ties", "tied", "tying"),
        ];
        for (lemma, third, past, ing) in cases {
            assert_eq!(
                inflect(lemma),
                (third.into(), past.into(), ing.into()),
                "{lemma}"
            );
        }
    }

    #[test]
    fn the_verb_lexicon_knows_hundreds_of_forms() {
        let lex = Lexicon::builtin();
        assert!(lex.verb_form_count() > 500, "{}", lex.verb_form_count());
        for form in [
            "said",
            "says",
            "told",
            "stressed",
            "emphasized",
            "warning",
            "slammed",
            "slamming",
            "written",
            "admitted",
            "admitting",
            "bragged",
        ] {
            assert!(lex.verb(form).is_some(), "{form}");
        }
        assert_eq!(lex.verb("said").unwrap().form, VerbForm::Past);
        assert!(lex.verb("told").unwrap().frames.tell);
    }
}
