"""Installs the built wheel into a fresh virtual environment and uses it as a user would.

    check_wheel_install.py WHEEL_DIR PLAN

The venv is made with --system-site-packages (Debian's python3-protobuf serves the dependency) and
the wheel installed with `pip install --no-index`, so nothing reaches a network. The package is then
imported and a plan analysed from outside the source and build trees, without PYTHONPATH or
CONTACTPLAN_LIBRARY: the import, the generated modules and the shared library must all come from
the venv. Exit status 0 when everything holds; otherwise what failed is printed.
"""

import glob
import os
import subprocess
import sys
import tempfile

_PROBE = r"""
import json, os, sys
import contactplan
from contactplan.v1 import portfolio_pb2
engine = contactplan.Engine()
analysis = engine.analyze(sys.argv[1])
here = os.path.dirname(contactplan.__file__)
print(json.dumps({
    "package": contactplan.__file__,
    "library": contactplan.library_path(),
    "version": contactplan.__version__,
    "library_version": contactplan.library_version(),
    "typed": os.path.exists(os.path.join(here, "py.typed")),
    "figure": analysis.web.figure,
    "findings": len(analysis.findings),
}))
"""


def main():
    wheel_dir, plan = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    wheels = glob.glob(os.path.join(wheel_dir, "contactplan-*.whl"))
    if len(wheels) != 1:
        print("expected exactly one wheel in %s, found %r" % (wheel_dir, wheels))
        return 1
    with tempfile.TemporaryDirectory(prefix="contactplan-venv-") as work:
        venv = os.path.join(work, "venv")
        python = os.path.join(venv, "bin", "python")
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "CONTACTPLAN_LIBRARY", "PYTHONHOME")}
        env["PIP_NO_CACHE_DIR"] = "1"
        steps = [
            # pip comes from the system site packages: no bundled copy to install first.
            ["/usr/bin/python3", "-m", "venv", "--system-site-packages", "--without-pip", venv],
            [python, "-m", "pip", "install", "--no-index", "--disable-pip-version-check",
             "--quiet", wheels[0]],
        ]
        for step in steps:
            done = subprocess.run(step, cwd=work, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True)
            if done.returncode != 0:
                print("failed (exit %d): %s\n%s" % (done.returncode, " ".join(step), done.stdout))
                return 1
        probe = subprocess.run([python, "-c", _PROBE, plan], cwd=work, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if probe.returncode != 0:
            print("importing and analysing in the venv failed:\n" + probe.stderr)
            return 1
        import json
        seen = json.loads(probe.stdout)
        print(seen)
        problems = []
        for what in ("package", "library"):
            if not os.path.realpath(seen[what]).startswith(os.path.realpath(venv) + os.sep):
                problems.append("%s came from %s, not from the venv" % (what, seen[what]))
        if not seen["typed"]:
            problems.append("py.typed is missing from the installed package")
        if seen["version"] != seen["library_version"]:
            problems.append("package %s but library %s" % (seen["version"], seen["library_version"]))
        if not seen["figure"] or seen["findings"] == 0:
            problems.append("the analysis came back empty: %r" % seen)
        for problem in problems:
            print("FAIL: " + problem)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
