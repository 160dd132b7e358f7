//! The same queries answered from a [`Store`]: the full-text index finds the words, indexes find
//! everything else, so a query costs time in proportion to its answer, not to the corpus.
//!
//! Answers have the shapes of the graph queries ([`SpeakerHits`], [`QuoteHit`], [`StanceRow`],
//! [`Step`], [`Neighbour`]); every quote carries its articles' dates and outlets, and each
//! quote lists at most [`OCCURRENCES`] of the articles that carry it (`articles` counts them
//! all). `filter` keeps articles within a date range and from one outlet.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use super::{stem, Neighbour, QuoteHit, SpeakerHits, StanceRow, Step};
use crate::corpus::summarise;
use crate::graph::{quote_key, quote_node_id, Edge, NodeKind};
use crate::store::read::{EvidenceRow, Filter, Forms, QuoteRow};
use crate::store::{Store, StoreError};

/// Articles listed per quote in an answer.
pub const OCCURRENCES: usize = 20;

/// How far `path` looks before it gives up (edges), and how many entities it visits at most.
pub const MAX_PATH_DEPTH: usize = 6;
const MAX_VISITS: usize = 200_000;

fn hit(store: &Store, wording: u64, filter: &Filter) -> Result<Option<QuoteHit>, StoreError> {
    let (rows, total) = store.occurrences(wording, filter, OCCURRENCES)?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    Ok(Some(QuoteHit {
        id: quote_node_id(wording),
        text: first.content.clone(),
        kind: Some(first.kind),
        occurrences: rows.iter().map(QuoteRow::occurrence).collect(),
        articles: total,
    }))
}

fn name_of(store: &Store, id: &str) -> Result<String, StoreError> {
    Ok(store.entity(id)?.map_or_else(|| id.to_string(), |e| e.name))
}

/// Every speaker who said the phrase (its words in a row, case, punctuation and quotation
/// marks aside; `fuzzy`: other forms of the words too), most matching quotes first.
pub fn who_said(
    store: &Store,
    phrase: &str,
    fuzzy: bool,
    filter: &Filter,
) -> Result<Vec<SpeakerHits>, StoreError> {
    let words: Vec<String> = quote_key(phrase)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let prefixes: Vec<String> = words
        .iter()
        .map(|w| {
            let s = stem(w);
            if s.len() >= 4 {
                s
            } else {
                String::new()
            }
        })
        .collect();
    let forms = |candidate: &str, query: &str| {
        let root = stem(query);
        root.len() >= 4 && stem(candidate) == root
    };
    let wordings = if fuzzy {
        let forms = Forms {
            same: &forms,
            prefixes: &prefixes,
        };
        store.wordings_with(&words, Some(forms))?
    } else {
        store.wordings_with(&words, None)?
    };
    let mut by_speaker: BTreeMap<Option<String>, Vec<QuoteHit>> = BTreeMap::new();
    for w in wordings {
        let Some(h) = hit(store, w, filter)? else {
            continue;
        };
        for s in store.speakers_of(w, filter)? {
            by_speaker.entry(s).or_default().push(h.clone());
        }
    }
    let mut out = Vec::with_capacity(by_speaker.len());
    for (speaker, quotes) in by_speaker {
        let name = match &speaker {
            Some(id) => name_of(store, id)?,
            None => "(unattributed)".to_string(),
        };
        out.push(SpeakerHits {
            speaker,
            name,
            quotes,
        });
    }
    out.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then(a.speaker.is_none().cmp(&b.speaker.is_none()))
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}

/// Quotes said by `speaker` and / or naming `mentions` (entity ids), at most `limit`, in
/// quote-id order.
pub fn quotes(
    store: &Store,
    speaker: Option<&str>,
    mentions: Option<&str>,
    filter: &Filter,
    limit: usize,
) -> Result<Vec<QuoteHit>, StoreError> {
    let wordings = |rows: Vec<QuoteRow>| -> BTreeSet<u64> {
        rows.into_iter().filter_map(|r| r.wording).collect()
    };
    let chosen: BTreeSet<u64> = match (speaker, mentions) {
        (Some(s), None) => wordings(store.quotes_of(s, filter)?),
        (None, Some(m)) => wordings(store.quotes_naming(m, filter)?),
        (Some(s), Some(m)) => {
            let said: Vec<QuoteRow> = store.quotes_of(s, filter)?;
            let named: BTreeSet<i64> = store
                .quotes_naming(m, filter)?
                .into_iter()
                .map(|r| r.id)
                .collect();
            wordings(said.into_iter().filter(|r| named.contains(&r.id)).collect())
        }
        (None, None) => BTreeSet::new(),
    };
    let mut out = Vec::new();
    for w in chosen.into_iter().take(limit) {
        out.extend(hit(store, w, filter)?);
    }
    Ok(out)
}

