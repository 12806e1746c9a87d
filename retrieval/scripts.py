"""Writing systems: what reading words needs to know of scripts that do not work like Latin.

* **Unspaced scripts** write no space between words: Chinese and Japanese (Han, Hiragana,
  Katakana: ``CJK``; Korean's Hangul is spaced and is not one of them) and the scripts of
  South-East Asia (Thai, Lao, Khmer, Myanmar: ``SOUTHEAST``). A run of one of them is read as
  its overlapping two-character pieces, a run of one character as that character
  (``bigrams``), as Lucene's ``CJKAnalyzer`` reads CJK: "长江大桥" -> 长江, 江大, 大桥. A question
  and a text then meet on every word they share, whatever the word's length, with no
  dictionary; a piece across two words ("江大") is noise that idf weighs down. Thai, Lao, Khmer
  and Myanmar are read the same way, but in three-character pieces (``piece_size``): their
  letters are an alphabet's, not Han's words or kana's syllables, and two of them are a
  fraction of a syllable that nearly every text holds, so that every question met a corpus in
  every piece (a Thai question was never abstained: out of corpus, `tests/data/parallel` p3,
  0.000; in three-character pieces 0.656). The Thai segmenters on PyPI are either large
  (PyThaiNLP: a 22 MB wheel) or no longer kept (newmm-tokenizer: last release 2022), and
  pieces need neither.
* **Combining marks** (Unicode categories Mn, Mc, Me: Devanagari's vowel signs, Arabic's
  vowel points, Thai's vowels above and below) belong to the word they are written in, but
  ``\\w`` does not match them: ``MARKS`` holds those of the Basic Multilingual Plane, so a word
  expression can take them in ("भारत" is one word, not "भ" and "रत").
* **Digits**: every script's decimal digits read as ASCII digits, and the Arabic decimal and
  thousands separators as "." and "," (``ascii_digits``: "١٩٧٠" -> "1970", "٣٫٤" -> "3.4",
  "१९३०" -> "1930"), so a figure meets itself however it is written.
* **Sentence ends** other than ".!?": the full-width "。！？" (and the halfwidth "｡"), which need
  no space after them; the Arabic question mark "؟"; the Devanagari danda "।" and double danda
  "॥"; the Greek question mark ";" (U+037E, and the ASCII semicolon Greek keyboards type for it,
  after a Greek word); the Armenian full stop "։", the Khmer "។" and the Myanmar "။"
  (``sentences.py``). Thai and Lao end sentences with a space, not a mark: a paragraph of them is
  prose by its length alone (``unpunctuated``), and is quoted whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

# Han (with its extension A, compatibility ideographs and the ideographic iteration and
# closing marks), Hiragana, Katakana (with its phonetic extensions and halfwidth forms; not its
# middle dot, which separates words: "ジョン・スミス"), and the Han of the supplementary planes
# (extensions B to F)
CJK = ("\u3005-\u3007\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\uff66-\uff9f\U00020000-\U0002ffff")
# Thai, Lao, Khmer and Myanmar letters, vowels and marks (their digits and punctuation left
# out: a digit is read as a number, a punctuation mark as nothing)
SOUTHEAST = ("\u0e01-\u0e4e\u0e81-\u0ecf\u0edc-\u0edf\u1780-\u17d3\u17dc\u17dd"
             "\u1000-\u103f\u1050-\u108f\u109a-\u109f")
UNSPACED = CJK + SOUTHEAST
UNSPACED_RE = re.compile(f"[{UNSPACED}]")
_SOUTHEAST_RE = re.compile(f"[{SOUTHEAST}]")


def _mark_ranges() -> str:
    """The combining marks (Mn, Mc, Me) of the Basic Multilingual Plane outside the unspaced
    scripts, as the ranges of a character class (about 10 ms, once)."""
    marks = [c for c in range(0x0300, 0x10000)
             if unicodedata.category(chr(c))[0] == "M" and not UNSPACED_RE.match(chr(c))]
    out: list[str] = []
    start = prev = marks[0]
    for c in [*marks[1:], -1]:
        if c != prev + 1:
            out.append(f"\\u{start:04x}" if start == prev else f"\\u{start:04x}-\\u{prev:04x}")
            start = c
        prev = c
    return "".join(out)


MARKS = _mark_ranges()


# Armenian writes its question, exclamation and emphasis marks over a word's stressed vowel,
# inside the word ("Ե՞րբ", "when?"): part of the word (``tokeniser.TOKEN_RE``), left out of its
# term and of what a question's type is read from
IN_WORD_MARKS = "\u055b\u055c\u055e"
# Arabic script's short vowels, tanwin, shadda and sukun (harakat, U+064B-U+0652) and its
# kashida (tatweel, U+0640, a stretch of the line): written or not as a writer pleases, never
# the word's ("کاملاً" is "کاملا", "مُحَمَّد" "محمد"); Snowball's Arabic stemmer drops them, the
# Persian one and Urdu (no stemmer) did not
ARABIC_MARKS = "".join(map(chr, range(0x064B, 0x0653))) + "\u0640"
_NO_MARKS = str.maketrans("", "", IN_WORD_MARKS + ARABIC_MARKS)


def without_in_word_marks(text: str) -> str:
    return text if text.isascii() else text.translate(_NO_MARKS)


def marked_word(letter: str) -> str:
    """The expression of a word of ``letter`` (a character class), its letters' combining marks
    part of it ("भारत": letters and vowel signs)."""
    return f"{letter}+(?:[{MARKS}]+{letter}*)*"

# A decimal digit other than an ASCII one, and the decimal and thousands separators of Arabic
# script
_OTHER_DIGIT_RE = re.compile("[^\\D0-9]|[\u066b\u066c]")
_ARABIC_SEPARATORS = {"\u066b": ".", "\u066c": ","}


def _ascii(m: re.Match[str]) -> str:
    c = m.group()
    return _ARABIC_SEPARATORS.get(c) or str(unicodedata.decimal(c))


# The fullwidth forms of ASCII's printable characters (U+FF01-U+FF5E), which East Asian input
# methods type: "ＣＳＴＯ" and "２００２" are the words "CSTO" and "2002"
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


# Unicode's mathematical letters and digits ("𝐖𝐡𝐞𝐧", "𝘊𝘚𝘛𝘖", "𝟐𝟎𝟐𝟐"), which styled text
# pasted from social media is written in: each the letter or digit it is drawn from (NFKC's)
_STYLED = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0x1D400, 0x1D800)
           if unicodedata.normalize("NFKC", chr(c)) != chr(c)}


def unstyled(text: str) -> str:
    """``text`` with mathematical bold, italic, script ... letters and digits as the plain ones
    ("𝐖𝐡𝐞𝐧 𝐰𝐚𝐬 𝐭𝐡𝐞 𝐂𝐒𝐓𝐎 𝐟𝐨𝐫𝐦𝐞𝐝?" -> "When was the CSTO formed?")."""
    return text.translate(_STYLED) if any(ord(ch) >= 0x1D400 for ch in text) else text


def halfwidth(text: str) -> str:
    """``text`` with fullwidth ASCII forms as ASCII ("ＣＳＴＯ" -> "CSTO"); one character for
    one, so a word's span is the same."""
    return text.translate(_FULLWIDTH)


