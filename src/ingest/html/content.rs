//! The article's main text in a page outline: a readability-style choice of container.
//!
//! Takes an [`Outline`]; gives the paragraphs of the article body, in page order. Each block of
//! 25 characters or more scores its container (1, plus one per comma, plus one per 100
//! characters up to 3); the score flows up to the grandparent (half) and further ancestors (a
//! third per level, three levels). Containers get a head start by tag and by class/id words,
//! and their score is cut by the share of their text inside links. The best container, and
//! its siblings that score at least a fifth of it, hold the article; furniture (already marked
//! by the outline) and link lists inside them are left out. Never looks at the words of one
//! site: only tags, attribute words and text shape.

use super::dom::Outline;

/// Blocks shorter than this (in characters) do not vote for a container.
const MIN_VOTE_CHARS: usize = 25;

/// Per element: its score, the characters and link characters of the blocks it holds (up to
/// four levels down), and whether any block voted for it.
struct Tally {
    score: Vec<f64>,
    chars: Vec<usize>,
    links: Vec<usize>,
    voted: Vec<bool>,
}

/// Each long enough block votes for its container and the ancestors above.
fn tally(o: &Outline) -> Tally {
    let n = o.elems.len();
    let mut t = Tally {
        score: vec![0.0; n],
        chars: vec![0; n],
        links: vec![0; n],
        voted: vec![false; n],
    };
    for b in &o.blocks {
        if o.elems[b.elem].dropped {
            continue;
        }
        let len = b.text.chars().count();
        // Link density counts over every block a container holds.
        let mut e = b.elem;
        for _ in 0..4 {
            t.chars[e] += len;
            t.links[e] += b.link_chars;
            if e == 0 {
                break;
            }
            e = o.elems[e].parent;
        }
        if len < MIN_VOTE_CHARS {
            continue;
        }
        let commas = b.text.matches([',', '，', '、']).count() as f64;
        let points = 1.0 + commas + (len as f64 / 100.0).min(3.0);
        // The paragraph's own element votes for its parent; a div with direct text for itself.
        let own = &o.elems[b.elem];
        let mut e = if matches!(
            own.tag.as_str(),
            "div" | "article" | "section" | "main" | "body"
        ) {
            b.elem
        } else {
            own.parent
        };
        for level in 0..4 {
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                l => 1.0 / (l as f64 * 3.0),
            };
            if !t.voted[e] {
                t.voted[e] = true;
                t.score[e] += head_start(&o.elems[e].tag) + f64::from(o.elems[e].weight);
            }
            t.score[e] += points * share;
            if e == 0 {
                break;
            }
            e = o.elems[e].parent;
        }
    }
    t
}

/// The article body's paragraphs, or none when the page holds no article text.
pub fn main_text(o: &Outline) -> Vec<String> {
    let n = o.elems.len();
    let Tally {
        score,
        chars,
        links,
        voted,
    } = tally(o);
    let adjusted = |e: usize| {
        let density = if chars[e] == 0 {
            0.0
        } else {
            links[e] as f64 / chars[e] as f64
        };
        score[e] * (1.0 - density)
    };
    let Some(best) = (0..n)
        .filter(|&e| voted[e] && !o.elems[e].dropped)
        .max_by(|&a, &b| adjusted(a).total_cmp(&adjusted(b)).then(b.cmp(&a)))
    else {
        return Vec::new();
    };
    if adjusted(best) <= 1.0 {
        return Vec::new();
    }
    // The best container and its strong siblings.
    let parent = o.elems[best].parent;
    let floor = (adjusted(best) * 0.2).max(10.0);
    let mut chosen = vec![false; n];
    chosen[best] = true;
    for e in 1..n {
        if o.elems[e].parent == parent && voted[e] && adjusted(e) >= floor && !o.elems[e].dropped {
            chosen[e] = true;
        }
    }
    o.blocks
        .iter()
        .filter(|b| !o.elems[b.elem].dropped && inside(o, b.elem, &chosen))
        .filter(|b| !is_link_list(&b.text, b.link_chars))
        .map(|b| b.text.clone())
        .collect()
}

/// The starting score of a container, by tag (readability's weights).
fn head_start(tag: &str) -> f64 {
    match tag {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" | "section" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Whether `e` is a chosen element or inside one.
fn inside(o: &Outline, mut e: usize, chosen: &[bool]) -> bool {
    loop {
        if chosen[e] {
            return true;
        }
        if e == 0 {
            return false;
        }
        e = o.elems[e].parent;
    }
}

/// A block that is mostly a link ("Read more", a list of other stories).
fn is_link_list(text: &str, link_chars: usize) -> bool {
    let len = text.chars().count();
    len > 0 && link_chars * 2 > len
}

#[cfg(test)]
mod tests {
    use super::super::dom::outline;
    use super::main_text;

    const PARA: &str = "The council of Westbrook voted on Tuesday, after a long debate, to rebuild the old bridge over the river.";

    #[test]
    fn the_article_container_wins_over_furniture() {
        let page = format!(
            "<body><div class='menu'><a href=/>Home</a> <a href=/w>World</a></div>\
             <div id='story'><h2>Vote</h2><p>{PARA}</p><p>{PARA}</p><p>“We waited long enough,” said Mayor Ilse Varnholt.</p>\
             <p><a href='/more'>Read more stories about bridges and rivers</a></p></div>\
             <div class='comments'><p>{PARA}</p></div><ul><li><a href=/x>Other news today in the city of Westbrook</a></li></ul></body>"
        );
        let got = main_text(&outline(&page));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "Vote");
        assert!(got[3].starts_with("“We waited"));
    }

    #[test]
    fn common_layouts_give_their_article_text() {
        let table: Vec<(String, usize)> = vec![
            // Old style: paragraphs as text broken by <br><br>.
            (format!("<body><div id='main'><div class='text'>{PARA}<br><br>{PARA}</div></div>\
              <div id='sidebar'><p>{PARA}</p></div></body>"), 2),
            // The body split in parts around an advertisement.
            (format!("<article><div class='body-part'><p>{PARA}</p><p>{PARA}</p></div>\
              <div class='ad'><p>{PARA}</p></div><div class='body-part'><p>{PARA}</p><p>{PARA}</p></div></article>"), 4),
            // A short brief with no container of its own.
            (format!("<html><body><p>{PARA}</p></body></html>"), 1),
            // A fragment with no body element at all.
            (format!("<p>{PARA}</p><p>Short line.</p>"), 2),
        ];
        for (page, want) in table {
            let got = main_text(&outline(&page));
            assert_eq!(got.len(), want, "{page}: {got:?}");
        }
    }

    #[test]
    fn a_page_without_article_text_gives_nothing() {
        let table = [
            "<html><body><nav><a href=/>Home</a></nav></body></html>",
            "<p>Short.</p>",
            "",
        ];
        for page in table {
            assert!(main_text(&outline(page)).is_empty(), "{page}");
        }
    }
}
