//! A page's metadata from the usual places: JSON-LD (`NewsArticle` and kin), Open Graph and
//! article meta tags, the canonical link, `<time>`, the byline, `<title>` and `<h1>`.
//!
//! Takes an [`Outline`]; gives [`Meta`] (title, author, date, canonical URL, outlet name). The
//! order of preference per field is the order sites fill them most reliably: structured data
//! first, then meta tags, then what the page shows. Dates are normalised
//! ([`crate::ingest::date`]); nothing is fetched or guessed from the URL.

use serde_json::Value;

use super::dom::{collapse, Outline};
use crate::ingest::date;

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub site: Option<String>,
    /// JSON-LD `articleBody`, kept as written (paragraph breaks and all).
    pub body: Option<String>,
}

/// The metadata of a page outline.
pub fn meta(o: &Outline) -> Meta {
    let ld = json_ld_article(&o.json_ld);
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            o.meta
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| collapse(v))
        })
    };
    let ld_str = |key: &str| ld.as_ref().and_then(|a| a.get(key)).and_then(text_of);
    let title = ld_str("headline")
        .or_else(|| tag(&["og:title", "twitter:title"]))
        .or_else(|| o.h1.clone().filter(|h| !h.is_empty()))
        .or_else(|| o.title.clone().filter(|t| !t.is_empty()));
    let author = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .and_then(names_of)
        .or_else(|| {
            tag(&[
                "author",
                "article:author",
                "byl",
                "dc.creator",
                "parsely-author",
            ])
        })
        .filter(|a| !a.starts_with("http"))
        .or_else(|| o.byline.as_deref().and_then(byline_name))
        .map(|a| strip_by(&a).to_string());
    let date = ld_str("datePublished")
        .or_else(|| {
            tag(&[
                "article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
                "og:published_time",
            ])
        })
        .or_else(|| o.times.first().cloned())
        .and_then(|d| date::normalize(&d));
    let url = o
        .canonical
        .clone()
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http"))
        .or_else(|| tag(&["og:url"]))
        .or_else(|| ld_str("url"));
    let site = tag(&["og:site_name", "application-name"]).or_else(|| {
        ld.as_ref()
            .and_then(|a| a.get("publisher"))
            .and_then(names_of)
    });
    let body = ld
        .as_ref()
        .and_then(|a| a.get("articleBody"))
        .and_then(Value::as_str)
        .map(str::to_string);
    Meta {
        title,
        author,
        date,
        url,
        site,
        body,
    }
}

/// The first JSON-LD object whose `@type` is an article (`NewsArticle`, `Article`,
/// `ReportageNewsArticle`, `BlogPosting`, ...), looking inside arrays and `@graph`.
fn json_ld_article(scripts: &[String]) -> Option<Value> {
    let is_article = |v: &Value| {
        let types: Vec<&str> = match v.get("@type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        types
            .iter()
            .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
    };
    for script in scripts {
        let Ok(v) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut todo = vec![v];
        while let Some(v) = todo.pop() {
            match v {
                Value::Array(items) => todo.extend(items.into_iter().rev()),
                Value::Object(mut map) => {
                    if let Some(graph) = map.remove("@graph") {
                        todo.push(graph);
                    }
                    let v = Value::Object(map);
                    if is_article(&v) {
                        return Some(v);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// A string value, or the `name` / `@id` of an object.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Object(m) => m.get("name").or_else(|| m.get("@id")).and_then(text_of),
        Value::Array(a) => a.first().and_then(text_of),
        _ => None,
    }
}

/// One name or several, joined with commas (`author` may be a list of people).
fn names_of(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::Array(a) => a.iter().filter_map(text_of).collect(),
        v => text_of(v).into_iter().collect(),
    };
    (!names.is_empty()).then(|| names.join(", "))
}

/// The name in a byline ("By Ann Example | March 5" → "Ann Example").
fn byline_name(line: &str) -> Option<String> {
    let name = strip_by(line)
        .split(['|', '•', '·', '\n'])
        .next()
        .unwrap_or("")
        .trim();
    let words = name.split_whitespace().count();
    (1..=12).contains(&words).then(|| name.to_string())
}

fn strip_by(s: &str) -> &str {
    let t = s.trim();
    for lead in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(lead) {
            return rest.trim();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::super::dom::outline;
    use super::*;

    #[test]
    fn structured_data_comes_first_then_tags_then_the_page() {
        let table: &[(&str, Meta)] = &[
            (
                r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},
                   {"@type":["NewsArticle"],"headline":"Dam opens","author":[{"@type":"Person","name":"Ann Example"},{"name":"Bo Sample"}],
                   "datePublished":"2024-05-06T07:08:09+02:00","publisher":{"name":"The Courier"}}]}</script>
                   <meta property="og:title" content="Other"><link rel="canonical" href="https://news.example/dam">"#,
                Meta {
                    title: Some("Dam opens".into()),
                    author: Some("Ann Example, Bo Sample".into()),
                    date: Some("2024-05-06T05:08:09Z".into()),
                    url: Some("https://news.example/dam".into()),
                    site: Some("The Courier".into()),
                    body: None,
                },
            ),
            (
                r#"<meta property="og:title" content="Bridge &amp; road"><meta name="author" content="By Cy Person">
                   <meta property="article:published_time" content="2023-01-02"><meta property="og:site_name" content="Gazette">
                   <meta property="og:url" content="https://g.example/b">"#,
                Meta {
                    title: Some("Bridge & road".into()),
                    author: Some("Cy Person".into()),
                    date: Some("2023-01-02".into()),
                    url: Some("https://g.example/b".into()),
                    site: Some("Gazette".into()),
                    body: None,
                },
            ),
            (
                r#"<title>Page | Site</title><h1>Real headline</h1><div class="byline">By Di Writer | Staff</div>
                   <time datetime="March 5, 2024">Tuesday</time><script type="application/ld+json">{broken</script>"#,
                Meta {
                    title: Some("Real headline".into()),
                    author: Some("Di Writer".into()),
                    date: Some("2024-03-05".into()),
                    url: None,
                    site: None,
                    body: None,
                },
            ),
        ];
        for (html, want) in table {
            assert_eq!(&meta(&outline(html)), want, "{html}");
        }
    }
}
