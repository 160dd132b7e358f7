//! Whether a predicted speaker names the gold speaker.
//!
//! Takes a gold quote and a prediction; gives yes or no: the resolved speaker or the mention
//! equals the gold speaker or an alias after normalisation, or, for people, has the same last
//! name (titles skipped) up to one letter. Never matches contents.

use super::tokens::tokens;
use super::{GoldQuote, Prediction};

const TITLES: &[&str] = &[
    "president",
    "secretary",
    "general",
    "secretarygeneral",
    "minister",
    "prime",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "former",
    "the",
    "a",
    "an",
    "us",
    "u.s.",
    "nato",
    "ukrainian",
    "russian",
    "american",
    "chief",
    "head",
    "foreign",
    "defense",
    "defence",
    "sir",
    "lord",
    "king",
    "queen",
    "pope",
    "gen",
    "lt",
    "col",
    "adm",
    "vice",
];

fn norm_name(s: &str) -> String {
    tokens(s).join(" ")
}

/// Equal, or one insertion, deletion or substitution apart.
fn edit1(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let mut i = 0;
    while i < a.len().min(b.len()) && a[i] == b[i] {
        i += 1;
    }
    let tail = |v: &[char], k: usize| v.get(k..).map(<[char]>::to_vec).unwrap_or_default();
    tail(&a, i + 1) == tail(&b, i + 1)
        || tail(&a, i) == tail(&b, i + 1)
        || tail(&a, i + 1) == tail(&b, i)
}

fn last_name(s: &str) -> String {
    tokens(s)
        .into_iter()
        .rfind(|t| !TITLES.contains(&t.as_str()))
        .unwrap_or_default()
}

/// Whether a prediction names the gold speaker (by resolved name or by mention).
pub fn speaker_ok(gold: &GoldQuote, pred: &Prediction) -> bool {
    match &gold.speaker {
        None => pred.speaker.as_deref().is_none_or(str::is_empty),
        Some(gs) => [&pred.speaker, &pred.speaker_mention]
            .into_iter()
            .any(|p| p.as_deref().is_some_and(|p| speaker_ok_one(gold, gs, p))),
    }
}

fn speaker_ok_one(gold: &GoldQuote, gs: &str, pred: &str) -> bool {
    if pred.is_empty() {
        return false;
    }
    let p = norm_name(pred);
    let same_form = norm_name(gs) == p
        || gold
            .speaker_aliases
            .iter()
            .flatten()
            .any(|a| norm_name(a) == p);
    if same_form {
        return true;
    }
    if gold.speaker_type.as_deref() == Some("person") {
        let (pl, gl) = (last_name(pred), last_name(gs));
        return !pl.is_empty() && gl.chars().count() > 2 && edit1(&pl, &gl);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_speaker(speaker: &str, speaker_type: Option<&str>) -> GoldQuote {
        GoldQuote {
            content: String::new(),
            speaker: Some(speaker.into()),
            speaker_type: speaker_type.map(str::to_string),
            speaker_aliases: None,
            kind: "direct".into(),
            optional: false,
        }
    }

    fn predicted_speaker(s: &str) -> Prediction {
        Prediction {
            doc_id: "d".into(),
            content: String::new(),
            speaker: Some(s.into()),
            speaker_mention: None,
        }
    }

    #[test]
    fn last_names_match_with_one_letter_of_difference() {
        let g = gold_speaker("Pavel Orlov", Some("person"));
        let p = predicted_speaker;
        assert!(speaker_ok(&g, &p("Prime Minister Pavel Orlow")));
        assert!(!speaker_ok(&g, &p("Greta Lind")));
    }

    #[test]
    fn untyped_gold_speakers_need_the_same_words() {
        let g = gold_speaker("current and former clerks", None);
        let p = predicted_speaker;
        assert!(speaker_ok(&g, &p("Current and former clerks")));
        assert!(!speaker_ok(&g, &p("former clerks")));
    }
}
