"""Bulk throughput: typical plans per second in one process, on analyze_many threads, on a local
Dask cluster, and through a portfolio. Prints JSON (benchmarks/run.sh writes it to bulk.json).

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/bulk_throughput_benchmark.py PLAN_DIR

PLAN_DIR holds typical.binpb (bench_generate_plan --typical). Every figure is wall time, best of
three runs after a warm-up (the warm-up builds the workers' engines, so cluster start-up and engine
creation are not counted); plans are binary bytes and results binary bytes, the cheapest forms to
move. The Dask cluster is distributed.LocalCluster on loopback, one thread per worker process, no
dashboard; "per worker" is the 2-worker figure divided by two (what one more worker adds).
"""

import json
import os
import sys
import timeit

import contactplan
from contactplan.v1 import plan_pb2

PLANS = 4000
PARTITION = 250
PORTFOLIO_ACCOUNTS = 200


def best_rate(run, count):
    run()
    return count / min(timeit.repeat(run, repeat=3, number=1))


def dask_rates(plans, workers):
    import dask.bag
    import distributed
    import contactplan.dask
    with distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        bag = dask.bag.from_sequence(plans, partition_size=PARTITION)
        analyses = contactplan.dask.analyze_bag(bag)
        rate = best_rate(analyses.compute, len(plans))
    return rate


def main(plan_dir):
    with open(os.path.join(plan_dir, "typical.binpb"), "rb") as file:
        typical = file.read()
    plans = [typical] * PLANS
    engine = contactplan.Engine()
    result = {"plans": PLANS, "plan_bytes": len(typical), "cores": os.cpu_count()}

    result["one_process_loop_plans_per_s"] = best_rate(
        lambda: [engine.analyze(plan, output="binary") for plan in plans], PLANS)
    result["analyze_many_1_thread_plans_per_s"] = best_rate(
        lambda: engine.analyze_many(plans, output="binary"), PLANS)
    result["analyze_many_2_threads_plans_per_s"] = best_rate(
        lambda: engine.analyze_many(plans, output="binary", workers=2), PLANS)
    result["dask_1_worker_plans_per_s"] = dask_rates(plans, 1)
    result["dask_2_workers_plans_per_s"] = dask_rates(plans, 2)
    result["dask_per_worker_plans_per_s"] = result["dask_2_workers_plans_per_s"] / 2

    # A portfolio of distinct accounts sharing one team: both passes and the shared planning.
    template = plan_pb2.Plan.FromString(typical)
    accounts = []
    for i in range(PORTFOLIO_ACCOUNTS):
        plan = plan_pb2.Plan()
        plan.CopyFrom(template)
        plan.account.id = "account-%d" % i
        accounts.append(plan.SerializeToString())
    result["portfolio_accounts"] = PORTFOLIO_ACCOUNTS
    result["portfolio_plans_per_s"] = best_rate(lambda: engine.portfolio(accounts),
                                                PORTFOLIO_ACCOUNTS)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bulk_throughput_benchmark.py PLAN_DIR")
    main(sys.argv[1])
