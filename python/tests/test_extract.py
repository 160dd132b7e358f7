"""quotegraph.extract and extract_many: quotes, speakers and offsets, on invented news."""

from __future__ import annotations

import random
import threading

import pytest

import quotegraph

# (text, expected (content, speaker, kind) of each quote, in order). Invented people and places.
CASES = [
    (
        "“The ferry will run again by June,” Mayor Lena Ortiz said on Monday.",
        [("The ferry will run again by June,", "Lena Ortiz", "direct")],
    ),
    (
        "Senator Bram Tembe said that the budget would be cut. He added that the library stays open.",
        [
            ("the budget would be cut", "Bram Tembe", "indirect"),
            ("the library stays open", "Bram Tembe", "indirect"),
        ],
    ),
    (
        "“We are ready,” Governor Talia Moberly told reporters, “and we will not wait.”",
        [("We are ready,", "Talia Moberly", "direct"), ("and we will not wait.", "Talia Moberly", "direct")],
    ),
    ("The harbour reopened on Tuesday after a week of storms.", []),
]

# Texts whose characters take more than one UTF-8 byte before, inside and after the quotes.
NON_ASCII = [
    "Zoë Ferreira, maire de Cléry, a déclaré : « Nous reconstruirons le pont en été. »",
    "“Ça ira mieux 🙂 demain,” said Mayor Anaïs Brûlé of Saint-Édouard. Ms Brûlé added that the 🚢 ferry returns.",
    "Министр Олег Ветров сказал: «Мы откроем мост в мае». “東京 is far,” said Kenji Arata.",
    "“سلام” means peace, said teacher Layla Haddad on Friday in Qarnah, smiling 😊.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quotes_and_speakers(text, expected):
    got = [(q["content"], q["speaker"], q["kind"]) for q in quotegraph.extract(text)]
    assert got == expected


def test_a_quote_record_has_every_documented_field():
    q = quotegraph.extract(CASES[0][0], id="a1")[0]
    assert q["doc_id"] == "a1"
    assert q["cue"] == "said"
    assert q["speaker_mention"] == "Mayor Lena Ortiz"
    assert q["speaker_type"] == "person"
    assert q["confidence"] == round(q["confidence"], 2) and 0 <= q["confidence"] <= 1
    assert q["link"] == "cue"
    assert set(q) == set(quotegraph.Quote.__annotations__)


def test_without_an_id_the_doc_id_is_none():
    assert quotegraph.extract(CASES[0][0])[0]["doc_id"] is None


@pytest.mark.parametrize("text", NON_ASCII + [c[0] for c in CASES])
def test_character_offsets_slice_python_strings_and_byte_offsets_slice_utf8(text):
    quotes = quotegraph.extract(text)
    raw = text.encode("utf-8")
    for q in quotes:
        assert text[q["content_char_start"] : q["content_char_end"]] == q["content"]
        assert raw[q["content_start"] : q["content_end"]].decode("utf-8") == q["content"]
        if q["speaker_mention"] is not None:
            assert text[q["speaker_char_start"] : q["speaker_char_end"]] == q["speaker_mention"]
            assert raw[q["speaker_start"] : q["speaker_end"]].decode("utf-8") == q["speaker_mention"]


def test_offsets_hold_on_random_text_made_of_news_pieces():
    """A property test (seeded, so reproducible): whatever the mix of quotation marks, names,
    combining marks, emoji and scripts, every span slices to its text, in bytes and in chars."""
    rng = random.Random(20310305)
    pieces = ["“", "”", '"', "«", "»", "‘", "’", "„", " said", " Mayor Zoë Brûlé", " she added that",
              "🙂", "東京", "שלום", "e\u0301", ",", ".", "\n\n", "\n", " the ferry runs", " ", "Ö"]
    checked = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        if not text.strip():
            continue
        raw = text.encode("utf-8")
        for q in quotegraph.extract(text):
            checked += 1
            assert text[q["content_char_start"] : q["content_char_end"]] == q["content"], text
            assert raw[q["content_start"] : q["content_end"]].decode("utf-8") == q["content"], text
            if q["speaker_mention"] is not None:
                assert text[q["speaker_char_start"] : q["speaker_char_end"]] == q["speaker_mention"]
    assert checked > 50


def test_non_ascii_quotes_are_found_with_their_speakers():
    q = quotegraph.extract(NON_ASCII[1])[0]
    assert q["content"] == "Ça ira mieux 🙂 demain,"
    assert q["speaker"] == "Anaïs Brûlé"
    assert q["content_char_start"] < q["content_start"]  # bytes run ahead of characters


def test_a_title_given_apart_is_not_text():
    text = "“We are ready,” Governor Talia Moberly said."
    assert quotegraph.extract(text, title="Moberly ready") == quotegraph.extract(text)


def test_a_headline_line_is_the_title_not_a_quote():
    text = "Ferry returns to Cléry\n\n“It is back,” Mayor Zoë Ferreira said."
    quotes = quotegraph.extract(text)
    assert [q["content"] for q in quotes] == ["It is back,"]
    assert text[quotes[0]["content_char_start"] : quotes[0]["content_char_end"]] == "It is back,"


def test_empty_text_raises_input_error():
    with pytest.raises(quotegraph.InputError, match="empty"):
        quotegraph.extract("   ")
    assert issubclass(quotegraph.InputError, ValueError)


def test_extract_many_equals_extract_one_by_one_whatever_the_threads():
    texts = [c[0] for c in CASES] + NON_ASCII
    one_by_one = [quotegraph.extract(t, id=str(i)) for i, t in enumerate(texts)]
    for threads in (None, 1, 2, 3):
        assert quotegraph.extract_many(texts, threads=threads) == one_by_one


def test_extract_many_takes_dicts_generators_and_ids():
    items = (
        x
        for x in [
            {"id": "w1", "text": CASES[0][0], "source": "Valley Courier"},
            {"doc_id": "w2", "text": CASES[1][0]},
            {"id": 7, "text": CASES[0][0]},
            CASES[2][0],
            {"text": CASES[0][0], "unrelated": object()},
        ]
    )
    out = quotegraph.extract_many(items)
    assert [qs[0]["doc_id"] for qs in out] == ["w1", "w2", "7", "3", "4"]
    assert len(out[1]) == 2


def test_bad_items_warn_and_keep_their_place_or_raise():
    items = [CASES[0][0], {"text": ""}, 42, {"id": "x"}, {"text": b"bytes"}, {"id": " ", "text": "Hi."}, CASES[0][0]]
    with pytest.warns(quotegraph.InputWarning) as caught:
        out = quotegraph.extract_many(items)
    assert [len(qs) for qs in out] == [1, 0, 0, 0, 0, 0, 1]
    messages = [str(w.message) for w in caught]
    assert messages == [
        "item 1 (id '1'): empty \"text\" field",
        'item 2: an article is a str or a mapping with "text", not an object of type int',
        "item 3 (id 'x'): missing \"text\" field",
        'item 4: "text" is of type bytes, which quotegraph cannot read',
        "item 5: the id is empty",
    ]
    assert all(w.filename == __file__ for w in caught)  # warnings point at the caller
    with pytest.raises(quotegraph.InputError, match=r"item 1 \(id '1'\): empty"):
        quotegraph.extract_many(items, errors="raise")


def test_a_field_of_the_wrong_type_is_left_out_with_a_warning():
    with pytest.warns(quotegraph.InputWarning, match=r'"title" is an array, not a string; left out'):
        out = quotegraph.extract_many([{"text": CASES[0][0], "title": ["a", "b"]}])
    assert len(out[0]) == 1


@pytest.mark.parametrize("bad", [{"threads": 0}, {"errors": "ignore"}])
def test_bad_arguments_raise_value_error(bad):
    with pytest.raises(ValueError):
        quotegraph.extract_many([CASES[0][0]], **bad)


def test_extract_many_releases_the_gil():
    """While a batch runs in another thread, Python code in this thread keeps running."""
    texts = ["\n\n".join([CASES[0][0], CASES[1][0], CASES[2][0]] * 10)] * 500
    inside = threading.Event()
    ticks = 0

    def work():
        inside.set()
        quotegraph.extract_many(texts, threads=1)
        inside.clear()

    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        if inside.is_set():
            ticks += 1
    t.join()
    # Were the GIL held through the batch, this loop could only turn in the switch intervals
    # (5 ms) before the call and after it: about 20,000 turns here when a C call holding the GIL
    # for 3 s was tried in its place. Released, it turns for the whole batch (seconds on one
    # core): about 800,000 turns on a loaded 2-core machine.
    assert ticks > 200_000, ticks


def test_store_ingest_releases_the_gil(tmp_path):
    """While a store ingests in another thread, Python code in this thread keeps running (the
    same measure as above: about 20,000 turns if the GIL were held)."""
    texts = [
        {"id": str(i), "text": "\n\n".join([CASES[0][0], CASES[1][0], CASES[2][0]] * 10)}
        for i in range(500)
    ]
    store = quotegraph.Store(tmp_path / "gil.db")
    inside = threading.Event()
    ticks = 0

    def work():
        inside.set()
        store.ingest(texts, threads=1)
        inside.clear()

    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        if inside.is_set():
            ticks += 1
    t.join()
    assert store.counts()["articles"] == 500
    assert ticks > 200_000, ticks
