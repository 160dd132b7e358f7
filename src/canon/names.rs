//! Person names: what makes two written names one name (first name, last name with spelling
//! variants folded), and the slugs entity ids are made of.

use crate::text::{fold_name, last_name_key};

/// Whether two person names are spelling variants of one name: same first name and same last
/// name after folding (`Volodymyr Zelensky` / `Volodymyr Zelenskyy`).
pub fn same_person_name(a: &str, b: &str) -> bool {
    match (first_key(a), first_key(b)) {
        (Some(fa), Some(fb)) => fa == fb && last_name_key(a) == last_name_key(b),
        _ => false,
    }
}

pub(crate) fn first_key(name: &str) -> Option<String> {
    let folded = fold_name(name);
    let words: Vec<&str> = folded.split(' ').collect();
    (words.len() >= 2).then(|| words[0].to_string())
}

/// Lowercase words joined by `-`, for ids.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold_name(s).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
