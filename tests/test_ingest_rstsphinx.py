"""``retrieval.ingest.rstsphinx``: Sphinx's directives, as ``read_rst`` reads them."""

from __future__ import annotations

from retrieval.ingest.blocks import TERM_LEVEL
from retrieval.ingest.rst import read_rst


def test_autodoc_directives_keep_the_description_written_in_the_page():
    parsed = read_rst("Caches\n======\n\n.. autoclass:: TTLCache(maxsize, ttl)\n   :members:\n\n"
                      "   This class associates a time-to-live value with each item.\n\n"
                      ".. autosummary::\n\n   TTLCache\n   LRUCache\n")
    (term,) = [b for b in parsed.blocks if b.level == TERM_LEVEL]
    assert term.text == "TTLCache(maxsize, ttl)"
    (body,) = [b for b in parsed.blocks if b.kind == "paragraph"]
    assert body.text == "This class associates a time-to-live value with each item."
    assert body.section[-1] == "TTLCache(maxsize, ttl)"
    assert [d.block.text for d in parsed.dropped] == ["TTLCache LRUCache"]

