"""The wheel carries libcontactplan.so.1, a native library: marking the distribution as having
extension modules gives the wheel a platform tag (linux_x86_64), so pip never installs it on a
machine it cannot run on. Everything else is in pyproject.toml."""

from setuptools import setup
from setuptools.dist import Distribution


class NativeDistribution(Distribution):
    def has_ext_modules(self):
        return True


setup(distclass=NativeDistribution)
