"""Turns the benchmark outputs of one run into benchmarks/RESULTS.md and prints the target ratios.

    /usr/bin/python3 benchmarks/report.py RESULTS_DIR OUTPUT.md

RESULTS_DIR is what benchmarks/run.sh fills: engine.json and capi.json (Google Benchmark JSON),
memory.json (memory_probe), python.json (python_binding_benchmark.py), cli.json (cli_benchmark.py),
machine.json (run.sh). A missing file leaves its rows as "not measured" with the reason run.sh
wrote into skipped.txt.
benchmarks/profile_notes.md (written by hand from profiles) is copied in at the end.

Times are CPU time per call, the least of the repetitions (each an average over many iterations),
except where a row says otherwise: the machine is a shared VM, where other work only ever adds time,
and CPU time is the least disturbed by other processes.
"""

import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TO_US = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}

# The targets of issue 5.
IO_FLOOR_RATIO = 1.5
LARGE_ACCOUNT_MS = 100.0
MEMORY_RATIO = 10.0
PYTHON_OVERHEAD_US = 10.0
CLI_RATIO = 1.3  # the CLI against a C ABI host, process start-up included
TYPICAL_V2_US = 60.0
LARGE_ACCOUNT_V2_MS = 50.0
GROWTH_ALLOWANCE = 1.25  # measured growth may exceed n log n by this factor (noise) and still pass
ACCEPTED_BIG_O = {"(1)", "lgN", "N", "NlgN"}
# The targets of issue 11.
JSON_RATIO = 3.0
BASELINE_TYPICAL_RATIO = 5.0
BASELINE_LARGE_RATIO = 8.0


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path) as file:
        return json.load(file)


class Benchmarks:
    """Google Benchmark JSON, looked up by run name: the "min" aggregate when there were
    repetitions (see least_of_repetitions.h), else the median, else the single run."""

    def __init__(self, document):
        self.runs = {}
        self.big_o = {}
        for entry in (document or {}).get("benchmarks", []):
            name = entry["name"]
            if name.endswith("_BigO"):
                self.big_o[name[:-len("_BigO")]] = entry
                continue
            if name.endswith("_RMS") or entry.get("error_occurred"):
                continue
            run_name = entry.get("run_name", name)
            rank = {"min": 0, "median": 1}.get(entry.get("aggregate_name"), 2)
            if entry.get("run_type") == "aggregate" and rank == 2:
                continue  # mean, stddev, cv
            if run_name not in self.runs or rank < self.runs[run_name][0]:
                self.runs[run_name] = (rank, entry)
        self.runs = {name: entry for name, (rank, entry) in self.runs.items()}

    def us(self, name, clock="cpu_time"):
        entry = self.runs.get(name)
        if entry is None:
            return None
        return entry[clock] * TO_US[entry.get("time_unit", "ns")]

    def matching(self, pattern):
        regex = re.compile(pattern)
        return [(name, entry) for name, entry in self.runs.items() if regex.fullmatch(name)]


def fmt_us(value):
    if value is None:
        return "not measured"
    if value >= 1000:
        return "%.2f ms" % (value / 1000)
    return "%.1f µs" % value


def fmt_bytes(value):
    if value is None:
        return "not measured"
    for unit, size in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if value >= size:
            return "%.2f %s" % (value / size, unit)
    return "%d B" % value


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "**missed**"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def sweep_rows(engine, family):
    rows = []
    for name, entry in engine.matching(re.escape(family) + r"/persons:(\d+)/team:(\d+)"):
        persons, team = (int(x) for x in re.findall(r":(\d+)", name))
        rows.append({
            "persons": persons,
            "team": team,
            "relationships": int(entry.get("relationships", 0)),
            "plan_bytes": int(entry.get("plan_bytes", 0)),
            "us": engine.us(name),
        })
    return sorted(rows, key=lambda row: row["relationships"])


def growth(rows):
    """Time growth from the smallest sweep size with at least 1,000 relationships to the largest,
    against what n log n growth would give over the same sizes."""
    upper = [row for row in rows if row["relationships"] >= 1000] or rows
    if len(upper) < 2:
        return None
    low, high = upper[0], upper[-1]
    n0, n1 = low["relationships"], high["relationships"]
    measured = high["us"] / low["us"]
    nlogn = (n1 * math.log2(n1)) / (n0 * math.log2(n0))
    exponent = math.log(measured) / math.log(n1 / n0)
    return {"from": n0, "to": n1, "measured": measured, "nlogn": nlogn, "exponent": exponent}


