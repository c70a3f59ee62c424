"""PEP 517 build backend of this repository, for pre-commit's `language: python` hook.

pre-commit installs a python hook by running `pip install .` in a clone of the hook
repository, so this repository must build as a Python project, without Go, a C
compiler or anything from a package index. It builds one small wheel,
alembic-patterns-pre-commit, which holds no code: its only requirement is the
alembic-patterns wheel of this very version (the prebuilt program, from the index),
which puts `alembic-patterns` on the hook environment's PATH (see the hook
alembic-patterns-wheel in .pre-commit-hooks.yaml). The version is that of
.claude-plugin/plugin.json.

pyproject.toml names this module with `backend-path`, and `requires = []`: pip
needs nothing else to build it.
"""

import os
import shutil
import tempfile
import zipfile

import wheelfile

DIST = "alembic_patterns_pre_commit"


def _metadata():
    version = wheelfile.plugin_version()
    return version, "\n".join([
        "Metadata-Version: 2.4",
        "Name: alembic-patterns-pre-commit",
        "Version: " + version,
        "Summary: Installs alembic-patterns %s for the pre-commit hook alembic-patterns-wheel" % version,
        "Author: alembic-patterns contributors",
        "License-Expression: MIT",
        "License-File: LICENSE",
        "Project-URL: Homepage, https://github.com/alembic-patterns/alembic-patterns",
        "Requires-Python: >=3.8",
        "Requires-Dist: alembic-patterns==" + version,
        "",
    ])


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version, metadata = _metadata()
    path = wheelfile.write_wheel(wheel_directory, DIST, version, ["py3-none-any"], metadata, [], [])
    return os.path.basename(path)


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    # The .dist-info directory of the wheel, unpacked.
    tmp = tempfile.mkdtemp()
    try:
        wheel = os.path.join(tmp, build_wheel(tmp))
        with zipfile.ZipFile(wheel) as z:
            names = [n for n in z.namelist() if n.split("/")[0].endswith(".dist-info")]
            z.extractall(metadata_directory, members=names)
        return names[0].split("/")[0]
    finally:
        shutil.rmtree(tmp)
