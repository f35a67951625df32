"""Every kind of plan input gives the same analysis: messages, bytes, dicts, JSON strings, paths."""

import json
import os
import threading

import pytest

import contactplan
from conftest import DANGLING


@pytest.fixture(scope="module")
def reference(engine, data):
    """The binary analysis of plan.json given as a Plan message."""
    plan = engine.read_plan(data / "plan.json")
    return engine.analyze(plan, output="binary")


def test_plan_message(engine, plan, reference):
    assert engine.analyze(plan, output="binary") == reference


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_binary_bytes(engine, plan, reference, wrap):
    assert engine.analyze(wrap(plan.SerializeToString()), output="binary") == reference


def test_dict(engine, plan_json, reference):
    assert engine.analyze(json.loads(plan_json), output="binary") == reference


def test_json_string(engine, plan_json, reference):
    assert engine.analyze(plan_json, output="binary") == reference
    assert engine.analyze("  \n" + plan_json, output="binary") == reference


def test_json_path_as_str_and_pathlib(engine, data, reference):
    assert engine.analyze(str(data / "plan.json"), output="binary") == reference
    assert engine.analyze(data / "plan.json", output="binary") == reference


@pytest.mark.parametrize("suffix,to", [(".binpb", "binary"), (".pb", "binary"),
                                       (".txtpb", "text"), (".textproto", "text"),
                                       (".json", "json")])
def test_every_file_extension(engine, plan, reference, tmp_path, suffix, to):
    path = tmp_path / ("plan" + suffix)
    converted = engine.convert(plan, to=to)
    if isinstance(converted, bytes):
        path.write_bytes(converted)
    else:
        path.write_text(converted)
    assert engine.analyze(path, output="binary") == reference
    assert engine.analyze(str(path), output="binary") == reference


def test_csv_grid_path_bytes_and_explicit_format(engine, data):
    from_path = engine.analyze(data / "grid.csv", output="binary")
    assert engine.analyze(str(data / "grid.csv"), output="binary") == from_path
    assert engine.analyze((data / "grid.csv").read_bytes(), format="csv", output="binary") == from_path
    assert engine.analyze(data / "grid.csv").web.figure == "1x2"


def test_explicit_format_overrides_the_extension(engine, data, tmp_path, reference):
    path = tmp_path / "plan.dat"
    path.write_bytes((data / "plan.json").read_bytes())
    assert engine.analyze(path, format="json", output="binary") == reference
    assert engine.analyze(path.read_bytes(), format="JSON", output="binary") == reference


def test_text_format_bytes(engine, plan, reference):
    text = engine.convert(plan, to="text")
    assert engine.analyze(text.encode(), format="text", output="binary") == reference


def test_engine_options_in_every_kind(data, plan, tmp_path):
    stale = "STALE_ASSESSMENT"
    assert stale in {f.code for f in contactplan.Engine().analyze(plan).findings}
    message = contactplan.EngineOptions(disabled_rules=[stale])
    path = tmp_path / "options.json"
    path.write_text('{"disabledRules": ["%s"]}' % stale)
    binary_path = tmp_path / "options.binpb"
    binary_path.write_bytes(message.SerializeToString())
    for options in (message, message.SerializeToString(), {"disabledRules": [stale]},
                    {"disabled_rules": [stale]}, '{"disabledRules": ["%s"]}' % stale, path,
                    str(binary_path)):
        findings = contactplan.Engine(options).analyze(plan).findings
        assert stale not in {f.code for f in findings}, options


def test_wrong_python_types_are_type_errors(engine, data):
    with pytest.raises(TypeError, match="expected a Plan message"):
        engine.analyze(42)
    with pytest.raises(TypeError, match="contactplan.v1.Plan"):
        engine.analyze(contactplan.Analysis())
    with pytest.raises(TypeError):
        contactplan.Engine(options=3.5)
    with pytest.raises(TypeError, match="as_of"):
        engine.analyze(data / "plan.json", as_of=[2024])
    with pytest.raises(TypeError, match="horizon_days"):
        engine.analyze(data / "plan.json", horizon_days="60")


def test_format_that_does_not_fit_the_input(engine, plan):
    with pytest.raises(contactplan.InvalidArgumentError, match="does not apply to messages"):
        engine.analyze(plan, format="json")
    with pytest.raises(contactplan.InvalidArgumentError, match="does not apply to dicts"):
        engine.analyze(DANGLING, format="csv")
    with pytest.raises(contactplan.InvalidArgumentError, match="'yaml'"):
        engine.analyze(b"", format="yaml")


def test_paths_that_cannot_be_read(engine, tmp_path):
    with pytest.raises(FileNotFoundError):
        engine.analyze(tmp_path / "missing.json")
    unknown = tmp_path / "plan.xlsx"
    unknown.write_bytes(b"")
    with pytest.raises(contactplan.InvalidArgumentError, match="plan.xlsx") as raised:
        engine.analyze(unknown)
    assert raised.value.status == 1
    assert raised.value.status_name == "CPLAN_INVALID_ARGUMENT"


# --- what the binding reads, and what it refuses before reading ---

def test_a_file_over_the_input_limit_is_refused_by_its_size_naming_the_path(tmp_path, plan_json):
    engine = contactplan.Engine({"limits": {"maxInputBytes": 1000}})
    path = tmp_path / "big.json"
    path.write_text(plan_json + " " * 5000)
    with pytest.raises(contactplan.LimitExceededError) as raised:
        engine.validate(path)
    assert str(path) in str(raised.value)
    assert "is %d bytes, over limits.max_input_bytes (1000)" % path.stat().st_size in str(
        raised.value)
    assert raised.value.status_name == "CPLAN_LIMIT_EXCEEDED"
    # Under the limit, the same engine reads files as usual.
    small = tmp_path / "small.json"
    small.write_text('{"persons": [{"id": "p1"}]}')
    assert engine.validate(small) is None


def test_a_stream_is_read_only_up_to_the_limit(tmp_path):
    # A FIFO has no size to check: reading stops one byte past the limit, however much the writer
    # has (an endless one, such as /dev/zero, included).
    engine = contactplan.Engine({"limits": {"maxInputBytes": 4096}})
    fifo = tmp_path / "plan.fifo"
    os.mkfifo(fifo)
    written = []

    def feed():
        try:
            with open(fifo, "wb") as writer:
                for _ in range(1024):
                    writer.write(b"\0" * 1024)
                    written.append(1024)
        except BrokenPipeError:  # the reader stopped early, as it should
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    with pytest.raises(contactplan.LimitExceededError,
                       match="plan.fifo: the file is more than 4096 bytes"):
        engine.validate(fifo, format="binary")
    feeder.join(30)
    assert sum(written) < 1024 * 1024  # the pipe holds 64 KiB; the rest was never read


@pytest.mark.parametrize("as_of", [float("inf"), float("-inf"), float("nan"), 1e300])
def test_as_of_that_is_no_time_is_a_clear_value_error(engine, plan, as_of):
    with pytest.raises(ValueError, match=r"^as_of .*: not a time: give seconds since the epoch"):
        engine.analyze(plan, as_of=as_of)
