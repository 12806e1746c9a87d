"""A question's subjects: terms of documents' titles few documents hold; an answer from a
document that never names one is abstained from."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.query import parse_query
from retrieval.subjects import missing_subject, title_terms

CREDITS = ("Many people have worked on the editor over the years. Guido wrote the first version "
           "in 1998. In 2010 Terry Reedy became the current maintainer of the editor, and he "
           "reviews most of its changes.")
CLICK = ("Click is a package for writing command line interfaces. It composes commands from "
         "functions and their options. Click parses arguments itself rather than using "
         "argparse, so that commands nest without surprises.")
OTHERS = [("Release process", "Releases are cut every month. A release manager tags the "
           "commit and uploads the wheels. The changelog is written before the tag."),
          ("Style guide", "Lines are at most 88 characters long. Strings use double quotes. "
           "Imports are sorted by the formatter."),
          ("Security policy", "Report a vulnerability by e-mail to the security team. The "
           "team answers within three days and publishes an advisory."),
          ("Testing", "Tests run on every pull request. A failing test blocks the merge "
           "until it is fixed or marked as expected to fail.")]


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    docs = [Document("idle-credits", "IDLE Credits", CREDITS), Document("click-why", "Why Click?",
                                                                          CLICK)]
    docs += [Document(f"doc{i}", title, text) for i, (title, text) in enumerate(OTHERS)]
    return QAEngine.from_documents(docs, config=config) if config else \
        QAEngine.from_documents(docs)


def test_an_answer_from_a_document_that_never_names_the_questions_subject_is_abstained():
    engine = _engine()
    answer = engine.ask("who is the current maintainer of click?")
    assert not answer.answered
    assert answer.abstained == "subject_missing"
    # asked of the editor whose credits these are (a word of no title), it answers
    answer = engine.ask("who is the current maintainer of the editor?")
    assert answer.answered and "Terry Reedy" in answer.sentences[0].text
    # without the gate, the maintainer of another project was quoted as Click's
    off = _engine(ComposerConfig(subject_gate=False)).ask("who is the current maintainer of click?")
    assert off.answered and "Terry Reedy" in off.sentences[0].text


def test_a_subject_is_a_title_term_few_documents_hold_and_the_document_names_it_anywhere():
    engine = _engine()
    collection, index = engine.collection, engine.index
    docs = {engine.source(i).id: i for i in range(engine.n_documents)}
    every = range(engine.n_documents)
    assert {"click", "credit", "idl", "releas", "secur"} <= title_terms(collection, every, "en")
    query = parse_query("who maintains click?", index, engine.config)
    assert missing_subject(query, docs["idle-credits"], collection, index, every) == "click"
    assert missing_subject(query, docs["click-why"], collection, index, every) is None
    # the document's title names it though its text never does: not missing
    query = parse_query("what do the idle credits say?", index, engine.config)
    assert missing_subject(query, docs["idle-credits"], collection, index, every) is None
    # a title's term is a subject only when its document was retrieved for the question
    assert missing_subject(parse_query("who maintains click?", index, engine.config),
                           docs["idle-credits"], collection, index,
                           [docs["idle-credits"]]) is None


def test_a_piece_of_an_unspaced_script_is_no_subject():
    # Chinese is read in two-character pieces: a question's piece that another document's title
    # holds ("大桥") is a piece of a word, not what the question is about
    docs = [Document("bridge", "南京长江大桥", "南京长江大桥是长江上第一座由中国自行设计和建造的"
                     "双层式铁路、公路两用桥梁。大桥于一九六八年建成通车。"),
            Document("river", "黄河", "黄河是中国第二长河。黄河上最早的铁路桥建于一九零五年，"
                     "位于郑州附近。"),
            Document("city", "上海", "上海是中国最大的城市之一。上海的地铁于一九九三年开通。"),
            Document("tea", "茶", "茶起源于中国西南地区。喝茶的习惯在唐代传遍全国。"),
            Document("silk", "丝绸", "丝绸是中国古代的重要发明。丝绸之路连接了东西方。")]
    engine = QAEngine.from_documents(docs)
    query = parse_query("黄河上第一座铁路大桥是哪一年建成的？", engine.index, engine.config, "zh",
                        plain=True)
    every = range(engine.n_documents)
    assert "大桥" in title_terms(engine.collection, every, query.lang)
    river = [engine.source(i).id for i in range(engine.n_documents)].index("river")
    assert missing_subject(query, river, engine.collection, engine.index, every) is None


def test_questions_in_other_languages_are_not_gated_by_subjects():
    # the plain reading of other languages leaves English's gates out, this one too (on XQuAD
    # it abstained on more answerable Spanish and German questions than it gained out of corpus)
    docs = [Document("kredite", "Wer betreut die Kredite?", "Die Abteilung für Darlehen wird "
                     "seit 2019 von Anna Berger geleitet. Sie prüft jeden Antrag persönlich."),
            Document("zahlungen", "Überweisungen", "Eine Überweisung dauert einen Werktag. "
                     "Auslandsüberweisungen dauern bis zu drei Tage."),
            Document("karten", "Bankkarten", "Eine verlorene Karte wird sofort gesperrt. Die neue "
                     "Karte kommt nach fünf Tagen."),
            Document("konto", "Kontoführung", "Das Konto kostet vier Euro im Monat. Für Studenten "
                     "ist es kostenlos."),
            Document("filialen", "Filialen", "Die Filialen öffnen um neun Uhr. Am Samstag sind sie "
                     "geschlossen.")]
    engine = QAEngine.from_documents(docs)
    answer = engine.ask("Seit wann leitet Anna Berger die Darlehen der Filialen?")
    assert answer.abstained != "subject_missing"
