//! Dates as the days they name, across a corpus.
//!
//! Takes, per article, its date mentions (`Friday night`, `Dec. 14th`, `July 24, 2004`), its
//! publication date when it has one, and the entities it is mostly about; gives each date
//! mention an id. A date with its year is the day it names (`date:2004-07-24`, `date:2004-07`,
//! `date:2004`), however it is written (`24 July 2004`, `Saturday, July 24, 2004`). A relative
//! date (`Friday`, `Nov. 12`, `February`) is resolved against the publication date when the
//! article has one (the Friday on or before it; the year of the day nearest it); in an undated
//! article it names a day of its *story*: the articles linked by the entities they are mostly
//! about, two of them shared (`date:friday@ana-ruiz+kestrel-mills`), so two undated stories of different weeks keep their Fridays
//! apart, and a story that writes `Friday, March 6, 2009` once gives its other Fridays that day.
//!
//! Never reads text beyond the mentions and the few characters between two of them; linear in
//! the number of mentions (stories are joined through an index of entities, never pairwise).
//! Like a single name word, a relative date of one story can come to join another when an
//! article links the two.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::text::{fold_name, Span};

/// At most this many entities of an article stand for its story.
pub const ANCHORS: usize = 5;

/// The date mentions of one article and what places them.
#[derive(Debug, Clone, Default)]
pub struct DatedArticle<'a> {
    pub doc: &'a str,
    pub text: &'a str,
    /// The publication date, ISO 8601 (`2009-03-06`, `2009-03-06T10:00:00Z`), if known.
    pub published: Option<&'a str>,
    /// The date mentions, in text order.
    pub dates: Vec<Span>,
    /// Ids of the entities the article is mostly about, most mentioned first (see
    /// [`anchors`]).
    pub anchors: Vec<String>,
}

/// What a date mention says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    /// Monday is 0.
    pub weekday: Option<u8>,
    /// January is 1.
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year: Option<i32>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(w: &str) -> Option<u8> {
    let w = if w == "sept" { "sep" } else { w };
    (w.len() >= 3)
        .then(|| {
            MONTHS
                .iter()
                .position(|m| m.starts_with(w) && (w.len() == 3 || *m == w))
        })
        .flatten()
        .map(|k| k as u8 + 1)
}

fn weekday_of(w: &str) -> Option<u8> {
    let w = match w {
        "tues" => "tue",
        "thur" | "thurs" => "thu",
        w => w,
    };
    (w.len() >= 3)
        .then(|| {
            WEEKDAYS
                .iter()
                .position(|d| d.starts_with(w) && (w.len() == 3 || *d == w))
        })
        .flatten()
        .map(|k| k as u8)
}

/// Reads the words of a date mention (`Thu. night`, `Dec. 14th, 2008`, `14 December 2008`).
pub fn parse(text: &str) -> Parts {
    let mut p = Parts::default();
    for w in fold_name(text).replace(',', " ").split_whitespace() {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.parse::<i32>() {
                Ok(y) if digits.len() == 4 => p.year = Some(y),
                Ok(d) if (1..=31).contains(&d) => p.day = Some(d as u8),
                _ => {}
            }
        } else if let Some(m) = month_of(w) {
            p.month = Some(m);
        } else if let Some(d) = weekday_of(w) {
            p.weekday = Some(d);
        }
    }
    p
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Monday is 0.
fn weekday_of_days(days: i64) -> u8 {
    (days + 3).rem_euclid(7) as u8
}

