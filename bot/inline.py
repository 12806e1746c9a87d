"""The results a user picks from when asking ``@bot question`` in any chat: the whole answer,
then each quote alone (with its document), or one result for an abstention or a refusal."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent

from retrieval import Answer

from .html import answer_html, quote_html, short


def inline_results(answer: Answer) -> list[InlineQueryResultArticle]:
    """Inline results: the whole answer, then each quote alone; abstention as one result.
    A result sends one message: an answer that takes more (long web addresses in its
    sources) is offered as its quotes only, each with its document."""
    if not answer.answered:
        return [article("none", "Not found in my sources", answer_html(answer)[0],
                        "I only answer from my documents")]
    messages = answer_html(answer)
    results = [article("answer", f"Answer: {short(answer.question, 60)}", messages[0],
                       short(answer.sentences[0].text, 100))] if len(messages) == 1 else []
    for i, q in enumerate(answer.sentences, 1):
        ref = answer.sources[q.citation - 1]
        results.append(article(f"quote{i}", short(q.text, 60), quote_html(q, ref),
                               short(ref.title, 100)))
    return results


def article(id_: str, title: str, html: str, description: str | None = None,
            ) -> InlineQueryResultArticle:
    """One inline result: a title and description to pick it by, and the HTML it sends."""
    return InlineQueryResultArticle(id_, title, InputTextMessageContent(html),
                                    description=description)


__all__ = ["article", "inline_results"]
