"""``retrieval.ingest.htmlterms``: an HTML definition list's terms over their definitions, as
``read_html`` reads them."""

from __future__ import annotations

from retrieval.ingest.html import read_html


def test_a_definition_lists_term_heads_its_definition_only():
    page = read_html("<h2>Random numbers</h2><dl><dt>secrets.randbelow(n)</dt><dd><p>Return a "
                     "random int in the range [0, n).</p></dd><dt>secrets.randbits(k)</dt><dd>"
                     "<p>Return an int with k random bits.</p></dd></dl><h2>Tokens</h2><p>Make "
                     "tokens.</p>")
    sections = [(b.text, b.section) for b in page.blocks if b.kind != "heading"]
    assert sections == [
        ("secrets.randbelow(n): Return a random int in the range [0, n).",
         ("Random numbers", "secrets.randbelow(n)")),
        ("secrets.randbits(k): Return an int with k random bits.",
         ("Random numbers", "secrets.randbits(k)")),
        ("Make tokens.", ("Tokens",))]


def test_a_term_heads_nothing_after_its_list():
    # the list's last term was the section of the rest of the page ("Config › retries")
    page = read_html("<h1>Config</h1><dl><dt>timeout</dt><dd>How long to wait.</dd><dt>retries"
                     "</dt><dd>How often to try.</dd></dl><p>Apples ripen in September.</p><dl>"
                     "<dt>a</dt><dd><h2>Moved</h2></dd></dl><p>Pears too.</p>")
    assert [(b.text, b.section) for b in page.blocks if b.kind == "paragraph"] == [
        ("timeout: How long to wait.", ("Config", "timeout")),
        ("retries: How often to try.", ("Config", "retries")),
        ("Apples ripen in September.", ("Config",)),
        ("Pears too.", ("Config", "Moved"))]  # a heading inside the list starts a section


def test_a_short_term_is_read_with_its_definitions_first_paragraph():
    # which thing a description is of is often the answer ("Which type is for void?"); a long
    # term, a whole signature, only heads its definition
    long = "connect(host, port, timeout=None, *, ssl=None, family=0, proto=0, flags=0)"
    page = read_html("<dl><dt>ffi_type_void</dt><dd><p>The type void.</p><p>Only for return "
                     "values.</p></dd><dt>--verbose:</dt><dd>Say more.</dd><dt>x</dt><dd><ul>"
                     f"<li>A list.</li></ul></dd><dt>{long}</dt><dd>Open it.</dd></dl>")
    assert [b.text for b in page.blocks if b.kind != "heading"] == [
        "ffi_type_void: The type void.", "Only for return values.", "--verbose: Say more.",
        "A list.", "Open it."]



def test_an_faqs_question_heads_its_answer_and_is_not_read_into_it():
    # "How do I install a module into my home directory?: If you're not ..." was one sentence
    page = read_html("<h1>MakeMaker FAQ</h1><dl><dt>How do I install a module into my home "
                     "directory?</dt><dd><p>If you're not the Perl administrator, you'll "
                     "probably want to install it there.</p></dd></dl>")
    (answer,) = [b for b in page.blocks if b.kind == "paragraph"]
    assert answer.text.startswith("If you're not the Perl administrator")
    assert answer.section == ("MakeMaker FAQ", "How do I install a module into my home directory?")
