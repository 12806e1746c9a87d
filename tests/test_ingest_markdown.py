"""``retrieval.ingest.markdown``: Markdown documents -> blocks, as a reader of the rendered page."""

from __future__ import annotations

from retrieval.ingest.blocks import Block
from retrieval.ingest.markdown import read_markdown

RFC = """\
- Feature Name: `async_await`
- Start Date: 2018-03-01
- RFC PR: [rust-lang/rfcs#2394](https://github.com/rust-lang/rfcs/pull/2394)
- Rust Issue: [rust-lang/rust#50547](https://github.com/rust-lang/rust/issues/50547)

# Summary
[summary]: #summary

Add async & await syntax to make it more *ergonomic* to write code
manipulating futures.

# Motivation
[motivation]: #motivation

Rust has become successful as a language for writing high performance network services.

## Async functions

Functions can be annotated with the `async` keyword, making them "async functions":

```rust
async fn function(argument: &str) -> usize {
     // ...
}
```
"""

RELEASES = """\
Version 1.32.0 (2019-01-17)
==========================

Language
--------
#### 2018 edition
- [You can now use the `?` operator in macro definitions.][56245] The `?`
  operator allows you to specify zero or one repetitions similar to the `*` and
  `+` operators.

#### All editions
- [You can now mark traits with `#[must_use]`.][55663] This provides a warning if
  a `impl Trait` or `dyn Trait` is returned and unused in the program.

Compiler
--------
- [The default allocator has changed from jemalloc to the default allocator on
  your system.][55238] The compiler itself on Linux &amp; macOS will still use
  jemalloc, but programs compiled with it will use the system allocator.

Version 1.31.1 (2018-12-20)
===========================

- [Fix Rust failing to build on `powerpc-unknown-netbsd`][56562]

[55238]: https://github.com/rust-lang/rust/pull/55238/
[55663]: https://github.com/rust-lang/rust/pull/55663/
[56245]: https://github.com/rust-lang/rust/pull/56245/
[56562]: https://github.com/rust-lang/rust/pull/56562/
"""

README = """\
---
title: "Harbour: a tiny static site generator"
date: 2024-05-01
tags: [ssg, python]
---

# Harbour

<p align="center"><img src="logo.png" alt="logo"></p>

Harbour turns a folder of **Markdown** files into a _static_ site.
It needs Python&nbsp;3.11 or newer.\\
See the [documentation][docs] or ![the demo](demo.gif "Demo").

## Install

```sh
pip install   harbour
```

    harbour build site/

## Options

| Option | Default | Meaning |
|--------|:-------:|---------|
| `--out` | `_site` | Where the site is written |
| `--drafts` | | Include ~~unfinished~~ draft pages |

## Features

* Fast: builds 1,000 pages
  in under a second.
* Themes
  1. a light theme
  2. a dark theme

     with a high-contrast variant
* Plugins <!-- not yet --> for <kbd>Ctrl</kbd>+<kbd>K</kbd> search

> **Note:** Harbour is in beta.

***

<details>
<summary>Why another one?</summary>
Because the others are <em>slow</em>.
</details>

[docs]: https://harbour.example/docs
"""


def texts(blocks: list[Block], kind: str | None = None) -> list[str]:
    return [b.text for b in blocks if kind is None or b.kind == kind]


def test_an_rfc_takes_its_title_from_the_feature_name_of_its_metadata_list():
    parsed = read_markdown(RFC)
    assert parsed.meta == {"title": "async_await"}  # the code span's backticks gone
    assert not parsed.web


def test_an_rfc_metadata_list_is_list_items_without_link_targets():
    items = [b for b in read_markdown(RFC).blocks if b.kind == "list_item"]
    assert [(b.text, b.level, b.section) for b in items] == [
        ("Feature Name: async_await", 1, ()),
        ("Start Date: 2018-03-01", 1, ()),
        ("RFC PR: rust-lang/rfcs#2394", 1, ()),
        ("Rust Issue: rust-lang/rust#50547", 1, ()),
    ]


def test_h1_section_headings_give_paths_and_no_title_of_their_own():
    blocks = read_markdown(RFC).blocks
    assert [(b.kind, b.text, b.section) for b in blocks[4:]] == [
        ("heading", "Summary", ("Summary",)),
        ("paragraph", "Add async & await syntax to make it more ergonomic to write code "
         "manipulating futures.", ("Summary",)),
        ("heading", "Motivation", ("Motivation",)),
        ("paragraph", "Rust has become successful as a language for writing high performance "
         "network services.", ("Motivation",)),
        ("heading", "Async functions", ("Motivation", "Async functions")),
        ("paragraph", 'Functions can be annotated with the async keyword, making them "async '
         'functions":', ("Motivation", "Async functions")),
        ("code", "async fn function(argument: &str) -> usize { // ... }",
         ("Motivation", "Async functions")),
    ]


