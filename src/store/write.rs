//! One batch in one transaction: stored articles replaced or left alone, new ones inserted,
//! their sightings linked, and the entities and stances they touch brought up to date.

use std::collections::BTreeSet;

use rusqlite::{params, TransactionBehavior};

use super::entities::Deltas as EntityDeltas;
use super::link::{self, Moved};
use super::rows::{self, Prepared, Sight};
use super::stances::Deltas as StanceDeltas;
use super::{Store, StoreError};
use crate::facts::format;

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// New articles stored.
    pub added: usize,
    /// Stored articles whose text changed (same id, another content hash), replaced.
    pub replaced: usize,
    /// Articles stored already with the same content hash: left alone.
    pub unchanged: usize,
    /// Articles refused, with the reason (inconsistent facts from a shard).
    pub refused: Vec<(String, String)>,
}

/// An article of the batch being stored.
struct New {
    id: i64,
    prepared: Prepared,
    count: usize,
}

pub(super) fn add(
    store: &mut Store,
    batch: Vec<Prepared>,
    run: Option<i64>,
) -> Result<BatchReport, StoreError> {
    let mut batch = Some((batch, Vec::new()));
    let mut report = BatchReport::default();
    add_all(store, &mut || batch.take(), run, &mut |r| {
        report = r.clone()
    })?;
    Ok(report)
}

/// Stores the batches `next` gives (with the ids of articles read again unchanged, marked as
/// seen by `run`) in one transaction, calling `done` after each.
pub(super) fn add_all(
    store: &mut Store,
    next: &mut dyn FnMut() -> Option<(Vec<Prepared>, Vec<String>)>,
    run: Option<i64>,
    done: &mut dyn FnMut(&BatchReport),
) -> Result<(), StoreError> {
    let path = store.path.clone();
    let err = |e| StoreError::sqlite(&path, e);
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    while let Some((batch, seen)) = next() {
        if let Some(run) = run {
            let mut stmt = tx
                .prepare_cached("UPDATE articles SET run = ?2 WHERE doc_id = ?1")
                .map_err(err)?;
            for id in &seen {
                stmt.execute(params![id, run]).map_err(err)?;
            }
        }
        let report = add_in(&tx, batch, run).map_err(err)?;
        done(&report);
    }
    tx.commit().map_err(err)
}

/// One batch, inside the caller's transaction.
fn add_in(
    tx: &rusqlite::Transaction,
    batch: Vec<Prepared>,
    run: Option<i64>,
) -> rusqlite::Result<BatchReport> {
    let mut report = BatchReport::default();
    let mut removed: Vec<Sight> = Vec::new();
    let mut stance = StanceDeltas::default();
    let mut new: Vec<New> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for mut prepared in batch {
        let f = &prepared.facts;
        if let Err(e) = format::validate(f) {
            report.refused.push((f.doc_id.clone(), e.to_string()));
            continue;
        }
        if [f.mentions.len(), f.quotes.len(), f.stances.len()]
            .iter()
            .any(|&n| n > rows::MAX_ITEM + 1)
        {
            let why = format!(
                "more than {} mentions, quotes or stances",
                rows::MAX_ITEM + 1
            );
            report.refused.push((f.doc_id.clone(), why));
            continue;
        }
        if !seen.insert(f.doc_id.clone()) {
            report.unchanged += 1; // the same id twice in one batch: the first counts
            continue;
        }
        match rows::find_article(tx, &f.doc_id)? {
            Some((id, hash)) if hash == f.content_hash && !prepared.fresh => {
                report.unchanged += 1;
                if let Some(run) = run {
                    tx.prepare_cached("UPDATE articles SET run = ?2 WHERE id = ?1")
                        .and_then(|mut s| s.execute(params![id, run]))?;
                }
                continue;
            }
            Some((id, _)) => {
                stance.article(tx, id, -1)?;
                removed.extend(rows::delete_article(tx, id)?);
                report.replaced += 1;
            }
            None => report.added += 1,
        }
        let id = rows::insert_article(tx, f, run.unwrap_or(0))?;
        for s in &mut prepared.sights {
            s.article = id;
        }
        new.push(New {
            id,
            count: prepared.sights.len(),
            prepared,
        });
    }
    store_batch(tx, removed, new, stance)?;
    Ok(report)
}