/// A publication date's day count, from its `YYYY-MM-DD` start.
fn published_days(iso: &str) -> Option<i64> {
    let y: i32 = iso.get(0..4)?.parse().ok()?;
    let m: u8 = iso.get(5..7)?.parse().ok()?;
    let d: u8 = iso.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

/// The date a relative date names in an article published on day `pub_days`: a weekday the
/// one on or before it, a day of a month in the year that puts it nearest (at most a month
/// ahead), a month alone the one of that year.
fn resolve(p: Parts, pub_days: i64) -> Parts {
    let (py, pm, _) = civil_from_days(pub_days);
    match (p.year, p.month, p.day, p.weekday) {
        (None, Some(m), Some(d), _) => {
            let this = days_from_civil(py, m, d);
            let year = if this > pub_days + 31 { py - 1 } else { py };
            Parts {
                year: Some(year),
                ..p
            }
        }
        (None, Some(m), None, None) => Parts {
            year: Some(if m > pm + 1 { py - 1 } else { py }),
            ..p
        },
        (None, None, None, Some(w)) => {
            let back = i64::from((weekday_of_days(pub_days) + 7 - w) % 7);
            let (y, m, d) = civil_from_days(pub_days - back);
            Parts {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                weekday: Some(w),
            }
        }
        _ => p,
    }
}

/// The id of a date that names its day on its own (`date:2004-07-24`, `date:2004-07`,
/// `date:2004`), if it does.
fn absolute_id(p: Parts) -> Option<String> {
    match (p.year?, p.month, p.day) {
        (y, Some(m), Some(d)) => Some(format!("date:{y:04}-{m:02}-{d:02}")),
        (y, Some(m), None) => Some(format!("date:{y:04}-{m:02}")),
        (y, None, _) => Some(format!("date:{y:04}")),
    }
}

/// The words of a relative date (`friday`, `november-12`, `february`).
fn relative_words(p: Parts) -> String {
    let mut w: Vec<String> = Vec::new();
    if let Some(m) = p.month {
        w.push(MONTHS[usize::from(m - 1)].to_string());
        if let Some(d) = p.day {
            w.push(d.to_string());
        }
    } else if let Some(d) = p.weekday {
        w.push(WEEKDAYS[usize::from(d)].to_string());
    } else if let Some(d) = p.day {
        w.push(d.to_string());
    }
    w.join("-")
}

/// A weekday written right before the date it is (`Saturday, July 24, 2004`, `Tuesday (Jan 6`)
/// takes that date's parts; the date keeps the weekday.
fn pair_weekdays(a: &DatedArticle, parts: &mut [Parts]) {
    for k in 1..parts.len() {
        let (prev, next) = (a.dates[k - 1], a.dates[k]);
        let between = a.text.get(prev.end..next.start).unwrap_or("x");
        let joined = between.len() <= 3 && between.chars().all(|c| matches!(c, ' ' | ',' | '('));
        let weekday_only = parts[k - 1].month.is_none() && parts[k - 1].weekday.is_some();
        if joined && weekday_only && parts[k].month.is_some() && parts[k].day.is_some() {
            let w = parts[k - 1].weekday;
            parts[k].weekday = parts[k].weekday.or(w);
            parts[k - 1] = parts[k];
        }
    }
}

/// Union-find over articles, joined by the entities they are mostly about.
fn stories(articles: &[DatedArticle]) -> Vec<String> {
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // Two articles are one story when two of the entities each is mostly about are the same:
    // an index of anchor pairs (at most ten an article), so the cost stays linear. One shared
    // entity is not enough: a president or a club is in many stories.
    let mut first: HashMap<(&str, &str), usize> = HashMap::new();
    for (d, a) in articles.iter().enumerate() {
        let top = &a.anchors[..a.anchors.len().min(ANCHORS)];
        for (i, x) in top.iter().enumerate() {
            for y in &top[i + 1..] {
                let pair = if x <= y {
                    (x.as_str(), y.as_str())
                } else {
                    (y.as_str(), x.as_str())
                };
                let other = *first.entry(pair).or_insert(d);
                let (x, y) = (root(&mut parent, other), root(&mut parent, d));
                parent[x.max(y)] = x.min(y);
            }
        }
    }
    // A story is named by the least anchor pair of its articles: two stories never share one,
    // and the name does not depend on the order of the articles. An article without a pair is
    // a story of its own.
    let mut name: HashMap<usize, (&str, &str)> = HashMap::new();
    for (d, a) in articles.iter().enumerate() {
        let r = root(&mut parent, d);
        let top = &a.anchors[..a.anchors.len().min(ANCHORS)];
        for (i, x) in top.iter().enumerate() {
            for y in &top[i + 1..] {
                let pair = if x <= y {
                    (x.as_str(), y.as_str())
                } else {
                    (y.as_str(), x.as_str())
                };
                let n = name.entry(r).or_insert(pair);
                if pair < *n {
                    *n = pair;
                }
            }
        }
    }
    let bare = |id: &str| id.split_once(':').map_or(id, |(_, rest)| rest).to_string();
    (0..articles.len())
        .map(|d| {
            let r = root(&mut parent, d);
            match name.get(&r) {
                Some((x, y)) => format!("{}+{}", bare(x), bare(y)),
                None => format!("doc-{}", super::keys::doc_slug(articles[d].doc)),
            }
        })
        .collect()
}

/// The one day a story writes with some words: its one full date, else its one day of a month.
fn only_day(days: &BTreeSet<(bool, String)>) -> Option<&str> {
    let absolute: Vec<&str> = days
        .iter()
        .filter(|(rel, _)| !rel)
        .map(|(_, id)| id.as_str())
        .collect();
    match absolute[..] {
        [one] => Some(one),
        [] if days.len() == 1 => days.iter().next().map(|(_, id)| id.as_str()),
        _ => None,
    }
}

/// Every date mention's id, per article (see the module doc).
pub fn ids(articles: &[DatedArticle]) -> Vec<Vec<String>> {
    let story = stories(articles);
    // Per article, per mention: parts (resolved when the article is dated).
    let parts: Vec<Vec<Parts>> = articles
        .iter()
        .map(|a| {
            let mut p: Vec<Parts> = a.dates.iter().map(|s| parse(s.of(a.text))).collect();
            pair_weekdays(a, &mut p);
            if let Some(days) = a.published.and_then(published_days) {
                for x in &mut p {
                    *x = resolve(*x, days);
                }
            }
            p
        })
        .collect();
    // Per story and relative words: the days written with those words (`Saturday, July 24,
    // 2004` pins `saturday` and `july-24`; `Thursday, Dec. 11` pins `thursday`).
    let mut pinned: BTreeMap<(&str, String), BTreeSet<(bool, String)>> = BTreeMap::new();
    for (d, ps) in parts.iter().enumerate() {
        for p in ps.iter().filter(|p| p.month.is_some() && p.day.is_some()) {
            let id = absolute_id(*p)
                .unwrap_or_else(|| format!("date:{}@{}", relative_words(*p), story[d]));
            let absolute = p.year.is_some();
            let mut keys = Vec::new();
            if absolute {
                keys.push(relative_words(Parts {
                    year: None,
                    weekday: None,
                    ..*p
                }));
            }
            if p.weekday.is_some() {
                keys.push(relative_words(Parts {
                    weekday: p.weekday,
                    ..Parts::default()
                }));
            }
            for k in keys {
                pinned
                    .entry((story[d].as_str(), k))
                    .or_default()
                    .insert((!absolute, id.clone()));
            }
        }
    }
    parts
        .iter()
        .enumerate()
        .map(|(d, ps)| {
            ps.iter()
                .zip(&articles[d].dates)
                .map(|(p, span)| {
                    if let Some(id) = absolute_id(*p) {
                        return id;
                    }
                    let words = relative_words(*p);
                    if words.is_empty() {
                        return format!("date:{}", super::keys::slug(span.of(articles[d].text)));
                    }
                    let days = pinned.get(&(story[d].as_str(), words.clone()));
                    match days.and_then(only_day) {
                        Some(id) => id.to_string(),
                        None => format!("date:{words}@{}", story[d]),
                    }
                })
                .collect()
        })
        .collect()
}

/// The entities an article is mostly about, from the ids of its mentions in text order: people,
/// organisations, outlets, places and single names (not the entities of one article), most
/// mentioned first and, among as many mentions, the one named first (a headline and a lead
/// name what a story is about), at most [`ANCHORS`].
pub fn anchors<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Per id: (mentions, position of the first).
    let mut count: HashMap<&str, (usize, usize)> = HashMap::new();
    for (at, id) in ids.into_iter().enumerate() {
        let kind = id.split(':').next().unwrap_or("");
        if matches!(kind, "person" | "org" | "outlet" | "name" | "place") && !id.contains('/') {
            count.entry(id).or_insert((0, at)).0 += 1;
        }
    }
    let mut v: Vec<(&str, (usize, usize))> = count.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    v.into_iter()
        .take(ANCHORS)
        .map(|(id, _)| id.to_string())
        .collect()
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
