"""Turning what Python callers hand in (messages, bytes, dicts, JSON strings, paths) into the bytes and
format code the C ABI takes. No parsing happens here: the library parses every input itself, so a
plan gives the same errors whichever way it arrives.
"""

import ctypes
import datetime
import json
import math
import numbers
import os
import stat

from google.protobuf import json_format
from google.protobuf import message as _message
from google.protobuf import timestamp_pb2

from contactplan import _native
from contactplan import errors
from contactplan.v1 import options_pb2

_BINARY = _native.FORMATS["binary"]
_JSON = _native.FORMATS["json"]

# limits.max_input_bytes when the options leave it unset (options.proto), and the C ABI's ceiling on
# any input (CPLAN_MAX_INPUT_BYTES in contactplan.h).
DEFAULT_MAX_INPUT_BYTES = 256 << 20
ABI_MAX_INPUT_BYTES = (1 << 31) - 1

# The range of google.protobuf.Timestamp: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
_TIMESTAMP_MIN_SECONDS = -62135596800
_TIMESTAMP_MAX_SECONDS = 253402300799


def format_code(name, accepted=tuple(_native.FORMATS)):
    """The cplan_format value of a format name ("binary", "json", "text", "csv")."""
    if isinstance(name, str) and name.lower() in accepted:
        return _native.FORMATS[name.lower()]
    raise errors.InvalidArgumentError(
        "format %r is not accepted here; use one of: %s" % (name, ", ".join(accepted)))


def _require_format(given, inherent, what):
    """Formats are implied by messages and dicts; a different explicit one is a mistake."""
    if given is not None and format_code(given) != inherent:
        raise errors.InvalidArgumentError(
            "format=%r does not apply to %s, which always cross as %s"
            % (given, what, _native.FORMAT_NAMES[inherent]))


def max_input_bytes(options, code):
    """The largest input an engine built from serialized EngineOptions (`options`, cplan_format
    `code`) accepts: its limits.max_input_bytes, else the default; never above the C ABI's ceiling.
    Called after the library accepted the options, so they parse; if Python's protobuf reads them
    differently all the same, the library's own check remains and the default is used here."""
    limit = DEFAULT_MAX_INPUT_BYTES
    if options:
        parsed = options_pb2.EngineOptions()
        try:
            if code == _JSON:
                json_format.Parse(options, parsed, ignore_unknown_fields=True)
            else:
                parsed.ParseFromString(options)
        except (json_format.ParseError, _message.DecodeError, ValueError):
            parsed.Clear()
        if parsed.limits.HasField("max_input_bytes") and parsed.limits.max_input_bytes > 0:
            limit = parsed.limits.max_input_bytes
    return min(limit, ABI_MAX_INPUT_BYTES)


def _over_limit(path, size, limit):
    return errors.LimitExceededError(
        "%s: the file is %s bytes, over limits.max_input_bytes (%d), and is not read: split the "
        "plan, or raise the limit in EngineOptions"
        % (path, size, limit), errors.LIMIT_EXCEEDED)


def _read_path(path, format, library, limit):
    """Bytes of the file and its format: `format` if given, else the extension's (the library's rule,
    the same as the command line's). A file over `limit` bytes is refused before it is read (a
    regular file by its size, a stream once it passes the limit), so it never costs the memory."""
    path = os.fspath(path)
    if format is not None:
        code = format_code(format)
    else:
        value = ctypes.c_int()
        message = ctypes.c_void_p()
        status = library.cplan_format_from_path(os.fsencode(path), ctypes.byref(value),
                                                ctypes.byref(message))
        library.check(status, message.value)
        code = value.value
    with open(path, "rb") as file:
        info = os.fstat(file.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise _over_limit(path, info.st_size, limit)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise _over_limit(path, "more than %d" % limit, limit)
    return data, code


def origin(value):
    """The path a plan argument names, for error messages; None when it is not a path."""
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, str) and not value.lstrip().startswith("{"):
        return value
    return None


def named(error, path=None, index=None):
    """`error` (a contactplan.Error) with its message naming the input: the library words plan
    errors "plan (csv): line 13 ...", which becomes "plans/x.csv: line 13 ..."; in bulk calls the
    index comes first ("plans[3] (plans/x.csv): ..."). The same class and status."""
    message = error.message
    if path is not None:
        head, separator, rest = message.partition(": ")
        if separator and head.startswith("plan (") and head.endswith(")"):
            message = "%s: %s" % (path, rest)
        elif not message.startswith(str(path)):
            message = "%s: %s" % (path, message)
    if index is not None:
        message = "plans[%d]: %s" % (index, message)
    renamed = type(error)(message, error.status)
    return renamed


