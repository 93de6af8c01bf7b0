"""`lodestar assign` and `lodestar select` work on instance folders alone: no database is touched."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_assign_writes_the_optimal_pairs_and_prints_the_objective(tmp_path):
    write(tmp_path, "scores.csv", "proposal,expert,score\np1,e1,0.9\np1,e2,0.8\np2,e1,0.8\np2,e2,0.1\n")
    write(tmp_path, "params.json", json.dumps({"per_proposal": 1, "max_load": 1, "min_load": 0}))
    write(tmp_path, "conflicts.csv", "proposal,expert\np2,e2\n")
    out, log = StringIO(), StringIO()
    # p2 may only have e1 (e2 is a conflict), so p1 gets e2: objective 0.8 + 0.8.
    call_command("assign", str(tmp_path), "--out", str(tmp_path / "a.csv"), stdout=out, stderr=log)
    assert out.getvalue().splitlines()[0] == "objective 1.6"
    with (tmp_path / "a.csv").open() as handle:
        assert list(csv.reader(handle)) == [
            ["proposal", "expert", "score"],
            ["p1", "e2", "0.8"],
            ["p2", "e1", "0.8"],
        ]
    assert "done" in log.getvalue()


def test_assign_reports_the_diagnosis_when_no_assignment_exists(tmp_path):
    write(tmp_path, "scores.csv", "proposal,expert,score\np1,e1,1\n")
    write(tmp_path, "params.json", json.dumps({"per_proposal": 2, "max_load": 3, "min_load": 0}))
    with pytest.raises(CommandError, match="fewer eligible experts"):
        call_command(
            "assign", str(tmp_path), "--out", str(tmp_path / "a.csv"), stdout=StringIO(), stderr=StringIO()
        )


def test_select_writes_the_cohort_with_its_reasons(tmp_path):
    write(
        tmp_path,
        "candidates.csv",
        "proposal,merit,cost,challenge,nation\n"
        "a,9,100,Energy,NO\nb,8,100,Data,FR\nc,7,100,Data,US\nd,5,100,Energy,DE\n",
    )
    write(tmp_path, "rules.json", json.dumps({"budget": 300, "challenge_min": {"Energy": 2}, "explain": 2}))
    out = StringIO()
    call_command("select", str(tmp_path), "--out", str(tmp_path / "s.csv"), stdout=out)
    assert out.getvalue().splitlines()[0] == "objective 22"
    with (tmp_path / "s.csv").open() as handle:
        rows = {r["proposal"]: r for r in csv.DictReader(handle)}
    assert [p for p, r in rows.items() if r["selected"] == "yes"] == ["a", "b", "d"]
    assert rows["c"]["codes"].split() == ["budget_full", "swap"]
    assert rows["d"]["explanation"].startswith("Taken to meet the minimum of 2 for challenge 'Energy'")
