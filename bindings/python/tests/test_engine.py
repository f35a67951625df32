"""Engine behaviour through the C ABI: outputs, analysis options, bulk calls, validation, conversion,
lifetime."""

import datetime
import pickle

import pytest
from google.protobuf import timestamp_pb2

import contactplan
from conftest import DANGLING


def test_analyze_returns_an_analysis_message(engine, data):
    analysis = engine.analyze(data / "plan.json")
    assert isinstance(analysis, contactplan.Analysis)
    assert analysis.web.figure == "1x2"
    assert 0 <= analysis.scores.account_health.value <= 100
    assert analysis.as_of.ToJsonString() == "2024-05-01T00:00:00Z"
    assert analysis.findings


def test_outputs(engine, data):
    binary = engine.analyze(data / "plan.json", output="binary")
    assert isinstance(binary, bytes)
    assert contactplan.Analysis.FromString(binary) == engine.analyze(data / "plan.json")
    as_json = engine.analyze(data / "plan.json", output="json")
    assert '"figure": "1x2"' in as_json
    assert 'figure: "1x2"' in engine.analyze(data / "plan.json", output="text")
    # Deterministic: byte-identical each time.
    assert engine.analyze(data / "plan.json", output="binary") == binary


@pytest.mark.parametrize("as_of", [
    datetime.datetime(2024, 6, 1, tzinfo=datetime.timezone.utc),
    datetime.datetime(2024, 6, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
    datetime.datetime(2024, 6, 1),
    datetime.date(2024, 6, 1),
    "2024-06-01T00:00:00Z",
    timestamp_pb2.Timestamp(seconds=1717200000),
    1717200000,
    1717200000.0,
])
def test_as_of_in_every_form(engine, data, as_of):
    analysis = engine.analyze(data / "plan.json", as_of=as_of)
    assert analysis.as_of.ToJsonString() == "2024-06-01T00:00:00Z"


def test_as_of_the_epoch_counts(engine, data):
    # 1970-01-01T00:00:00Z is a time like any other, not "unset": presence decides.
    for epoch in (0, "1970-01-01T00:00:00Z", datetime.date(1970, 1, 1)):
        analysis = engine.analyze(data / "plan.json", as_of=epoch)
        assert analysis.HasField("as_of")
        assert analysis.as_of.seconds == 0


def test_horizon_and_options_message(engine, data):
    thirty = engine.analyze(data / "plan.json", horizon_days=30)
    ninety = engine.analyze(data / "plan.json", options=contactplan.AnalysisOptions(horizon_days=90))
    assert thirty.recommendations != ninety.recommendations or thirty == ninety
    keyword_wins = engine.analyze(data / "plan.json", horizon_days=60,
                                  options=contactplan.AnalysisOptions(horizon_days=90))
    assert keyword_wins == engine.analyze(data / "plan.json", horizon_days=60)


def test_analyze_many_matches_analyze(engine, data, plan):
    plans = [plan, data / "plan.json", data / "grid.csv", str(data / "grid.csv")] * 5
    expected = [engine.analyze(p, as_of="2024-06-01T00:00:00Z") for p in plans]
    assert engine.analyze_many(plans, as_of="2024-06-01T00:00:00Z") == expected
    assert engine.analyze_many(plans, as_of="2024-06-01T00:00:00Z", workers=4) == expected
    as_json = engine.analyze_many(plans[:2], output="json")
    assert as_json == [engine.analyze(p, output="json") for p in plans[:2]]
    assert engine.analyze_many([]) == []


def test_analyze_many_errors(engine, plan):
    with pytest.raises(contactplan.InvalidPlanError):
        engine.analyze_many([plan, DANGLING, plan])
    results = engine.analyze_many([plan, DANGLING, b"\x0a\xff", plan], errors="return", workers=2)
    assert isinstance(results[0], contactplan.Analysis)
    assert isinstance(results[1], contactplan.InvalidPlanError)
    assert isinstance(results[2], contactplan.ParseError)
    assert results[3] == results[0]
    with pytest.raises(ValueError, match="errors"):
        engine.analyze_many([plan], errors="ignore")


def test_validate(engine, data, plan):
    assert engine.validate(plan) is None
    assert engine.validate(data / "grid.csv") is None
    with pytest.raises(contactplan.InvalidPlanError):
        engine.validate(DANGLING)


def test_convert_and_read_plan(engine, data, plan):
    binary = engine.convert(data / "plan.json", to="binary")
    assert isinstance(binary, bytes)
    assert contactplan.Plan.FromString(binary) == plan
    as_json = engine.convert(binary, to="json")
    assert isinstance(as_json, str) and '"Bluefin Shipping"' in as_json
    assert engine.convert(as_json, to="binary") == binary
    grid = engine.convert(data / "grid.csv", to="csv")
    assert grid.splitlines()[0].endswith("Cara Lind,Dev Rao,Eli Park")
    assert engine.read_plan(grid.encode(), format="csv") == engine.read_plan(data / "grid.csv")
    assert "cara-lind" in engine.convert(plan, to="text")
    with pytest.raises(contactplan.InvalidArgumentError, match="'xml'"):
        engine.convert(plan, to="xml")


def test_lifetime(data):
    with contactplan.Engine() as engine:
        assert engine.analyze(data / "grid.csv").web.figure == "1x2"
    with pytest.raises(contactplan.InvalidArgumentError, match="closed"):
        engine.analyze(data / "grid.csv")
    engine.close()  # twice is fine


def test_engines_pickle_as_their_options(data, plan):
    engine = contactplan.Engine({"disabledRules": ["STALE_ASSESSMENT"]})
    copy = pickle.loads(pickle.dumps(engine))
    assert copy.analyze(plan) == engine.analyze(plan)
    assert "STALE_ASSESSMENT" not in {f.code for f in copy.analyze(plan).findings}


def test_versions():
    assert contactplan.library_version() == contactplan.__version__
    assert contactplan.library_path().endswith("libcontactplan.so.1")
