"""contactplan.Engine: the engine of libcontactplan, driven through its C ABI."""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import html as _html
import json as _json
import os
import threading
import warnings
from typing import Iterable, List, NamedTuple, Optional, Union

from contactplan import _inputs
from contactplan import _native
from contactplan._types import AsOf, EngineOptionsInput, PlanInput
from contactplan import errors as _errors
from contactplan.v1 import analysis_pb2
from contactplan.v1 import diff_pb2
from contactplan.v1 import options_pb2
from contactplan.v1 import plan_pb2
from contactplan.v1 import portfolio_pb2

# What analyze() returns for each `output`: the cplan_format it asks for, and how bytes become the
# result.
_OUTPUTS = {
    "message": (_native.FORMATS["binary"], analysis_pb2.Analysis.FromString),
    "binary": (_native.FORMATS["binary"], bytes),
    "json": (_native.FORMATS["json"], lambda data: data.decode("utf-8")),
    "text": (_native.FORMATS["text"], lambda data: data.decode("utf-8")),
}
# output="view" asks for the message too, wrapped by analyze() with what it needs to draw itself.
_VIEW_OUTPUT = "view"
_BINARY = _native.FORMATS["binary"]


def _named(error, plan, index=None):
    """The library's error naming the plan's path (when it was one) and, in bulk calls, its index."""
    return _inputs.named(error, _inputs.origin(plan), index)