/// Links the batch, writes its rows and the changes it makes to stored ones.
fn store_batch(
    tx: &rusqlite::Transaction,
    removed: Vec<Sight>,
    mut new: Vec<New>,
    mut stance: StanceDeltas,
) -> rusqlite::Result<()> {
    // Link every new sighting at once (the indexes then see the whole batch).
    let mut added: Vec<Sight> = new
        .iter_mut()
        .flat_map(|a| a.prepared.sights.drain(..))
        .collect();
    let moved = link::link(tx, &removed, &mut added)?;
    let mut entities = EntityDeltas::default();
    for s in &removed {
        entities.add(s, -1);
    }
    for s in &added {
        entities.add(s, 1);
    }
    let mut fts = rows::Fts::default();
    let mut from = 0;
    for a in &new {
        let sights = &added[from..from + a.count];
        from += a.count;
        let evidence = rows::insert_content(tx, a.id, &a.prepared, sights, &mut fts)?;
        stance.rows(&evidence, 1);
    }
    // Stored sightings that change entity: their articles' stance shares are taken back before
    // and given again after.
    let articles: BTreeSet<i64> = moved
        .iter()
        .filter(|m| m.before.slot != "text" && m.before.entity != m.after.entity)
        .map(|m| m.before.article)
        .collect();
    for &a in &articles {
        stance.article(tx, a, -1)?;
    }
    for m in &moved {
        update(tx, m)?;
        entities.add(&m.before, -1);
        entities.add(&m.after, 1);
    }
    for &a in &articles {
        stance.article(tx, a, 1)?;
    }
    entities.apply(tx)?;
    stance.apply(tx)?;
    fts.insert(tx)?;
    // The batch's facts are freed on another thread (the writer is the pipeline's bottleneck);
    // when no thread can be made, here.
    if !new.is_empty() {
        let _ = std::thread::Builder::new().spawn(move || drop((new, added)));
    }
    Ok(())
}

/// Writes a stored sighting's new link and entity where it is used.
fn update(tx: &rusqlite::Transaction, m: &Moved) -> rusqlite::Result<()> {
    let (b, a) = (&m.before, &m.after);
    tx.prepare_cached(
        "UPDATE mentions SET key = ?2, linked = ?3, cand = ?4, entity_id = ?5 WHERE id = ?1",
    )?
    .execute(params![
        a.id(),
        (a.key != a.entity).then_some(&a.key),
        a.linked.as_ref().filter(|l| *l != &a.key),
        a.cand,
        a.entity
    ])?;
    if b.cand != a.cand {
        for w in &a.words {
            tx.prepare_cached(
                "UPDATE nominal_words SET cand = ?4 WHERE word = ?1 AND cand = ?2 AND mention = ?3",
            )?
            .execute(params![w, b.cand.unwrap_or(0), a.id(), a.cand.unwrap_or(0)])?;
        }
    }
    if b.entity == a.entity {
        return Ok(());
    }
    match a.slot {
        "speaker" => {
            tx.prepare_cached(
                "UPDATE quotes SET entity_id = ?3 WHERE article_id = ?1 AND idx = ?2",
            )?
            .execute(params![a.article, a.item, a.entity])?;
            tx.prepare_cached(
                "UPDATE stance_evidence SET speaker_id = ?3 WHERE article_id = ?1 AND quote_idx = ?2",
            )?
            .execute(params![a.article, a.item, a.entity])?;
        }
        "target" => {
            tx.prepare_cached(
                "UPDATE stance_evidence SET target_id = ?3 WHERE article_id = ?1 AND idx = ?2",
            )?
            .execute(params![a.article, a.item, a.entity])?;
        }
        _ => {}
    }
    Ok(())
}

pub(super) fn mark_seen(store: &mut Store, doc_ids: &[&str], run: i64) -> Result<(), StoreError> {
    let path = store.path.clone();
    let err = |e| StoreError::sqlite(&path, e);
    let tx = store
        .conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    {
        let mut stmt = tx
            .prepare_cached("UPDATE articles SET run = ?2 WHERE doc_id = ?1")
            .map_err(err)?;
        for id in doc_ids {
            stmt.execute(params![id, run]).map_err(err)?;
        }
    }
    tx.commit().map_err(err)
}

pub(super) fn remove_unseen(
    store: &mut Store,
    run: i64,
    batch: usize,
) -> Result<usize, StoreError> {
    let path = store.path.clone();
    let err = |e| StoreError::sqlite(&path, e);
    let mut total = 0;
    loop {
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let ids: Vec<i64> = tx
            .prepare_cached("SELECT id FROM articles WHERE run != ?1 LIMIT ?2")
            .and_then(|mut s| {
                s.query_map(params![run, rows::int(batch.max(1))], |r| r.get(0))?
                    .collect()
            })
            .map_err(err)?;
        if ids.is_empty() {
            return Ok(total);
        }
        let mut stance = StanceDeltas::default();
        let mut removed = Vec::new();
        for &id in &ids {
            stance.article(&tx, id, -1).map_err(err)?;
            removed.extend(rows::delete_article(&tx, id).map_err(err)?);
        }
        store_batch(&tx, removed, Vec::new(), stance).map_err(err)?;
        tx.commit().map_err(err)?;
        total += ids.len();
    }
}