def ascii_digits(text: str) -> str:
    """``text`` with any script's decimal digits written as ASCII digits ("١٩٧٠" -> "1970",
    "٣٫٤" -> "3.4", "१९३०" -> "1930"); other characters stay."""
    return _OTHER_DIGIT_RE.sub(_ascii, text)


_UNSPACED_RUN_RE = re.compile(f"[{UNSPACED}]+")
_LETTER_RE = re.compile(r"[^\W\d_]")


def unspaced_runs(text: str) -> list[str]:
    """The runs of an unspaced script in ``text``."""
    return _UNSPACED_RUN_RE.findall(text)


HANGUL = "\uac00-\ud7a3"  # Korean's syllables
_HANGUL_WORD_RE = re.compile(f"[{HANGUL}]{{3,}}")


def dense_words(text: str) -> int:
    """How many words more ``text`` counts for than its spaces say, where its words are Korean
    (an eojeol, a noun or verb with its particles and endings written on, holds what English
    says in two words: "한강의" "of the Han"): one more for each two syllables of a word past
    the first. A sentence "한강의 길이는 약 494킬로미터이다." (4 pieces) then counts as the 8 of
    "The Han River is about 494 kilometres long"."""
    if text.isascii():
        return 0
    return sum((len(w) - 1) // 2 for w in _HANGUL_WORD_RE.findall(text))


def written_unspaced(text: str) -> bool:
    """Whether ``text`` is written mainly in an unspaced script (half its letters or more): a
    Chinese or Thai text, not an English one quoting a Chinese name."""
    if text.isascii() or UNSPACED_RE.search(text) is None:
        return False
    return 2 * sum(map(len, unspaced_runs(text))) >= len(_LETTER_RE.findall(text))


_UNPUNCTUATED_RE = re.compile("[\u0e01-\u0e4e\u0e81-\u0ecf\u0edc-\u0edf]")


def unpunctuated(text: str) -> bool:
    """Whether ``text`` is written mainly in Thai or Lao (half its letters or more), which end
    no sentence with punctuation: a space, or the end of a paragraph, does."""
    if text.isascii():
        return False
    found = len(_UNPUNCTUATED_RE.findall(text))
    return found > 0 and 2 * found >= len(_LETTER_RE.findall(text))


def unspaced(word: str) -> bool:
    """Whether ``word`` starts with a character of an unspaced script."""
    return UNSPACED_RE.match(word) is not None


def bigrams(run: str) -> list[str]:
    """The overlapping two-character pieces of a run of an unspaced script ("长江大桥" -> 长江,
    江大, 大桥), three-character ones in the alphabets of South-East Asia (``piece_size``); a
    run no longer than one piece, the run."""
    n = piece_size(run[0])
    if len(run) < n + 1:
        return [run]
    return [run[i : i + n] for i in range(len(run) - n + 1)]


def with_bigrams(words: Iterable[str]) -> list[str]:
    """``words`` with each run of an unspaced script as its ``bigrams``."""
    return [b for w in words for b in (bigrams(w) if unspaced(w) else (w,))]


def piece_size(first: str) -> int:
    """How many characters the pieces of a run of an unspaced script starting with ``first``
    hold (``bigrams``): three in the alphabets of South-East Asia, two in CJK."""
    return 3 if _SOUTHEAST_RE.match(first) else 2


def bigram_spans(start: int, end: int, first: str) -> Iterator[tuple[int, int]]:
    """The spans of ``bigrams`` of the run at ``[start, end)`` of a text, whose first character
    is ``first``."""
    n = piece_size(first)
    if end - start < n + 1:
        yield start, end
        return
    for i in range(start, end - n + 1):
        yield i, i + n


__all__ = ["CJK", "HANGUL", "IN_WORD_MARKS", "MARKS", "SOUTHEAST", "UNSPACED", "UNSPACED_RE",
           "ascii_digits", "bigram_spans", "bigrams", "dense_words", "marked_word", "piece_size",
           "unpunctuated", "unspaced", "unspaced_runs", "with_bigrams", "without_in_word_marks",
           "written_unspaced"]
