//! Publication dates as found in pages, feeds and archives, normalised to ISO 8601.
//!
//! Takes a date string in any of the usual web forms (RFC 3339 / ISO 8601 with or without a
//! time or zone, RFC 2822 as in RSS `pubDate`, WARC-Date, `March 5, 2024`, `5 March 2024`);
//! gives `YYYY-MM-DD` for a bare date or `YYYY-MM-DDTHH:MM:SSZ` (UTC) for an instant. A string
//! that does not parse is kept as it is (trimmed): never guessed at, never dropped.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// The ISO 8601 form of `raw` when it parses, else `raw` trimmed; `None` for an empty string.
pub fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    Some(parse(s).unwrap_or_else(|| s.to_string()))
}

fn parse(s: &str) -> Option<String> {
    let instant = |d: DateTime<Utc>| d.to_rfc3339_opts(SecondsFormat::Secs, true);
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(instant(d.with_timezone(&Utc)));
    }
    // ISO forms RFC 3339 does not take: no seconds, a zone like +0100, a space for the T.
    for f in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(instant(d.with_timezone(&Utc)));
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(instant(d.with_timezone(&Utc)));
    }
    // A local time with no zone says nothing about UTC: keep its day only.
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.date().format("%Y-%m-%d").to_string());
        }
    }
    let day = s.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A, %B %d, %Y",
        "%A %d %B %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(day, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn dates_in_web_forms_become_iso_8601() {
        let table = [
            ("2024-03-05", "2024-03-05"),
            ("2024-03-05T14:30:00Z", "2024-03-05T14:30:00Z"),
            ("2024-03-05T14:30:00+01:00", "2024-03-05T13:30:00Z"),
            ("2024-03-05T14:30:00.123-05:00", "2024-03-05T19:30:00Z"),
            ("2024-03-05T14:30+0100", "2024-03-05T13:30:00Z"),
            ("2024-03-05T14:30:00", "2024-03-05"),
            ("Tue, 05 Mar 2024 14:30:00 GMT", "2024-03-05T14:30:00Z"),
            ("Tue, 5 Mar 2024 09:30:00 -0500", "2024-03-05T14:30:00Z"),
            ("March 5, 2024", "2024-03-05"),
            ("5 March 2024", "2024-03-05"),
            ("Mar. 5, 2024", "2024-03-05"),
            ("  yesterday evening ", "yesterday evening"),
        ];
        for (raw, want) in table {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
        assert_eq!(normalize("   "), None);
    }
}
