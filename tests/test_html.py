"""``bot.html``: Telegram HTML that escapes everything, bolds matches, and fits in messages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.html import (
    MAX_BOLD_RUNS,
    TELEGRAM_LIMIT,
    answer_html,
    bold,
    bold_runs,
    html_chunks,
    pack,
    passage_html,
    quote_html,
    source_line,
    sources_page,
    telegram_len,
)
from retrieval import NOT_FOUND, Answer, QAEngine, Quote, SourceRef

ALLOWED_TAGS = {"b", "a", "i", "code"}  # all Telegram HTML tags qabot writes


class _Checker(HTMLParser):
    """Fails on anything Telegram's HTML parser would reject: unknown or unbalanced tags, and a
    bare ``<`` or ``&`` (which the parser reports as data starting with them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, tag
        assert tag not in self.open, f"nested <{tag}>"
        assert "code" not in self.open, f"<{tag}> in <code>"  # Telegram nests nothing in code
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"unbalanced </{tag}>"
        self.open.pop()

    def handle_entityref(self, name: str) -> None:
        assert name in {"lt", "gt", "amp", "quot"}, name


def assert_valid(html: str) -> None:
    assert re.search(r"&(?!(lt|gt|amp|quot);)", html) is None, "a bare &"
    assert re.search(r"<(?!/?(b|a|i|code)\b)", html) is None, "a bare <"
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.open == [], f"unclosed {checker.open}"


def answer_of(*texts: str, highlights: list[list[tuple[int, int]]] | None = None,
              ref: SourceRef | None = None) -> Answer:
    ref = ref or SourceRef(id="doc", title="Doc")
    quotes = [Quote(text=t, source=ref.id, title=ref.title, score=1.0, citation=1, passage=0,
                    highlights=(highlights or [[]] * len(texts))[i]) for i, t in enumerate(texts)]
    return Answer(question="q", answered=True, text="", sentences=quotes, sources=[ref])


# --- escaping -------------------------------------------------------------------------------------


def test_escapes_angle_brackets_and_ampersands_from_the_corpus() -> None:
    ref = SourceRef(id="d", title="<Tom> & <Jerry>", url='https://x.org/?a=1&b="2"',
                    publisher="A&B", published="2024")
    (html,) = answer_html(answer_of("Use <b> & <i> tags; x < y > z.", ref=ref))
    assert "“Use &lt;b&gt; &amp; &lt;i&gt; tags; x &lt; y &gt; z.” [1]" in html
    assert '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">&lt;Tom&gt; &amp; &lt;Jerry&gt;</a>' \
        in html
    assert "· A&amp;B, 2024" in html
    assert_valid(html)


def test_escapes_the_question_echoed_in_an_abstention() -> None:
    answer = Answer(question="<script>&", answered=False, text=NOT_FOUND,
                    related=[SourceRef(id=f"d{i}", title=f"T<{i}>") for i in range(5)])
    (html,) = answer_html(answer)
    assert html.startswith("I couldn't find this in my sources.")
    assert html.count("• ") == 3 and "T&lt;0&gt;" in html
    assert_valid(html)


def test_a_typo_reading_comes_first_in_italics_and_escaped() -> None:
    answer = answer_of("The bridge opened in 1932.").model_copy(
        update={"read_as": {"opned": "opened", "<b>rige": "bridge"}})
    (html,) = answer_html(answer)
    assert html.startswith("<i>Read “opned” as “opened”, “&lt;b&gt;rige” as “bridge”.</i>\n\n")
    assert_valid(html)
    abstained = Answer(question="q", answered=False, text=NOT_FOUND, read_as={"opned": "opened"})
    assert answer_html(abstained)[0].startswith("<i>Read “opned” as “opened”.</i>")


def test_bolds_highlights_inside_escaped_text() -> None:
    text = "a<b & c>d"
    assert bold(text, [(0, 2), (4, 5), (6, 9)]) == "<b>a&lt;</b>b <b>&amp;</b> <b>c&gt;d</b>"


def test_matched_words_apart_by_spaces_are_one_bold_run() -> None:
    text = "the Collective Security Treaty, and the treaty's members"
    words = [(m.start(), m.end()) for m in re.finditer(r"[CST]\w+|members", text)]
    assert bold_runs(text, words) == [(4, 30), (49, 56)]
    assert bold_runs(text, [(4, 14), (4, 14), (8, 20)]) == [(4, 14)]  # overlaps as ``mark``


def test_an_answer_bolds_at_most_its_share_of_telegrams_100_entities() -> None:
    # every other word matched, in three long quotes: 3 x 80 runs would be 240 entities, of
    # which Telegram formats the first 100 and drops the sources' links after them
    text = " x ".join(["word"] * 80)
    spans = [(m.start(), m.end()) for m in re.finditer("word", text)]
    messages = answer_html(answer_of(text, text, text, highlights=[spans] * 3))
    entities = sum(len(re.findall(r"<(?:b|a|i)\b", m)) for m in messages)
    assert sum(m.count("<b>") for m in messages) == MAX_BOLD_RUNS + 1  # and "Sources"
    assert entities <= 100


def test_a_lead_ins_code_lines_are_set_as_code_escaped_and_never_bold() -> None:
    text = "To compare, type:\n    diff a.txt b.txt > d && cat d\n      | less"
    (html,) = answer_html(answer_of(text, highlights=[[(3, 10), (23, 27)]]))
    assert ("“To <b>compare</b>, type:\n<code>diff a.txt b.txt &gt; d &amp;&amp; cat d</code>\n"
            "<code>  | less</code>” [1]") in html
    assert_valid(html)
    # cut in pieces, a piece opening on a line of code sets it as code too
    pieces = html_chunks("A lead-in sentence long enough to cut here, type:\n    make all",
                         limit=60)
    assert pieces == ["A lead-in sentence long enough to cut here, type:",
                      "<code>make all</code>"]


@pytest.mark.parametrize("spans", [[(0, 4), (2, 6)], [(3, 3)], [(5, 100)], [(-3, 2)]])
def test_odd_highlight_spans_never_break_the_html(spans: list[tuple[int, int]]) -> None:
    assert_valid(bold("x & y < z > w", spans))


def test_seeds_answers_render_valid_html(seeds_engine: QAEngine) -> None:
    for question in ("When was the CSTO formed?", "Who is the Kremlin spokesman?",
                     "How many Armenians fled Karabakh?", "What is the capital of Australia?"):
        for html in answer_html(seeds_engine.ask(question)):
            assert_valid(html)


# --- splitting ---------------------------------------------------------------------------------


def test_a_long_text_is_cut_between_sentences() -> None:
    sentences = [f"Sentence number {i} says that a & b < cd." for i in range(400)]
    chunks = html_chunks(" ".join(sentences), limit=1000)
    assert len(chunks) > 1
    assert all(telegram_len(c) <= 1000 for c in chunks)
    assert all(c.startswith("Sentence number") and c.endswith("cd.") for c in chunks)
    assert " ".join(chunks) == " ".join(s.replace("&", "&amp;").replace("<", "&lt;")
                                        for s in sentences)


def test_a_long_text_is_cut_between_paragraphs_first() -> None:
    text = "\n".join(f"Para {i}. Short one. Another of {i}." for i in range(200))
    chunks = html_chunks(text, limit=500)
    assert len(chunks) > 1
    assert all(c.startswith("Para ") and c.endswith(".") for c in chunks)


def test_one_endless_word_is_cut_without_splitting_an_entity_or_a_tag() -> None:
    text = "&<" * 3000
    chunks = html_chunks(text, [(0, len(text))], limit=TELEGRAM_LIMIT)
    assert len(chunks) > 1
    for c in chunks:
        assert telegram_len(c) <= TELEGRAM_LIMIT
        assert_valid(c)
    assert "".join(c.removeprefix("<b>").removesuffix("</b>") for c in chunks) == \
        "&amp;&lt;" * 3000


def test_highlights_stay_bold_across_a_cut() -> None:
    words = ["alpha"] * 2000
    text = " ".join(words)
    spans = [(m.start(), m.end()) for m in re.finditer("alpha", text)]
    chunks = html_chunks(text, spans, limit=300)
    for c in chunks:
        assert_valid(c)
        assert c.replace("<b>alpha</b>", "").strip() == ""


def test_length_is_counted_in_utf16_units() -> None:
    text = "😀 " * 3000  # each emoji is two UTF-16 units
    chunks = html_chunks(text, limit=TELEGRAM_LIMIT)
    assert all(telegram_len(c) <= TELEGRAM_LIMIT for c in chunks)
    assert max(len(c) for c in chunks) < TELEGRAM_LIMIT


def test_a_long_answer_becomes_several_valid_messages_under_the_limit() -> None:
    long = " ".join(f"Clause {i} of the treaty & its <annex>." for i in range(600))
    answer = answer_of(long, "A short second quote.", highlights=[[(0, 6)], [(2, 7)]])
    messages = answer_html(answer)
    assert len(messages) >= 2
    for m in messages:
        assert telegram_len(m) <= TELEGRAM_LIMIT
        assert_valid(m)
    assert messages[0].startswith("“<b>Clause</b> 0")
    assert messages[-1].endswith("<b>Sources</b>\n[1] Doc")
    assert "<b>short</b> second quote.” [1]" in messages[-1]


def test_pack_keeps_blocks_whole() -> None:
    blocks = ["a" * 40, "b" * 40, "c" * 40]
    assert pack(blocks, limit=90) == ["a" * 40 + "\n\n" + "b" * 40, "c" * 40]
    assert pack([], limit=90) == []


# --- the other messages ---------------------------------------------------------------------------


def test_a_passage_shows_the_cited_sentence_in_bold() -> None:
    ref = SourceRef(id="d", title="T & T")
    html = passage_html(ref, "First <one>. The cited & sentence. Last.", (13, 34))
    assert html == "T &amp; T\n\nFirst &lt;one&gt;. <b>The cited &amp; sentence.</b> Last."


@pytest.mark.parametrize("blob", ["TUlJQ2" * 40_000, "&" * 10_000, "𝐀" * 5_000])
def test_a_passage_too_long_for_one_message_is_shown_around_the_sentence_in_one(
        blob: str) -> None:
    """(a paragraph holding a base64 blob was sent as dozens of messages for one Quote tap)"""
    ref = SourceRef(id="d", title="Setup")
    passage = f"The server listens on port 8443. Its certificate is {blob} and expires in March."
    html = passage_html(ref, passage, (0, 32))
    assert TELEGRAM_LIMIT // 2 < telegram_len(html) <= TELEGRAM_LIMIT
    assert html.startswith("Setup\n\n<b>The server listens on port 8443.</b> Its certificate")
    assert html.endswith("…")
    assert_valid(html)
    # a cited sentence longer than a message: its start, in bold, cut short
    html = passage_html(ref, passage, (33, len(passage)))
    assert html.startswith("Setup\n\n…<b>Its certificate is") and html.endswith("</b>…")
    assert telegram_len(html) <= TELEGRAM_LIMIT


def test_a_quote_alone_names_its_document() -> None:
    ref = SourceRef(id="d", title="Doc", url="https://example.org/a")
    q = answer_of("Quoted <here>.", ref=ref).sentences[0]
    assert quote_html(q, ref) == ('“Quoted &lt;here&gt;.” [1]\n— '
                                  '<a href="https://example.org/a">Doc</a>')


def test_a_long_title_is_shortened_in_lists() -> None:
    line = source_line(SourceRef(id="d", title="word " * 100))
    assert len(line) <= 160 and line.endswith("…")


def test_sources_are_numbered_across_pages() -> None:
    refs = [SourceRef(id=f"d{i}", title=f"Title {i}") for i in range(25)]
    page = sources_page(refs, 2, 10)
    assert page.splitlines() == ["<b>My 25 documents</b> (page 3 of 3)",
                                 *(f"{i}. Title {i - 1}" for i in range(21, 26))]
    assert sources_page(refs[:3], 0, 10).splitlines()[0] == "<b>My 3 documents</b>"
    assert sources_page(refs[:1], 0, 10).splitlines()[0] == "<b>My 1 document</b>"


def test_a_sources_page_of_long_titles_is_measured_as_telegram_counts() -> None:
    """(ten 160-letter titles in "mathematical bold", two UTF-16 units a letter, made a page
    of 4,196 that Telegram refuses: /sources failed for everyone)"""
    def math_bold(text: str) -> str:
        return "".join(chr(0x1D41A + ord(c) - 97) if c.islower() else c for c in text)

    refs = [SourceRef(id=f"d{i}", title=math_bold("harbourstory" * 20),
                      publisher=math_bold("the harbour gazette " * 4), published="2024-02-20",
                      url="https://example.org/" + "u" * 1000) for i in range(25)]
    page = sources_page(refs, 1, 10)
    assert telegram_len(page) <= TELEGRAM_LIMIT
    assert_valid(page)
    lines = page.splitlines()
    assert len(lines) == 11 and lines[1].startswith("11. ") and lines[-1].startswith("20. ")
    assert all("…" in line for line in lines[1:])
    # a title that fits is left whole
    assert sources_page([SourceRef(id="d", title=math_bold("harbour"))], 0, 10).endswith(
        "1. " + math_bold("harbour"))


def test_sources_cite_the_section_and_page_of_each_quote() -> None:
    ref = SourceRef(id="guide", title="Widget <Guide>", url="https://example.org/guide")
    quotes = [Quote(text=t, source="guide", title=ref.title, score=1.0, citation=1, passage=p,
                    section=s, page=pg)
              for t, p, s, pg in [("Run the installer as root.", 0, "Install › Linux", 4),
                                  ("Pass --port to change it.", 1, "Options", None)]]
    answer = Answer(question="q", answered=True, text="", sentences=quotes, sources=[ref])
    (html,) = answer_html(answer)
    assert_valid(html)
    assert ('[1] <a href="https://example.org/guide">Widget &lt;Guide&gt; › Install › Linux '
            '(p. 4); Options</a>') in html


def test_long_metadata_leaves_every_message_within_the_limit() -> None:
    # a 5,000-character publisher once made a sources footer (and a Quote passage) too long
    refs = [SourceRef(id=f"d{i}", title="T" * 5000, publisher="P" * 5000, published="D" * 5000,
                      url="https://example.org/" + "u" * 5000) for i in range(3)]
    quotes = [Quote(text="A quote.", source=r.id, title=r.title, score=1.0, citation=i + 1,
                    passage=i, section="S" * 5000) for i, r in enumerate(refs)]
    answer = Answer(question="q", answered=True, text="", sentences=quotes, sources=refs)
    messages = [*answer_html(answer), quote_html(quotes[0], refs[0]),
                passage_html(refs[0], "A quote.", (0, 8)), sources_page(refs, 0, 10)]
    for html in messages:
        assert telegram_len(html) <= TELEGRAM_LIMIT
        assert_valid(html)
    line = source_line(refs[0])
    assert len(line) < 600 and "P" * 81 not in line and "<a href" not in line  # URL too long


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
                                 "data:text/html,<b>x</b>", "https:/no-slashes", "ftp://x/y"])
def test_only_a_web_address_becomes_a_link(url: str) -> None:
    line = source_line(SourceRef(id="d", title="Doc", url=url))
    assert "<a" not in line and line == "Doc"


def test_a_web_address_becomes_a_link() -> None:
    assert source_line(SourceRef(id="d", title="Doc", url="HTTPS://example.org/x")) == \
        '<a href="HTTPS://example.org/x">Doc</a>'
