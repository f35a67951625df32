"""Engine.portfolio: many plans under shared capacity, bad plans reported per plan."""

import pytest

import contactplan


def _account(account_id, capacity=2, name="Ann Lee"):
    return {
        "account": {"id": account_id},
        "teamMembers": [{"id": "ann", "name": name, "email": "ann@seller.example",
                         "capacity": capacity, "level": "EXECUTIVE"}],
        "persons": [{"id": "p%d" % i, "name": "Person %d" % i, "level": "EXECUTIVE", "key": True}
                    for i in range(3)],
    }


def test_one_member_is_not_booked_beyond_their_shared_capacity(engine):
    alone = sum(engine.analyze(_account(a)).recommendations.team_load[0].planned
                for a in ("north", "south"))
    assert alone > 2
    portfolio = engine.portfolio([_account("north"), _account("south")])
    assert isinstance(portfolio, contactplan.Portfolio)
    [ann] = portfolio.team
    assert ann.key == "ann@seller.example"
    assert list(ann.accounts) == ["north", "south"]
    assert 0 < ann.committed + ann.planned <= ann.capacity == 2
    assert portfolio.unstaffed, "what Ann could not take on is listed"


def test_unreadable_plans_are_problems_with_their_index_and_path(engine, data, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"persons": [')
    portfolio = engine.portfolio([_account("north"), tmp_path / "missing.json", broken,
                                  _account("north"), _account("south")])
    assert portfolio.plans_given == 5
    assert [a.plan_index for a in portfolio.accounts] == [0, 4]
    problems = [(p.plan_index, p.source) for p in portfolio.problems]
    assert problems == [(1, str(tmp_path / "missing.json")), (2, str(broken)), (3, "plans[3]")]
    assert "No such file" in portfolio.problems[0].message
    assert str(broken) in portfolio.problems[1].message and "line 1" in portfolio.problems[1].message
    assert "already in the portfolio from plans[0]" in portfolio.problems[2].message


def test_a_member_named_differently_is_a_conflict(engine):
    portfolio = engine.portfolio([_account("north"), _account("south", name="Anne Lee")])
    [conflict] = portfolio.conflicts
    assert conflict.kind == conflict.NAME
    assert '"Anne Lee"' in conflict.message


def test_no_plans_is_an_error(engine):
    with pytest.raises(contactplan.InvalidArgumentError):
        engine.portfolio([])


def test_a_wrong_kind_of_input_is_a_type_error(engine):
    with pytest.raises(TypeError):
        engine.portfolio([42])
