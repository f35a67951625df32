"""Loading: the protobuf modules and the library in either order, the CONTACTPLAN_LIBRARY override,
the version check. Each case runs in a fresh interpreter, since a process loads the library once."""

import os
import subprocess
import sys
import textwrap

import contactplan


def run(*pieces, args=(), **env):
    """Runs the code pieces (each dedented on its own) in a fresh interpreter with `args` as
    sys.argv[1:]."""
    code = "\n".join(textwrap.dedent(piece) for piece in pieces)
    environment = dict(os.environ)
    environment.pop("CONTACTPLAN_LIBRARY", None)
    environment.update(env)
    return subprocess.run([sys.executable, "-c", code, *args], env=environment,
                          capture_output=True, text=True, timeout=120)


def package_library():
    return os.path.join(os.path.dirname(contactplan.__file__), "libcontactplan.so.1")


# Analyses the grid named by sys.argv[1] and prints its figure and the descriptor's file.
ANALYZE_GRID = """
    import sys
    import contactplan
    analysis = contactplan.Engine().analyze(sys.argv[1])
    assert isinstance(analysis, contactplan.Analysis)
    print(analysis.web.figure, analysis.DESCRIPTOR.file.name)
"""


def test_protobuf_modules_first_then_library(data):
    result = run("""
        from google.protobuf import descriptor_pool
        from contactplan.v1 import plan_pb2, analysis_pb2, options_pb2
        plan = plan_pb2.Plan(persons=[plan_pb2.Person(id="p1")])
        assert descriptor_pool.Default().FindMessageTypeByName("contactplan.v1.Plan")
        from contactplan import _native
        assert _native._library is None  # not loaded by the imports
    """, ANALYZE_GRID, args=[str(data / "grid.csv")])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1x2", "contactplan/v1/analysis.proto"]


def test_library_first_then_protobuf_modules(data):
    result = run("""
        import ctypes
        ctypes.CDLL(%r)  # the C++ runtime registers contactplan.v1 before Python sees it
        from google.protobuf import descriptor_pool
        from contactplan.v1 import plan_pb2
        assert plan_pb2.Plan.DESCRIPTOR.fields_by_name["persons"].number == 5
    """ % package_library(), ANALYZE_GRID, args=[str(data / "grid.csv")])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1x2", "contactplan/v1/analysis.proto"]


def test_library_override(data, tmp_path):
    target = os.path.realpath(package_library())
    result = run("""
        import contactplan
        print(contactplan.library_path())
        print(contactplan.Engine().analyze(%r).web.figure)
    """ % str(data / "grid.csv"), CONTACTPLAN_LIBRARY=target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [target, "1x2"]

    missing = str(tmp_path / "libcontactplan.so.1")
    result = run("""
        import contactplan
        try:
            contactplan.Engine()
        except contactplan.LibraryError as error:
            assert isinstance(error, OSError)
            print(error)
    """, CONTACTPLAN_LIBRARY=missing)
    assert result.returncode == 0, result.stderr
    assert missing in result.stdout and "CONTACTPLAN_LIBRARY" in result.stdout


def test_incompatible_library_is_refused():
    result = run("""
        from contactplan import _version
        _version.ABI_MINOR += 1  # as if the package were built against a newer header
        import contactplan
        try:
            contactplan.Engine()
        except contactplan.LibraryError as error:
            print(error)
    """)
    assert result.returncode == 0, result.stderr
    assert "cannot serve this contactplan package" in result.stdout


def test_import_does_not_load_the_library():
    result = run("""
        import sys, contactplan
        from contactplan import _native
        print(_native._library is None)
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
