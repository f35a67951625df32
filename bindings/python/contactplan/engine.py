"""contactplan.Engine: the engine of libcontactplan, driven through its C ABI."""

import concurrent.futures
import ctypes
import warnings

from contactplan import _inputs
from contactplan import _native
from contactplan import errors as _errors
from contactplan.v1 import analysis_pb2
from contactplan.v1 import plan_pb2

# What analyze() returns for each `output`: the cplan_format it asks for, and how bytes become the
# result.
_OUTPUTS = {
    "message": (_native.FORMATS["binary"], analysis_pb2.Analysis.FromString),
    "binary": (_native.FORMATS["binary"], bytes),
    "json": (_native.FORMATS["json"], lambda data: data.decode("utf-8")),
    "text": (_native.FORMATS["text"], lambda data: data.decode("utf-8")),
}
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
    pickle (as their options), so they can be sent to worker processes.
    """

    def __init__(self, options=None):
        library = _native.library()
        self._open(library, _inputs.engine_options(options, library))

    def _open(self, library, options):
        """Creates the library's engine from (serialized options, cplan_format)."""
        self._lib = library
        self._handle = None
        self._options = options
        data, code = options
        handle = ctypes.c_void_p()
        message = ctypes.c_void_p()
        status = library.cplan_engine_create(data, len(data), code, ctypes.byref(handle),
                                             ctypes.byref(message))
        library.check(status, message.value)
        self._handle = handle.value

    # -- lifetime -----------------------------------------------------------------------------

    def close(self):
        """Releases the engine now rather than when it is garbage collected. Calls already running
        on other threads must have returned."""
        handle, self._handle = self._handle, None
        if handle:
            self._lib.cplan_engine_destroy(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown may have torn down ctypes already
            pass

    def __reduce__(self):
        data, code = self._options
        return (_from_serialized_options, (data, code))

    def _live_handle(self):
        if not self._handle:
            raise _errors.InvalidArgumentError("this Engine is closed", _errors.INVALID_ARGUMENT)
        return self._handle

    # -- analysis -----------------------------------------------------------------------------

    def analyze(self, plan, *, as_of=None, horizon_days=None, options=None, format=None,
                output="message"):
        """Validates and analyses a plan.

        as_of:        "now" for the analysis (datetime, date, RFC 3339 string, Timestamp, or
                      seconds since the epoch); default: the plan's as_of, else its latest time.
        horizon_days: 30, 60 or 90 (default 30): the horizon of key intersections and blueprint.
        options:      an AnalysisOptions message, as an alternative to the two keywords.
        output:       "message" (an Analysis message, the default), "binary" (bytes), "json" or
                      "text" (str, as the library writes them).
        Raises ParseError, InvalidPlanError (see .problems), InvalidOptionsError, LimitExceededError.
        """
        output_format, decode = self._output(output)
        options_bytes = _inputs.analysis_options(as_of, horizon_days, options)
        try:
            data, code = _inputs.serialized(plan, plan_pb2.Plan, format, self._lib)
            return decode(self._analyze(self._live_handle(), data, code, options_bytes,
                                        output_format))
        except _errors.Error as error:
            raise _named(error, plan) from None

    def analyze_many(self, plans, *, as_of=None, horizon_days=None, options=None, format=None,
                     output="message", workers=1, errors="raise"):
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
        handle = self._live_handle()
        analyze = self._analyze
        serialized = _inputs.serialized
        library = self._lib
        plan_type = plan_pb2.Plan
        keep_going = errors == "return"

        def one(index, plan):
            try:
                data, code = serialized(plan, plan_type, format, library)
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

    def validate(self, plan, *, format=None):
        """Returns None for a valid plan; raises InvalidPlanError listing every problem (its
        .problems holds (field_path, description) pairs), or ParseError, LimitExceededError."""
        try:
            data, code = _inputs.serialized(plan, plan_pb2.Plan, format, self._lib)
            message = ctypes.c_void_p()
            status = self._lib.cplan_validate(self._live_handle(), data, len(data), code,
                                              ctypes.byref(message))
            self._lib.check(status, message.value)
        except _errors.Error as error:
            raise _named(error, plan) from None

    def convert(self, plan, to, *, format=None, allow_losses=False):
        """The plan in format `to` ("binary", "json", "text" or "csv"): bytes for binary, str for the
        others. The plan is validated first.

        Raises UnrepresentableError when `to` cannot hold all of the plan (the CSV grid holds one
        opportunity and no blueprint; JSON and text cannot write fields unknown to this version),
        its message listing what would be lost. With allow_losses=True the conversion goes ahead
        and a UserWarning lists what was left out."""
        to_code = _inputs.format_code(to)
        flags = _native.CONVERT_ALLOW_LOSSES if allow_losses else 0
        try:
            data, code = _inputs.serialized(plan, plan_pb2.Plan, format, self._lib)
            converted, losses = self._convert(data, code, to_code, flags)
        except _errors.Error as error:
            raise _named(error, plan) from None
        if losses:
            warnings.warn("converting to %s left out: %s" % (to, "; ".join(losses)), UserWarning,
                          stacklevel=2)
        return converted if to_code == _BINARY else converted.decode("utf-8")

    def read_plan(self, plan, *, format=None):
        """A validated Plan message from any accepted kind of input (a .csv grid path, say)."""
        try:
            data, code = _inputs.serialized(plan, plan_pb2.Plan, format, self._lib)
            return plan_pb2.Plan.FromString(self._convert(data, code, _BINARY, 0)[0])
        except _errors.Error as error:
            raise _named(error, plan) from None

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
        status = self._lib.cplan_convert2(self._live_handle(), data, len(data), code, to_code,
                                          flags, ctypes.byref(out), ctypes.byref(size),
                                          ctypes.byref(losses), ctypes.byref(message))
        if status:
            self._lib.check(status, message.value)
        lost = self._lib.take_string(losses.value)
        return self._lib.take_bytes(out.value, size.value), lost.split("\n") if lost else []


def _from_serialized_options(data, code):
    """Unpickles an Engine from the options it was built with."""
    engine = Engine.__new__(Engine)
    engine._open(_native.library(), (data, code))
    return engine
