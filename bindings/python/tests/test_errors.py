"""Every failure surfaces as a contactplan.Error subclass with the library's message and status."""

import pytest

import contactplan
from contactplan import errors
from conftest import DANGLING, TWO_OPPORTUNITIES


def test_parse_errors(engine):
    with pytest.raises(contactplan.ParseError, match=r"plan \(json\)") as raised:
        engine.analyze('{"persons": [')
    assert raised.value.status == errors.PARSE_ERROR
    assert raised.value.status_name == "CPLAN_PARSE_ERROR"
    assert isinstance(raised.value, ValueError)
    with pytest.raises(contactplan.ParseError, match=r"plan \(binary\)"):
        engine.analyze(b"\x0a\xff\xff")
    with pytest.raises(contactplan.ParseError, match="@colour"):
        engine.analyze(b"a,b,Cara\n@colour,,red\n", format="csv")
    with pytest.raises(contactplan.ParseError, match=r"plan \(text\)"):
        engine.validate(b"persons {", format="text")


def test_invalid_plan_lists_problems(engine):
    with pytest.raises(contactplan.InvalidPlanError) as raised:
        engine.analyze(DANGLING)
    error = raised.value
    assert error.status == errors.INVALID_PLAN
    assert ("relationships[0].person_id", 'no person "p-9"') in error.problems
    assert "relationships[0].person_id" in str(error)


def test_invalid_engine_options():
    with pytest.raises(contactplan.InvalidOptionsError, match="thresholds.stale_after_days") as raised:
        contactplan.Engine({"thresholds": {"staleAfterDays": 0}})
    assert raised.value.status == errors.INVALID_OPTIONS
    with pytest.raises(contactplan.InvalidOptionsError, match="bogus"):
        contactplan.Engine('{"bogus": 1}')
    with pytest.raises(contactplan.InvalidOptionsError):
        contactplan.Engine(b"\xff\xff")


def test_invalid_analysis_options(engine, data):
    with pytest.raises(contactplan.InvalidOptionsError, match="horizon_days"):
        engine.analyze(data / "plan.json", horizon_days=45)
    with pytest.raises(contactplan.InvalidOptionsError, match="as_of 'yesterday'"):
        engine.analyze(data / "plan.json", as_of="yesterday")


def test_unrepresentable_conversion(engine):
    with pytest.raises(contactplan.UnrepresentableError, match=r"plan \(csv\)") as raised:
        engine.convert(TWO_OPPORTUNITIES, to="csv")
    assert raised.value.status == errors.UNREPRESENTABLE


def test_limits(data):
    small = contactplan.Engine({"limits": {"maxInputBytes": 64}})
    with pytest.raises(contactplan.LimitExceededError, match=r"limits.max_input_bytes \(64\)") as raised:
        small.analyze(data / "plan.json")
    assert raised.value.status == errors.LIMIT_EXCEEDED
    few = contactplan.Engine({"limits": {"maxPersons": 2}})
    with pytest.raises(contactplan.LimitExceededError, match="max_persons"):
        few.validate(data / "plan.json")


def test_invalid_arguments(engine, data):
    with pytest.raises(contactplan.InvalidArgumentError, match="'xml'") as raised:
        engine.analyze(data / "plan.json", output="xml")
    assert raised.value.status == errors.INVALID_ARGUMENT
    with pytest.raises(contactplan.InvalidArgumentError, match="'yaml'"):
        engine.convert(data / "plan.json", to="yaml")


@pytest.mark.parametrize("status,cls,builtin", [
    (errors.INVALID_ARGUMENT, contactplan.InvalidArgumentError, ValueError),
    (errors.PARSE_ERROR, contactplan.ParseError, ValueError),
    (errors.INVALID_PLAN, contactplan.InvalidPlanError, ValueError),
    (errors.INVALID_OPTIONS, contactplan.InvalidOptionsError, ValueError),
    (errors.UNREPRESENTABLE, contactplan.UnrepresentableError, ValueError),
    (errors.LIMIT_EXCEEDED, contactplan.LimitExceededError, contactplan.Error),
    (errors.OUT_OF_MEMORY, contactplan.OutOfMemoryError, MemoryError),
    (errors.INTERNAL, contactplan.InternalError, RuntimeError),
])
def test_every_status_has_its_class(status, cls, builtin):
    error = errors.from_status(status, "what went wrong")
    assert type(error) is cls
    assert isinstance(error, contactplan.Error) and isinstance(error, builtin)
    assert error.status == status and error.message == "what went wrong"
    assert error.status_name.startswith("CPLAN_")


def test_a_status_newer_than_the_package_is_still_an_error():
    error = errors.from_status(99, "from a later library")
    assert type(error) is contactplan.Error
    assert error.status == 99 and error.status_name == "CPLAN_UNKNOWN_STATUS"


def test_problems_skip_the_summary_line():
    error = contactplan.InvalidPlanError(
        "invalid plan: 2 problems\npersons[1].id: repeats \"p1\"\nrelationships[0].person_id: no "
        "person \"p-9\"\n... and 3 more")
    assert error.problems == [("persons[1].id", 'repeats "p1"'),
                              ("relationships[0].person_id", 'no person "p-9"')]
