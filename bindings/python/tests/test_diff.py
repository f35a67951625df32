"""Engine.diff: what changed between two plans of one account, as a PlanDiff message."""

import json

import pytest

import contactplan


def _plan(grade="TRUST", account="acme", as_of="2024-10-01T00:00:00Z", persons=("ann",)):
    return {
        "asOf": as_of,
        "account": {"id": account},
        "teamMembers": [{"id": "mia", "name": "Mia"}],
        "persons": [{"id": p, "name": p.title()} for p in persons],
        "relationships": [{"teamMemberId": "mia", "personId": "ann", "grade": grade}],
    }


def test_diff_returns_a_plan_diff_with_grade_and_person_changes(engine):
    diff = engine.diff(_plan(), _plan("OPEN", as_of="2024-12-01T00:00:00Z",
                                      persons=("ann", "bo")))
    assert isinstance(diff, contactplan.PlanDiff)
    [change] = diff.grade_changes
    assert (change.person_id, change.team_member_id) == ("ann", "mia")
    assert (change.before, change.after) == (contactplan.v1.plan_pb2.TRUST,
                                             contactplan.v1.plan_pb2.OPEN)
    assert [p.person_id for p in diff.persons_added] == ["bo"]
    assert diff.web_figure.before == "1x1"
    assert diff.HasField("account_health")


def test_different_accounts_need_force(engine):
    with pytest.raises(contactplan.DifferentAccountsError) as raised:
        engine.diff(_plan(), _plan(account="globex"))
    assert '"globex"' in raised.value.message
    assert raised.value.message.endswith("pass force=True to compare them anyway")
    assert raised.value.status_name == "CPLAN_DIFFERENT_ACCOUNTS"
    assert engine.diff(_plan(), _plan(account="globex"), force=True).accounts_differ


def test_invalid_plans_are_named_old_or_new_with_their_path(engine, tmp_path):
    bad = _plan()
    bad["relationships"][0]["personId"] = "nobody"
    path = tmp_path / "q3.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(contactplan.InvalidPlanError) as raised:
        engine.diff(path, _plan())
    assert raised.value.message.startswith("OLD plan %s: invalid plan" % path)
    assert raised.value.problems[0][0] == "relationships[0].person_id"
    with pytest.raises(contactplan.InvalidPlanError, match="^NEW plan: "):
        engine.diff(_plan(), bad)


def test_as_of_is_news_now(engine):
    old = _plan()
    old["blueprint"] = [{"personId": "ann", "teamMemberId": "mia", "goal": {"grade": "TRUST"},
                         "tactics": [{"description": "x", "dueAt": "2024-11-01T00:00:00Z"}]}]
    new = _plan("OPEN", as_of="2024-12-01T00:00:00Z")
    overdue = contactplan.v1.diff_pb2.PlanDiff.BlueprintProgress.OVERDUE
    not_met = contactplan.v1.diff_pb2.PlanDiff.BlueprintProgress.NOT_MET
    assert engine.diff(old, new).blueprint_progress[0].status == overdue
    assert engine.diff(old, new, as_of="2024-10-15").blueprint_progress[0].status == not_met