class Engine:
    """An engine built from EngineOptions: immutable, and safe to share between threads.

    `options` may be None (every option at its default), an EngineOptions message, a dict or JSON
    string in the protobuf JSON mapping, binary bytes, or a path to a .json or .binpb file. Raises
    InvalidOptionsError when they do not parse or hold a value out of range.

    Plans may be given as a Plan message, bytes (binary unless `format` says otherwise), a dict, a
    JSON string (text starting with "{"), or a path as str or pathlib.Path (format from the
    extension: .csv grid, .json, .binpb/.pb, .txtpb/.textproto). `format` ("binary", "json", "text",
    "csv") overrides the guess for bytes and paths.

    Library calls release the GIL: an Engine used from several threads analyses in parallel. Engines
    pickle (as their options), so they can be sent to worker processes. close() may be called while
    other threads are inside a call: those calls finish, later ones raise, and the library's engine
    is destroyed when the last call in flight returns.
    """

    def __init__(self, options: EngineOptionsInput = None) -> None:
        library = _native.library()
        self._open(library, _inputs.engine_options(options, library))

    def _open(self, library, options):
        """Creates the library's engine from (serialized options, cplan_format)."""
        self._lib = library
        self._handle = None
        self._options = options
        # Calls in flight, so that close() never destroys the engine under a running call: the
        # handle goes when the count drops to zero after close().
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closed = False
        data, code = options
        self._max_input_bytes = _inputs.max_input_bytes(data, code)
        handle = ctypes.c_void_p()
        message = ctypes.c_void_p()
        status = library.cplan_engine_create(data, len(data), code, ctypes.byref(handle),
                                             ctypes.byref(message))
        library.check(status, message.value)
        self._handle = handle.value

    # -- lifetime -----------------------------------------------------------------------------

    def close(self) -> None:
        """Releases the engine now rather than when it is garbage collected. Later calls raise
        InvalidArgumentError; calls already running on other threads finish normally, and the
        library's engine is destroyed when the last of them returns. Closing twice does nothing."""
        with self._lock:
            self._closed = True
            if self._in_flight:
                return
            handle, self._handle = self._handle, None
        if handle:
            self._lib.cplan_engine_destroy(handle)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        if "_lock" not in self.__dict__:  # _open never ran (the options were refused early)
            return
        try:
            self.close()
        except Exception:  # interpreter shutdown may have torn down ctypes already
            pass

    def __reduce__(self):
        data, code = self._options
        return (_from_serialized_options, (data, code))

    @contextlib.contextmanager
    def _call(self):
        """The library's engine, kept alive until the block ends even if close() comes meanwhile."""
        with self._lock:
            if self._closed or not self._handle:
                raise _errors.InvalidArgumentError(
                    "this Engine is closed: create a new Engine to analyse further",
                    _errors.INVALID_ARGUMENT)
            self._in_flight += 1
            handle = self._handle
        try:
            yield handle
        finally:
            with self._lock:
                self._in_flight -= 1
                last = self._closed and self._in_flight == 0
                if last:
                    self._handle = None
            if last:
                self._lib.cplan_engine_destroy(handle)

    def _serialized(self, plan, format):
        """The plan as (bytes, cplan_format); a file over the engine's input limit is not read."""
        return _inputs.serialized(plan, plan_pb2.Plan, format, self._lib, self._max_input_bytes)

    # -- analysis -----------------------------------------------------------------------------

    def analyze(self, plan: PlanInput, *, as_of: AsOf = None, horizon_days: Optional[int] = None,
                options: Optional[options_pb2.AnalysisOptions] = None,
                format: Optional[str] = None,
                output: str = "message") -> Union[analysis_pb2.Analysis, bytes, str]:
        """Validates and analyses a plan.

        as_of:        "now" for the analysis (datetime, date, RFC 3339 string, Timestamp, or
                      seconds since the epoch); default: the plan's as_of, else its latest time.
        horizon_days: 30, 60 or 90 (default 30): the horizon of key intersections and blueprint.
        options:      an AnalysisOptions message, as an alternative to the two keywords.
        output:       "message" (an Analysis message, the default), "binary" (bytes), "json" or
                      "text" (str, as the library writes them: protobuf text format), or "view":
                      an AnalysisView, the message together with its plan, which shows itself in
                      Jupyter as the HTML report and renders any view with .render().
        Raises ParseError, InvalidPlanError (see .problems), InvalidOptionsError, LimitExceededError.
        """
        wrap = output == _VIEW_OUTPUT
        output_format, decode = self._output("message" if wrap else output)
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        try:
            data, code = self._serialized(plan, format)
            with self._call() as handle:
                analysis = self._analyze(handle, data, code, options_bytes, output_format)
        except _errors.Error as error:
            raise _named(error, plan) from None
        result = decode(analysis)
        return AnalysisView(self, result, (data, code), options_bytes) if wrap else result

    def analyze_many(self, plans: Iterable[PlanInput], *, as_of: AsOf = None,
                     horizon_days: Optional[int] = None,
                     options: Optional[options_pb2.AnalysisOptions] = None,
                     format: Optional[str] = None, output: str = "message",
                     workers: Optional[int] = 1, errors: str = "raise") -> List:
        """Analyses many plans with the same options; returns a list in the order of `plans`.

        Per plan this costs one library call plus decoding: options are serialized once. With
        workers > 1 the plans are analysed on that many threads at once (the library releases the
        GIL). errors="raise" stops at the first failing plan and raises its exception;
        errors="return" puts the exception in that plan's place and goes on.
        """
        if errors not in ("raise", "return"):
            raise ValueError("errors: expected 'raise' or 'return', got %r" % (errors,))
        output_format, decode = self._output(output)
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        analyze = self._analyze
        serialized = self._serialized
        keep_going = errors == "return"

        # One call in flight for the whole batch: close() from another thread lets it finish.
        with self._call() as handle:
            def one(index, plan):
                try:
                    data, code = serialized(plan, format)
                    return decode(analyze(handle, data, code, options_bytes, output_format))
                except _errors.Error as error:  # named by index (and path), as the caller listed it
                    named = _named(error, plan, index)
                    if keep_going:
                        return named
                    raise named from None
                except Exception as error:  # returned in the plan's place when asked to
                    if keep_going:
                        return error
                    raise

            if workers is None or workers <= 1:
                return [one(index, plan) for index, plan in enumerate(plans)]
            plans = list(plans)
            with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
                return list(pool.map(one, range(len(plans)), plans))

    def validate(self, plan: PlanInput, *, format: Optional[str] = None) -> None:
        """Returns None for a valid plan; raises InvalidPlanError listing every problem (its
        .problems holds (field_path, description) pairs), or ParseError, LimitExceededError."""
        try:
            data, code = self._serialized(plan, format)
            message = ctypes.c_void_p()
            with self._call() as handle:
                status = self._lib.cplan_validate(handle, data, len(data), code,
                                                  ctypes.byref(message))
            self._lib.check(status, message.value)
        except _errors.Error as error:
            raise _named(error, plan) from None

    def convert(self, plan: PlanInput, to: str, *, format: Optional[str] = None,
                allow_losses: bool = False) -> Union[bytes, str]:
        """The plan in format `to` ("binary", "json", "text" or "csv"): bytes for binary, str for the
        others. The plan is validated first.

        Raises UnrepresentableError when `to` cannot hold all of the plan (the CSV grid holds one
        opportunity and no blueprint; JSON and text cannot write fields unknown to this version),
        its message listing what would be lost. With allow_losses=True the conversion goes ahead
        and a UserWarning lists what was left out."""
        to_code = _inputs.format_code(to)
        flags = _native.CONVERT_ALLOW_LOSSES if allow_losses else 0
        try:
            data, code = self._serialized(plan, format)
            converted, losses = self._convert(data, code, to_code, flags)
        except _errors.Error as error:
            raise _named(error, plan) from None
        if losses:
            warnings.warn("converting to %s left out: %s" % (to, "; ".join(losses)), UserWarning,
                          stacklevel=2)
        return converted if to_code == _BINARY else converted.decode("utf-8")

    def read_plan(self, plan: PlanInput, *, format: Optional[str] = None) -> plan_pb2.Plan:
        """A validated Plan message from any accepted kind of input (a .csv grid path, say)."""
        try:
            data, code = self._serialized(plan, format)
            return plan_pb2.Plan.FromString(self._convert(data, code, _BINARY, 0)[0])
        except _errors.Error as error:
            raise _named(error, plan) from None

    # -- the seller's views ----------------------------------------------------------------------

    def render(self, plan, view: str = "brief", *, width: "int | None" = None, as_of=None,
               horizon_days: "int | None" = None, options=None,
               format: "str | None" = None) -> "Rendered":
        """The plan analysed and drawn as `view`, by the library (the same code as the CLI):

        "brief"   one screen of text: health, web of influence, top actions, critical risks;
        "report"  the full text report (what `contactplan analyze --detail` prints);
        "svg"     the contact map with the plan drawn on it (key intersections, blanks to fill,
                  leverage arrows, legend), a self-contained SVG document;
        "html"    one self-contained HTML file: brief, map, key intersections, blueprint, findings
                  filterable by severity and person, gaps.

        width:    columns of the text views (60 to 1000; default 100).
        as_of, horizon_days, options, format: as for analyze().
        Returns a Rendered (a str that Jupyter displays as the view). Raises what analyze() raises,
        and InvalidArgumentError for an unknown view or a width out of range.
        """
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        return self._render(self._serialized(plan, format), options_bytes, view, width)

    def rules(self) -> "list[dict[str, str]]":
        """The rule catalogue, in catalogue order: a list of dicts with "code", "severity" (the
        default severity, e.g. "WARNING; CRITICAL if key"), "firesWhen" and "explanation"."""
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        message = ctypes.c_void_p()
        status = self._lib.cplan_rules(ctypes.byref(out), ctypes.byref(size),
                                       _native.FORMATS["json"], ctypes.byref(message))
        if status:
            self._lib.check(status, message.value)
        return _json.loads(self._lib.take_bytes(out.value, size.value).decode("utf-8"))

    def _render(self, serialized, options_bytes, view, width):
        try:
            view_code = _native.VIEWS[view]
        except (KeyError, TypeError):
            raise _errors.InvalidArgumentError(
                "view %r: use one of %s" % (view, ", ".join(_native.VIEWS)),
                _errors.INVALID_ARGUMENT) from None
        if width is None:
            width = 0  # the library's default, 100 columns
        elif not isinstance(width, int) or isinstance(width, bool):
            raise _errors.InvalidArgumentError("width %r: expected a number of columns" % (width,),
                                               _errors.INVALID_ARGUMENT)
        data, code = serialized
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        message = ctypes.c_void_p()
        with self._call() as handle:
            status = self._lib.cplan_render(handle, data, len(data), code, options_bytes,
                                            len(options_bytes), _BINARY, view_code, width,
                                            ctypes.byref(out), ctypes.byref(size),
                                            ctypes.byref(message))
        if status:
            self._lib.check(status, message.value)
        return Rendered(self._lib.take_bytes(out.value, size.value).decode("utf-8"), view)
    # -- many accounts ---------------------------------------------------------------------------

    def portfolio(self, plans: Iterable[PlanInput], *, as_of: AsOf = None,
                  horizon_days: Optional[int] = None,
                  options: Optional[options_pb2.AnalysisOptions] = None,
                  format: Optional[str] = None) -> portfolio_pb2.Portfolio:
        """Analyses many plans together: a Portfolio message (docs/portfolio.md).

        A row per account, a row per team member across the accounts (matched by email, else id),
        patterns across the accounts, and every account's key intersections planned under the
        team's shared capacity, so nobody is planned beyond it. `plans` holds any inputs analyze()
        accepts; as_of, horizon_days and options apply to every plan.

        A plan that cannot be read (a missing file, say), does not parse, is invalid or repeats an
        account is left out and listed in `.problems` with its index and source (the path, else
        "plans[i]"); the others are still analysed. Raises InvalidArgumentError for no plans,
        InvalidOptionsError for bad options, TypeError for an input of an unsupported kind.
        """
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        given = list(plans)
        if not given:
            raise _errors.InvalidArgumentError("a portfolio needs at least one plan",
                                               _errors.INVALID_ARGUMENT)
        return self._portfolio_of([read_portfolio_plan(index, plan, format, self._lib)
                                   for index, plan in enumerate(given)], options_bytes)

    def _portfolio_of(self, items, options_bytes):
        """The Portfolio of PortfolioItems (read_portfolio_plan), one per plan given, in order."""
        sent = [item for item in items if item.error is None]
        unreadable = [(item.index, item.source, item.error) for item in items
                      if item.error is not None]
        portfolio = portfolio_pb2.Portfolio()
        if sent:
            count = len(sent)
            data_array = (ctypes.c_char_p * count)(*(item.data for item in sent))
            len_array = (ctypes.c_size_t * count)(*(len(item.data) for item in sent))
            format_array = (ctypes.c_int * count)(*(item.code for item in sent))
            source_array = (ctypes.c_char_p * count)(*(item.source.encode("utf-8")
                                                       for item in sent))
            out = ctypes.c_void_p()
            size = ctypes.c_size_t()
            message = ctypes.c_void_p()
            with self._call() as handle:
                status = self._lib.cplan_portfolio(
                    handle, data_array, len_array, format_array, source_array, count,
                    options_bytes, len(options_bytes), _BINARY, _BINARY, ctypes.byref(out),
                    ctypes.byref(size), ctypes.byref(message))
            if status:
                self._lib.check(status, message.value)
            portfolio.ParseFromString(self._lib.take_bytes(out.value, size.value))
        # Indexes count every plan given, the unreadable ones included.
        for account in portfolio.accounts:
            account.plan_index = sent[account.plan_index].index
        problems = [(sent[p.plan_index].index, p.source, p.message) for p in portfolio.problems]
        del portfolio.problems[:]
        for index, source, text in sorted(problems + unreadable, key=lambda item: item[0]):
            portfolio.problems.add(plan_index=index, source=source, message=text)
        portfolio.plans_given = len(items)
        return portfolio

    # -- what changed ---------------------------------------------------------------------------

    def diff(self, old: PlanInput, new: PlanInput, *, force: bool = False, as_of: AsOf = None,
             horizon_days: Optional[int] = None,
             options: Optional[options_pb2.AnalysisOptions] = None,
             format: Optional[str] = None) -> diff_pb2.PlanDiff:
        """What changed in an account between two plans of it: a PlanDiff message (docs/diff.md).

        Grade changes per intersection, persons and team members added and left, changes of
        relationship level, preference and NPS, account NPS, health and web figure before and
        after, and the status of each entry of OLD's blueprint (MET, NOT_MET, OVERDUE). Ids decide
        identity: a renamed person is a change, not a removal. `old` and `new` take any input
        analyze() accepts.

        force:        compare plans that name different accounts anyway.
        as_of:        NEW's "now" (who has left, which entries are overdue); OLD is read at its own.
        horizon_days, options: as for analyze(), for both analyses.
        Raises DifferentAccountsError (unless force), InvalidPlanError and ParseError naming OLD or
        NEW (and the path when one was given), InvalidOptionsError.
        """
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        try:
            old_data, old_code = self._serialized(old, format)
        except _errors.Error as error:
            raise _named(error, old) from None
        try:
            new_data, new_code = self._serialized(new, format)
        except _errors.Error as error:
            raise _named(error, new) from None
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        message = ctypes.c_void_p()
        with self._call() as handle:
            status = self._lib.cplan_diff(
                handle, old_data, len(old_data), old_code, new_data, len(new_data), new_code,
                options_bytes, len(options_bytes), _BINARY,
                _native.DIFF_FORCE if force else 0, _BINARY, ctypes.byref(out),
                ctypes.byref(size), ctypes.byref(message))
        if status:
            try:
                self._lib.check(status, message.value)
            except _errors.Error as error:
                # "OLD plan: ..." becomes "OLD plan old.json: ..." when the plan was a path.
                for which, plan in (("OLD", old), ("NEW", new)):
                    path = _inputs.origin(plan)
                    head, separator, rest = error.message.partition(": ")
                    if path is not None and separator and head.startswith(which + " plan"):
                        error = type(error)("%s plan %s: %s" % (which, path, rest), error.status)
                raise error from None
        return diff_pb2.PlanDiff.FromString(self._lib.take_bytes(out.value, size.value))

    # -- C calls --------------------------------------------------------------------------------

    @staticmethod
    def _output(output):
        try:
            return _OUTPUTS[output]
        except (KeyError, TypeError):
            raise _errors.InvalidArgumentError(
                "output %r: use one of %s" % (output, ", ".join(_OUTPUTS)),
                _errors.INVALID_ARGUMENT) from None

    def _analyze(self, handle, data, code, options_bytes, output_format):
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        message = ctypes.c_void_p()
        status = self._lib.cplan_analyze(handle, data, len(data), code, options_bytes,
                                         len(options_bytes), _BINARY, output_format,
                                         ctypes.byref(out), ctypes.byref(size),
                                         ctypes.byref(message))
        if status:
            self._lib.check(status, message.value)
        return self._lib.take_bytes(out.value, size.value)

    def _convert(self, data, code, to_code, flags):
        """(converted bytes, list of what was left out)."""
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        losses = ctypes.c_void_p()
        message = ctypes.c_void_p()
        with self._call() as handle:
            status = self._lib.cplan_convert2(handle, data, len(data), code, to_code, flags,
                                              ctypes.byref(out), ctypes.byref(size),
                                              ctypes.byref(losses), ctypes.byref(message))
        if status:
            self._lib.check(status, message.value)
        lost = self._lib.take_string(losses.value)
        return self._lib.take_bytes(out.value, size.value), lost.split("\n") if lost else []