def test_release_notes_setext_headings_nest_under_each_version():
    blocks = read_markdown(RELEASES).blocks
    headings = [(b.text, b.level, b.section) for b in blocks if b.kind == "heading"]
    assert headings == [
        ("Version 1.32.0 (2019-01-17)", 1, ("Version 1.32.0 (2019-01-17)",)),
        ("Language", 2, ("Version 1.32.0 (2019-01-17)", "Language")),
        ("2018 edition", 4, ("Version 1.32.0 (2019-01-17)", "Language", "2018 edition")),
        ("All editions", 4, ("Version 1.32.0 (2019-01-17)", "Language", "All editions")),
        ("Compiler", 2, ("Version 1.32.0 (2019-01-17)", "Compiler")),
        ("Version 1.31.1 (2018-12-20)", 1, ("Version 1.31.1 (2018-12-20)",)),
    ]
    assert read_markdown(RELEASES).meta == {}  # H1s as sections, no metadata list: no title


def test_a_wrapped_item_with_a_reference_link_is_one_item_without_its_label():
    items = [b for b in read_markdown(RELEASES).blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "You can now use the ? operator in macro definitions. The ? operator allows you to "
        "specify zero or one repetitions similar to the * and + operators.",
        "You can now mark traits with #[must_use]. This provides a warning if a impl Trait or "
        "dyn Trait is returned and unused in the program.",
        "The default allocator has changed from jemalloc to the default allocator on your "
        "system. The compiler itself on Linux & macOS will still use jemalloc, but programs "
        "compiled with it will use the system allocator.",
        "Fix Rust failing to build on powerpc-unknown-netbsd",
    ]
    assert items[2].section == ("Version 1.32.0 (2019-01-17)", "Compiler")
    assert items[3].section == ("Version 1.31.1 (2018-12-20)",)


def test_a_task_lists_boxes_are_no_words_of_its_items():
    # GitHub and GitLab draw "[x]" as a checkbox: "[x] check clock drift" was quoted
    md = "To do:\n\n- [x] check clock drift\n- [ ] recalibrate the thermometer\n- [link] text\n"
    items = [b.text for b in read_markdown(md).blocks if b.kind == "list_item"]
    assert items == ["check clock drift", "recalibrate the thermometer", "[link] text"]


def test_a_reference_link_without_its_definition_reads_as_written():
    assert texts(read_markdown("See [#1][nowhere].").blocks) == ["See [#1][nowhere]."]


def test_a_front_matter_is_metadata_and_its_title_wins_over_the_h1():
    parsed = read_markdown(README)
    assert parsed.meta == {"title": "Harbour: a tiny static site generator",
                           "published": "2024-05-01"}
    assert parsed.blocks[0] == Block("heading", "Harbour", ("Harbour",), level=1)
    assert not any("tags" in b.text for b in parsed.blocks)


def test_inline_markup_is_gone_and_what_it_shows_stays():
    assert texts(read_markdown(README).blocks, "paragraph")[0] == (
        # Emphasis marks, the hard break, link target and image URL gone; the &nbsp; a space.
        "Harbour turns a folder of Markdown files into a static site. It needs Python 3.11 "
        "or newer. See the documentation or the demo."
    )


def test_code_blocks_fenced_and_indented_are_code():
    blocks = read_markdown(README).blocks
    assert [(b.text, b.section) for b in blocks if b.kind == "code"] == [
        ("pip install harbour", ("Harbour", "Install")),
        ("harbour build site/", ("Harbour", "Install")),
    ]


def test_a_table_is_its_header_row_then_body_rows_keyed_by_it():
    assert texts(read_markdown(README).blocks, "table_row") == [
        "Option | Default | Meaning",
        "Option: --out; Default: _site; Meaning: Where the site is written",
        "Option: --drafts; Meaning: Include unfinished draft pages",  # the empty cell left out
    ]


def test_nested_lists_keep_their_depth_and_every_paragraph_of_an_item():
    blocks = read_markdown(README).blocks
    items = [(b.text, b.level) for b in blocks if b.kind == "list_item"]
    assert items == [
        ("Fast: builds 1,000 pages in under a second.", 1),
        ("Themes", 1),
        ("a light theme", 2),
        ("a dark theme", 2),
        ("with a high-contrast variant", 2),  # a later paragraph of the same item
        ("Plugins for Ctrl+K search", 1),  # the comment and inline tags dropped
    ]
    assert {b.section for b in blocks if b.kind == "list_item"} == {("Harbour", "Features")}


