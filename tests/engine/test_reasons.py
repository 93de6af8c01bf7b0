"""A reason kept as JSON: the one shape both the assignment and the selection adapters store."""

from __future__ import annotations

import json

import numpy as np

from lodestar.engine.reasons import Reason, reason_to_dict


def test_a_reason_becomes_its_code_params_and_english_text():
    reason = Reason("quota_short", "Too few experts", {"pool": "business", "needed": 3})
    assert reason_to_dict(reason) == {
        "code": "quota_short",
        "params": {"pool": "business", "needed": 3},
        "text": "Too few experts",
    }


def test_numpy_numbers_tuples_and_sets_become_plain_json():
    params = {
        "load": np.int64(4),
        "share": np.float32(0.5),
        "ids": (np.int32(1), 2),
        "tags": frozenset({"a"}),
    }
    plain = reason_to_dict(Reason("x", "x", params))["params"]
    assert plain == {"load": 4, "share": 0.5, "ids": [1, 2], "tags": ["a"]}
    assert type(plain["load"]) is int and type(plain["ids"][0]) is int
    json.dumps(plain)


def test_nested_mappings_get_string_keys():
    assert reason_to_dict(Reason("x", "x", {"by": {7: np.int64(2)}}))["params"] == {"by": {"7": 2}}
