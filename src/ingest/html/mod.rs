//! HTML article pages: the article's main text and metadata, as an [`Article`].
//!
//! Takes the page as text (already decoded: see [`crate::ingest::decode`]); gives an article
//! whose `text` is the main text only, paragraphs separated by a blank line, entities decoded,
//! without navigation, scripts, ads, comments and hidden text; `title`, `author`, `date`
//! (ISO 8601 when it parses), `url` (canonical) and `source` (outlet) come from the page's
//! metadata. **Offsets index that text, not the HTML.** Linear in the page size, whatever its
//! nesting ([`dom`]). Never fetches anything a page links to.
//!
//! `dom` reads the page into an outline (`tags` says which tags are blocks and which are
//! furniture), `content` picks the article's text, `meta` its metadata.

mod content;
mod dom;
mod meta;
mod tags;

pub use meta::Meta;

use super::Article;

/// A page read: its metadata and the paragraphs of its main text.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub meta: Meta,
    pub paragraphs: Vec<String>,
}

/// Reads an article page.
pub fn page(html: &str) -> Page {
    let o = dom::outline(html);
    let meta = meta::meta(&o);
    let mut paragraphs = content::main_text(&o);
    if paragraphs.is_empty() {
        if let Some(body) = &meta.body {
            paragraphs = body
                .split('\n')
                .map(dom::collapse)
                .filter(|p| !p.is_empty())
                .collect();
        }
    }
    drop_leading_byline(&mut paragraphs);
    Page { meta, paragraphs }
}

/// The text of an HTML fragment (a feed item's content), every visible block kept.
pub fn fragment(html: &str) -> Vec<String> {
    let o = dom::outline(html);
    o.blocks
        .into_iter()
        .filter(|b| !o.elems[b.elem].dropped)
        .map(|b| b.text)
        .collect()
}

/// A paragraph among the first three that is only a byline ("By Ann Example") is not article text.
fn drop_leading_byline(paragraphs: &mut Vec<String>) {
    let is_byline = |p: &str| {
        let p = p.trim();
        (p.starts_with("By ") || p.starts_with("BY "))
            && p.split_whitespace().count() <= 12
            && !p.ends_with(['.', '!', '?', '"', '”'])
    };
    if let Some(i) = paragraphs.iter().take(3).position(|p| is_byline(p)) {
        paragraphs.remove(i);
    }
}

impl Page {
    /// The page as an article with id `id`, read from `origin`; `None` when it holds no article
    /// text.
    pub fn into_article(self, id: String, origin: String) -> Option<Article> {
        if self.paragraphs.is_empty() {
            return None;
        }
        let text = self.paragraphs.join("\n\n");
        let m = self.meta;
        let mut a = Article::new(id, text, m.title);
        a.author = m.author;
        a.date = m.date;
        a.url = m.url;
        a.source = m.site;
        a.origin = origin;
        Some(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_becomes_an_article_with_its_metadata() {
        let html = "<html><head><title>Bridge vote | The Westbrook Courier</title>\
            <meta property='og:title' content='Bridge vote'>\
            <meta property='og:site_name' content='The Westbrook Courier'>\
            <meta name='author' content='Ann Example'></head>\
            <body><article><h1>Bridge vote</h1><p>By Ann Example</p>\
            <p>The council voted on Tuesday, after a long debate, to rebuild the old bridge.</p>\
            <p>&quot;We waited long enough,&quot; said Mayor Ilse Varnholt, who called it &#8220;a good day.&#8221;</p>\
            </article><footer>© Courier</footer></body></html>";
        let a = page(html)
            .into_article("bridge".into(), "bridge.html".into())
            .unwrap();
        assert_eq!(a.title.as_deref(), Some("Bridge vote"));
        assert_eq!(a.author.as_deref(), Some("Ann Example"));
        assert_eq!(a.source.as_deref(), Some("The Westbrook Courier"));
        assert!(
            a.body_text().starts_with("The council voted"),
            "{:?}",
            a.body_text()
        );
        assert!(a
            .body_text()
            .contains("\n\n\"We waited long enough,\" said Mayor"));
        assert!(a.body_text().ends_with("“a good day.”"));
    }

    #[test]
    fn article_body_in_json_ld_is_the_fallback() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
            "articleBody":"First paragraph of the story, with words.\nSecond one."}</script>"#;
        assert_eq!(
            page(html).paragraphs,
            ["First paragraph of the story, with words.", "Second one."]
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    /// Tag soup: tags from a small set, attributes, entities and words in any order.
    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "<(p|div|article|nav|script|style|title|br|a|h1|li|ul|aside|svg|main)( class='(story|ad|comments|byline)')?>",
            "</(p|div|article|nav|script|style|title|a|h1|li|ul|aside|svg|main)>",
            "[A-Za-z ,.\"“”’]{0,30}",
            "&(quot|amp|#8217|#x201C|nbsp|bogus);?",
            "<!--|-->|<!DOCTYPE html>|<script type='application/ld\\+json'>\\{\"@type\":\"NewsArticle\"",
        ];
        proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever the markup, reading it ends, and paragraphs are trimmed and non-empty.
        #[test]
        fn any_page_is_read_without_panic(html in prop_oneof![soup(), any::<String>()]) {
            let page = super::page(&html);
            for p in &page.paragraphs {
                prop_assert!(!p.is_empty() && p.trim() == p);
            }
            for p in super::fragment(&html) {
                prop_assert!(!p.is_empty());
            }
        }
    }
}
