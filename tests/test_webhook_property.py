"""Property: whatever is posted to the webhook, with or without the secret, the server answers
2xx or 4xx, never 5xx, and keeps serving (hypothesis; one server for all the examples of a
test, so what one example leaves behind meets the next)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from .test_webhook import Running, api, server  # noqa: F401 (fixtures)

EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=20,
)
# Objects shaped more and more like an Update: an update_id of any JSON type, the keys of the
# update types the bot takes, and values of any shape underneath.
update_keys = st.sampled_from(["message", "edited_message", "callback_query", "inline_query",
                               "channel_post", "poll", "chat", "text", "from", "date"])
update_like = st.fixed_dictionaries(
    {"update_id": st.integers(-(2**70), 2**70) | json_values},
    optional={"message": st.dictionaries(update_keys | st.text(max_size=8), json_values,
                                         max_size=5)},
).flatmap(lambda d: st.dictionaries(update_keys, json_values, max_size=3).map(lambda x: x | d))


async def _posted(running: Running, body: Any, secret: str | None) -> None:
    kwargs = {"secret": secret} if secret is not None else {}
    response = await running.post(body, **kwargs)
    event(f"status {response.status_code}")
    assert 200 <= response.status_code < 500, response.text
    assert (await running.client.get("/readyz")).status_code == 200  # still up and running


@EXAMPLES
@given(body=st.binary(max_size=2048), with_secret=st.booleans())
async def test_arbitrary_bytes_never_get_a_5xx(server: Running, body: bytes,  # noqa: F811
                                               with_secret: bool) -> None:
    await _posted(server, body, None if with_secret else "nope")


@EXAMPLES
@given(body=json_values | update_like)
async def test_arbitrary_json_never_gets_a_5xx(server: Running,  # noqa: F811
                                               body: Any) -> None:
    """Python's JSON, NaN and Infinity included, as json.loads reads them too."""
    await _posted(server, json.dumps(body).encode(), None)