def test_quotes_and_html_blocks_are_paragraphs_of_their_text_and_a_rule_is_nothing():
    paragraphs = texts(read_markdown(README).blocks, "paragraph")
    assert paragraphs[1:] == ["Note: Harbour is in beta.",
                              "Why another one? Because the others are slow."]
    # The centred logo: an HTML block with no text, so no block.
    assert all(b.text for b in read_markdown(README).blocks)


def test_every_block_is_one_line_of_collapsed_white_space():
    for doc in (RFC, RELEASES, README):
        for b in read_markdown(doc).blocks:
            assert b.text and b.text == " ".join(b.text.split()) and b.page is None


def test_an_empty_document_has_no_blocks():
    parsed = read_markdown("")
    assert parsed.blocks == [] and parsed.meta == {} and not parsed.web


def test_a_paragraph_of_images_alone_is_dropped_with_its_reason_and_inline_images_stay():
    parsed = read_markdown(
        "# tool\n\n[![Build Status](https://ci/x.svg)](https://ci/x) ![PyPI](https://p/y.svg)\n\n"
        "Press the ![gear](gear.png) button to open the settings.\n")
    assert [b.text for b in parsed.blocks] == [
        "tool", "Press the gear button to open the settings."]
    assert [(d.block.text, d.reason.split(":")[0]) for d in parsed.dropped] == [
        ("Build Status PyPI", "images only (badges, figures)")]


MYST = """\
(install)=
# Installing Widget

% a comment for the writers

```{versionadded} 2.1
The `--user` flag.
```

Run {command}`widget install`, see {ref}`the guide <guide>` and {py:func}`~widget.cli.run`.
The [netrc docs][netrc] say more.

```{note}
:class: tip
Only ASCII is allowed in [netrc files][netrc].
```

::::{tab-set}
:::{tab-item} Linux
Use the package manager.
:::
::::

```{code-block} console
:caption: install
$ widget install
```

```{toctree}
:maxdepth: 1
usage
api
```

```{function} run(path, *, fast=False)
Run the pipeline on *path*.
```

```{eval-rst}
.. note::

   Written in **reStructuredText**.
```

[netrc]: https://example.org/netrc
"""


def test_myst_directives_roles_targets_and_comments_read_as_sphinx_renders_them():
    parsed = read_markdown(MYST)
    texts = [(b.kind, b.text) for b in parsed.blocks]
    assert texts[0] == ("heading", "Installing Widget")
    assert parsed.meta["title"] == "Installing Widget"
    assert ("paragraph", "New in version 2.1.") in texts
    assert ("paragraph", "The --user flag.") in texts
    assert ("paragraph",
            "Run widget install, see the guide and run. The netrc docs say more.") in texts
    assert ("paragraph", "Only ASCII is allowed in netrc files.") in texts  # its reference too
    assert ("paragraph", "Linux") in texts and ("paragraph", "Use the package manager.") in texts
    assert ("code", "$ widget install") in texts
    assert ("heading", "run(path, *, fast=False)") in texts
    assert ("paragraph", "Run the pipeline on path.") in texts
    assert ("paragraph", "Written in reStructuredText.") in texts
    dropped = {d.block.text: d.reason for d in parsed.dropped}
    assert dropped["(install)="].startswith("a MyST target")
    assert dropped["a comment for the writers"].startswith("a MyST comment")
    assert dropped["usage api"].startswith("navigation")
    shown = " ".join(b.text for b in parsed.blocks)
    assert not any(mark in shown for mark in ("{", ":::", ":class:", ":caption:", "%"))


def test_plain_markdown_keeps_braces_as_written_and_a_quarto_cell_is_code():
    parsed = read_markdown("Set `{x}` in a template.\n\n```{python}\nprint(1)\n```\n\n"
                           "(not a target)= stays text\n")
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("paragraph", "Set {x} in a template."), ("code", "print(1)"),
        ("paragraph", "(not a target)= stays text")]


def test_footnote_marks_are_not_text_and_each_footnote_is_read_where_it_is_defined():
    parsed = read_markdown(
        "# Trains\n\nThe night train leaves at 21:00.[^1] It has sleeper cars.[^note] See [^x].\n\n"
        "[^1]: The timetable changed in 2019.\n[^note]: Sleeper cars were renovated\nin 2015.\n\n"
        "    They were renovated again in 2024.\n\n- A list item.[^1]\n")
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("heading", "Trains"),
        ("paragraph", "The night train leaves at 21:00. It has sleeper cars. See [^x]."),
        ("paragraph", "The timetable changed in 2019."),
        ("paragraph", "Sleeper cars were renovated in 2015."),
        ("paragraph", "They were renovated again in 2024."),  # not code: the note's own
        ("list_item", "A list item.")]


