"""Arabic words read before Snowball's Arabic stemmer: a sound feminine plural as its singular.

Snowball's Arabic stemmer takes the plural ending "-ات" off a word only after its article:
"المجلدات" (the volumes) is "مجلد", as "مجلد" (a volume) is, but "مجلدات" (volumes) is "مجلدا",
"كلمات" "كلما" (where "كلمة" is "كلم"), and a word opening on a letter it also reads as a
prefix loses that too: "سيارات" is "يارا" (where "سيارة" and "السيارات" are "سيار"), "ولايات"
"لايا". Text names things without the article as often as with it ("في سبعة مجلدات"), so the
forms of one noun fell apart. Such a plural is read as its singular ("مجلدات" -> "مجلدة"),
whose stem is the singular's and the plural's after the article.
"""

from __future__ import annotations

_PLURAL = "ات"
_SINGULAR = "ة"
_SHORTEST = 5  # letters of a plural: "ذات", "مات" (died), "بات" are no plurals


def singular(word: str) -> str:
    """``word`` with the sound feminine plural ending "-ات" read as the singular's "-ة" (words
    of ``_SHORTEST`` letters or more), for the stemmer to read."""
    if len(word) >= _SHORTEST and word.endswith(_PLURAL):
        return word[: -len(_PLURAL)] + _SINGULAR
    return word


__all__ = ["singular"]
