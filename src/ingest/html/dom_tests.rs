//! Tests of [`super`]: the outline of a page: text blocks, furniture dropped, metadata, nesting capped.

use super::*;

fn texts(html: &str) -> Vec<String> {
    let o = outline(html);
    o.blocks
        .iter()
        .filter(|b| !o.elems[b.elem].dropped)
        .map(|b| b.text.clone())
        .collect()
}

#[test]
fn blocks_leave_out_scripts_navigation_and_hidden_text() {
    let table: &[(&str, &[&str])] = &[
        (
            "<p>One &amp; two</p><p>Three&#8217;s</p>",
            &["One & two", "Three\u{2019}s"],
        ),
        ("<p>a <b>bold</b>\n  word<p>next", &["a bold word", "next"]),
        ("<script>var x = '<p>no</p>';</script><p>yes</p>", &["yes"]),
        (
            "<nav><p>Home</p></nav><div class='share-bar'>Share</div><p>kept</p>",
            &["kept"],
        ),
        (
            "<p hidden>gone</p><p style='display: none'>gone</p><p>kept</p>",
            &["kept"],
        ),
        (
            "<div>intro<p>para</p>tail</div>",
            &["intro", "para", "tail"],
        ),
        ("<p>line one<br>line two</p>", &["line one\nline two"]),
        (
            "<div>para one<br><br>para two</div>",
            &["para one", "para two"],
        ),
        ("<!-- <p>comment</p> --><p>after</p>", &["after"]),
    ];
    for (html, want) in table {
        assert_eq!(texts(html), *want, "{html}");
    }
}

#[test]
fn metadata_tags_are_collected() {
    let o = outline(
        "<html><head><title> A  title </title><meta property='og:site_name' content='Daily'>\
         <link rel='canonical' href='https://example.org/a'>\
         <script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script></head>\
         <body><h1>Head <i>line</i></h1><p class='byline'>By Ann Example</p>\
         <time datetime='2024-01-02'>Jan 2</time></body></html>",
    );
    assert_eq!(o.title.as_deref(), Some("A title"));
    assert_eq!(o.meta, [("og:site_name".to_string(), "Daily".to_string())]);
    assert_eq!(o.canonical.as_deref(), Some("https://example.org/a"));
    assert_eq!(o.json_ld.len(), 1);
    assert_eq!(o.h1.as_deref(), Some("Head line"));
    assert_eq!(o.byline.as_deref(), Some("By Ann Example"));
    assert_eq!(o.times, ["2024-01-02"]);
}

#[test]
fn deep_nesting_is_capped_and_linear() {
    let html = format!(
        "{}<p>deep</p>{}",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let o = outline(&html);
    assert!(o.elems.len() <= MAX_DEPTH + 1);
    assert_eq!(o.blocks.last().unwrap().text, "deep");
}
