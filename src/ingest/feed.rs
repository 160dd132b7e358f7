//! RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds: each item an article.
//!
//! Takes a feed's text (quick-xml events, read once); gives one [`Article`] per `item` /
//! `entry`: text from `content:encoded`, Atom `content`, `description` or `summary` (HTML,
//! read by [`super::html::fragment`], entities decoded once per layer); `title`; `link`;
//! `pubDate` / `published` / `updated` / `dc:date` (ISO 8601 when it parses); `author` /
//! `dc:creator`; the feed's own title as `source`; id from `guid` / `id`, else the link, else
//! `stem#N`. An item with no text, a feed with no items, XML that breaks off: each reported
//! with the file and item, the rest kept. Never follows the links.

use std::path::Path;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;
use quick_xml::XmlVersion;

use super::{date, html, Article};
use crate::error::Error;

type Item = Result<Article, Error>;

/// What one item holds, by field.
#[derive(Default)]
struct Fields {
    title: String,
    link: String,
    body: String,
    body_rank: u8,
    date: String,
    author: String,
    id: String,
}

/// The articles of a feed, and one error per item or fault.
pub fn items(text: &str, path: &Path) -> Vec<Item> {
    let mut r = Reader::from_str(text);
    let cfg = r.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = true;
    cfg.allow_dangling_amp = true;
    let mut w = Walk {
        path,
        stem: path
            .file_stem()
            .map_or_else(|| "feed".into(), |s| s.to_string_lossy().into_owned()),
        out: Vec::new(),
        depth: 0,
        root: false,
        item_depth: None,
        field: None,
        f: Fields::default(),
        feed_title: String::new(),
        in_feed_title: false,
        n: 0,
    };
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(ev) => {
                if !w.event(ev) {
                    return vec![Err(Error::Format {
                        origin: path.display().to_string(),
                        message: "not an RSS or Atom feed".into(),
                    })];
                }
            }
            Err(e) => {
                w.out.push(Err(Error::Format {
                    origin: format!("{}: byte {}", path.display(), r.error_position()),
                    message: format!("malformed feed XML ({e}); items after this are lost"),
                }));
                break;
            }
        }
    }
    if w.n == 0 && w.out.is_empty() {
        w.out.push(Err(Error::Format {
            origin: path.display().to_string(),
            message: "feed has no items".into(),
        }));
    }
    w.out
}

/// Where the reading of a feed is: element depth, the item and field being read.
struct Walk<'p> {
    path: &'p Path,
    stem: String,
    out: Vec<Item>,
    depth: usize,
    root: bool,
    item_depth: Option<usize>,
    field: Option<(String, usize)>,
    f: Fields,
    feed_title: String,
    in_feed_title: bool,
    n: usize,
}

impl Walk<'_> {
    /// Takes one event; `false` when the document is not a feed.
    fn event(&mut self, ev: Event) -> bool {
        match ev {
            Event::Start(e) | Event::Empty(e) if !self.root => {
                self.root = true;
                self.depth += 1;
                return matches!(e.local_name().as_ref(), b"rss" | b"feed" | b"RDF");
            }
            Event::Start(e) => {
                self.depth += 1;
                let name = local(&e);
                if self.item_depth.is_none() && matches!(name.as_str(), "item" | "entry") {
                    self.item_depth = Some(self.depth);
                    self.f = Fields::default();
                } else if self.item_depth.is_some_and(|d| self.depth == d + 1) {
                    link_href(&e, &mut self.f);
                    self.field = Some((name, self.depth));
                } else if self.item_depth.is_none() && name == "title" && self.feed_title.is_empty()
                {
                    self.in_feed_title = true;
                }
            }
            Event::Empty(e) if self.item_depth == Some(self.depth) => link_href(&e, &mut self.f),
            Event::End(_) => self.end(),
            Event::Text(t) => self.text(&t.xml10_content().unwrap_or_default()),
            Event::CData(t) => self.text(&t.xml10_content().unwrap_or_default()),
            Event::GeneralRef(g) => self.text(&entity(&g)),
            _ => {}
        }
        true
    }

    fn end(&mut self) {
        if self.field.as_ref().is_some_and(|(_, d)| *d == self.depth) {
            self.field = None;
        }
        if self.item_depth == Some(self.depth) {
            self.item_depth = None;
            self.n += 1;
            let f = std::mem::take(&mut self.f);
            let item = article(f, self.n, self.path, &self.stem, &self.feed_title);
            self.out.push(item);
        }
        self.in_feed_title = false;
        self.depth = self.depth.saturating_sub(1);
    }

    fn text(&mut self, s: &str) {
        push(
            &mut self.f,
            &self.field,
            &mut self.feed_title,
            self.in_feed_title,
            s,
        );
    }
}

/// The text of an entity reference; an HTML entity (not XML's five) is kept for the HTML
/// reader to decode.
fn entity(g: &BytesRef) -> String {
    match g.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => match g.decode().unwrap_or_default().as_ref() {
            "amp" => "&".into(),
            "lt" => "<".into(),
            "gt" => ">".into(),
            "quot" => "\"".into(),
            "apos" => "'".into(),
            other => format!("&{other};"),
        },
    }
}

fn local(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// An Atom `<link href>` (the `alternate` one, or one with no `rel`).
fn link_href(e: &BytesStart, f: &mut Fields) {
    if local(e) != "link" || !f.link.is_empty() {
        return;
    }
    let attr = |k: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == k)
            .and_then(|a| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
    };
    if attr(b"rel").is_none_or(|r| r == "alternate") {
        if let Some(href) = attr(b"href") {
            f.link = href;
        }
    }
}

