//! Invented news for the tests: towns, councils and people that do not exist, sentences of the
//! shapes news is written in (direct and reported speech, titles, last names alone, nominals,
//! anonymous sources, outlets), dated and from a few invented outlets.

use std::io::Write;
use std::path::Path;

const PEOPLE: [(&str, &str, &str); 8] = [
    ("Mayor", "Ilse", "Varnholt"),
    ("Judge", "Tomas", "Brandt"),
    ("Director", "Anna", "Berg"),
    ("Professor", "Olof", "Berg"),
    ("Governor", "Petra", "Lindqvist"),
    ("Minister", "Jonas", "Aalto"),
    ("Senator", "Marta", "Quell"),
    ("Minister", "Ruben", "Osei"),
];

const PLACES: [&str; 5] = ["Estrelle", "Norland", "Vaskby", "Lennhaven", "Orrin"];
const OUTLETS: [&str; 3] = ["Valley Courier", "Norland Post", "Harbour Gazette"];

const SAID: [&str; 6] = [
    "“We will rebuild {place} before winter,” {title} {first} {last} said on Monday.",
    "{last} said the council would vote on the plan for {place} in May.",
    "“The plan for {place} is reckless and everyone knows it,” said {title} {first} {last}.",
    "“{place} cannot wait another year,” a source close to the council said.",
    "{title} {first} {last} praised the crews in {place}, calling them brave.",
    "“I am proud of {place},” {last} told the {outlet}.",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Article `k` as a JSONL record (`id`, `text`, `title`, `source`, `date`).
pub fn article(k: usize) -> serde_json::Value {
    let mut r = Rng((k as u64 + 7).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let n = 3 + r.next(4);
    let mut text = Vec::new();
    for _ in 0..n {
        let (title, first, last) = PEOPLE[r.next(PEOPLE.len())];
        let s = SAID[r.next(SAID.len())]
            .replace("{title}", title)
            .replace("{first}", first)
            .replace("{last}", last)
            .replace("{place}", PLACES[r.next(PLACES.len())])
            .replace("{outlet}", OUTLETS[r.next(OUTLETS.len())]);
        text.push(s);
    }
    serde_json::json!({
        "id": format!("n{k:05}"),
        "title": format!("Council news {k}"),
        "text": text.join("\n\n"),
        "source": OUTLETS[k % OUTLETS.len()],
        "date": format!("2031-{:02}-{:02}", 1 + k % 12, 1 + k % 28),
    })
}

/// Writes articles `range` as a JSONL file.
pub fn write_jsonl(path: &Path, range: std::ops::Range<usize>) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for k in range {
        writeln!(f, "{}", article(k)).unwrap();
    }
}