def test_an_html_table_is_read_row_by_row_and_other_html_blocks_keep_their_text():
    parsed = read_markdown(
        "# Store\n\n## Hours\n\n<table>\n<tr><th>Day</th><th>Hours</th></tr>\n"
        "<tr><td>Monday</td><td>9 to 17</td></tr>\n<tr><td>Saturday</td><td>10 to 14</td></tr>\n"
        "</table>\n\n<div align=\"center\"><b>Open</b> all year</div>\n")
    assert [(b.kind, b.text, b.section) for b in parsed.blocks[2:]] == [
        ("table_row", "Day | Hours", ("Store", "Hours")),
        ("table_row", "Day: Monday; Hours: 9 to 17", ("Store", "Hours")),
        ("table_row", "Day: Saturday; Hours: 10 to 14", ("Store", "Hours")),
        ("paragraph", "Open all year", ("Store", "Hours"))]


def test_a_heading_in_a_quote_or_a_list_item_heads_only_what_follows_it_there():
    parsed = read_markdown("# Shop\n\n## Orders\n\n> ## Tip\n> Order before noon.\n\n"
                           "- ### Step\n  Pay.\n\nReturns are accepted within 30 days.\n")
    assert [(b.text, b.section) for b in parsed.blocks if b.kind != "heading"] == [
        ("Order before noon.", ("Shop", "Tip")),
        ("Pay.", ("Shop", "Orders", "Step")),
        ("Returns are accepted within 30 days.", ("Shop", "Orders"))]


def test_deep_lists_and_quotes_are_read_and_what_lies_past_the_limit_is_listed_as_dropped():
    outline = "".join("  " * i + f"- level {i}\n" for i in range(10)) + "  " * 10 + "- The vole.\n"
    assert read_markdown(outline).blocks[-1] == Block("list_item", "The vole.", level=11)
    thread = read_markdown(">" * 20 + " The mole digs.\n\n" + ">" * 120 + " The oldest reply.\n")
    assert [b.text for b in thread.blocks] == ["The mole digs."]
    assert [(d.block.text, d.reason) for d in thread.dropped] == [
        ("The oldest reply.", "nested deeper than 100 lists, quotes or directives: not read")]


def test_a_news_page_saved_as_markdown_reads_as_a_web_page_and_a_document_does_not():
    # a read-later app's copy of a news page: its "Most viewed" list and newsletter prompt with it
    page = ("# Margaret Ellery obituary\n\nShare\n\n"
            "Margaret Ellery, who has died aged 91, was one of the first women engineers.\n\n"
            "Most viewed\n\n- [Why house prices are falling](/houses)\n\n"
            "Sign up to our Today in Focus newsletter\n")
    assert read_markdown(page).web
    assert not read_markdown("# Widget\n\nInstall it with pip.\n\n## See also\n\n"
                             "- [Usage](usage.md)\n").web


def test_a_long_document_with_a_few_furniture_words_is_not_a_web_page():
    # a changelog: "cookie" and "register" among hundreds of entries
    entries = "".join(f"- Fixed bug number {i} in the parser.\n" for i in range(200))
    text = ("# Changelog\n\n" + entries + "\n- Set the cookie path correctly.\n"
            "- Register the handler before use.\n")
    assert not read_markdown(text).web


def test_a_formula_set_apart_in_dollars_is_code_not_a_sentence_to_quote():
    # a lab notebook's "$$ \mathrm{SNR} = 10 \log_{10} \frac{P_s}{P_n} $$" was a paragraph,
    # quoted as an answer to "what is the mean SNR?"
    text = ("# Notes\n\n$$ \\mathrm{SNR} = 10 \\log_{10} \\frac{P_s}{P_n} $$\n\n"
            "$$\nx = y^2\n$$\n\nIt costs $5 and $$ is no formula here.\n")
    assert [b.kind for b in read_markdown(text).blocks] == ["heading", "code", "code", "paragraph"]


def test_what_nests_too_deep_in_a_myst_directive_is_listed_as_dropped_not_lost() -> None:
    """A directive's body is parsed on its own: what nested past the limit in it was lost
    without a word, and a thousand directives one in another were a RecursionError."""
    note = read_markdown("Intro.\n\n```{note}\n" + "> " * 120 + "The oldest reply.\n```\n")
    assert [(d.block.text, d.reason) for d in note.dropped] == [
        ("The oldest reply.", "nested deeper than 100 lists, quotes or directives: not read")]
    n = 1200
    fences = read_markdown("".join("`" * (n + 3 - i) + "{note}\n" for i in range(n))
                           + "The innermost words.\n"
                           + "".join("`" * (i + 3) + "\n" for i in range(n)) + "\nAfter.\n")
    assert [b.text for b in fences.blocks] == ["After."]
    assert [(d.block.text, d.reason) for d in fences.dropped] == [
        ("The innermost words.", "nested deeper than 100 lists, quotes or directives: not read")]
