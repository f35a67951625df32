"""Shared fixtures: the test data of tests/data/capi and one engine per test session."""

import os
import pathlib

import pytest

import contactplan

DATA = pathlib.Path(os.environ.get("CONTACTPLAN_TEST_DATA",
                                   pathlib.Path(__file__).resolve().parents[3] / "tests" / "data"))


@pytest.fixture(scope="session")
def data():
    """tests/data/capi: plan.json (a small valid plan) and grid.csv (its contact map as a grid)."""
    return DATA / "capi"


@pytest.fixture(scope="session")
def engine():
    with contactplan.Engine() as shared:
        yield shared


@pytest.fixture
def plan_json(data):
    return (data / "plan.json").read_text()


@pytest.fixture
def plan(engine, data):
    """plan.json as a Plan message."""
    return engine.read_plan(data / "plan.json")


# A plan whose relationship names a person that does not exist.
DANGLING = {
    "teamMembers": [{"id": "t1"}],
    "persons": [{"id": "p1"}],
    "relationships": [{"teamMemberId": "t1", "personId": "p-9", "grade": "TRUST"}],
}

# Valid, but the CSV grid holds a single opportunity.
TWO_OPPORTUNITIES = {
    "persons": [{"id": "p1"}],
    "opportunities": [{"id": "o1", "participants": [{"personId": "p1"}]},
                      {"id": "o2", "participants": [{"personId": "p1"}]}],
}
