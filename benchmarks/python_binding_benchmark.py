"""Timings of the Python binding: per-call cost over the C ABI, and analyze_many throughput.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_binding_benchmark.py PLAN_DIR

PLAN_DIR holds empty.binpb and typical.binpb (benchmarks/run.sh writes them with
bench_generate_plan). Prints one JSON object; benchmarks/report.py turns it into RESULTS.md.

Three ways of making the same analysis, per plan, each timed in CPU time of this process
(time.process_time, so other work on a shared machine does not count) as the best of several
timeit repeats, the three interleaved so that a burst of load hits them alike:
  raw_ctypes_us:      cplan_analyze declared by hand and called through ctypes, output copied into
                      a bytes object and freed: the least any Python caller can pay;
  binding_binary_us:  Engine.analyze(plan_bytes, output="binary"): the binding, bytes out;
  binding_message_us: Engine.analyze(plan_bytes): the binding, decoded into an Analysis message.
The C ABI's own CPU time comes from capi_benchmark (C, no Python); report.py subtracts it.
analyze_many throughput is wall time (with two workers, CPU time would hide the parallelism).
"""

import ctypes
import json
import os
import platform
import sys
import time
import timeit

import contactplan
from google.protobuf.internal import api_implementation

BINARY = 1  # CPLAN_FORMAT_BINARY


def raw_analyzer(library_path):
    """cplan_analyze through ctypes with nothing around it."""
    dll = ctypes.CDLL(library_path)  # the same handle the binding holds: dlopen counts references
    create = dll.cplan_engine_create
    create.restype = ctypes.c_int
    create.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int,
                       ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p))
    analyze = dll.cplan_analyze
    analyze.restype = ctypes.c_int
    analyze.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int,
                        ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                        ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
                        ctypes.POINTER(ctypes.c_void_p))
    free = dll.cplan_free
    free.restype = None
    free.argtypes = (ctypes.c_void_p,)
    engine = ctypes.c_void_p()
    message = ctypes.c_void_p()
    if create(None, 0, BINARY, ctypes.byref(engine), ctypes.byref(message)) != 0:
        raise RuntimeError("cplan_engine_create failed")
    handle = engine.value

    def call(data):
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        status = analyze(handle, data, len(data), BINARY, None, 0, BINARY, BINARY,
                         ctypes.byref(out), ctypes.byref(size), ctypes.byref(message))
        if status != 0:
            raise RuntimeError("cplan_analyze failed with status %d" % status)
        result = ctypes.string_at(out.value, size.value)
        free(out.value)
        return result

    return call


def best_per_call_us(functions, argument, budget_s=1.2, repeats=21):
    """Microseconds per call of each function: the best of `repeats` timeit runs, the functions'
    runs interleaved so that a burst of load on a shared machine hits them all alike."""
    timers = []
    for function in functions:
        function(argument)  # warm up (first call loads and caches what later calls reuse)
        timer = timeit.Timer(lambda function=function: function(argument), timer=time.process_time)
        number, elapsed = timer.autorange()
        share = budget_s / (repeats * len(functions))
        timers.append((timer, max(1, int(number * share / max(elapsed, 1e-9)))))
    best = [float("inf")] * len(functions)
    for _ in range(repeats):
        for i, (timer, number) in enumerate(timers):
            best[i] = min(best[i], timer.timeit(number=number) / number * 1e6)
    return best


def throughput(engine, plans, **kwargs):
    """Plans per second of one analyze_many call over `plans` (best of three)."""
    engine.analyze_many(plans[:10], **kwargs)
    best = min(timeit.repeat(lambda: engine.analyze_many(plans, **kwargs), repeat=3, number=1))
    return len(plans) / best


def main(plan_dir):
    plans = {}
    for label in ("empty", "typical"):
        with open(os.path.join(plan_dir, label + ".binpb"), "rb") as file:
            plans[label] = file.read()

    engine = contactplan.Engine()
    raw = raw_analyzer(contactplan.library_path())
    # Same bytes out either way, or the comparison would be meaningless.
    assert raw(plans["typical"]) == engine.analyze(plans["typical"], output="binary")

    result = {
        "python": platform.python_version(),
        "protobuf_implementation": api_implementation.Type(),
        "library_version": contactplan.library_version(),
        "per_call": {},
    }
    for label, data in plans.items():
        raw_us, binary_us, message_us = best_per_call_us(
            [raw, lambda plan: engine.analyze(plan, output="binary"), engine.analyze], data)
        result["per_call"][label] = {
            "plan_bytes": len(data),
            "raw_ctypes_us": raw_us,
            "binding_binary_us": binary_us,
            "binding_message_us": message_us,
        }

    batch = [plans["typical"]] * 2000
    result["analyze_many"] = {
        "plans": len(batch),
        "binary_plans_per_s": throughput(engine, batch, output="binary"),
        "message_plans_per_s": throughput(engine, batch),
        "binary_2_workers_plans_per_s": throughput(engine, batch, output="binary", workers=2),
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python_binding_benchmark.py PLAN_DIR")
    main(sys.argv[1])
