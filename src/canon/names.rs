//! Person names: what makes two written names one name (first name, last name with spelling
//! variants folded).

use crate::text::last_name_key;

/// Whether two person names are spelling variants of one name: same first name and same last
/// name after folding (`Volodymyr Zelensky` / `Volodymyr Zelenskyy`).
pub fn same_person_name(a: &str, b: &str) -> bool {
    match (first_key(a), first_key(b)) {
        (Some(fa), Some(fb)) => fa == fb && last_name_key(a) == last_name_key(b),
        _ => false,
    }
}

pub(crate) fn first_key(name: &str) -> Option<String> {
    crate::entities::index::given_key(name, crate::lexicon::Lexicon::builtin())
}