def serialized(value, message_type, format, library, max_input_bytes=DEFAULT_MAX_INPUT_BYTES):
    """(bytes, cplan_format) for a message of `message_type` given as any accepted kind:

    - a `message_type` message: its binary serialization;
    - bytes, bytearray or memoryview: binary unless `format` names another format;
    - a dict: the protobuf JSON mapping (field names as in the .proto or lowerCamel);
    - a str starting with "{": JSON text;
    - any other str, or an os.PathLike: a file, format from `format` or the extension
      (.binpb/.pb, .json, .txtpb/.textproto, .csv), of at most `max_input_bytes` bytes
      (LimitExceededError naming the path otherwise).
    """
    if isinstance(value, _message.Message):
        expected = message_type.DESCRIPTOR.full_name
        if value.DESCRIPTOR.full_name != expected:
            raise TypeError("expected a %s message, got %s" % (expected, value.DESCRIPTOR.full_name))
        _require_format(format, _BINARY, "messages")
        return value.SerializeToString(), _BINARY
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value), _BINARY if format is None else format_code(format)
    if isinstance(value, dict):
        _require_format(format, _JSON, "dicts")
        return json.dumps(value).encode("utf-8"), _JSON
    if isinstance(value, str):
        if value.lstrip().startswith("{"):
            _require_format(format, _JSON, "JSON strings")
            return value.encode("utf-8"), _JSON
        return _read_path(value, format, library, max_input_bytes)
    if isinstance(value, os.PathLike):
        return _read_path(value, format, library, max_input_bytes)
    raise TypeError(
        "expected a %s message, bytes, a dict, a JSON string or a path, got %s"
        % (message_type.DESCRIPTOR.name, type(value).__name__))


def engine_options(options, library):
    """Serialized EngineOptions; empty bytes (every default) for None."""
    if options is None:
        return b"", _BINARY
    return serialized(options, options_pb2.EngineOptions, None, library)


def _timestamp(as_of):
    if isinstance(as_of, timestamp_pb2.Timestamp):
        return as_of
    timestamp = timestamp_pb2.Timestamp()
    if isinstance(as_of, datetime.datetime):
        # Naive datetimes are read as UTC, as protobuf's own Timestamp.FromDatetime does.
        if as_of.tzinfo is not None:
            as_of = as_of.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        timestamp.FromDatetime(as_of)
    elif isinstance(as_of, datetime.date):
        timestamp.FromDatetime(datetime.datetime(as_of.year, as_of.month, as_of.day))
    elif isinstance(as_of, str):
        # The command line's --as-of strings: a date (midnight UTC) or an RFC 3339 date-time.
        text = as_of.strip()
        try:
            day = datetime.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
        try:
            if day is not None:
                timestamp.FromDatetime(datetime.datetime(day.year, day.month, day.day))
            else:
                timestamp.FromJsonString(text)
        except ValueError as error:
            raise errors.InvalidOptionsError(
                "as_of %r: expected a date such as 2024-05-01 or an RFC 3339 time such as "
                "2024-05-01T09:00:00Z (%s)" % (as_of, error), errors.INVALID_OPTIONS) from None
    elif isinstance(as_of, numbers.Real) and not isinstance(as_of, bool):
        # inf and NaN have no integer part, and protobuf's own message for them ("cannot convert
        # float NaN") names neither the argument nor the remedy.
        if not math.isfinite(as_of) or not (
                _TIMESTAMP_MIN_SECONDS <= as_of < _TIMESTAMP_MAX_SECONDS + 1):
            raise errors.InvalidOptionsError(
                "as_of %r: not a time: give seconds since the epoch between %d (year 1) and %d "
                "(year 9999), or a datetime" % (as_of, _TIMESTAMP_MIN_SECONDS,
                                                 _TIMESTAMP_MAX_SECONDS), errors.INVALID_OPTIONS)
        seconds = int(as_of // 1)
        timestamp.seconds = seconds
        timestamp.nanos = int(round((as_of - seconds) * 1e9))
    else:
        raise TypeError("as_of: expected a datetime, date, RFC 3339 string, Timestamp or seconds "
                        "since the epoch, got %s" % type(as_of).__name__)
    return timestamp


def analysis_options(as_of, horizon_days, options):
    """Serialized AnalysisOptions from keyword arguments (or a ready message); b"" when all unset."""
    if options is None and as_of is None and horizon_days is None:
        # The usual call: skip building and serializing an empty message (about a microsecond, a
        # tenth of the binding's whole overhead per analysis; see benchmarks/RESULTS.md).
        return b""
    if options is not None:
        if not isinstance(options, options_pb2.AnalysisOptions):
            raise TypeError("options: expected an AnalysisOptions message, got %s"
                            % type(options).__name__)
        message = options_pb2.AnalysisOptions()
        message.CopyFrom(options)
    else:
        message = options_pb2.AnalysisOptions()
    if as_of is not None:
        message.as_of.CopyFrom(_timestamp(as_of))
    if horizon_days is not None:
        if isinstance(horizon_days, bool) or not isinstance(horizon_days, numbers.Integral):
            raise TypeError("horizon_days: expected 30, 60 or 90, got %r" % (horizon_days,))
        message.horizon_days = int(horizon_days)
    return message.SerializeToString()
