"""``retrieval.korean``: a Korean word without the particles and endings written onto it."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.corpus import Document
from retrieval.korean import stem


@pytest.mark.parametrize(("word", "expected"), [
    ("한강의", "한강"), ("한강은", "한강"), ("한강에서", "한강"), ("한강으로부터", "한강"),
    ("시작되었다", "시작"), ("시작되나요", "시작"), ("시작하여", "시작"), ("누구였나요", "누구"),
    ("무엇인가요", "무엇"), ("어디에서", "어디"),
    ("다리는", "다리"),
    # a name in another script loses the particle written onto it, whatever its length
    ("sid가", "sid"), ("pykrx는", "pykrx"), ("Python으로", "Python"), ("C++의", "C++"),
    # the polite informal style of questions
    ("필요해요", "필요"), ("뭐예요", "뭐"), ("있어요", "있"),
    # a one-syllable particle never leaves one syllable: "나이" (age) is not "나" + "이"
    ("나이", "나이"), ("강은", "강은"),
    # not Hangul, or nothing to take off: as it is
    ("Seoul", "Seoul"), ("2024년", "2024년"), ("김치", "김치"), ("Seoul가방", "Seoul가방"),
])
def test_a_words_particle_or_ending_comes_off(word, expected):
    assert stem(word) == expected


def test_a_korean_question_meets_its_sentence_through_the_particles():
    text = ("한강은 한반도 중부를 흐르는 강이다. 한강의 길이는 약 494킬로미터이다. "
            "한강에 처음 놓인 다리는 1900년에 완공된 한강철교이다.")
    engine = QAEngine.from_documents([Document(id="hangang", title="한강", text=text)])
    answer = engine.ask("한강의 길이는 몇 킬로미터인가요?")
    assert answer.answered and "494킬로미터" in answer.sentences[0].text


def test_a_name_in_another_script_is_found_through_its_particle():
    text = ("sid는 항상 unstable 배포판입니다. 패키지는 sid에 처음 업로드됩니다. "
            "stable 배포판은 보안 업데이트를 받습니다.")
    engine = QAEngine.from_documents([Document(id="faq", title="데비안 FAQ", text=text)])
    answer = engine.ask("sid가 뭐예요?")
    assert answer.answered and answer.sentences[0].text.startswith("sid는")
