"""The mark qabot writes where it shortened a text: ``ELLIPSIS``, at the cut ends of a quote and
at the end of a title cut short.

Its own module, not ``answer``'s (which ``retrieval.ELLIPSIS`` still names): ``answer``'s models
import pydantic, and a build's worker processes, which shorten titles, need none of it (a fifth
of a worker's start).
"""

from __future__ import annotations

ELLIPSIS = "…"
