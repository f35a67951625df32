"""Exceptions of the contactplan package: one class per status code of the C ABI.

Every exception the library reports is a contactplan.Error carrying the library's message and
status code; the classes also derive from the matching built-in exception (ValueError for bad input,
MemoryError, OSError for loading) so generic handlers keep working.
"""

# Status codes of contactplan.h (cplan_status).
OK = 0
INVALID_ARGUMENT = 1
PARSE_ERROR = 2
INVALID_PLAN = 3
INVALID_OPTIONS = 4
UNREPRESENTABLE = 5
LIMIT_EXCEEDED = 6
OUT_OF_MEMORY = 7
INTERNAL = 8
DIFFERENT_ACCOUNTS = 9  # 1.2


class Error(Exception):
    """A failure reported by libcontactplan.

    Attributes:
      status:  the C ABI status code (e.g. 3 for CPLAN_INVALID_PLAN).
      message: the library's message, naming the field path or line and column and what would fix it.
    """

    status = INTERNAL

    def __init__(self, message, status=None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status

    @property
    def status_name(self):
        """The C name of the status, e.g. "CPLAN_INVALID_PLAN"."""
        return _NAMES.get(self.status, "CPLAN_UNKNOWN_STATUS")


class InvalidArgumentError(Error, ValueError):
    """The call is wrong: an unknown format name, a path without a known extension."""
    status = INVALID_ARGUMENT


class ParseError(Error, ValueError):
    """The input is not a plan in the stated format; the message gives line and column."""
    status = PARSE_ERROR


class InvalidPlanError(Error, ValueError):
    """The plan breaks the schema rules.

    `problems` lists every problem as (field_path, description) pairs, e.g.
    ("relationships[3].person_id", 'no person "p-9"').
    """
    status = INVALID_PLAN

    @property
    def problems(self):
        # The library's message is a summary line, then one "path: description" line per problem,
        # possibly ending with "... and N more" when the list is long.
        result = []
        for line in self.message.splitlines()[1:]:
            path, separator, description = line.partition(": ")
            if separator and not line.startswith("..."):
                result.append((path.strip(), description.strip()))
        return result


class InvalidOptionsError(Error, ValueError):
    """Engine or analysis options do not parse or are out of range."""
    status = INVALID_OPTIONS


class UnrepresentableError(Error, ValueError):
    """The target format cannot hold the whole plan (e.g. the CSV grid and a blueprint)."""
    status = UNREPRESENTABLE


class LimitExceededError(Error):
    """An input exceeds the 2 GiB limit of the C ABI or one of the engine's limits."""
    status = LIMIT_EXCEEDED


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory."""
    status = OUT_OF_MEMORY


class InternalError(Error, RuntimeError):
    """A bug in the library; please report it with the message."""
    status = INTERNAL


class DifferentAccountsError(Error, ValueError):
    """Two plans that must be of one account name different accounts (Engine.diff without
    force=True)."""
    status = DIFFERENT_ACCOUNTS


class LibraryError(Error, OSError):
    """libcontactplan cannot be loaded, or the loaded one is incompatible with this package."""
    status = INTERNAL


_CLASSES = {
    INVALID_ARGUMENT: InvalidArgumentError,
    PARSE_ERROR: ParseError,
    INVALID_PLAN: InvalidPlanError,
    INVALID_OPTIONS: InvalidOptionsError,
    UNREPRESENTABLE: UnrepresentableError,
    LIMIT_EXCEEDED: LimitExceededError,
    OUT_OF_MEMORY: OutOfMemoryError,
    INTERNAL: InternalError,
    DIFFERENT_ACCOUNTS: DifferentAccountsError,
}

_NAMES = {
    OK: "CPLAN_OK",
    INVALID_ARGUMENT: "CPLAN_INVALID_ARGUMENT",
    PARSE_ERROR: "CPLAN_PARSE_ERROR",
    INVALID_PLAN: "CPLAN_INVALID_PLAN",
    INVALID_OPTIONS: "CPLAN_INVALID_OPTIONS",
    UNREPRESENTABLE: "CPLAN_UNREPRESENTABLE",
    LIMIT_EXCEEDED: "CPLAN_LIMIT_EXCEEDED",
    OUT_OF_MEMORY: "CPLAN_OUT_OF_MEMORY",
    INTERNAL: "CPLAN_INTERNAL",
    DIFFERENT_ACCOUNTS: "CPLAN_DIFFERENT_ACCOUNTS",
}


def from_status(status, message):
    """The exception for a failed status code. A code newer than this package is a plain Error."""
    cls = _CLASSES.get(status, Error)
    return cls(message, status)
