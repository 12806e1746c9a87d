"""A web page's headline, saved as text, past its skip link, site name, menus and bylines."""

from __future__ import annotations

from retrieval.corpus import load_directory
from retrieval.ingest.clean import LineDecision
from retrieval.ingest.headline import guess_title, link_row
from retrieval.layout import build_collection


def _page(furniture: list[str], prose: list[str]) -> list[LineDecision]:
    return ([LineDecision(t, False, "not a sentence") for t in furniture]
            + [LineDecision(t, True, "prose") for t in prose])


ARTICLE = [
    "Northgate Foods, the Ohio-based supermarket operator, has agreed to buy smaller rival "
    "Pellham Markets for $1.9 billion in cash, creating the largest grocery chain in the Midwest.",
    "Northgate will pay $38.50 a share for Pellham, a 31% premium, the companies said in a joint "
    "statement on Monday.",
]


def test_the_headline_comes_past_the_skip_link_the_site_name_and_the_menus():
    page = _page(["Skip to main content", "THE LEDGER MARKETS DAILY",
                  "Markets | Companies | Economy | Tech | Personal Finance | Opinion",
                  "We care about your privacy", "Companies › Retail",
                  "Northgate Foods agrees $1.9bn deal to buy rival grocer Pellham Markets",
                  "Combined chain would run 640 stores across the Midwest",
                  "By Daniel Reyes, Retail Correspondent"], ARTICLE)
    assert guess_title(page, "news_04") == (
        "Northgate Foods agrees $1.9bn deal to buy rival grocer Pellham Markets")


def test_the_site_name_above_its_menu_is_no_headline_though_the_article_names_its_town():
    page = _page(["Millbrook & District Gazette", "Home | News | Sport | What's On | Jobs",
                  "News > Millbrook", "Harbour Street bridge in Millbrook to close for 14 months"],
                 ["The Harbour Street bridge in Millbrook will close for 14 months from March, "
                  "the District council said."])
    assert guess_title(page, "x") == "Harbour Street bridge in Millbrook to close for 14 months"


def test_a_byline_and_a_label_row_are_no_headline():
    page = _page(["Medically reviewed by Dr Kirsty Fane, GP", "Nature | Long read",
                  "A 20-minute walk after meals cuts blood sugar spikes"],
                 ["A 20-minute walk after meals cut blood sugar spikes by a third in a trial of "
                  "adults with type 2 diabetes."])
    assert guess_title(page, "x") == "A 20-minute walk after meals cuts blood sugar spikes"


def test_a_headline_above_a_share_bar_is_the_headline():
    page = _page(["Armenia freezes its membership of the CSTO alliance",
                  "Share | Tweet | Email"],
                 ["Armenia has frozen its membership of the CSTO, the Russia-led alliance, "
                  "its prime minister said on Friday."])
    assert guess_title(page, "x") == "Armenia freezes its membership of the CSTO alliance"


def test_a_headline_opening_on_from_is_a_headline():
    page = _page(["News | Sport | Money", "From Kyiv to Kharkiv: volunteers rebuild 40 schools"],
                 ["Volunteers from Kyiv have rebuilt 40 schools in Kharkiv since March, the "
                  "city council said."])
    assert guess_title(page, "x") == "From Kyiv to Kharkiv: volunteers rebuild 40 schools"


def test_without_a_headline_the_first_prose_stands_in_and_without_prose_the_fallback():
    assert guess_title(_page(["Skip to content", "Log in | Register"], ARTICLE), "x") == ARTICLE[0]
    assert guess_title(_page(["Skip to content"], []), "fallback") == "fallback"


def test_a_row_of_links_is_parts_of_few_words_apart_by_separators():
    assert link_row("News | Sport | Showbiz | Money")
    assert link_row("Home  News  Sport  What's On")  # apart by runs of spaces
    assert link_row("You are here: Home › Consumer › Recalls")
    assert link_row("Theatre · Music · Film · Visual Art")
    assert not link_row("Bank of Kestria cuts rates to 3.75% as inflation cools | Marketline")
    assert not link_row("Saturday 17 May 2025 19:48 BST | Updated Sunday 18 May 2025 09:15 BST")
    assert not link_row("Northgate Foods agrees deal")


def test_a_news_page_saved_as_text_is_cited_by_its_headline(tmp_path):
    (tmp_path / "page.txt").write_text(
        "Skip to main content\n\nTHE DAILY CLARION\n\n"
        "News | Sport | Showbiz | Money | Travel\n\nSubscribe | Log in\n\n"
        "We use cookies to improve your experience. Read our cookie policy.\n\nAccept all\n\n"
        "Hero bus driver pulls 14 passengers from floodwater\n\n"
        "By Jo Bloggs\n\n"
        "A bus driver pulled 14 passengers from floodwater on Tuesday after the river burst its "
        "banks, and the passengers were treated for mild hypothermia.\n\n"
        "The driver, who has worked on the route for 20 years, said he did what anyone would do "
        "when the water rose around the bus.\n", encoding="utf-8")
    docs, _ = load_directory(tmp_path)
    collection, _ = build_collection(docs)
    assert collection.sources[0].title == "Hero bus driver pulls 14 passengers from floodwater"
