# ruff: noqa: E501  (sample mail and table lines kept whole)
"""Saved e-mails (``eml``), mail archives (``mbox``) and tables saved as text (``delimited``):
fields a quote can cite, quoted replies and signatures not read as the sender's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import QAEngine
from retrieval.ingest import delimited
from retrieval.ingest.read import parse

from .formatwriters import write_eml, write_mbox

BODY = """Hi team,

The budget review moves to Thursday at 10:00 in room 4.

On Mon, 2 Mar 2020 at 09:00, Ann Lee <ann@example.org> wrote:
> Can we keep the review on Tuesday?
> The auditors arrive on Wednesday.

Agenda:
- travel costs
- the new printer

--\x20
Bob Smith
Finance office, ext. 1234
"""


def _eml(**kw: object) -> bytes:
    args = {"subject": "Re: Budget review", "sender": "Bob Smith <bob@example.org>",
            "to": "team@example.org", "date": "Tue, 03 Mar 2020 09:12:00 +0000", "body": BODY}
    args.update(kw)
    return write_eml(**args)  # type: ignore[arg-type]


def test_eml_subject_titles_it_and_from_and_date_are_citable() -> None:
    parsed = parse(_eml(), "email")
    assert parsed.meta == {"title": "Re: Budget review", "publisher": "Bob Smith",
                           "published": "2020-03-03"}
    texts = [b.text for b in parsed.blocks]
    # the Subject heads it (its words are the text's), then the fields a quote can cite
    assert texts[:4] == ["Re: Budget review", "From: Bob Smith <bob@example.org>",
                         "To: team@example.org", "Date: Tue, 03 Mar 2020 09:12:00 +0000"]
    assert parsed.blocks[0].kind == "heading"
    assert "The budget review moves to Thursday at 10:00 in room 4." in texts
    assert [b.text for b in parsed.blocks if b.kind == "list_item"] == ["travel costs",
                                                                         "the new printer"]


def test_eml_quoted_reply_and_signature_are_not_the_senders_words() -> None:
    parsed = parse(_eml(), "email")
    text = " ".join(b.text for b in parsed.blocks)
    assert "auditors" not in text and "Ann Lee" not in text
    assert "ext. 1234" not in text
    reasons = {d.reason: d.block.text for d in parsed.dropped}
    assert reasons["quoted reply"].startswith("On Mon, 2 Mar 2020 at 09:00, Ann Lee")
    assert "The auditors arrive on Wednesday." in reasons["quoted reply"]
    assert reasons["signature"] == "Bob Smith Finance office, ext. 1234"


def test_eml_outlook_original_message_and_attachments() -> None:
    body = ("Approved.\n\n-----Original Message-----\nFrom: Ann Lee\nSent: Monday\n"
            "Please approve the printer.\n")
    parsed = parse(_eml(body=body, attachment=("quote.pdf", b"%PDF-1.4 ...")), "email")
    assert [b.text for b in parsed.blocks][4:] == ["Approved."]
    assert {d.reason for d in parsed.dropped} == {"quoted reply", "an attachment, not read"}


def test_eml_html_only_reads_the_html_without_its_quote() -> None:
    data = write_eml("Lunch", "ann@example.org", "bob@example.org",
                     "Tue, 03 Mar 2020 09:12:00 +0000", "", html_body=(
                         "<p>Lunch is at noon in the canteen.</p><div class=\"gmail_quote\">"
                         "<p>Old question about lunch?</p></div>"))
    texts = [b.text for b in parse(data, "email").blocks]
    assert "Lunch is at noon in the canteen." in texts
    assert not any("Old question" in t for t in texts)


def test_encrypted_and_non_mail_say_why() -> None:
    pgp = _eml(body="-----BEGIN PGP MESSAGE-----\nhQEMA...\n-----END PGP MESSAGE-----\n")
    with pytest.raises(ValueError, match="encrypted e-mail"):
        parse(pgp, "email")
    with pytest.raises(ValueError, match="not an e-mail"):
        parse(b"just some words\nand more\n", "email")


def _three_messages() -> bytes:
    second = write_eml("Budget review", "Ann Lee <ann@example.org>", "team@example.org",
                       "Mon, 02 Mar 2020 09:00:00 +0000",
                       "From now on the review is on Tuesdays.\n")
    third = write_eml("Secret", "x@example.org", "y@example.org", "Mon, 02 Mar 2020 10:00:00 +0000",
                      "-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----\n")
    return write_mbox([("bob@example.org", "Tue Mar  3 09:12:00 2020", _eml()),
                       ("ann@example.org", "Mon Mar  2 09:00:00 2020", second),
                       ("x@example.org", "Mon Mar  2 10:00:00 2020", third)])


def test_mbox_a_document_a_message_from_lines_unescaped() -> None:
    data = _three_messages()
    assert b"\n>From now on" in data
    parsed = parse(data, "mbox")
    assert parsed.blocks == []
    assert [key for key, _ in parsed.parts] == ["1", "2"]  # the third is encrypted
    first, second = (part for _, part in parsed.parts)
    assert first.meta == {"title": "Re: Budget review", "publisher": "Bob Smith",
                          "published": "2020-03-03"}
    assert second.meta == {"title": "Budget review", "publisher": "Ann Lee",
                           "published": "2020-03-02"}
    assert [b.text for b in second.blocks] == [
        "Budget review", "From: Ann Lee <ann@example.org>", "To: team@example.org",
        "Date: Mon, 02 Mar 2020 09:00:00 +0000", "From now on the review is on Tuesdays."]
    assert all(b.section == ("Budget review",) for b in second.blocks)
    assert any(d.block.text == "Secret" and "encrypted" in d.reason for d in first.dropped)


def test_mbox_messages_are_documents_cited_by_their_subject(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "team.mbox").write_bytes(_three_messages())
    (corpus / "memo.txt").write_text("The board met on Monday and approved the new budget.\n")
    (corpus / "a-note.txt").write_text("The canteen opens at eight in the morning on weekdays.\n")
    engine = QAEngine.from_directory(corpus, index_dir=tmp_path / "index")
    sources = {s.id: s for s in engine.sources()}
    assert sorted(sources) == ["a-note", "memo", "team#1", "team#2"]
    assert sources["team#2"].title == "Budget review"
    assert (sources["team#2"].publisher, sources["team#2"].published) == ("Ann Lee", "2020-03-02")
    answer = engine.ask("Which day is the review on from now on?")
    assert answer.sentences and answer.sentences[0].source == "team#2"
    # a message added to the archive: the file is read again, its messages renumbered
    added = write_eml("Printer", "Cy Dee <cy@example.org>", "team@example.org",
                      "Wed, 04 Mar 2020 08:00:00 +0000", "The new printer is on the second floor.\n")
    with (corpus / "team.mbox").open("ab") as f:
        f.write(write_mbox([("cy@example.org", "Wed Mar  4 08:00:00 2020", added)]))
    again = QAEngine.from_directory(corpus, index_dir=tmp_path / "index")
    assert sorted(s.id for s in again.sources()) == ["a-note", "memo", "team#1", "team#2",
                                                      "team#4"]
    assert again.ask("Where is the new printer?").sentences[0].source == "team#4"
    # another file changed, the archive kept: its three messages' passages kept with it
    (corpus / "memo.txt").write_text("The board met on Tuesday and approved the new budget.\n")
    kept = QAEngine.from_directory(corpus, index_dir=tmp_path / "index")
    assert (kept.report.files_read, kept.report.files_kept) == (1, 2)
    fresh = QAEngine.from_directory(corpus, index_dir=tmp_path / "fresh")  # as a full build
    ids = ["a-note", "memo", "team#1", "team#2", "team#4"]
    assert sorted(s.id for s in kept.sources()) == ids
    assert [s.id for s in fresh.sources()] == [s.id for s in kept.sources()]
    assert [kept.collection.passage_text(p) for p in range(kept.n_passages)] == [
        fresh.collection.passage_text(p) for p in range(fresh.n_passages)]
    assert kept.collection.passage_doc.tolist() == fresh.collection.passage_doc.tolist()
    assert kept.ask("Where is the new printer?").sentences[0].source == "team#4"


def test_a_file_named_as_a_message_of_an_archive_beside_it_keeps_an_id_of_its_own(
        tmp_path: Path) -> None:
    """"team#1.txt" had the id "team#1", the first message of "team.mbox" beside it: two
    sources of one id, either cited or shown for the other."""
    (tmp_path / "team.mbox").write_bytes(_three_messages())
    (tmp_path / "team#1.txt").write_text("The canteen on the ground floor serves soup.\n")
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "team#2.md").write_text("The printer moved to the second floor.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    ids = [s.id for s in engine.sources()]
    assert sorted(ids) == ["log/team#2.md", "team#1", "team#1.txt", "team#2"]
    answer = engine.ask("What does the canteen serve?", min_confidence=0)
    assert answer.sentences[0].source == "team#1.txt"


def test_mbox_message_is_named_by_its_id_and_the_archive_lists_them() -> None:
    from retrieval.corpus import Document
    from retrieval.errors import UnknownDocumentError
    from retrieval.ingest.report import explain_document

    parsed = parse(_three_messages(), "mbox")
    docs = [Document(f"team#{key}", part.meta["title"], "", path="/c/team.mbox", parsed=part)
            for key, part in parsed.parts]
    assert explain_document(docs, "team#2").doc.title == "Budget review"
    with pytest.raises(UnknownDocumentError, match="holds 2 documents \\(team#1, team#2\\)"):
        explain_document(docs, "team.mbox")


def test_mbox_of_one_thread_or_none_and_not_an_mbox() -> None:
    two = write_mbox([("bob@example.org", "Tue Mar  3 09:12:00 2020", _eml()),
                      ("ann@example.org", "Mon Mar  2 09:00:00 2020", _eml(subject="Lunch"))])
    assert [p.meta["title"] for _, p in parse(two, "mbox").parts] == ["Re: Budget review", "Lunch"]
    with pytest.raises(ValueError, match="not an mbox"):
        parse(_eml(), "mbox")


def test_csv_header_row_keys_each_row_and_delimiters_are_sniffed() -> None:
    parsed = parse(b'Name,City,Note\nAnn,Oslo,"first, and only"\nBob,,late\n', "csv")
    assert [b.text for b in parsed.blocks] == [
        "Name | City | Note", "Name: Ann; City: Oslo; Note: first, and only", "Name: Bob; Note: late"]
    assert all(b.kind == "table_row" for b in parsed.blocks)
    rows = ["Produkt;Größe;Preis", "Käse aus Österreich;groß;3,50", "Brötchen für später;klein;0,80",
            "Süßes Gebäck;mittelgroß;2,10", "Würstchen mit Senf;groß;4,20"]
    semicolons = parse("\n".join(rows).encode("cp1252"), "csv")
    assert [b.text for b in semicolons.blocks][:2] == [
        "Produkt | Größe | Preis", "Produkt: Käse aus Österreich; Größe: groß; Preis: 3,50"]
    assert semicolons.notes and semicolons.notes[0].startswith("read as")  # detected, as text is
    tsv = parse(b"Version\tDate\n3.1\t4 April 2023\n", "tsv")
    assert [b.text for b in tsv.blocks] == ["Version | Date", "Version: 3.1; Date: 4 April 2023"]


def test_csv_without_a_header_row_and_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = parse(b"2020,12,Oslo\n2021,15,Bergen\n", "csv")
    assert [b.text for b in parsed.blocks] == ["2020 | 12 | Oslo", "2021 | 15 | Bergen"]
    monkeypatch.setattr(delimited, "MAX_ROWS", 3)
    with pytest.raises(ValueError, match="over the 3 rows"):
        parse(b"a,b\n1,2\n3,4\n5,6\n7,8\n", "csv")


def test_mbox_message_with_nothing_in_it_is_listed_not_read() -> None:
    data = write_mbox([("bob@example.org", "Tue Mar  3 09:12:00 2020", _eml())]) + b"From x\n\n\n"
    dropped = parse(data, "mbox").parts[0][1].dropped
    assert [d.reason for d in dropped if d.block.text == "Message 2"] == ["an empty message"]


def test_a_table_alone_is_titled_by_its_file_name_not_its_header_row(tmp_path: Path) -> None:
    (tmp_path / "release-log.csv").write_text(
        "Version,Release date\n2.0,20 September 2017\n2.1,22 January 2018\n")
    (tmp_path / "memo.txt").write_text("The board met on Monday and approved the budget.\n")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    titles = {engine.source(engine.document_of(p)).id: engine.source(engine.document_of(p)).title
              for p in range(engine.n_passages)}
    assert titles["release-log"] == "release-log"


def test_eml_html_reply_below_or_between_quotes_is_the_senders() -> None:
    html = ('<div>Thanks, see my answers below.</div>'
            '<div class="moz-cite-prefix">On 02/03/2020 Ann Lee wrote:<br></div>'
            '<blockquote type="cite"><div>Is the review on Tuesday?</div>'
            '<blockquote type="cite"><div>Older question about the room?</div></blockquote>'
            '</blockquote>'
            '<div>No, the review is on Thursday this week.</div>'
            '<div class="gmail_quote"><div class="gmail_attr">On Mon Ann wrote:</div>'
            '<blockquote class="gmail_quote"><div>Which room do we use?</div></blockquote></div>'
            '<p>We meet in room 4 as before.</p>')
    data = write_eml("Re: Review", "Bob <bob@example.org>", "ann@example.org",
                     "Tue, 03 Mar 2020 09:12:00 +0000", "", html_body=html)
    parsed = parse(data, "email")
    texts = [b.text for b in parsed.blocks]
    assert texts[4:] == ["Thanks, see my answers below.",
                         "No, the review is on Thursday this week.", "We meet in room 4 as before."]
    quoted = [d.block.text for d in parsed.dropped if d.reason == "quoted reply"]
    assert quoted == ["On 02/03/2020 Ann Lee wrote:", "Is the review on Tuesday?",
                      "Older question about the room?", "On Mon Ann wrote:",
                      "Which room do we use?"]


def test_the_fields_every_message_of_a_list_repeats_are_kept(tmp_path: Path) -> None:
    """A mailing list's messages share their "From:" and "To:" lines: as paragraphs they were
    dropped as repeated across documents (a site's footer); as a record's rows they are kept."""
    messages = [("ann@example.org", "Mon Mar  2 09:00:00 2020", write_eml(
        f"Release {n}", "Release Team <team@example.org>", "list@example.org",
        f"Mon, 0{n} Mar 2020 09:00:00 +0000", f"Release {n}.0 ships with {n} new tools today.\n"))
        for n in range(1, 5)]
    (tmp_path / "list.mbox").write_bytes(write_mbox(messages))
    (tmp_path / "a.txt").write_text("The office printer is on the second floor.\n")
    (tmp_path / "b.txt").write_text("The canteen opens at eight in the morning.\n")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    assert [s.id for s in engine.sources()][2:] == ["list#1", "list#2", "list#3", "list#4"]
    for n in range(3, 7):
        lo, hi = engine.collection.passage_range(n - 1)
        text = " ".join(engine.passage(p) for p in range(lo, hi))
        assert "From: Release Team <team@example.org>" in text and "To: list@example.org" in text


def test_a_message_nested_deeper_than_is_read_is_skipped_saying_so() -> None:
    # 2,000 multiparts one in another: the email package's parser recursed into a RecursionError
    deep = (b"From: a@example.org\nSubject: Nested\nMIME-Version: 1.0\nContent-Type: multipart/"
            b"mixed; boundary=B0\n\n" + b"".join(b"--B%d\nContent-Type: multipart/mixed; "
                                                 b"boundary=B%d\n\n" % (i, i + 1)
                                                 for i in range(2000))
            + b"--B2000\nContent-Type: text/plain\n\nDeep body.\n")
    with pytest.raises(ValueError, match="nest deeper than qabot reads"):
        parse(deep, "email")
    # in an archive, that message alone
    data = write_mbox([("bob@example.org", "Tue Mar  3 09:12:00 2020", _eml())]) + (
        b"From x\n" + deep)
    parsed = parse(data, "mbox")
    assert [p.meta["title"] for _, p in parsed.parts] == ["Re: Budget review"]
    assert ("Message 2", "an e-mail whose parts nest deeper than qabot reads") in [
        (d.block.text, d.reason) for d in parsed.parts[0][1].dropped]


@pytest.mark.parametrize("text, encoding", [
    ("Das Café in Köln öffnet um acht Uhr morgens und schließt am Abend.", "utf-8"),
    ("Das Café in Köln öffnet um acht Uhr morgens und schließt am Abend.", "latin-1"),
    ("Совет собрался во вторник, чтобы обсудить бюджет города на следующий год.", "koi8-r"),
])
@pytest.mark.parametrize("content_type", [b"Content-Type: text/plain\n", b""])
def test_a_part_without_a_charset_is_read_in_the_encoding_its_bytes_are_in(
        text: str, encoding: str, content_type: bytes) -> None:
    """A part naming no charset was read as US-ASCII: every letter past it a "\ufffd" (the
    email package's default); its bytes are decoded as a text file's are now."""
    data = (b"From: Ann <ann@example.org>\nSubject: Opening hours\n" + content_type
            + b"Content-Transfer-Encoding: 8bit\n\n" + text.encode(encoding) + b"\n")
    blocks = [b.text for b in parse(data, "email").blocks]
    assert text in blocks and not any("\ufffd" in b for b in blocks)


def test_a_part_whose_charset_is_wrong_is_read_in_the_one_its_bytes_are_in() -> None:
    text = "Das Café in Köln öffnet um acht Uhr morgens und schließt am Abend."
    data = (b"From: ann@example.org\nSubject: Hours\nContent-Type: text/plain; charset=utf-8\n"
            b"Content-Transfer-Encoding: 8bit\n\n" + text.encode("cp1252") + b"\n")
    assert text in [b.text for b in parse(data, "email").blocks]
