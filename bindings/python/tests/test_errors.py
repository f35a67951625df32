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


def test_conversion_that_would_lose_data_is_refused_unless_allowed(engine, data):
    # plan.json holds an account and more than the grid can hold: converting it quietly to CSV
    # would hand back a smaller plan.
    with pytest.raises(contactplan.UnrepresentableError, match="would leave out: .*account") as raised:
        engine.convert(data / "plan.json", to="csv")
    assert raised.value.status == errors.UNREPRESENTABLE
    assert "cplan_" not in str(raised.value)
    with pytest.warns(UserWarning, match=r"converting to csv left out: .*account \(1\)"):
        grid = engine.convert(data / "plan.json", to="csv", allow_losses=True)
    assert grid.startswith("Team member,Level,")


def test_lossless_conversion_does_not_warn(engine, data):
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert engine.convert(data / "grid.csv", to="csv", allow_losses=True).startswith("Team")


def test_errors_name_the_path_the_plan_came_from(engine, tmp_path):
    grid = tmp_path / "acme.csv"
    grid.write_text("Team member,Level,Ann\n@titel,,CEO\n")
    with pytest.raises(contactplan.ParseError) as raised:
        engine.validate(grid)
    assert str(raised.value).startswith(str(grid) + ": cell A2, line 2, column 1: unknown attribute")
    assert "plan (csv)" not in str(raised.value)
    with pytest.raises(contactplan.ParseError, match=r"^" + str(grid).replace(".", r"\.")):
        engine.analyze(str(grid))


def test_bulk_errors_name_the_index_and_path(engine, data, tmp_path):
    grid = tmp_path / "bad.csv"
    grid.write_text("Team member,Level,Ann\nBob,,Q\n")
    results = engine.analyze_many([data / "grid.csv", grid], errors="return")
    assert isinstance(results[1], contactplan.ParseError)
    assert str(results[1]).startswith("plans[1]: %s: cell C2, line 2" % grid)
    with pytest.raises(contactplan.ParseError, match=r"^plans\[1\]: "):
        engine.analyze_many([data / "grid.csv", grid], workers=2)


def test_as_of_takes_the_command_lines_strings(engine, data):
    by_date = engine.analyze(data / "plan.json", as_of="2025-01-01", output="binary")
    by_time = engine.analyze(data / "plan.json", as_of="2025-01-01T00:00:00Z", output="binary")
    assert by_date == by_time
    with pytest.raises(contactplan.InvalidOptionsError, match="not a time"):
        engine.analyze(data / "plan.json", as_of=float("inf"))


def test_messages_are_in_the_bindings_terms(engine, tmp_path):
    with pytest.raises(contactplan.InvalidArgumentError) as raised:
        engine.validate(tmp_path / "acme.xlsx")
    assert "cplan_" not in str(raised.value) and "format=" in str(raised.value)
    with pytest.raises(contactplan.ParseError) as raised:
        engine.validate(b'{"persons": []}', format="binary")
    assert "--input-format" not in str(raised.value)
    assert 'pass format="json"' in str(raised.value)
