"""Engine.render, Engine.rules and analyses that show themselves in Jupyter: the library draws,
the binding only carries the text."""

import pytest

import contactplan


def widest(text):
    return max(len(line) for line in text.splitlines())


def test_every_view_renders(engine, data):
    for view, start in (("brief", None), ("report", None), ("svg", "<svg "), ("html", "<!DOCTYPE html>")):
        out = engine.render(data / "plan.json", view=view)
        assert isinstance(out, str) and isinstance(out, contactplan.Rendered)
        assert out.view == view and out.endswith("\n")
        if start:
            assert out.startswith(start)


def test_brief_respects_the_width(engine, data):
    brief = engine.render(data / "grid.csv", view="brief", width=60)
    assert "TOP ACTIONS" in brief
    assert widest(brief) <= 60
    assert widest(engine.render(data / "grid.csv", view="report", width=120)) > 60


def test_bad_view_and_width(engine, data):
    with pytest.raises(contactplan.InvalidArgumentError, match="view 'text'"):
        engine.render(data / "plan.json", view="text")  # text is a format, not a view
    with pytest.raises(contactplan.InvalidArgumentError, match="width 59"):
        engine.render(data / "plan.json", width=59)
    with pytest.raises(contactplan.InvalidArgumentError, match="width"):
        engine.render(data / "plan.json", width="wide")


def test_render_takes_analysis_options(engine, data):
    brief30 = engine.render(data / "plan.json", horizon_days=30)
    brief90 = engine.render(data / "plan.json", horizon_days=90)
    assert "next 30 days" in brief30 and "next 90 days" in brief90


def test_hostile_names_are_escaped(engine):
    plan = {"teamMembers": [{"id": "t1", "name": "Ann", "level": "EXECUTIVE"}],
            "persons": [{"id": "p1", "name": "<img src=x onerror=alert(1)>\u001b[2J",
                         "level": "EXECUTIVE", "key": True}],
            "relationships": [{"teamMemberId": "t1", "personId": "p1", "grade": "INDIFFERENT"}]}
    for view in ("brief", "report", "svg", "html"):
        out = engine.render(plan, view=view)
        assert "\u001b" not in out
        assert "\\x1b[2J" in out
        if view in ("svg", "html"):
            assert "<img" not in out and "&lt;img src=x" in out


def test_rules_is_the_catalogue(engine):
    rules = engine.rules()
    codes = [rule["code"] for rule in rules]
    assert "NO_MENTOR" in codes and len(codes) == len(set(codes))
    for rule in rules:
        assert set(rule) == {"code", "severity", "firesWhen", "explanation"}
        assert rule["firesWhen"] and rule["explanation"]


def test_analysis_view_shows_itself(engine, data):
    result = engine.analyze(data / "plan.json", output="view")
    assert isinstance(result, contactplan.AnalysisView)
    assert isinstance(result.analysis, contactplan.Analysis)
    assert result.web.figure == result.analysis.web.figure  # the message's fields read through
    html = result._repr_html_()
    assert html.startswith("<!DOCTYPE html>") and "data-person-id=" in html
    assert "TOP ACTIONS" in str(result)
    assert result.render("svg").startswith("<svg ")
    assert contactplan.Rendered("x", "svg")._repr_svg_() == "x"
    assert engine.render(data / "plan.json")._repr_html_().startswith("<pre>")
    # The default stays the plain message.
    assert isinstance(engine.analyze(data / "plan.json"), contactplan.Analysis)
