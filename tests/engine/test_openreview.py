"""The OpenReview-expertise format and the `lodestar affinity` command (no database)."""

import json

import pytest
from django.core.management import CommandError, call_command

from lodestar.engine.openreview import predict, read_archives, read_submissions


@pytest.fixture
def bench(tmp_path):
    submissions = {
        "p1": {
            "id": "p1",
            "content": {"title": "Battery storage", "abstract": "Lithium cells for microgrids."},
        },
        "p2": {
            "id": "p2",
            "content": {"title": {"value": "Drone swarms"}, "abstract": {"value": "UAV planning."}},
        },
    }
    (tmp_path / "submissions.json").write_text(json.dumps(submissions), encoding="utf-8")
    archives = tmp_path / "archives"
    archives.mkdir()
    (archives / "~ann.jsonl").write_text(
        json.dumps(
            {"id": "a1", "content": {"title": "Solid-state battery cells", "abstract": "Energy storage."}}
        )
        + "\n\n"
        + json.dumps({"id": "a2", "content": {"title": "", "abstract": ""}})
        + "\n",
        encoding="utf-8",
    )
    (archives / "~bob.jsonl").write_text(
        json.dumps({"id": "b1", "content": {"title": "Path planning for drone swarms", "abstract": "UAVs."}}),
        encoding="utf-8",
    )
    (archives / "~cat.jsonl").write_text("", encoding="utf-8")
    return tmp_path


def test_submissions_are_read_with_titles_from_plain_or_value_fields(bench):
    queries = read_submissions(bench / "submissions.json")
    assert [(q.id, q.title) for q in queries] == [("p1", "Battery storage"), ("p2", "Drone swarms")]


def test_archives_become_profiles_named_without_the_tilde_and_without_empty_papers(bench):
    profiles = {p.id: p for p in read_archives(bench / "archives")}
    assert sorted(profiles) == ["ann", "bob", "cat"]
    assert [d.id for d in profiles["ann"].documents] == ["a1"]
    assert profiles["cat"].documents == ()


def test_predictions_cover_every_expert_and_every_paper(bench):
    scores = predict(bench / "submissions.json", bench / "archives")
    assert {e: sorted(s) for e, s in scores.items()} == {e: ["p1", "p2"] for e in ("ann", "bob", "cat")}
    assert scores["ann"]["p1"] > scores["ann"]["p2"]
    assert scores["bob"]["p2"] > scores["bob"]["p1"]


def test_the_command_writes_the_predictions_file(bench, capsys):
    out = bench / "predictions.json"
    call_command(
        "affinity",
        submissions=bench / "submissions.json",
        archives=bench / "archives",
        out=out,
    )
    written = json.loads(out.read_text(encoding="utf-8"))
    assert set(written) == {"ann", "bob", "cat"} and set(written["ann"]) == {"p1", "p2"}
    assert "3 experts x 2 papers" in capsys.readouterr().out


def test_the_command_refuses_a_missing_archives_folder(bench):
    with pytest.raises(CommandError, match="no archives folder"):
        call_command(
            "affinity", submissions=bench / "submissions.json", archives=bench / "nope", out=bench / "o"
        )
