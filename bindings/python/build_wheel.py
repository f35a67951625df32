"""Builds the contactplan wheel from the assembled package, offline.

    build_wheel.py --package DIR --library FILE --project DIR --out DIR

Stages pyproject.toml, setup.py and README.md (from --project) with the package directory
(--package: build/python/contactplan, whose *.py, *.pyi, py.typed and v1/*_pb2.py are taken) and the
shared library copied in as a real file (--library; in build/python it is a symlink into build/lib),
then runs `pip wheel --no-build-isolation --no-deps --no-index` with this interpreter, which must
see setuptools and wheel (Debian: python3-setuptools, python3-wheel). Older contactplan wheels in
--out are removed first, so build/dist holds exactly one. Exit status non-zero on any failure.
"""

import argparse
import fnmatch
import glob
import os
import shutil
import subprocess
import sys
import tempfile

_PACKAGE_FILES = ("*.py", "*.pyi", "py.typed")


def _stage_package(package, library, stage):
    for root, dirs, files in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        relative = os.path.relpath(root, package)
        target = os.path.join(stage, "contactplan", relative)
        os.makedirs(target, exist_ok=True)
        for name in files:
            if any(fnmatch.fnmatch(name, pattern) for pattern in _PACKAGE_FILES):
                shutil.copyfile(os.path.join(root, name), os.path.join(target, name))
    shutil.copyfile(library, os.path.join(stage, "contactplan", os.path.basename(library)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", required=True)
    parser.add_argument("--library", required=True, help="libcontactplan.so.1 (its SONAME)")
    parser.add_argument("--project", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "contactplan-*.whl")):
        os.remove(old)
    with tempfile.TemporaryDirectory(prefix="contactplan-wheel-") as stage:
        for name in ("pyproject.toml", "setup.py", "README.md"):
            shutil.copyfile(os.path.join(args.project, name), os.path.join(stage, name))
        _stage_package(args.package, args.library, stage)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
             "--no-index", "--disable-pip-version-check", "--quiet", "--wheel-dir", args.out,
             stage],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, PIP_NO_CACHE_DIR="1", PYTHONDONTWRITEBYTECODE="1"))
        if result.returncode != 0:
            sys.stderr.write(result.stdout)
            sys.stderr.write("build_wheel.py: pip wheel failed (exit %d)\n" % result.returncode)
            return 1
    built = glob.glob(os.path.join(args.out, "contactplan-*.whl"))
    if len(built) != 1:
        sys.stderr.write("build_wheel.py: expected one wheel in %s, found %r\n" % (args.out, built))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