def main(results_dir, output_path):
    engine = Benchmarks(load(results_dir, "engine.json"))
    capi = Benchmarks(load(results_dir, "capi.json"))
    memory = load(results_dir, "memory.json")
    python = load(results_dir, "python.json")
    instructions = load(results_dir, "instructions.json")
    baseline = load(results_dir, "baseline.json")
    json_rows = (("parse the typical plan", "BM_ParsePlan_Typical"),
                 ("serialize the typical analysis", "BM_WriteAnalysis_Typical"),
                 ("parse the 10,000 × 500 plan", "BM_ParsePlan_Large"),
                 ("serialize the 10,000 × 500 analysis", "BM_WriteAnalysis_Large"))
    cli = load(results_dir, "cli.json") or {}
    machine = load(results_dir, "machine.json") or {}
    skipped = ""
    if os.path.exists(os.path.join(results_dir, "skipped.txt")):
        with open(os.path.join(results_dir, "skipped.txt")) as file:
            skipped = file.read().strip()

    floor_binary = engine.us("BM_IoFloor_Typical/json:0")
    floor_json = engine.us("BM_IoFloor_Typical/json:1")
    capi_binary = capi.us("BM_CapiAnalyze/typical/binary")
    capi_json = capi.us("BM_CapiAnalyze/typical/json")
    capi_large = capi.us("BM_CapiAnalyze/large/binary")
    floor_large = engine.us("BM_IoFloor_Large")
    analyze_rows = sweep_rows(engine, "BM_Analyze_Sweep")
    recommend_rows = sweep_rows(engine, "BM_Recommend_Sweep")
    analyze_growth = growth(analyze_rows)
    recommend_growth = growth(recommend_rows)
    largest = analyze_rows[-1] if analyze_rows else None

    def instruction_growth(family):
        """Growth of the instructions per call between the two counted sizes, or None."""
        rows = (instructions or {}).get(family)
        if not rows or len(rows) < 2:
            return None
        low, high = rows[0], rows[-1]
        n0, n1 = low["relationships"], high["relationships"]
        measured = high["instructions"] / low["instructions"]
        return {"from": n0, "to": n1, "measured": measured,
                "nlogn": (n1 * math.log2(n1)) / (n0 * math.log2(n0)),
                "exponent": math.log(measured) / math.log(n1 / n0)}

    def growth_ok(found, family):
        # Instructions when counted: they measure the work and not the machine. Times only
        # without valgrind, with an allowance for the noise of a shared machine.
        counted = instruction_growth(family)
        if counted is not None:
            return counted["measured"] <= counted["nlogn"]
        if found is None:
            return None
        big_o = engine.big_o.get(family, {}).get("big_o")
        return found["measured"] <= found["nlogn"] * GROWTH_ALLOWANCE and (
            big_o is None or big_o in ACCEPTED_BIG_O)

    def growth_text(found, family):
        if found is None:
            return "not measured"
        big_o = engine.big_o.get(family, {}).get("big_o", "?")
        text = ("%s→%s relationships (n log n: ×%.1f): time ×%.1f (exponent %.2f, fitted O(%s))"
                % (f"{found['from']:,}", f"{found['to']:,}", found["nlogn"], found["measured"],
                   found["exponent"], big_o.strip("()") if big_o == "(1)" else big_o))
        counted = instruction_growth(family)
        if counted is not None:
            text += ("; instructions ×%.1f (exponent %.2f), the verdict"
                     % (counted["measured"], counted["exponent"]))
        return text

    memory_ratio = ratio(memory and memory["heap_peak_bytes"], memory and memory["plan_bytes"])
    rss_ratio = ratio(memory and memory["rss_growth_bytes"], memory and memory["plan_bytes"])
    py_empty = (python or {}).get("per_call", {}).get("empty")
    py_typical = (python or {}).get("per_call", {}).get("typical")
    capi_empty_real = capi.us("BM_CapiAnalyze/empty/binary")
    capi_typical_real = capi.us("BM_CapiAnalyze/typical/binary")
    overhead_empty = (py_empty["binding_binary_us"] - capi_empty_real
                      if py_empty and capi_empty_real is not None else None)
    overhead_typical = (py_typical["binding_binary_us"] - capi_typical_real
                        if py_typical and capi_typical_real is not None else None)

    targets = [
        ("C ABI end to end, typical plan, binary ≤ 1.5 × I/O floor",
         "%s vs floor %s" % (fmt_us(capi_binary), fmt_us(floor_binary)),
         ratio(capi_binary, floor_binary),
         None if ratio(capi_binary, floor_binary) is None
         else ratio(capi_binary, floor_binary) <= IO_FLOOR_RATIO),
        ("Analysis growth ≤ n log n in relationships",
         growth_text(analyze_growth, "BM_Analyze_Sweep"), None,
         growth_ok(analyze_growth, "BM_Analyze_Sweep")),
        ("Recommendation stage growth ≤ n log n",
         growth_text(recommend_growth, "BM_Recommend_Sweep"), None,
         growth_ok(recommend_growth, "BM_Recommend_Sweep")),
        ("100,000-relationship account, C ABI end to end < 100 ms",
         "%s (its I/O floor alone: %s)" % (fmt_us(capi_large), fmt_us(floor_large)),
         ratio(capi_large, LARGE_ACCOUNT_MS * 1000),
         None if capi_large is None else capi_large < LARGE_ACCOUNT_MS * 1000),
        ("100,000-relationship account, peak heap < 10 × plan binary",
         "%s for a %s plan" % (fmt_bytes(memory and memory["heap_peak_bytes"]),
                               fmt_bytes(memory and memory["plan_bytes"])),
         memory_ratio, None if memory_ratio is None else memory_ratio < MEMORY_RATIO),
        ("v2: C ABI end to end, typical plan, binary ≤ 60 µs",
         fmt_us(capi_binary), ratio(capi_binary, TYPICAL_V2_US),
         None if capi_binary is None else capi_binary <= TYPICAL_V2_US),
        ("v2: 100,000-relationship account, C ABI end to end ≤ 50 ms",
         fmt_us(capi_large), ratio(capi_large, LARGE_ACCOUNT_V2_MS * 1000),
         None if capi_large is None else capi_large <= LARGE_ACCOUNT_V2_MS * 1000),
    ]
    for label, name in (("typical", "typical plan"), ("large", "100,000-relationship account")):
        row = cli.get(label)
        targets.append((
            "v2: CLI `analyze` ≤ 1.3 × a C ABI host, %s, start-up included (wall time)" % name,
            "—" if row is None else "%.1f ms vs %.1f ms" % (row["cli_ms"], row["capi_host_ms"]),
            None if row is None else row["ratio"],
            None if row is None else row["ratio"] <= CLI_RATIO))
    targets += [
        ("Python per-call overhead over the C ABI < 10 µs (empty plan)",
         fmt_us(overhead_empty), None,
         None if overhead_empty is None else overhead_empty < PYTHON_OVERHEAD_US),
    ]

    lines = []
    add = lines.append
    add("# Benchmark results")
    add("")
    add("Written by `benchmarks/run.sh` (run by `make bench`); do not edit by hand — edit "
        "`benchmarks/profile_notes.md` for the notes at the end, then rerun.")
    add("")
    add("## Machine and run")
    add("")
    for key, label in (("date", "Date (UTC)"), ("commit", "Commit"), ("command", "Command"),
                       ("cpu", "CPU"), ("cores", "Cores"), ("memory", "Memory"),
                       ("os", "OS"), ("compiler", "Compiler"), ("build_type", "Build type"),
                       ("benchmark_flags", "Benchmark flags"), ("load_before", "Load average before"),
                       ("load_after", "Load average after"), ("elapsed", "Wall time of the run")):
        if key in machine:
            add("- %s: %s" % (label, machine[key]))
    if python:
        add("- Python: %s, protobuf implementation `%s`" % (python["python"],
                                                             python["protobuf_implementation"]))
    add("")
    add("The machine is a shared VM: figures taken while other work runs are noisy (see the load "
        "average). Times are CPU time, the least of the repetitions, unless a row says otherwise; "
        "instruction counts in the profile notes below do not depend on the load at all.")
    add("")
    add("## Targets")
    add("")
    add("| target | measured | ratio | verdict |")
    add("| --- | --- | --- | --- |")
    for name, measured, value, ok in targets:
        add("| %s | %s | %s | %s |" % (name, measured, "—" if value is None else "%.2f" % value,
                                       verdict(ok)))
    add("")
    if skipped:
        add("Not measured in this run: " + skipped.replace("\n", "; "))
        add("")

    add("## Typical plan (25 persons, 8 team members, 60 relationships, 1 opportunity, "
        "10 blueprint entries)")
    add("")
    add("| benchmark | binary | JSON |")
    add("| --- | --- | --- |")
    for label, family in (("parse the plan", "BM_ParsePlan_Typical"),
                          ("serialize the analysis", "BM_WriteAnalysis_Typical"),
                          ("**I/O floor** (parse + serialize)", "BM_IoFloor_Typical"),
                          ("C++ bytes → bytes (parse, analyse, serialize)", "BM_EndToEndCpp_Typical")):
        add("| %s | %s | %s |" % (label, fmt_us(engine.us(family + "/json:0")),
                                  fmt_us(engine.us(family + "/json:1"))))
    add("| analyse a parsed plan (C++ `Engine::Analyze`) | %s | |"
        % fmt_us(engine.us("BM_Analyze_Typical")))
    add("| **C ABI end to end** (`cplan_analyze`, bytes in, bytes out) | %s | %s |"
        % (fmt_us(capi_binary), fmt_us(capi_json)))
    add("| C ABI end to end ÷ I/O floor | %s | %s |"
        % tuple("—" if r is None else "%.2f" % r
                for r in (ratio(capi_binary, floor_binary), ratio(capi_json, floor_json))))
    threads = capi.matching(r"BM_CapiAnalyzeThreads/typical/binary/real_time/threads:(\d+)")
    for name, entry in sorted(threads):
        count = name.rsplit(":", 1)[1]
        add("| C ABI, %s host thread%s sharing one engine: throughput (wall time) | %.0f analyses/s "
            "| |" % (count, "" if count == "1" else "s", entry.get("items_per_second", 0)))
    add("")

    add("## JSON beside binary (issue 11: JSON input and output within %.0f× of binary)"
        % JSON_RATIO)
    add("")
    add("The library's own JSON reader and writer (docs/json.md), the plan read onto an arena.")
    add("")
    add("| benchmark | binary | JSON | JSON ÷ binary |")
    add("| --- | --- | --- | --- |")
    for label, family in json_rows:
        binary, json_us = engine.us(family + "/json:0"), engine.us(family + "/json:1")
        r = ratio(json_us, binary)
        add("| %s | %s | %s | %s %s |" % (label, fmt_us(binary), fmt_us(json_us),
                                          "—" if r is None else "%.2f" % r,
                                          "" if r is None else verdict(r <= JSON_RATIO)))
    add("")

    if baseline:
        add("## Against a hand-written Python script (benchmarks/baseline_rules.py)")
        add("")
        add("The script loads the JSON plan with `json.load` and checks 20 of the rules, one "
            "f-string message per finding; the engine runs through the Python binding with binary "
            "bytes in and out. CPU time per plan, best of several runs.")
        add("")
        add("| plan | script (incl. json.load) | script findings | engine via Python | "
            "script ÷ engine | goal |")
        add("| --- | --- | ---: | --- | --- | --- |")
        for label, goal in (("typical", BASELINE_TYPICAL_RATIO), ("large", BASELINE_LARGE_RATIO)):
            row = baseline.get(label)
            if not row:
                continue
            r = ratio(row["script_us"], row["engine_us"])
            add("| %s | %s | %d | %s | %s | ≥ %.0f× %s |"
                % (label, fmt_us(row["script_us"]), row["script_findings"], fmt_us(row["engine_us"]),
                   "—" if r is None else "%.1f×" % r, goal,
                   "" if r is None else verdict(r >= goal)))
        add("")

    add("## Size sweep (persons × team members, default density, seed 1)")
    add("")
    add("`Engine::AnalyzeInto` on a parsed plan (validation, index, rules, scores, recommendations) "
        "and the recommendation stage alone (`recommend::Recommend` on a prebuilt index and "
        "findings), both building their output on an arena as the C ABI does; the plans are read "
        "from bytes onto an arena too.")
    add("")
    add("| persons × team | relationships | plan binary | analyse | per relationship | "
        "recommend alone | share |")
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    recommend_by_size = {(r["persons"], r["team"]): r for r in recommend_rows}
    for row in analyze_rows:
        rec = recommend_by_size.get((row["persons"], row["team"]))
        add("| %d × %d | %s | %s | %s | %.2f µs | %s | %s |" % (
            row["persons"], row["team"], f"{row['relationships']:,}", fmt_bytes(row["plan_bytes"]),
            fmt_us(row["us"]), row["us"] / max(row["relationships"], 1),
            fmt_us(rec and rec["us"]),
            "—" if rec is None else "%.0f%%" % (100 * rec["us"] / row["us"])))
    add("")
    for family in ("BM_Analyze_Sweep", "BM_Recommend_Sweep"):
        big_o = engine.big_o.get(family)
        if big_o:
            add("- `%s`: fitted complexity O(%s), coefficient %.3g %s per unit" % (
                family, big_o["big_o"].strip("()") if big_o["big_o"] != "(1)" else "1",
                big_o.get("cpu_coefficient", float("nan")), big_o.get("time_unit", "ns")))
    for family in ("BM_Analyze_Sweep", "BM_Recommend_Sweep"):
        rows = (instructions or {}).get(family)
        if rows:
            add("- `%s`, instructions per call (callgrind): %s" % (family, "; ".join(
                "%s at %s relationships (%s per relationship)" % (
                    f"{row['instructions'] / 1e6:,.1f} M", f"{row['relationships']:,}",
                    f"{row['instructions'] / row['relationships']:,.0f}") for row in rows)))
    if instructions:
        add("- Growth is judged on these instruction counts, which measure the work; times at the "
            "largest sizes also pay for a working set far beyond the caches and move with the "
            "other tenants of the machine.")
    if largest:
        add("- The largest account (%s relationships): C++ analysis of the parsed plan %s; "
            "through the C ABI from bytes %s." % (f"{largest['relationships']:,}",
                                                   fmt_us(largest["us"]), fmt_us(capi_large)))
    add("")

    add("## Memory (10,000 × 500 account, one `cplan_analyze` call, binary in and out)")
    add("")
    if memory:
        add("| plan binary | analysis binary | peak heap during the call | ÷ plan | "
            "peak RSS growth | ÷ plan | single call |")
        add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        add("| %s | %s | %s | %.2f | %s | %.2f | %.1f ms |" % (
            fmt_bytes(memory["plan_bytes"]), fmt_bytes(memory["analysis_bytes"]),
            fmt_bytes(memory["heap_peak_bytes"]), memory_ratio,
            fmt_bytes(memory["rss_growth_bytes"]), rss_ratio, memory["single_call_ms"]))
        add("")
        add("Peak heap counts every malloc-family block (usable size) live at once beyond what "
            "was live before the call, in a process of its own (`memory_probe`); the input bytes "
            "belong to the host and are not counted. RSS growth is `ru_maxrss` across the call.")
    else:
        add("not measured")
    add("")

    add("## Python binding")
    add("")
    if python:
        add("| plan | C ABI from C | ctypes call, nothing else | `analyze(..., output=\"binary\")` "
            "| overhead over C | `analyze(...)` → message |")
        add("| --- | ---: | ---: | ---: | ---: | ---: |")
        for label, capi_real in (("empty", capi_empty_real), ("typical", capi_typical_real)):
            row = python["per_call"].get(label)
            if not row:
                continue
            add("| %s | %s | %s | %s | %s | %s |" % (
                label, fmt_us(capi_real), fmt_us(row["raw_ctypes_us"]),
                fmt_us(row["binding_binary_us"]),
                fmt_us(None if capi_real is None else row["binding_binary_us"] - capi_real),
                fmt_us(row["binding_message_us"])))
        many = python["analyze_many"]
        add("")
        add("`analyze_many` over %d typical plans (bytes): %.0f plans/s with binary output, "
            "%.0f plans/s decoded into messages, %.0f plans/s with binary output on 2 worker "
            "threads." % (many["plans"], many["binary_plans_per_s"], many["message_plans_per_s"],
                          many["binary_2_workers_plans_per_s"]))
        add("")
        add("Per-call times are CPU time of the calling process (Python: best of seven timeit "
            "repeats with `time.process_time`; C: least of capi_benchmark's repetitions); the "
            "overhead is the binding's time minus the C ABI's time from C. `analyze_many` "
            "throughput is wall time.")
    else:
        add("not measured")
    add("")

    notes = os.path.join(HERE, "profile_notes.md")
    if os.path.exists(notes):
        with open(notes) as file:
            add(file.read().rstrip())
        add("")

    with open(output_path, "w") as file:
        file.write("\n".join(lines))

    print("contactplan benchmark targets (details: %s)" % output_path)
    for name, measured, value, ok in targets:
        print("  %-62s %-12s %s" % (name, verdict(ok).strip("*"),
                                   measured if value is None else "%s (ratio %.2f)" % (measured, value)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: report.py RESULTS_DIR OUTPUT.md")
    main(sys.argv[1], sys.argv[2])