class Rendered(str):
    """A view drawn by the library: the text itself (a str), and .view, its name. Jupyter shows
    "html" and "svg" as they are and the text views as preformatted text."""

    view: str

    def __new__(cls, text: str, view: str) -> "Rendered":
        rendered = super().__new__(cls, text)
        rendered.view = view
        return rendered

    def _repr_html_(self):
        if self.view in ("html", "svg"):
            return str(self)
        return "<pre>%s</pre>" % _html.escape(str(self))

    def _repr_svg_(self):
        return str(self) if self.view == "svg" else None


class AnalysisView:
    """What analyze(..., output="view") returns: the Analysis message (.analysis; its fields are
    also readable on this object) with the plan it came from, so it can draw itself. In Jupyter it
    shows as the HTML report; .render(view) gives any view ("brief", "report", "svg", "html")."""

    def __init__(self, engine, analysis, serialized_plan, options_bytes):
        self.analysis = analysis
        self._engine = engine
        self._plan = serialized_plan
        self._options = options_bytes

    def render(self, view: str = "brief", *, width: "int | None" = None) -> Rendered:
        """The analysis drawn as `view` (see Engine.render); a Rendered str."""
        return self._engine._render(self._plan, self._options, view, width)

    def _repr_html_(self):
        return str(self.render("html"))

    def __str__(self):
        return str(self.render("brief"))

    def __getattr__(self, name):
        # Only called for names this object lacks: the message's fields (web, scores, findings...).
        analysis = self.__dict__.get("analysis")
        if analysis is None:
            raise AttributeError(name)
        return getattr(analysis, name)

    def __repr__(self):
        return "<AnalysisView web %s, health %.0f, %d findings>" % (
            self.analysis.web.figure or "0x0", self.analysis.scores.account_health.value,
            len(self.analysis.findings))


def _from_serialized_options(data, code):
    """Unpickles an Engine from the options it was built with."""
    engine = Engine.__new__(Engine)
    engine._open(_native.library(), (data, code))
    return engine


class PortfolioItem(NamedTuple):
    """One plan of a portfolio as read on the Python side: its bytes and cplan_format, or why it
    could not be read (then data and code are None)."""
    index: int
    source: str
    data: Optional[bytes]
    code: Optional[int]
    error: Optional[str]


def read_portfolio_plan(index: int, plan: PlanInput, format: Optional[str],
                        library) -> PortfolioItem:
    """Reads one plan of a portfolio. A path that cannot be read, or whose format is unknown, is
    that plan's problem (error set), not the call's; an input of an unsupported kind raises
    TypeError. The source is the path, else "plans[index]"."""
    is_path = isinstance(plan, os.PathLike) or (
        isinstance(plan, str) and not plan.lstrip().startswith("{"))
    source = os.fspath(plan) if is_path else "plans[%d]" % index
    try:
        data, code = _inputs.serialized(plan, plan_pb2.Plan, format, library)
    except (OSError, _errors.Error) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return PortfolioItem(index, source, None, None, "%s: %s" % (source, reason))
    return PortfolioItem(index, source, data, code, None)
