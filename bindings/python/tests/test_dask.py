"""contactplan.dask on a real distributed.LocalCluster: two worker processes, one thread each.

Run by the ctest python.dask (which sets CONTACTPLAN_DASK_CLUSTER=1 and CONTACTPLAN_CLI); the
plain python.bindings run skips it so the cluster starts once, in its own test with its own timeout.
Only loopback is used and no dashboard is started.
"""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("CONTACTPLAN_DASK_CLUSTER"),
                                reason="run by the ctest python.dask")

PLANS = 30


@pytest.fixture(scope="module")
def plan_paths(tmp_path_factory):
    """A few dozen generated plans (distinct accounts, shared team emails), as files."""
    folder = tmp_path_factory.mktemp("plans")
    cli = os.environ["CONTACTPLAN_CLI"]
    paths = []
    for seed in range(1, PLANS + 1):
        path = folder / ("plan-%02d.binpb" % seed)
        subprocess.run([cli, "generate", "--seed", str(seed), "--persons", "20", "--team", "5",
                        "-o", str(path)], check=True)
        paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       host="127.0.0.1", dashboard_address=None)
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def test_import_contactplan_does_not_import_dask():
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, contactplan; print('dask' in sys.modules)"],
        stdout=subprocess.PIPE, text=True, check=True)
    assert probe.stdout.strip() == "False"


def test_analyze_bag_matches_local_analysis(client, plan_paths, engine):
    import dask.bag
    import contactplan.dask
    bag = dask.bag.from_sequence(plan_paths, npartitions=4)
    results = contactplan.dask.analyze_bag(bag).compute()
    assert results == [engine.analyze(path, output="binary") for path in plan_paths]
    # One engine per worker process, reused by every partition it ran.
    assert sorted(client.run(contactplan.dask.engines_in_this_process).values()) == [1, 1]


def test_options_reach_the_workers(client, plan_paths, engine):
    import dask.bag
    import contactplan
    import contactplan.dask
    options = contactplan.AnalysisOptions(horizon_days=90)
    bag = dask.bag.from_sequence(plan_paths[:4], npartitions=2)
    results = contactplan.dask.analyze_bag(bag, options=options, output="message").compute()
    assert [r.recommendations.horizon_days for r in results] == [90] * 4
    assert results == [engine.analyze(path, options=options) for path in plan_paths[:4]]


def test_a_bad_plan_becomes_an_error_record(client, plan_paths, tmp_path):
    import dask.bag
    import contactplan
    import contactplan.dask
    broken = tmp_path / "broken.json"
    broken.write_text('{"persons": [')
    plans = [plan_paths[0], str(broken), {"relationships": [{"teamMemberId": "nobody"}]},
             plan_paths[1]]
    recorded = contactplan.dask.analyze_bag(dask.bag.from_sequence(plans, npartitions=2),
                                            errors="record").compute()
    assert isinstance(recorded[0], bytes) and isinstance(recorded[3], bytes)
    assert recorded[1]["error"] == "ParseError" and recorded[1]["plan"] == str(broken)
    assert "line 1" in recorded[1]["message"]
    assert recorded[2]["error"] == "InvalidPlanError" and recorded[2]["plan"] is None
    # Without "record", the first bad plan to fail (partitions run in parallel) fails the job.
    with pytest.raises((contactplan.ParseError, contactplan.InvalidPlanError)):
        contactplan.dask.analyze_bag(dask.bag.from_sequence(plans, npartitions=2)).compute()


def test_portfolio_on_the_cluster_is_the_local_portfolio(client, plan_paths, engine, tmp_path):
    import contactplan.dask
    paths = plan_paths[:12] + [str(tmp_path / "missing.json")]
    remote = contactplan.dask.portfolio(paths, client=client, partition_size=4)
    assert remote == engine.portfolio(paths)
    assert remote.plans_given == 13 and len(remote.accounts) == 12
    assert [p.plan_index for p in remote.problems] == [12]


def test_bad_arguments_fail_before_anything_is_sent():
    import dask.bag
    import contactplan
    import contactplan.dask
    bag = dask.bag.from_sequence([], npartitions=1)
    with pytest.raises(ValueError):
        contactplan.dask.analyze_bag(bag, output="pickle")
    with pytest.raises(ValueError):
        contactplan.dask.analyze_bag(bag, errors="ignore")
    with pytest.raises(contactplan.InvalidOptionsError):
        contactplan.dask.analyze_bag(bag, engine_options={"limits": {"maxPersons": -1}})
