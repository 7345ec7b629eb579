"""`secretaris zetelverdeling` answers any input on stdin with a result, a lot request or a
Dutch message and exit 2: never a traceback, never a long wait."""

from __future__ import annotations

import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secretaris.law.tests.test_cli import zetelverdeling

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.sampled_from(["seats", "votes", "candidates", "lots", "x"]), children)
    ),
    max_leaves=30,
)
payloads = st.fixed_dictionaries(
    {},
    optional={
        "seats": json_values | st.integers(min_value=-10, max_value=60),
        "votes": st.lists(json_values | st.integers(min_value=0, max_value=10**6), max_size=8)
        | json_values,
        "candidates": st.lists(st.integers(min_value=-2, max_value=30), max_size=8) | json_values,
        "lots": st.lists(st.integers(min_value=-2, max_value=9), max_size=4) | json_values,
    },
)


def outcome(text: str) -> int:
    """The exit code of one in-process run."""
    try:
        call_command(
            "zetelverdeling", stdin=io.StringIO(text), stdout=io.StringIO(), stderr=io.StringIO()
        )
    except CommandError as exc:
        assert exc.returncode == 2, exc
        assert str(exc) and "Traceback" not in str(exc)
        return 2
    except SystemExit as exc:
        return int(exc.code)
    return 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payloads)
def test_any_json_object_gets_a_result_or_a_clear_refusal(payload):
    assert outcome(json.dumps(payload)) in {0, 2, 3}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_a_result_or_a_clear_refusal(text):
    assert outcome(text) in {0, 2, 3}


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=200_000), st.sampled_from(["[", '{"a":']))
def test_deep_nesting_is_refused(depth, opener):
    assert outcome('{"seats": 9, "votes": ' + opener * depth) == 2


def test_huge_numbers_are_refused_in_dutch_as_a_real_command():
    for payload in [
        '{"seats": 9, "votes": [' + "9" * 5000 + "]}",
        '{"seats": ' + "9" * 4000 + ', "votes": [1, 2]}',
        '{"seats": 9, "votes": [' + "1" * 50 + ", 3]}",
        '{"seats": 9, "votes": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"seats": 9, "votes": [1, 2], "candidates": [' + "8" * 4000 + ", 1]}",
    ]:
        done = zetelverdeling(payload)
        assert done.returncode == 2, done.stderr[-500:]
        assert "Traceback" not in done.stderr
        assert done.stderr.strip()


def test_a_realistic_input_still_works():
    done = zetelverdeling({"seats": 9, "votes": [3100, 2000, 900]})
    assert done.returncode == 0 and json.loads(done.stdout) == {"seats": [5, 3, 1]}
