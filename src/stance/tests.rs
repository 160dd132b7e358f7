//! Stance tables: invented sentences and the polarity they give their target.

use proptest::prelude::*;

use super::*;
use crate::ingest::Article;
use crate::pipeline::analyze;

/// The polarity the article's (only) speaker takes toward `target`, through the whole pipeline.
fn stance(text: &str, target: &str) -> Option<Polarity> {
    let a = analyze(&[Article::new("t", text.to_string(), None)]);
    let t = a.canon.entities.iter().position(|e| e.name == target)?;
    a.stances.iter().find(|s| s.target == t).map(|s| s.polarity)
}

/// How `text` judges the first occurrence of `target`.
fn judge(text: &str, target: &str) -> Judgement {
    let at = text.find(target).expect("the target is in the text");
    judge_span(text, Span::new(at, at + target.len()))
}

#[test]
fn rules_give_polarity_by_the_targets_role() {
    let cases = [
            // Help given to a recipient, and help withheld.
            ("“We will keep supporting Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            ("“The less aid is sent to Georgia, the sooner this ends,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            // A restorer undoes the reducer after it.
            ("“They must resume the suspended aid to Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            ("“They suspended the aid to Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            // Negation flips, "not only" does not.
            ("“We will not support Georgia,” Chancellor Anna Berg said.", "Georgia", Polarity::Oppose),
            ("“We are not only helping Georgia, we are investing,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            ("“The new port deal is not only helping Georgia but also our own shipyards,” Chancellor Anna Berg said.", "Georgia", Polarity::Support),
            // Owner of an agentive noun; an event noun says nothing.
            ("Iran fired missiles. “Iranian aggression must end,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
            ("“The Georgia talks resume on Monday,” Chancellor Anna Berg said.", "Georgia", Polarity::Neutral),
            // Subject of an evaluated clause, with the reducer inside the negation.
            ("“Iran is not interested in ending the war,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
            // Thanks go to the person the pronoun stands for.
            ("Prime Minister Tom Vale met Chancellor Anna Berg. “I thank him for his help,” Berg said.", "Tom Vale", Polarity::Support),
            // Condemning verbs.
            ("“We condemn Iran for the strike,” Chancellor Anna Berg said.", "Iran", Polarity::Oppose),
        ];
    for (text, target, want) in cases {
        assert_eq!(stance(text, target), Some(want), "{target} in {text:?}");
    }
}

#[test]
fn the_victim_of_an_attack_is_not_opposed() {
    let cases = [
        "“We talked about the nightly missile strikes on Georgia,” Chancellor Anna Berg said.",
        "“The brutal attacks against Georgia go on,” Chancellor Anna Berg said.",
        "“Nobody will forget the invasion of Georgia,” Chancellor Anna Berg said.",
    ];
    for text in cases {
        let got = stance(text, "Georgia");
        assert_ne!(got, Some(Polarity::Oppose), "{text:?}");
    }
    // The attacker is another matter, and so is an aggression that is the target's own.
    let attacker =
        "Iran fired missiles. “Iranian attacks on Georgia must end,” Chancellor Anna Berg said.";
    assert_eq!(stance(attacker, "Iran"), Some(Polarity::Oppose));
    let own = judge(
        "They fear the aggression of Ruben Castell.",
        "Ruben Castell",
    );
    assert!(!own.signals.victim);
    let hit = judge(
        "They condemned the attacks on Ruben Castell.",
        "Ruben Castell",
    );
    assert!(hit.signals.victim);
}

#[test]
fn reported_judgements_decide() {
    use Polarity::{Oppose, Support};
    let cases = [
        // Accusations, blame, criticism: against the one accused.
        (
            "The mayor accused Ruben Castell of lying about the budget.",
            "Ruben Castell",
            Oppose,
        ),
        (
            "They blamed the Harbour Party for the delays.",
            "the Harbour Party",
            Oppose,
        ),
        (
            "Critics have slammed Governor Ilse Marwick over the new tolls.",
            "Ilse Marwick",
            Oppose,
        ),
        (
            "The accusations against Ruben Castell keep growing.",
            "Ruben Castell",
            Oppose,
        ),
        // Names and descriptions.
        ("She called Ruben Castell a fraud.", "Ruben Castell", Oppose),
        ("Ruben Castell is a liar.", "Ruben Castell", Oppose),
        (
            "Ruben Castell was dishonest with the voters.",
            "Ruben Castell",
            Oppose,
        ),
        (
            "He described Ilse Marwick as brilliant.",
            "Ilse Marwick",
            Support,
        ),
        ("Ruben Castell is not a liar.", "Ruben Castell", Support),
        (
            "I would never say Ruben Castell is dishonest.",
            "Ruben Castell",
            Support,
        ),
        (
            "It is not over, and Ruben Castell is a liar.",
            "Ruben Castell",
            Oppose,
        ),
        // Praise and thanks.
        (
            "We praised Ilse Marwick for her courage.",
            "Ilse Marwick",
            Support,
        ),
        (
            "I thanked the Harbour Party for its help.",
            "the Harbour Party",
            Support,
        ),
        (
            "The council congratulated Ilse Marwick on her victory.",
            "Ilse Marwick",
            Support,
        ),
        (
            "Ilse Marwick has been praised by both parties.",
            "Ilse Marwick",
            Support,
        ),
        (
            "There was praise for Ilse Marwick from the unions.",
            "Ilse Marwick",
            Support,
        ),
    ];
    for (text, target, want) in cases {
        let j = judge(text, target);
        assert_eq!(j.polarity, want, "{target} in {text:?}: {j:?}");
        assert_ne!(j.signals.reported, 0.0, "{text:?}");
    }
    // A negated judging verb states no judgement.
    let j = judge("We never thanked Ilse Marwick.", "Ilse Marwick");
    assert_eq!(j.signals.reported, 0.0);
}

#[test]
fn the_model_reads_the_words_around_the_target() {
    use Polarity::{Neutral, Oppose, Support};
    let cases = [
        (
            "Ilse Marwick was a wonderful, generous and honest leader.",
            "Ilse Marwick",
            Support,
        ),
        (
            "The disastrous plan of Ruben Castell failed miserably and hurt thousands.",
            "Ruben Castell",
            Oppose,
        ),
        (
            "Ruben Castell arrived in the capital on Tuesday.",
            "Ruben Castell",
            Neutral,
        ),
    ];
    for (text, target, want) in cases {
        let j = judge(text, target);
        assert_eq!(j.polarity, want, "{target} in {text:?}: {j:?}");
        assert!((j.probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }
}

#[test]
fn decisions_follow_the_policy() {
    let none = Signals::default();
    let rules = |r: f32| Signals {
        rules: r,
        ..Signals::default()
    };
    let said = |r: f32| Signals {
        reported: r,
        ..Signals::default()
    };
    let victim = Signals {
        victim: true,
        ..Signals::default()
    };
    let cases = [
        // The model's most probable class; ties go to neutral.
        ([0.5, 0.3, 0.2], none, Polarity::Support, 0.5),
        ([0.2, 0.7, 0.1], none, Polarity::Oppose, -0.7),
        ([0.4, 0.2, 0.4], none, Polarity::Neutral, 0.0),
        // A reported judgement always decides.
        ([0.1, 0.1, 0.8], said(1.0), Polarity::Support, 0.5),
        ([0.9, 0.05, 0.05], said(-1.0), Polarity::Oppose, -0.5),
        // The lexicon rules decide only when the model is unsure.
        ([0.2, 0.45, 0.35], rules(1.0), Polarity::Support, 0.5),
        ([0.1, 0.8, 0.1], rules(1.0), Polarity::Oppose, -0.8),
        // The model's oppose is kept off the victim of an attack.
        ([0.1, 0.8, 0.1], victim, Polarity::Neutral, 0.0),
        ([0.7, 0.2, 0.1], victim, Polarity::Support, 0.7),
    ];
    for (probs, signals, want, score) in cases {
        let j = decide(probs, signals);
        assert_eq!(
            (j.polarity, j.score),
            (want, score),
            "{probs:?} {signals:?}"
        );
        assert_eq!(Polarity::of(j.score), j.polarity);
    }
}

#[test]
fn a_stance_belongs_to_its_own_speaker() {
    let text = "“Ruben Castell is a liar,” Mayor Ilse Marwick said.\n\n\
                “Ruben Castell is a great and honest leader,” Senator Tomas Brandt said.";
    let a = analyze(&[Article::new("t", text.to_string(), None)]);
    let id = |name: &str| a.canon.entities.iter().position(|e| e.name == name);
    let (marwick, brandt, castell) = (id("Ilse Marwick"), id("Tomas Brandt"), id("Ruben Castell"));
    let of = |s: Option<usize>| {
        a.stances
            .iter()
            .find(|x| Some(x.speaker) == s && Some(x.target) == castell)
            .map(|x| (x.polarity, x.evidence.len()))
    };
    assert_eq!(of(marwick), Some((Polarity::Oppose, 1)));
    assert_eq!(of(brandt), Some((Polarity::Support, 1)));
}

proptest! {
    #[test]
    fn any_text_and_span_give_a_judgement(text in "\\PC{0,200}", a in 0usize..260, b in 0usize..260) {
        let j = judge_span(&text, Span::new(a.min(b), a.max(b)));
        prop_assert!(j.score.abs() <= 1.0);
        prop_assert_eq!(Polarity::of(j.score), j.polarity);
    }

    #[test]
    fn any_article_gives_stances_of_its_quotes(text in "(“\\PC{0,40}” [A-Z][a-z]{2,8} [A-Z][a-z]{2,8} said\\. ){0,4}\\PC{0,60}") {
        let x = crate::extract::extract_with_entities(&Article::new("p", text, None));
        for s in in_article(&x) {
            prop_assert!(s.quote < x.quotes.len());
            prop_assert!(s.score.abs() <= 1.0);
        }
    }
}
