"""contactplan: relationship planning for large client accounts.

The Python face of libcontactplan: ctypes over its stable C ABI, and the protobuf classes of the
contactplan.v1 schema generated from the same .proto files as the library. Every rule, score and
recommendation is computed by the library; this package only moves plans in and analyses out.

    import contactplan
    engine = contactplan.Engine()
    analysis = engine.analyze("accounts/northwind.csv", horizon_days=60)
    print(analysis.web.figure, analysis.scores.account_health.value)
    for finding in analysis.findings:
        print(finding.severity, finding.code, finding.message)

    print(engine.render("accounts/northwind.csv", view="brief", width=80))
    open("report.html", "w").write(engine.render("accounts/northwind.csv", view="html"))

Plans may be Plan messages, bytes, dicts, JSON strings or paths (.csv grid, .json, .binpb/.pb,
.txtpb/.textproto). Failures raise contactplan.Error subclasses carrying the library's message and
status code. The library is found next to this package, or where CONTACTPLAN_LIBRARY points.
"""

from contactplan._rows import rows
from contactplan._version import __version__
from contactplan.engine import AnalysisView, Engine, Rendered
from contactplan.errors import (DifferentAccountsError, Error, InternalError, InvalidArgumentError, InvalidOptionsError,
                                InvalidPlanError, LibraryError, LimitExceededError,
                                OutOfMemoryError, ParseError, UnrepresentableError)
from contactplan.v1.analysis_pb2 import Analysis, Finding
from contactplan.v1.diff_pb2 import PlanDiff
from contactplan.v1.options_pb2 import AnalysisOptions, EngineOptions
from contactplan.v1.plan_pb2 import Plan
from contactplan.v1.portfolio_pb2 import Portfolio

__all__ = [
    "Analysis", "AnalysisOptions", "AnalysisView", "Engine", "EngineOptions", "Error", "Finding", "InternalError",
    "InvalidArgumentError", "InvalidOptionsError", "InvalidPlanError", "LibraryError",
    "LimitExceededError", "OutOfMemoryError", "ParseError", "Plan", "Rendered",
    "UnrepresentableError",
    "__version__", "library_path", "library_version",
    "Portfolio", "rows",
    "DifferentAccountsError", "PlanDiff",
]


def library_version() -> str:
    """The version of the loaded libcontactplan (loading it if needed), e.g. "1.0.0"."""
    from contactplan import _native
    return _native.library().version


def library_path() -> str:
    """The path (or loader name) libcontactplan was loaded from (loading it if needed)."""
    from contactplan import _native
    return _native.library().path
