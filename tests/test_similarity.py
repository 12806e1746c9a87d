"""Word vectors: the bundled model, the cache, and failing to load without failing qabot."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save_file
from structlog.testing import capture_logs
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Whitespace

from retrieval import similarity
from retrieval.similarity import WordVectors


@pytest.fixture(scope="module")
def bundled() -> WordVectors:
    vectors = similarity.bundled()
    assert vectors is not None, "the wordllama package's vectors should load"
    return vectors


def test_bundled_vectors_find_words_of_like_meaning(bundled):
    found = bundled.matches(
        {"help": "help", "afraid": "afraid", "pizza": "pizza"},
        ["assistance", "fearing", "treaty", "border"], 0.4)
    assert found.keys() == {"assistance", "fearing"}
    assert found["fearing"].keys() == {"afraid"} and 0.4 <= found["assistance"]["help"] <= 1.0


def test_unrelated_words_stay_below_the_threshold(bundled):
    assert bundled.matches({"football": "football"}, ["armenia", "treaty", "photo"], 0.4) == {}


def test_vectors_are_unit_length_and_cached(bundled):
    v = bundled.vectors(["assistance", "help"])
    assert v.shape == (2, bundled.dim) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=2e-3)
    row = bundled._rows["help"]
    assert np.array_equal(bundled.vectors(["assistance", "help"])[1], v[1])
    assert bundled._rows["help"] == row  # computed once


def test_words_tokenised_together_get_the_tokens_they_get_alone(bundled):
    spec = importlib.util.find_spec(similarity.MODEL_PACKAGE)
    root = Path(next(iter(spec.submodule_search_locations)))
    alone = Tokenizer.from_file(str(root / similarity.TOKENIZER_FILE))
    words = ("assistance help afraid fearing café naïve straße привет 日本語 ǆemal "
             "supercalifragilistic zzz " * 12).split()  # more than one batch of 64
    assert len(words) > 2 * similarity._ENCODE_BATCH
    assert bundled._encode(words) == [alone.encode(w, add_special_tokens=False).ids
                                      for w in words]


def _tiny(tmp_path, rows):
    """A real tokenizer file and safetensors file holding a three-word model."""
    vocab = {"[UNK]": 0, "help": 1, "aid": 2, "cat": 3}
    tok = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = Whitespace()
    tok.save(str(tmp_path / "tok.json"))
    save_file({similarity.WEIGHTS_KEY: np.array(rows, dtype=np.float16)}, str(tmp_path / "w.st"))
    return WordVectors.from_files(tmp_path / "tok.json", tmp_path / "w.st")


def test_from_files_reads_a_tokenizer_and_an_embedding_matrix(tmp_path):
    vectors = _tiny(tmp_path, [[0, 0], [3, 4], [4, 3], [-1, 0]])
    assert np.allclose(vectors.vectors(["help"])[0], [0.6, 0.8], atol=1e-3)  # float16 rows
    found = vectors.matches({"h": "help", "c": "cat"}, ["aid", "cat", "aid"], 0.9)
    assert found == {"aid": {"h": pytest.approx(0.96, abs=1e-3)},
                     "cat": {"c": pytest.approx(1.0, abs=1e-3)}}
    assert vectors.matches({"h": "help"}, [], 0.0) == {}
    assert not vectors.vectors(["[UNK]"]).any()  # a zero vector matches nothing


def test_the_cache_is_bounded(tmp_path):
    vectors = _tiny(tmp_path, [[1, 0], [0, 1], [1, 1], [1, 0]])
    vectors._cache_size = 2
    first = vectors.vectors(["help", "aid", "help"])
    assert len(vectors._rows) == 2 and np.array_equal(first[0], first[2])
    again = vectors.vectors(["cat", "help"])  # would make 3: start over
    assert vectors._rows.keys() == {"cat", "help"} and np.allclose(again[1], first[0], atol=1e-3)


def test_a_missing_model_turns_matching_off_with_a_warning(monkeypatch):
    monkeypatch.setattr(similarity, "MODEL_PACKAGE", "no_such_package_qabot")
    with capture_logs() as logs:
        assert similarity._load_bundled() is None
    assert logs[0]["event"] == "word_vectors_unavailable" and "not installed" in logs[0]["reason"]


def test_unreadable_model_files_turn_matching_off(monkeypatch, tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    monkeypatch.setattr(similarity, "TOKENIZER_FILE", tmp_path / "bad.json")
    with capture_logs() as logs:
        assert similarity._load_bundled() is None
    assert logs and logs[0]["log_level"] == "warning"


def test_an_engine_without_vectors_still_answers(monkeypatch):
    from retrieval import QAEngine

    monkeypatch.setattr(similarity, "_bundled", [None])  # as if the model failed to load
    engine = QAEngine.from_texts(["The bridge opened in 1932 after four years of work."])
    assert engine.word_vectors is None
    assert engine.ask("When did the bridge open?").answered


def test_the_table_grows_and_keeps_earlier_rows(tmp_path):
    vectors = _tiny(tmp_path, [[0, 0], [3, 4], [4, 3], [-1, 0]])
    before = vectors.vectors(["help"])[0].copy()
    many = [f"w{i}" for i in range(3000)]  # unknown to the tiny model: zero rows
    assert not vectors.vectors(many).any()
    assert len(vectors._table) >= 3001 and np.array_equal(vectors.vectors(["help"])[0], before)


def test_threads_share_one_table(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    vectors = _tiny(tmp_path, [[0, 0], [3, 4], [4, 3], [-1, 0]])
    words = [f"w{i}" for i in range(400)] + ["help", "aid", "cat"]
    expected = np.array([[0.6, 0.8], [0.8, 0.6], [-1.0, 0.0]])

    def look(k: int) -> bool:  # each thread adds the words in another order
        got = vectors.vectors(words[k:] + words[:k])
        return np.allclose(got[[i - k for i in (400, 401, 402)]], expected, atol=1e-3)

    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(look, range(0, 400, 7)))
    assert len(vectors._rows) == len(words)


def test_compare_finds_matches_and_best_cosines_per_sentence_in_one_lookup(bundled):
    table, cos = bundled.compare({"h": "help", "s": "storm"},
                                 [["assistance", "town"], ["storm"], []], 0.5)
    assert table == {"assistance": {"h": pytest.approx(cos[0, 0])},
                     "storm": {"s": pytest.approx(1.0, abs=1e-3)}}
    assert cos.shape == (3, 2)
    assert cos[1, 1] == pytest.approx(1.0, abs=1e-3)  # the word itself
    assert cos[0, 0] > 0.5 > cos[0, 1]  # help ~ assistance; storm ~ neither word
    assert (cos[2] == 0).all() and (cos >= 0).all()  # no words: nothing met


def test_memory_freed_making_the_vectors_is_handed_back(monkeypatch, tmp_path):
    """Loading the model (the tokenizer, the blocks of rows read) leaves freed blocks that would
    otherwise stay resident for good; the row cache is one table of its full size, written
    row by row, never copied into a larger one."""
    released = []
    monkeypatch.setattr(similarity, "release_freed_memory", lambda: released.append(1))
    monkeypatch.setattr(similarity, "_bundled", [])
    assert similarity.bundled() is not None and len(released) == 1
    vectors = _tiny(tmp_path, [[0, 0], [3, 4], [4, 3], [-1, 0]])
    table = vectors._table
    assert len(table) == vectors._cache_size and not table.any()
    vectors.vectors([f"w{i}" for i in range(1000)])
    vectors.vectors([f"v{i}" for i in range(100)])  # used to outgrow a first table of 1,024
    assert vectors._table is table and len(released) == 1
    assert np.array_equal(vectors.vectors(["w3", "v7"]), vectors._unit_rows(["w3", "v7"])
                          .astype(np.float16).astype(np.float32))


def test_a_call_with_more_words_than_the_cache_holds_still_gets_every_row(tmp_path):
    small = _tiny(tmp_path, [[0, 0], [3, 4], [4, 3], [-1, 0]])
    vectors = WordVectors(small._embedding, small._encode, cache_size=2)
    words = ["help", "aid", "cat", "help", "dog"]
    got = vectors.vectors(words)
    assert len(vectors._table) == 4  # the four distinct words, past the cache's two rows
    assert np.array_equal(got, vectors._unit_rows(words).astype(np.float16).astype(np.float32))
    assert np.array_equal(vectors.vectors(["cat", "help"]), got[[2, 0]])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_a_matrix_is_read_block_by_block_as_safetensors_reads_it(tmp_path, monkeypatch, dtype):
    from safetensors.numpy import load_file

    monkeypatch.setattr(similarity, "_ROWS_READ", 3)  # blocks of 3 rows, the last of 1
    rows = np.random.default_rng(0).standard_normal((7, 5)).astype(dtype)
    path = tmp_path / "m.st"
    save_file({"other": np.ones(3, dtype=np.float32), "m": rows}, str(path))
    got = similarity.float32_matrix(path, "m")
    assert got.dtype == np.float32 and got.flags.c_contiguous
    assert np.array_equal(got, load_file(str(path))["m"].astype(np.float32))


def test_the_bundled_model_reads_as_it_did_to_the_bit():
    from safetensors.numpy import load_file

    spec = importlib.util.find_spec(similarity.MODEL_PACKAGE)
    if spec is None:
        pytest.skip("the model package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / similarity.WEIGHTS_FILE
    whole = np.ascontiguousarray(load_file(str(path))[similarity.WEIGHTS_KEY], dtype=np.float32)
    assert np.array_equal(similarity.float32_matrix(path, similarity.WEIGHTS_KEY).view(np.uint32),
                          whole.view(np.uint32))


def test_a_cut_short_model_file_is_an_error(tmp_path):
    path = tmp_path / "m.st"
    save_file({"m": np.ones((4, 2), dtype=np.float16)}, str(path))
    path.write_bytes(path.read_bytes()[:-3])
    with pytest.raises(ValueError, match="cut short"):
        similarity.float32_matrix(path, "m")