/// Stances of a speaker and / or toward a target (entity ids), strongest first, at most `limit`
/// rows; with a filter they are recomputed from the evidence inside it; `by_month` splits each
/// into one row per month of its evidence.
pub fn stances(
    store: &Store,
    speaker: Option<&str>,
    target: Option<&str>,
    filter: &Filter,
    by_month: bool,
    limit: usize,
) -> Result<Vec<StanceRow>, StoreError> {
    let pairs: Vec<(String, String)> = match (speaker, filter.is_empty() && !by_month) {
        (_, true) | (None, false) => store
            .stances(speaker, target, limit)?
            .into_iter()
            .map(|r| (r.speaker_id, r.target_id))
            .collect(),
        (Some(s), false) => {
            let ev = store.evidence(s, target, filter)?;
            let set: BTreeSet<(String, String)> = ev
                .iter()
                .map(|e| (e.speaker_id.clone(), e.target_id.clone()))
                .collect();
            set.into_iter().collect()
        }
    };
    let mut rows = Vec::new();
    for (s, t) in pairs {
        let evidence = store.evidence(&s, Some(&t), filter)?;
        if evidence.is_empty() {
            continue;
        }
        let mut groups: BTreeMap<Option<String>, Vec<&EvidenceRow>> = BTreeMap::new();
        for e in &evidence {
            let period = by_month.then(|| month(e.quote.date.as_deref()));
            groups.entry(period).or_default().push(e);
        }
        let (speaker_name, target_name) = (name_of(store, &s)?, name_of(store, &t)?);
        for (period, group) in groups {
            let (score, polarity) = summarise(group.iter().map(|e| e.score).collect());
            let wordings: BTreeSet<u64> = group.iter().filter_map(|e| e.quote.wording).collect();
            let mut quotes = Vec::new();
            for w in wordings.into_iter().take(OCCURRENCES) {
                quotes.extend(hit(store, w, filter)?);
            }
            rows.push(StanceRow {
                speaker: speaker_name.clone(),
                target: target_name.clone(),
                period,
                polarity: Some(polarity),
                score: Some(score),
                quotes,
            });
        }
    }
    rows.sort_by(|a, b| {
        a.speaker
            .cmp(&b.speaker)
            .then(a.period.cmp(&b.period))
            .then(
                b.score
                    .unwrap_or(0.0)
                    .abs()
                    .total_cmp(&a.score.unwrap_or(0.0).abs()),
            )
            .then(a.target.cmp(&b.target))
    });
    rows.truncate(limit);
    Ok(rows)
}

/// `YYYY-MM` of a date, or `undated`.
fn month(date: Option<&str>) -> String {
    match date {
        Some(d) if d.len() >= 7 && d.is_char_boundary(7) => d[..7].to_string(),
        _ => "undated".to_string(),
    }
}

/// Reads entities' map edges once each.
struct Map<'s> {
    store: &'s Store,
    edges: HashMap<String, Vec<(String, Edge, bool)>>,
    names: HashMap<String, (String, NodeKind)>,
}

impl<'s> Map<'s> {
    fn new(store: &'s Store) -> Self {
        Map {
            store,
            edges: HashMap::new(),
            names: HashMap::new(),
        }
    }

    fn edges(&mut self, id: &str) -> Result<Vec<(String, Edge, bool)>, StoreError> {
        if let Some(e) = self.edges.get(id) {
            return Ok(e.clone());
        }
        let e = self.store.map_edges(id)?;
        self.edges.insert(id.to_string(), e.clone());
        Ok(e)
    }

