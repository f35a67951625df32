"""Loading libcontactplan and declaring its C ABI (contactplan/contactplan.h) for ctypes.

Nothing here knows about plans or rules: this module only moves bytes across the C ABI and turns
status codes into exceptions. The library is loaded on first use, not at import, so the generated
protobuf modules and the library may come into a process in either order.

Where the library comes from, first match wins:
  1. the CONTACTPLAN_LIBRARY environment variable (a path);
  2. libcontactplan.so.1 (or libcontactplan.so) next to this package, as the build and install put it;
  3. libcontactplan.so.1 through the system loader (LD_LIBRARY_PATH, ld.so.cache).
"""

import ctypes
import os
import re
import threading

from contactplan import _version
from contactplan import errors

LIBRARY_ENV = "CONTACTPLAN_LIBRARY"
SONAME = "libcontactplan.so.%d" % _version.ABI_MAJOR

# Values of cplan_format in contactplan.h.
FORMATS = {"binary": 1, "json": 2, "text": 3, "csv": 4}
FORMAT_NAMES = {value: name for name, value in FORMATS.items()}
# Values of cplan_view in contactplan.h: renderings for people, not serialization formats.
VIEWS = {"brief": 1, "report": 2, "svg": 3, "html": 4}

_c_char_pp = ctypes.POINTER(ctypes.c_void_p)  # char** outputs, read as addresses to free them
_c_size_p = ctypes.POINTER(ctypes.c_size_t)
_c_engine_pp = ctypes.POINTER(ctypes.c_void_p)

# (name, restype, argtypes) of every function of the C ABI.
_SIGNATURES = (
    ("cplan_version", ctypes.c_char_p, ()),
    ("cplan_check_version", ctypes.c_int, (ctypes.c_int, ctypes.c_int)),
    ("cplan_free", None, (ctypes.c_void_p,)),
    ("cplan_status_name", ctypes.c_char_p, (ctypes.c_int,)),
    ("cplan_format_name", ctypes.c_char_p, (ctypes.c_int,)),
    ("cplan_format_from_path", ctypes.c_int,
     (ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), _c_char_pp)),
    ("cplan_engine_create", ctypes.c_int,
     (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, _c_engine_pp, _c_char_pp)),
    ("cplan_engine_destroy", None, (ctypes.c_void_p,)),
    ("cplan_analyze", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p,
      ctypes.c_size_t, ctypes.c_int, ctypes.c_int, _c_char_pp, _c_size_p, _c_char_pp)),
    ("cplan_validate", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, _c_char_pp)),
    ("cplan_convert", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, _c_char_pp,
      _c_size_p, _c_char_pp)),
    # 1.1: the seller's views and the rule catalogue.
    ("cplan_render", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p,
      ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, _c_char_pp, _c_size_p,
      _c_char_pp)),
    ("cplan_rules", ctypes.c_int, (_c_char_pp, _c_size_p, ctypes.c_int, _c_char_pp)),
    # 1.1: many plans as arrays (data, lengths, formats, sources).
    ("cplan_portfolio", ctypes.c_int,
     (ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_size_t),
      ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
      ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, _c_char_pp, _c_size_p,
      _c_char_pp)),
    # 1.1
    ("cplan_convert2", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
      _c_char_pp, _c_size_p, _c_char_pp, _c_char_pp)),
    # 1.2: what changed between two plans of one account.
    ("cplan_diff", ctypes.c_int,
     (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p,
      ctypes.c_size_t, ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_uint,
      ctypes.c_int, _c_char_pp, _c_size_p, _c_char_pp)),
)

# Flags of cplan_convert2.
CONVERT_ALLOW_LOSSES = 1
# Flags of cplan_diff.
DIFF_FORCE = 1


def _candidates():
    """Paths (or loader names) to try, in order, with where each came from."""
    override = os.environ.get(LIBRARY_ENV)
    if override:
        return [(override, "$" + LIBRARY_ENV)]
    here = os.path.dirname(os.path.abspath(__file__))
    return [(os.path.join(here, SONAME), "the package directory"),
            (os.path.join(here, "libcontactplan.so"), "the package directory"),
            (SONAME, "the system library path")]


class Library:
    """The loaded library with every function declared (argtypes and restype)."""

    def __init__(self, path):
        # CDLL releases the GIL during each call, so analyses on several Python threads run in
        # parallel on the one thread-safe engine.
        self.path = path
        self.dll = ctypes.CDLL(path)
        for name, restype, argtypes in _SIGNATURES:
            function = getattr(self.dll, name)
            function.restype = restype
            function.argtypes = argtypes
            setattr(self, name, function)
        self.version = self.cplan_version().decode("ascii")
        if not self.cplan_check_version(_version.ABI_MAJOR, _version.ABI_MINOR):
            raise errors.LibraryError(
                "%s is version %s, which cannot serve this contactplan package (built for the C ABI "
                "%d.%d): install the library that came with the package, or point %s at it"
                % (path, self.version, _version.ABI_MAJOR, _version.ABI_MINOR, LIBRARY_ENV))

    def take_string(self, address):
        """The NUL-terminated text at `address` (library-allocated), freed; None for NULL."""
        if not address:
            return None
        try:
            return ctypes.string_at(address).decode("utf-8", errors="replace")
        finally:
            self.cplan_free(address)

    def take_bytes(self, address, size):
        """`size` bytes at `address` (library-allocated), copied into Python and freed."""
        try:
            return ctypes.string_at(address, size)
        finally:
            self.cplan_free(address)

    def check(self, status, message_address):
        """Raises the contactplan.Error subclass for `status` unless it is CPLAN_OK (0)."""
        if status == 0:
            return
        message = self.take_string(message_address)
        if message is None:  # the library ran out of memory while writing the message
            message = self.cplan_status_name(status).decode("ascii")
        raise errors.from_status(status, binding_terms(message))


# The library words some hints for its C callers and the command line; a Python caller reads them in
# the binding's terms: no C function names, no command-line flags.
_C_FUNCTION_PREFIX = re.compile(r"^cplan_[a-z0-9_]+: ")
_CLI_HINTS = (("read it with --input-format json", 'pass format="json"'),
              ("or name the format explicitly", "or pass format="),
              ("pass CPLAN_DIFF_FORCE in flags", "pass force=True"))


def binding_terms(message):
    """`message` with C function names and command-line flags put in the binding's terms."""
    message = _C_FUNCTION_PREFIX.sub("", message)
    for cli, binding in _CLI_HINTS:
        message = message.replace(cli, binding)
    return message


_library = None
_lock = threading.Lock()


def library():
    """The process's Library, loaded on first call. Raises contactplan.LibraryError if none loads."""
    global _library
    if _library is not None:
        return _library
    with _lock:
        if _library is None:
            tried = []
            for path, origin in _candidates():
                if os.sep in path and not os.path.exists(path):
                    tried.append("%s (%s): no such file" % (path, origin))
                    continue
                try:
                    _library = Library(path)
                    break
                except OSError as error:
                    if isinstance(error, errors.LibraryError):
                        raise
                    tried.append("%s (%s): %s" % (path, origin, error))
            else:
                raise errors.LibraryError(
                    "cannot load libcontactplan; tried:\n  " + "\n  ".join(tried) +
                    "\nBuild the project (make build) or set %s to the library's path"
                    % LIBRARY_ENV)
    return _library
