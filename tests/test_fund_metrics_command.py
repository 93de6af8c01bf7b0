"""`lodestar fund-metrics CASHFLOWS.csv`: one JSON object on stdout, or a named bad line on stderr."""

import io
import json
import re
import subprocess
import sys

import pytest

from lodestar.fund.engine_adapter import CashFlowError, read_cash_flows


def run(tmp_path, text):
    path = tmp_path / "flows.csv"
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "lodestar", "fund-metrics", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_prints_the_figures_with_the_last_nav_counted_at_its_date(tmp_path):
    done = run(
        tmp_path,
        "date,kind,amount\n2021-01-01,call,100\n2021-07-01,distribution,20\n"
        "2021-09-30,nav,999\n2022-01-01,nav,90\n",
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["paid_in"], out["distributed"], out["nav"]) == (100.0, 20.0, 90.0)
    assert (out["tvpi"], out["dpi"], out["rvpi"]) == (1.1, 0.2, 0.9)
    # NPV check by hand: -100 + 20 / (1 + r)^(181/365) + 90 / (1 + r)^1 == 0
    r = out["irr"]
    assert -100 + 20 / (1 + r) ** (181 / 365) + 90 / (1 + r) == pytest.approx(0, abs=1e-9)


def test_it_says_when_there_is_no_irr(tmp_path):
    done = run(tmp_path, "date,kind,amount\n2021-01-01,call,100\n2022-01-01,call,50\n")
    out = json.loads(done.stdout)
    assert out["irr"] is None and "same sign" in out["irr_note"]
    assert out["tvpi"] == 0.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "date,kind,amount\n2021-01-01,call,100\n2021-02-30,nav,5\n",
            "line 3: '2021-02-30' is not an ISO date",
        ),
        ("date,kind,amount\n2021-01-01,call,100\n2021-02-01,fee,5\n", "line 3: kind 'fee' is not one of"),
        ("date,kind,amount\n2021-01-01,call,-100\n", "line 2: amount '-100' must be a positive number"),
        ("date,kind,amount\n2021-01-01,call,ten\n", "line 2: amount 'ten' is not a number"),
        ("date,kind,amount\n2021-01-01,call\n", "line 2: expected 3 fields"),
        ("when,what,how much\n", "line 1: the header must be 'date,kind,amount'"),
    ],
)
def test_each_bad_line_is_named(text, message):
    with pytest.raises(CashFlowError, match=re.escape(message)):
        read_cash_flows(io.StringIO(text))


def test_a_bad_line_is_named_on_stderr_and_nothing_is_printed(tmp_path):
    done = run(tmp_path, "date,kind,amount\n2021-01-01,call,100\n2021-02-30,nav,5\n")
    assert done.returncode != 0
    assert done.stdout == ""
    assert "line 3: '2021-02-30' is not an ISO date" in done.stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "lodestar", "fund-metrics", str(tmp_path / "none.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and done.stdout == "" and "No such file" in done.stderr
