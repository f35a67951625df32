"""Engine.close() while other threads are inside a call: the calls finish, later ones raise, and
the library's engine is destroyed only once the last call has returned (never under a running one,
which would be a use-after-free in the library)."""

import threading

import pytest

import contactplan


class _Recorder:
    """Stands in for the loaded library: passes every call through, holds cplan_analyze until told
    to go on, and notes whether the engine was destroyed while an analysis was still running."""

    def __init__(self, library):
        self._library = library
        self.analyzing = threading.Event()
        self.go_on = threading.Event()
        self.running = 0
        self.destroyed_while_running = None

    def __getattr__(self, name):
        return getattr(self._library, name)

    def cplan_analyze(self, *args):
        self.running += 1
        self.analyzing.set()
        self.go_on.wait(30)
        try:
            return self._library.cplan_analyze(*args)
        finally:
            self.running -= 1

    def cplan_engine_destroy(self, handle):
        self.destroyed_while_running = self.running > 0
        self._library.cplan_engine_destroy(handle)


def test_close_waits_for_the_call_in_flight(data):
    engine = contactplan.Engine()
    recorder = _Recorder(engine._lib)
    engine._lib = recorder
    results = []
    worker = threading.Thread(target=lambda: results.append(engine.analyze(data / "grid.csv")))
    worker.start()
    assert recorder.analyzing.wait(30)

    engine.close()  # returns at once; the analysis is still inside the library
    assert recorder.destroyed_while_running is None
    with pytest.raises(contactplan.InvalidArgumentError, match="Engine is closed"):
        engine.validate(data / "grid.csv")

    recorder.go_on.set()
    worker.join(30)
    assert results and results[0].web.figure == "1x2"  # the call in flight completed normally
    assert recorder.destroyed_while_running is False  # destroyed, and only after it returned
    engine.close()  # twice is fine


def test_close_during_analyze_many_lets_the_batch_finish(data):
    engine = contactplan.Engine()
    recorder = _Recorder(engine._lib)
    engine._lib = recorder
    results = []
    worker = threading.Thread(
        target=lambda: results.append(engine.analyze_many([data / "grid.csv"] * 3, workers=2)))
    worker.start()
    assert recorder.analyzing.wait(30)
    engine.close()
    recorder.go_on.set()
    worker.join(30)
    assert [analysis.web.figure for analysis in results[0]] == ["1x2"] * 3
    assert recorder.destroyed_while_running is False


def test_closing_under_many_real_threads(data, plan):
    """No stand-in: threads analyse in a loop while the engine is closed under them. Each call
    either completes or raises the closed error; under ASan (make test-asan) any use of the
    destroyed engine fails the test."""
    engine = contactplan.Engine()
    started = threading.Barrier(5)
    outcomes = []

    def analyse_until_closed():
        started.wait()
        completed = 0
        while True:
            try:
                assert engine.analyze(plan).web.figure
                completed += 1
            except contactplan.InvalidArgumentError as error:
                assert "Engine is closed" in str(error)
                outcomes.append(completed)
                return

    threads = [threading.Thread(target=analyse_until_closed) for _ in range(4)]
    for thread in threads:
        thread.start()
    started.wait()
    engine.analyze(plan)  # let the others get going
    engine.close()
    for thread in threads:
        thread.join(60)
    assert len(outcomes) == 4
