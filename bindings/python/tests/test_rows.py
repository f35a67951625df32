"""contactplan.rows: results as plain dicts for a DataFrame."""

import pytest

import contactplan


def test_findings_become_flat_rows_with_the_same_keys(engine, plan):
    analysis = engine.analyze(plan)
    rows = contactplan.rows(analysis, "findings")
    assert len(rows) == len(analysis.findings) > 0
    assert rows[0]["code"] == analysis.findings[0].code
    assert rows[0]["severity"] == contactplan.v1.analysis_pb2.Severity.Name(
        analysis.findings[0].severity)
    assert len({tuple(row) for row in rows}) == 1, "every row has the same columns"
    assert list(rows[0])[:2] == ["code", "severity"], "columns in .proto order"


def test_nested_messages_become_dotted_columns(engine, plan):
    analysis = engine.analyze(plan)
    [row] = contactplan.rows(analysis, "web")
    assert row["figure"] == analysis.web.figure
    keys = contactplan.rows(analysis, "recommendations.key_intersections")
    if keys:
        assert "priority.score" in keys[0]


def test_many_analyses_make_one_table(engine, plan):
    results = engine.analyze_many([plan, plan])
    rows = contactplan.rows(results, "findings")
    assert [row["plan_index"] for row in rows].count(1) == len(results[1].findings)


def test_an_unknown_table_names_the_tables_there_are(engine, plan):
    with pytest.raises(ValueError, match="findings"):
        contactplan.rows(engine.analyze(plan), "findigns")