/// Adds text to the field being read.
fn push(
    f: &mut Fields,
    field: &Option<(String, usize)>,
    title: &mut String,
    in_title: bool,
    s: &str,
) {
    if in_title {
        title.push_str(s);
    }
    let Some((name, _)) = field else { return };
    // Body fields, best first: full content over a summary.
    let rank = match name.as_str() {
        "encoded" | "content" => 3,
        "description" => 2,
        "summary" => 1,
        _ => 0,
    };
    if rank > 0 {
        if rank > f.body_rank {
            f.body_rank = rank;
            f.body.clear();
        }
        if rank == f.body_rank {
            f.body.push_str(s);
        }
        return;
    }
    let slot = match name.as_str() {
        "title" => &mut f.title,
        "link" => &mut f.link,
        "pubDate" | "published" | "date" | "issued" => &mut f.date,
        "updated" | "modified" if f.date.is_empty() => &mut f.date,
        "author" | "creator" | "name" => &mut f.author,
        "guid" | "id" => &mut f.id,
        _ => return,
    };
    slot.push_str(s);
}

/// One item as an article.
fn article(f: Fields, n: usize, path: &Path, stem: &str, feed_title: &str) -> Item {
    let origin = format!("{}: item {n}", path.display());
    let paragraphs = html::fragment(&f.body);
    if paragraphs.is_empty() {
        return Err(Error::Format {
            origin,
            message: "item has no text".into(),
        });
    }
    let clean = |s: &str| {
        let s = html::fragment(s).join(" ");
        (!s.is_empty()).then_some(s)
    };
    let link = f.link.trim().to_string();
    let id = [f.id.trim(), link.as_str()]
        .into_iter()
        .find(|s| !s.is_empty())
        .map_or_else(|| format!("{stem}#{n}"), str::to_string);
    let mut a = Article::new(id, paragraphs.join("\n\n"), clean(&f.title));
    a.url = (!link.is_empty()).then_some(link);
    a.date = date::normalize(&f.date);
    a.author = clean(&f.author);
    a.source = clean(feed_title);
    a.origin = origin;
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> Vec<Result<Article, String>> {
        items(xml, Path::new("f.rss"))
            .into_iter()
            .map(|i| i.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn rss_items_become_articles() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valley Times</title><item><title>Dam &amp; lake</title><link>https://v.example/dam</link>
<description>short</description>
<content:encoded><![CDATA[<p>&quot;It holds,&quot; said engineer Pia Lund.</p><p>More.</p>]]></content:encoded>
<pubDate>Tue, 05 Mar 2024 14:30:00 GMT</pubDate><dc:creator>Rob Writer</dc:creator><guid>v-1</guid></item>
<item><title>Second</title><description>&lt;p&gt;&amp;quot;Fine,&amp;quot; she said.&lt;/p&gt;</description></item>
<item><title>Empty</title></item></channel></rss>"#;
        let got = read(xml);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.id, "v-1");
        assert_eq!(a.title.as_deref(), Some("Dam & lake"));
        assert_eq!(a.text, "\"It holds,\" said engineer Pia Lund.\n\nMore.");
        assert_eq!(a.date.as_deref(), Some("2024-03-05T14:30:00Z"));
        assert_eq!(a.author.as_deref(), Some("Rob Writer"));
        assert_eq!(a.source.as_deref(), Some("Valley Times"));
        assert_eq!(a.url.as_deref(), Some("https://v.example/dam"));
        let b = got[1].as_ref().unwrap();
        assert_eq!(
            (b.id.as_str(), b.text.as_str()),
            ("f#2", "\"Fine,\" she said.")
        );
        assert_eq!(
            got[2].as_ref().unwrap_err(),
            "f.rss: item 3: item has no text"
        );
    }

    #[test]
    fn atom_entries_become_articles() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Post</title>
<entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; plan</title><id>urn:x:1</id>
<link rel="alternate" href="https://h.example/1"/><updated>2024-01-02T03:04:05+01:00</updated>
<author><name>Sam Poster</name></author><content type="html">&lt;p&gt;“No,” he said.&lt;/p&gt;</content></entry></feed>"#;
        let got = read(xml);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.title.as_deref(), Some("A bold plan"));
        assert_eq!(a.url.as_deref(), Some("https://h.example/1"));
        assert_eq!(a.date.as_deref(), Some("2024-01-02T02:04:05Z"));
        assert_eq!(a.author.as_deref(), Some("Sam Poster"));
        assert_eq!(a.text, "“No,” he said.");
    }

    #[test]
    fn faults_are_reported() {
        let table = [
            (
                "<rss><channel><title>T</title></channel></rss>",
                "f.rss: feed has no items",
            ),
            ("<urlset><url/></urlset>", "f.rss: not an RSS or Atom feed"),
        ];
        for (xml, want) in table {
            assert_eq!(read(xml)[0].as_ref().unwrap_err(), want);
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    proptest! {
        /// Any text, and any cut of a good feed, gives items and errors, never a panic.
        #[test]
        fn any_feed_text_is_read(text in any::<String>(), cut in 0usize..400) {
            let _ = super::items(&text, std::path::Path::new("p.rss"));
            let good = "<rss><channel><title>T</title><item><title>A &amp; B</title><description>&lt;p&gt;Words, here.&lt;/p&gt;</description></item></channel></rss>";
            let end = (0..=cut.min(good.len())).rev().find(|&i| good.is_char_boundary(i)).unwrap_or(0);
            let _ = super::items(&good[..end], std::path::Path::new("p.rss"));
        }
    }
}
