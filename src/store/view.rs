//! Bounded views selected in SQL.
