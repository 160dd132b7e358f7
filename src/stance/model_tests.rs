//! Tests of [`super`]: the stance model: weights read, features scored.

use super::*;

#[test]
fn the_builtin_model_reads_whole() {
    let m = Model::from_bytes(Cow::Borrowed(STANCE_MODEL)).expect("a valid model");
    assert!(m.len() > 1000, "{} features", m.len());
    assert!(m.known("the") && !m.known("zqxj"));
    assert!(m.about().contains("train_stance"), "{}", m.about());
}

#[test]
fn a_name_and_its_parts_give_one_key() {
    let cases: [(&str, &[&str]); 4] = [
        ("bias", &["bias"]),
        ("u|good", &["u", "good"]),
        ("K|L|<harm>|", &["K", "L", "<harm>", ""]),
        ("b|<t>|!good", &["b", "<t>", "!good"]),
    ];
    for (name, parts) in cases {
        assert_eq!(hash_name(name), hash_parts(parts), "{name}");
        let hashes = parts.iter().map(|p| part_hash(p));
        assert_eq!(key_of(hashes), hash_name(name), "{name}");
    }
    // The order of the parts counts.
    assert_ne!(hash_parts(&["b", "a", "c"]), hash_parts(&["b", "c", "a"]));
}

#[test]
fn a_written_model_reads_back() {
    let bytes = to_bytes(
        "test model",
        &["good".into(), "the".into()],
        &[
            ("u|good".into(), [1.0, -1.0, 0.0]),
            ("bias".into(), [0.0, 0.0, 0.5]),
        ],
    );
    let m = Model::from_bytes(Cow::Owned(bytes.clone())).expect("a model");
    assert_eq!((m.len(), m.about()), (2, "test model"));
    assert!(m.known("good") && !m.known("bad"));
    assert_eq!(
        m.weights(hash_parts(&["u", "good"])),
        Some([1.0, -1.0, 0.0])
    );
    assert_eq!(m.weights(hash_parts(&["u", "bad"])), None);
    // Damage is refused, never read.
    let cases: [(Vec<u8>, ModelError); 4] = [
        (b"not a model".to_vec(), ModelError::NotAModel),
        (
            bytes[..bytes.len() - 3].to_vec(),
            ModelError::Truncated(bytes.len() - 3),
        ),
        (
            [&bytes[..8], &1u32.to_le_bytes(), &bytes[12..]].concat(),
            ModelError::Version(1),
        ),
        (
            [&bytes[..12], &3u32.to_le_bytes(), &bytes[16..]].concat(),
            ModelError::Slots(3, 4),
        ),
    ];
    for (bad, want) in cases {
        assert_eq!(Model::from_bytes(Cow::Owned(bad)).err(), Some(want));
    }
    // An empty model judges nothing.
    let empty = Model::default();
    assert!(empty.is_empty() && !empty.known("the"));
}
