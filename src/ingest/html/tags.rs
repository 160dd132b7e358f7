//! Which tags end a block of text, which never hold any, and which mark page furniture
//! (navigation, ads, comments, share buttons, hidden text) by tag, ARIA role or class/id words.
//!
//! Takes a tag name and its attributes; gives whether it is furniture and a weight (positive
//! for article-like class/id words, negative for furniture-like ones). General web conventions
//! only: never the markup of one site.

pub const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

pub const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
];

/// Elements whose content is never article text.
const FURNITURE_TAGS: &[&str] = &[
    "nav", "aside", "footer", "header", "form", "button", "select", "figure", "dialog", "menu",
    "svg", "math", "template", "object", "video", "audio", "canvas", "label", "input", "head",
];

const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "alert",
];

/// Class or id words that mark furniture (compared with each word of the class and id, split
/// at spaces, `-` and `_`).
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "author",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "disqus",
    "embed",
    "footer",
    "hidden",
    "instagram",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "taboola",
    "tiktok",
    "toolbar",
    "trending",
    "tweet",
    "twitter",
    "widget",
    "sronly",
    "visually",
];

const ARTICLE_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
];

/// Whether an element is furniture, and its class/id weight.
pub fn judge(name: &str, attr: &dyn Fn(&str) -> Option<String>) -> (bool, i32) {
    let hidden = attr("hidden").is_some()
        || attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        });
    let role = attr("role").unwrap_or_default().to_ascii_lowercase();
    let names = format!(
        "{} {}",
        attr("class").unwrap_or_default(),
        attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    let article_body = attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
    let furniture_word = words(&names).any(|w| FURNITURE_WORDS.contains(&w));
    let article_word = words(&names).any(|w| ARTICLE_WORDS.contains(&w));
    let exempt = matches!(name, "html" | "body" | "article" | "main") || article_body;
    let dropped = hidden
        || FURNITURE_TAGS.contains(&name)
        || FURNITURE_ROLES.contains(&role.as_str())
        || furniture_word && !exempt;
    let mut weight = 0;
    if article_word || article_body {
        weight += 25;
    }
    if furniture_word {
        weight -= 25;
    }
    if article_body {
        weight += 50;
    }
    (dropped, weight)
}

/// The words of a class or id attribute.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::judge;

    /// Tag, attributes, whether furniture, weight.
    type Case = (
        &'static str,
        &'static [(&'static str, &'static str)],
        bool,
        i32,
    );

    #[test]
    fn furniture_is_known_by_tag_role_and_class_words() {
        let table: &[Case] = &[
            ("p", &[], false, 0),
            ("nav", &[], true, 0),
            ("div", &[("role", "navigation")], true, 0),
            ("div", &[("class", "share-bar")], true, -25),
            ("div", &[("class", "story-body")], false, 25),
            ("div", &[("class", "comment-body")], true, 0),
            ("article", &[("class", "ad-free")], false, -25),
            ("div", &[("itemprop", "articleBody")], false, 75),
            ("p", &[("style", "display: none")], true, 0),
            ("p", &[("aria-hidden", "true")], true, 0),
        ];
        for (tag, attrs, dropped, weight) in table {
            let attr = |k: &str| {
                attrs
                    .iter()
                    .find(|(a, _)| *a == k)
                    .map(|(_, v)| v.to_string())
            };
            assert_eq!(judge(tag, &attr), (*dropped, *weight), "{tag} {attrs:?}");
        }
    }
}
