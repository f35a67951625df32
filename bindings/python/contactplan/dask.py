"""contactplan on Dask: many plans analysed across the worker processes of a cluster.

    import dask.bag as db
    import contactplan.dask
    from distributed import Client

    client = Client("tcp://scheduler.example:8786")         # or a LocalCluster
    plans = db.from_sequence(paths, partition_size=200)
    analyses = contactplan.dask.analyze_bag(plans, errors="record").compute()
    book = contactplan.dask.portfolio(paths, client=client)

Importing this module imports dask (python3-dask, python3-distributed on Debian); `import
contactplan` alone never does. Every worker process builds one Engine per set of engine options, the
first time a partition needs it, and keeps it for the life of the process: an engine is immutable
and thread-safe, so the worker's threads share it. The plans and results cross as the same bytes as
a local analysis, so the results are identical to Engine.analyze on one machine.

Paths in a bag are opened by the workers: every worker must see the files (a shared file system),
or the bag should hold the plans' bytes or dicts instead.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Tuple

import dask
import dask.bag

from contactplan import _inputs
from contactplan import _native
from contactplan import errors as _errors
from contactplan._types import EngineOptionsInput, PlanInput
from contactplan.engine import Engine, read_portfolio_plan
from contactplan.v1 import options_pb2
from contactplan.v1 import portfolio_pb2

__all__ = ["analyze_bag", "portfolio", "ERROR_KEY"]

# The key every error record has (errors="record"); a result without it is an analysis.
ERROR_KEY = "error"

_OUTPUTS = ("message", "binary", "json", "text")

# Per process: serialized engine options -> Engine. Built once per process, never per partition.
_engines: Dict[Tuple[bytes, int], Engine] = {}
_engines_lock = threading.Lock()


def _engine(engine_options: Tuple[bytes, int]) -> Engine:
    engine = _engines.get(engine_options)
    if engine is None:
        with _engines_lock:
            engine = _engines.get(engine_options)
            if engine is None:
                engine = Engine.__new__(Engine)
                engine._open(_native.library(), engine_options)
                _engines[engine_options] = engine
    return engine


def engines_in_this_process() -> int:
    """How many engines this process has built (one per distinct engine options); for checking
    that workers reuse theirs, e.g. client.run(contactplan.dask.engines_in_this_process)."""
    return len(_engines)


def _error_record(plan: Any, error: BaseException) -> Dict[str, Any]:
    is_path = isinstance(plan, os.PathLike) or (
        isinstance(plan, str) and not plan.lstrip().startswith("{"))
    return {
        ERROR_KEY: type(error).__name__,
        "message": str(error),
        "status": getattr(error, "status", None),
        "plan": os.fspath(plan) if is_path else None,
    }


def _analyze_partition(plans: Iterable[PlanInput], engine_options: Tuple[bytes, int],
                       options: bytes, output: str, errors: str) -> List[Any]:
    engine = _engine(engine_options)
    plans = list(plans)
    message = options_pb2.AnalysisOptions.FromString(options) if options else None
    results = engine.analyze_many(plans, options=message, output=output,
                                  errors="raise" if errors == "raise" else "return")
    if errors == "raise":
        return results
    return [_error_record(plan, result) if isinstance(result, BaseException) else result
            for plan, result in zip(plans, results)]


def _engine_options(engine_options: EngineOptionsInput) -> Tuple[bytes, int]:
    # Serialized (and checked) here, on the client: a bad option fails before any task is sent.
    data, code = _inputs.engine_options(engine_options, _native.library())
    Engine.__new__(Engine)._open(_native.library(), (data, code))
    return data, code


def analyze_bag(bag: dask.bag.Bag, options: Optional[options_pb2.AnalysisOptions] = None,
                output: str = "binary", errors: str = "raise", *,
                engine_options: EngineOptionsInput = None) -> dask.bag.Bag:
    """A bag of analyses of a bag of plans (paths, bytes, dicts, JSON strings, Plan messages), in
    the same order.

    options:        AnalysisOptions for every plan (as_of, horizon_days, ...), or None.
    output:         "binary" (serialized Analysis bytes, the default: the cheapest to move between
                    processes), "message" (Analysis messages), "json" or "text" (str).
    errors:         "raise" (a bad plan fails the computation with its exception) or "record" (a
                    bad plan becomes a dict {"error": exception class name, "message", "status",
                    "plan": its path or None} in its place).
    engine_options: EngineOptions for the workers' engines (checked here first).
    Lazy: nothing runs until the bag is computed. Raises ValueError for an unknown output or
    errors, InvalidOptionsError for bad options, before any task is sent.
    """
    if output not in _OUTPUTS:
        raise ValueError("output: expected one of %s, got %r" % (", ".join(_OUTPUTS), output))
    if errors not in ("raise", "record"):
        raise ValueError("errors: expected 'raise' or 'record', got %r" % (errors,))
    options_bytes = _inputs.analysis_options(None, None, options)
    return bag.map_partitions(_analyze_partition, _engine_options(engine_options), options_bytes,
                              output, errors)


def _read_partition(plans, engine_options):
    library = _engine(engine_options)._lib
    return [read_portfolio_plan(index, plan, None, library) for index, plan in plans]


def _portfolio_task(engine_options, options, *partitions):
    items = [item for partition in partitions for item in partition]
    return _engine(engine_options)._portfolio_of(items, options).SerializeToString()


def portfolio(paths: Iterable[PlanInput], client=None, *,
              options: Optional[options_pb2.AnalysisOptions] = None,
              engine_options: EngineOptionsInput = None,
              partition_size: int = 100) -> portfolio_pb2.Portfolio:
    """The Portfolio of many plans (docs/portfolio.md), read in parallel on the cluster.

    The workers read the plans (partition_size per task); one task then plans every account under
    the team's shared capacity, which is sequential by nature (each account sees what the ones
    before it booked). `client`: a distributed.Client, else Dask's current scheduler. A plan that
    cannot be read or is invalid is listed in `.problems`, as with Engine.portfolio; the result is
    the same as Engine.portfolio on one machine. Blocks until the portfolio is built.
    """
    indexed = list(enumerate(paths))
    if not indexed:
        raise _errors.InvalidArgumentError("a portfolio needs at least one plan",
                                           _errors.INVALID_ARGUMENT)
    engine_key = _engine_options(engine_options)
    options_bytes = _inputs.analysis_options(None, None, options)
    read = dask.bag.from_sequence(indexed, partition_size=partition_size).map_partitions(
        _read_partition, engine_key)
    built = dask.delayed(_portfolio_task)(engine_key, options_bytes, *read.to_delayed())
    data = client.compute(built).result() if client is not None else built.compute()
    return portfolio_pb2.Portfolio.FromString(data)
