"""Opening a saved snapshot: memory maps, the snapshot by its path, files cut short while mapped,
and the checks that refuse a damaged one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from retrieval import snapshot, store, writing
from retrieval.errors import IndexFormatError
from retrieval.index import TermIndex
from retrieval.packing import pack
from retrieval.sources import Source
from tests.test_store import TEXTS, _flip, _saved, _snapshot


def test_loaded_arrays_are_read_only_maps(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    loaded, _, _, _ = snapshot.load(where)
    assert not loaded.weights.flags.writeable
    assert isinstance(loaded.weights.base, np.memmap)


def test_a_snapshot_is_opened_by_its_path_whichever_is_live(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    first = store.live(where)
    store.save(where, TermIndex.build(TEXTS[:2]),
               pack([Source("d0", "Doc")], [0, 0], TEXTS[:2]), "fp2")
    assert snapshot.load(where)[2] == "fp2"
    loaded, collection, fp, name = snapshot.load_snapshot(first)
    assert (fp, name, loaded.n_passages, collection.passage_text(2)) == ("fp", first.name, 3,
                                                                       TEXTS[2])
    assert isinstance(loaded.weights.base, np.memmap)
    with pytest.raises(IndexFormatError, match="unreadable"):
        snapshot.load_snapshot(where / "snap-gone")


def test_a_file_cut_short_while_mapped_is_seen_without_reading_it(tmp_path: Path) -> None:
    """Read through its map, the part cut off would kill the process (SIGBUS)."""
    _, where = _saved(tmp_path)
    index, collection, _, _ = snapshot.load(where)
    maps = snapshot.Maps(index, collection)
    assert len(maps) == len(store.INDEX_ARRAYS) + len(store.COLLECTION_ARRAYS)
    assert maps.cut() == 0
    os.truncate(store.live(where) / "text_blob.npy", 0)
    os.truncate(store.live(where) / "weights.npy", 100)
    assert maps.cut() == 2
    built = pack([Source("d0", "Doc")], [0, 0, 0], TEXTS)
    assert len(snapshot.Maps(TermIndex.build(TEXTS), built)) == 0  # built in memory: no maps


def test_a_missing_max_weights_array_is_refused(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    (store.live(where) / "maxw.npy").unlink()
    with pytest.raises(IndexFormatError):
        snapshot.load(where)


def test_inconsistent_arrays_are_refused(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    np.save(store.live(where) / "maxw.npy", np.zeros(1, dtype=np.float32))
    with pytest.raises(IndexFormatError, match="inconsistent"):
        snapshot.load(where)


def test_a_posting_outside_the_index_is_an_error_not_a_wild_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, where = _saved(tmp_path)
    path = store.live(where) / "passages.npy"
    bad = np.load(path)
    bad[0] = 1_000_000
    np.save(path, bad)
    # A small index (served by the numpy path) is refused when it is loaded.
    with pytest.raises(IndexFormatError):
        snapshot.load(where)
    # A large one is checked by the compiled kernel as it reads the postings.
    monkeypatch.setattr(snapshot, "KERNEL_MIN_PASSAGES", 0)
    loaded, _, _, _ = snapshot.load(where)
    with pytest.raises(IndexError):
        loaded.search_compiled(list(loaded.vocabulary), 3)


def test_a_file_of_another_size_or_empty_is_refused_at_load(tmp_path: Path) -> None:
    # a 0-byte .npy once raised an uncaught EOFError (the webhook died at every start-up)
    _, where = _saved(tmp_path)
    snap = next(p for p in where.iterdir() if p.name.startswith("snap-"))
    (snap / "df.npy").write_bytes(b"")
    with pytest.raises(IndexFormatError, match="not the size"):
        snapshot.load(where)


@pytest.mark.parametrize("name", ["sources.json", "sections.json", "vocab.json"])
def test_a_flipped_byte_in_titles_sections_or_terms_is_refused_at_load(tmp_path: Path,
                                                                       name: str) -> None:
    _, where = _saved(tmp_path)
    _flip(_snapshot(where) / name, 1)
    with pytest.raises(IndexFormatError, match=f"{name}.*damaged"):
        snapshot.load(where)


def test_a_term_saved_twice_is_refused_at_load(tmp_path: Path) -> None:
    """A vocabulary naming a term twice (its manifest agreeing) would give that term one id of
    two: refused, as arrays that disagree are."""
    _, where = _saved(tmp_path)
    snap = _snapshot(where)
    terms = json.loads((snap / "vocab.json").read_text("utf-8"))
    (snap / "vocab.json").write_text(json.dumps([*terms[:-1], terms[0]]))
    meta = json.loads((snap / "meta.json").read_text())
    meta["files"]["vocab.json"] = writing.manifest_entry(snap / "vocab.json")
    (snap / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexFormatError, match="twice"):
        snapshot.load(where)
