//! Speakers' stances kept up to date by sums: each pair (speaker entity, target entity) holds
//! how many stance facts it has, their scores' sum in millionths and how many quotes they come
//! from; an article adds its share when it arrives and takes it back when it leaves or when one
//! of its speakers or targets is linked to another entity. The pair's score and polarity are
//! `corpus::stance_of_sum` of its sums, what `corpus::aggregate` gives in memory.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::corpus::{score_micros, stance_of_sum};

/// A stance fact as stored: (speaker entity, target entity, quote index, score).
pub(super) type Evidence = (Option<String>, Option<String>, i64, f64);

#[derive(Default, Clone, Copy)]
struct Share {
    n: i64,
    micros: i64,
    quotes: i64,
}

/// Stance shares of a batch, summed per pair before they are written (in key order).
#[derive(Default)]
pub(super) struct Deltas {
    pairs: BTreeMap<(String, String), Share>,
}

impl Deltas {
    /// Adds (`sign` 1) or takes away (-1) the stored articles' shares.
    pub(super) fn article(
        &mut self,
        conn: &Connection,
        article: i64,
        sign: i64,
    ) -> rusqlite::Result<()> {
        let rows: Vec<Evidence> = conn
            .prepare_cached(
                "SELECT speaker_id, target_id, quote_idx, score FROM stance_evidence \
                 WHERE article_id = ?1",
            )?
            .query_map([article], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        self.rows(&rows, sign);
        Ok(())
    }

    /// Adds (`sign` 1) or takes away (-1) an article's share, given its evidence rows
    /// (speaker, target, quote, score).
    pub(super) fn rows(&mut self, rows: &[Evidence], sign: i64) {
        let mut quotes: BTreeSet<(&str, &str, i64)> = BTreeSet::new();
        for (s, t, q, score) in rows {
            let (Some(s), Some(t)) = (s, t) else { continue };
            if s == t {
                continue;
            }
            let share = self.pairs.entry((s.clone(), t.clone())).or_default();
            share.n += sign;
            share.micros += sign * score_micros(*score as f32);
            if quotes.insert((s, t, *q)) {
                share.quotes += sign;
            }
        }
    }

    /// Writes the sums and recomputes each touched pair's score and polarity.
    pub(super) fn apply(self, conn: &Connection) -> rusqlite::Result<()> {
        let mut read = conn.prepare_cached(
            "SELECT n, micros, quotes FROM stances WHERE speaker_id = ?1 AND target_id = ?2",
        )?;
        let mut delete =
            conn.prepare_cached("DELETE FROM stances WHERE speaker_id = ?1 AND target_id = ?2")?;
        let mut upsert = conn.prepare_cached(
            "INSERT INTO stances (speaker_id, target_id, polarity, score, quotes, n, micros) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (speaker_id, target_id) DO UPDATE \
             SET polarity = excluded.polarity, score = excluded.score, \
             quotes = excluded.quotes, n = excluded.n, micros = excluded.micros",
        )?;
        // How connected each end is: the quotes on its stance edges, summed per entity.
        let mut weights: BTreeMap<&str, i64> = BTreeMap::new();
        for ((s, t), d) in &self.pairs {
            if d.n == 0 && d.micros == 0 && d.quotes == 0 {
                continue;
            }
            if d.quotes != 0 {
                *weights.entry(s).or_default() += d.quotes;
                *weights.entry(t).or_default() += d.quotes;
            }
            let now: Option<(i64, i64, i64)> = read
                .query_row([s, t], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            let (n, micros, quotes) = now.unwrap_or((0, 0, 0));
            let (n, micros, quotes) = (n + d.n, micros + d.micros, quotes + d.quotes);
            if n <= 0 {
                delete.execute([s, t])?;
                continue;
            }
            let (score, polarity) = stance_of_sum(micros, usize::try_from(n).unwrap_or(0));
            upsert.execute(params![
                s,
                t,
                polarity.as_str(),
                super::rows::real(score),
                quotes,
                n,
                micros
            ])?;
        }
        let mut weight =
            conn.prepare_cached("UPDATE entities SET weight = weight + ?2 WHERE id = ?1")?;
        for (id, w) in weights {
            if w != 0 {
                weight.execute(params![id, w])?;
            }
        }
        Ok(())
    }
}
