//! Tests of [`super`]: dates read, resolved against a publication date, placed in a story.

use super::*;

/// An article as (text, published, anchors, the words of its dates).
type Case<'a> = (&'a str, Option<&'a str>, &'a [&'a str], &'a [&'a str]);

/// Dates are found as the listed words.
fn run(articles: &[Case]) -> Vec<Vec<String>> {
    let dated: Vec<DatedArticle> = articles
        .iter()
        .map(|(text, published, anchors, dates)| {
            let mut from = 0;
            let dates = dates
                .iter()
                .map(|w| {
                    let s = from + text[from..].find(w).unwrap();
                    from = s + w.len();
                    Span::new(s, s + w.len())
                })
                .collect();
            DatedArticle {
                doc: "d",
                text,
                published: *published,
                dates,
                anchors: anchors.iter().map(|a| a.to_string()).collect(),
            }
        })
        .collect();
    ids(&dated)
}

#[test]
fn dates_read_as_the_day_they_name() {
    let table = [
        ("July 24, 2004", (None, Some(7), Some(24), Some(2004))),
        ("24 July 2004", (None, Some(7), Some(24), Some(2004))),
        ("Thu. night", (Some(3), None, None, None)),
        ("Sept. 13th", (None, Some(9), Some(13), None)),
        ("Oct. 2011", (None, Some(10), None, Some(2011))),
        ("2011", (None, None, None, Some(2011))),
    ];
    for (text, (weekday, month, day, year)) in table {
        let want = Parts {
            weekday,
            month,
            day,
            year,
        };
        assert_eq!(parse(text), want, "{text}");
    }
    assert_eq!(weekday_of_days(days_from_civil(2024, 3, 8)), 4); // a Friday
    assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
}

#[test]
fn a_dated_article_resolves_its_relative_dates() {
    // Published on Wednesday 2024-03-13.
    let ids = run(&[(
        "On Friday the mill shut. It opens on Dec. 28 and in February.",
        Some("2024-03-13T09:00:00Z"),
        &["person:ana-ruiz"],
        &["Friday", "Dec. 28", "February"],
    )]);
    assert_eq!(
        ids[0],
        ["date:2024-03-08", "date:2023-12-28", "date:2024-02"]
    );
}

#[test]
fn undated_relative_dates_belong_to_their_story() {
    let story = ["person:ana-ruiz", "org:kestrel-mills"];
    let ids = run(&[
        // One story, in two articles: one writes which Friday it was.
        (
            "Ruiz quit on Friday, March 6, 2009, Kestrel Mills said.",
            None,
            &story,
            &["Friday", "March 6, 2009"],
        ),
        (
            "Kestrel Mills said Ruiz quit on Friday.",
            None,
            &story,
            &["Friday"],
        ),
        // Another story, with one entity in common: its Friday is its own.
        (
            "Ruiz opened a school on Friday.",
            None,
            &["person:ana-ruiz", "place:eastvale"],
            &["Friday"],
        ),
    ]);
    assert_eq!(ids[0], ["date:2009-03-06", "date:2009-03-06"]);
    assert_eq!(ids[1], ["date:2009-03-06"]);
    assert_eq!(ids[2], ["date:friday@ana-ruiz+eastvale"]);
}

#[test]
fn a_story_is_its_most_mentioned_entities_then_the_first_named() {
    // (mention ids in text order, anchors)
    let many: Vec<String> = (0..9).map(|k| format!("org:mill-{k}")).collect();
    let table: Vec<(Vec<&str>, Vec<&str>)> = vec![
        // Most mentioned first; an entity of one article is none.
        (
            vec![
                "place:eastvale",
                "person:ana-ruiz",
                "anonymous:d/a-source",
                "person:ana-ruiz",
            ],
            vec!["person:ana-ruiz", "place:eastvale"],
        ),
        // Among as many mentions, the one named first, whatever its name.
        (
            vec!["org:zeta-mills", "person:ana-ruiz", "org:avalon-bank"],
            vec!["org:zeta-mills", "person:ana-ruiz", "org:avalon-bank"],
        ),
        // At most ANCHORS.
        (
            many.iter().map(String::as_str).collect(),
            many[..ANCHORS].iter().map(String::as_str).collect(),
        ),
    ];
    for (ids, want) in table {
        assert_eq!(anchors(ids.iter().copied()), want, "{ids:?}");
    }
}
