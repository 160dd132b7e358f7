//! Common English verbs, for telling a clause from a noun phrase.
//!
//! Takes a lowercase word; says whether it is a finite form of a common verb (`needs`, `rode`)
//! or a base form that reads as a present tense after a plural subject (`voters ignore`). A
//! closed list of frequent general verbs, a property of English and of no article; reporting
//! verbs live in the lexicon (`data/speech_verbs.txt`).

use super::words::is_irregular_past;

#[rustfmt::skip]
const COMMON_VERBS: &[&str] = &[
    "accept", "act", "add", "affect", "agree", "aim", "allow", "appear", "apply", "argue",
    "arrive", "ask", "attack", "avoid", "back", "ban", "bear", "beat", "become", "begin",
    "believe", "belong", "block", "borrow", "break", "bring", "build", "burn", "buy", "call",
    "care", "carry", "cause", "change", "charge", "check", "choose", "claim", "close", "come",
    "compete", "complain", "consider", "continue", "control", "cost", "count", "cover", "create",
    "cut", "damage", "deal", "decide", "defend", "delay", "deliver", "demand", "deny", "depend",
    "deserve", "destroy", "die", "do", "drive", "drop", "earn", "eat", "end", "enjoy", "enter",
    "escape", "expect", "explain", "face", "fail", "fall", "favor", "fear", "feel", "fight",
    "fill", "find", "finish", "fit", "fix", "flee", "fly", "follow", "force", "forget", "get",
    "give", "go", "grow", "handle", "happen", "hate", "have", "head", "hear", "help", "hide",
    "hire", "hit", "hold", "hope", "hurt", "ignore", "imagine", "improve", "include", "increase",
    "intend", "invest", "join", "keep", "kill", "know", "lack", "last", "lead", "learn", "leave",
    "lend", "let", "lie", "like", "limit", "listen", "live", "look", "lose", "love", "maintain",
    "make", "manage", "matter", "mean", "meet", "miss", "move", "need", "open", "oppose", "own",
    "pass", "pay", "plan", "play", "prefer", "prepare", "prevent", "protect", "prove", "provide",
    "pull", "push", "put", "raise", "reach", "read", "realize", "receive", "reduce", "refuse",
    "rely", "remain", "remember", "remove", "replace", "require", "resign", "rest", "return",
    "rise", "risk", "rule", "run", "save", "see", "seek", "seem", "sell", "send", "serve", "set",
    "share", "shoot", "show", "sign", "sit", "sleep", "spend", "stand", "start", "stay", "steal",
    "stop", "struggle", "succeed", "suffer", "support", "survive", "take", "talk", "teach", "tend",
    "think", "threaten", "throw", "try", "turn", "understand", "use", "vote", "wait", "walk",
    "want", "watch", "win", "wish", "work", "worry", "write",
];

/// A base form of a common verb (`need`, `ignore`).
pub fn is_common_base(w: &str) -> bool {
    COMMON_VERBS.binary_search(&w).is_ok()
}

/// A third-person present form of a common verb (`needs`, `carries`, `goes`).
pub fn is_common_third(w: &str) -> bool {
    if let Some(stem) = w.strip_suffix("ies") {
        let base = format!("{stem}y");
        if is_common_base(&base) {
            return true;
        }
    }
    if let Some(stem) = w.strip_suffix("es") {
        if is_common_base(stem) {
            return true;
        }
    }
    w.strip_suffix('s')
        .is_some_and(|stem| !stem.ends_with('s') && is_common_base(stem))
}

/// A finite verb form whatever its subject: a third-person present of a common verb, an
/// irregular past, or a regular `-ed` past.
pub fn is_finite_form(w: &str) -> bool {
    is_common_third(w) || is_irregular_past(w) || (w.len() > 4 && w.ends_with("ed"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted() {
        assert!(COMMON_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn finite_forms() {
        let table = [
            ("needs", true),
            ("carries", true),
            ("goes", true),
            ("rode", true),
            ("wrote", true),
            ("voted", true),
            ("bus", false),
            ("news", false),
            ("process", false),
        ];
        for (w, want) in table {
            assert_eq!(is_finite_form(w), want, "{w}");
        }
    }
}
