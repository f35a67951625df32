"""Instructions per call of the analysis and of the recommendation stage at the two ends of the
growth check (300 x 50 and 10,000 x 500), counted by callgrind inside the stage itself.

    instruction_counts.py ENGINE_BENCHMARK OUTPUT_JSON

Unlike times, instruction counts do not move with cache pressure or with the other tenants of a
shared machine, so benchmarks/report.py judges growth on them. About a minute on 2 cores.
"""
import json
import re
import subprocess
import sys
import tempfile

STAGES = {"BM_Analyze_Sweep": "contactplan::Engine::AnalyzeInto(*",
          "BM_Recommend_Sweep": "contactplan::recommend::Recommend(*"}
SIZES = ((300, 50), (10000, 500))


def count(benchmark, family, function, persons, team):
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as profile:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + profile.name,
             "--toggle-collect=" + function, benchmark,
             "--benchmark_filter=^%s/persons:%d/team:%d$" % (family, persons, team),
             "--benchmark_min_time=0.000001", "--benchmark_repetitions=1",
             "--benchmark_format=json"],
            capture_output=True, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    results = json.loads(run.stdout)["benchmarks"]
    if collected is None or len(results) != 1:
        sys.exit("instruction_counts: no count for %s %dx%d" % (family, persons, team))
    return {"relationships": int(results[0]["relationships"]),
            "instructions": int(collected.group(1)) / results[0]["iterations"]}


def main(benchmark, output):
    counts = {family: [count(benchmark, family, function, persons, team)
                       for persons, team in SIZES]
              for family, function in STAGES.items()}
    with open(output, "w") as file:
        json.dump(counts, file, indent=2)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(*sys.argv[1:])
