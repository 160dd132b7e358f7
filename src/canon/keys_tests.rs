//! Tests of [`super`]: what a sighting denotes from its own article.

use super::*;

#[test]
fn keys_depend_on_the_name_alone() {
    let p = |n: &str| key_of(EntityKind::Person, n, "d1", false);
    assert_eq!(p("Volodymyr Zelenskyy"), p("Volodymyr Zelensky"));
    assert_eq!(p("Anna Berg").id(), "person:anna-berg");
    assert_eq!(p("Anna 'The Hawk' Berg"), p("Anna Berg"));
    assert_eq!(p("Anna “Red” Berg"), p("Anna Berg"));
    assert_eq!(
        p("Berg"),
        Key::LastName {
            last: "berg".into()
        }
    );
    let o = |n: &str| key_of(EntityKind::Org, n, "d1", false);
    assert_eq!(o("The Harbour Authority"), o("Harbour Authority"));
    assert_eq!(o("Avalon's armed forces"), o("Avalon Armed Forces"));
    assert_eq!(o("Avalon’s Armed Forces"), o("Avalon Armed Forces"));
    assert_eq!(o("Kestrel Police Department"), o("Kestrel Police"));
    assert_ne!(o("Police Department"), o("Police"));
    assert_ne!(o("Kestrel Fire Department"), o("Kestrel Fire"));
    let a = key_of(EntityKind::Anonymous, "a source", "d1", false);
    assert_ne!(a, key_of(EntityKind::Anonymous, "a source", "d2", false));
}

#[test]
fn slugs_are_distinct_for_distinct_names() {
    assert_eq!(slug("Anna  Berg"), "anna-berg");
    assert_ne!(slug("AT&T"), slug("AT T"));
    assert!(slug("AT&T").starts_with("at-t-"));
}

#[test]
fn a_link_needs_exactly_one_candidate() {
    let a = Key::Person {
        first: "anna".into(),
        last: "berg".into(),
    };
    let b = Key::Person {
        first: "olof".into(),
        last: "berg".into(),
    };
    assert_eq!(link_last_name([&a]), Some(&a));
    assert_eq!(link_last_name([&a, &b]), None);
    assert_eq!(link_last_name([]), None);
}