    fn name(&mut self, id: &str) -> Result<(String, NodeKind), StoreError> {
        if let Some(n) = self.names.get(id) {
            return Ok(n.clone());
        }
        let e = self.store.entity(id)?;
        let kind = e
            .as_ref()
            .and_then(|e| crate::store::read::node_kind(&e.kind))
            .unwrap_or(NodeKind::Anonymous);
        let n = (e.map_or_else(|| id.to_string(), |e| e.name), kind);
        self.names.insert(id.to_string(), n.clone());
        Ok(n)
    }

    fn step(&mut self, a: &str, b: &str, e: &Edge, forward: bool) -> Result<Step, StoreError> {
        Ok(Step {
            from: self.name(a)?.0,
            to: self.name(b)?.0,
            kind: e.kind,
            forward,
            polarity: e.polarity,
            count: e.count,
        })
    }
}

/// The shortest path between two entities on the relationship map (breadth first, ties by
/// id), looking at most [`MAX_PATH_DEPTH`] edges away.
pub fn shortest_path(store: &Store, a: &str, b: &str) -> Result<Option<Vec<Step>>, StoreError> {
    let mut map = Map::new(store);
    let mut prev: HashMap<String, (String, Edge, bool)> = HashMap::new();
    let mut seen: BTreeSet<String> = BTreeSet::from([a.to_string()]);
    let mut queue = VecDeque::from([(a.to_string(), 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if n == b {
            let mut steps = Vec::new();
            let mut cur = b.to_string();
            while cur != a {
                let (p, e, fwd) = prev[&cur].clone();
                steps.push(map.step(&p, &cur, &e, fwd)?);
                cur = p;
            }
            steps.reverse();
            return Ok(Some(steps));
        }
        if d == MAX_PATH_DEPTH || seen.len() > MAX_VISITS {
            continue;
        }
        for (m, e, fwd) in map.edges(&n)? {
            if seen.insert(m.clone()) {
                prev.insert(m.clone(), (n.clone(), e, fwd));
                queue.push_back((m, d + 1));
            }
        }
    }
    Ok(None)
}

/// Every simple path of at most `max_len` edges between two entities, shortest first (at most
/// 10,000).
pub fn all_paths(
    store: &Store,
    a: &str,
    b: &str,
    max_len: usize,
) -> Result<Vec<Vec<Step>>, StoreError> {
    fn walk(
        map: &mut Map,
        at: &str,
        b: &str,
        max_len: usize,
        on_path: &mut Vec<String>,
        steps: &mut Vec<Step>,
        out: &mut Vec<Vec<Step>>,
    ) -> Result<(), StoreError> {
        if at == b {
            out.push(steps.clone());
            return Ok(());
        }
        if steps.len() == max_len || out.len() >= 10_000 {
            return Ok(());
        }
        for (m, e, fwd) in map.edges(at)? {
            if on_path.contains(&m) {
                continue;
            }
            on_path.push(m.clone());
            steps.push(map.step(at, &m, &e, fwd)?);
            walk(map, &m, b, max_len, on_path, steps, out)?;
            steps.pop();
            on_path.pop();
        }
        Ok(())
    }
    let mut out = Vec::new();
    let mut map = Map::new(store);
    walk(
        &mut map,
        a,
        b,
        max_len,
        &mut vec![a.to_string()],
        &mut Vec::new(),
        &mut out,
    )?;
    out.sort_by_key(Vec::len);
    Ok(out)
}

/// Entities within `depth` edges of `start` on the relationship map, nearest first.
pub fn neighbors(store: &Store, start: &str, depth: usize) -> Result<Vec<Neighbour>, StoreError> {
    let mut map = Map::new(store);
    let mut out = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::from([start.to_string()]);
    let mut queue = VecDeque::from([(start.to_string(), 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth || seen.len() > MAX_VISITS {
            continue;
        }
        for (m, e, fwd) in map.edges(&n)? {
            if seen.insert(m.clone()) {
                let (name, kind) = map.name(&m)?;
                out.push(Neighbour {
                    id: m.clone(),
                    name,
                    kind,
                    depth: d + 1,
                    via: map.step(&n, &m, &e, fwd)?,
                });
                queue.push_back((m, d + 1));
            }
        }
    }
    Ok(out)
}
