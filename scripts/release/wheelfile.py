#!/usr/bin/env python3
"""Build the alembic-patterns wheel for one platform around a prebuilt binary.

    wheelfile.py --binary FILE --platform linux-amd64 [--libc gnu|musl] --out DIR

A wheel is a zip file (PEP 427): the package, and a .dist-info directory with
METADATA (core metadata 2.4), WHEEL (the tags), entry_points.txt, the license,
and RECORD (every file's SHA-256 and size). No build backend and no package
index are needed to write one, so the release workflow builds all six wheels on
one machine from the binaries that the native runners built.

The wheel holds
    alembic_patterns/__init__.py    binary(): the path of the bundled program
    alembic_patterns/__main__.py    `python -m alembic_patterns ...` runs it
    alembic_patterns/bin/alembic-patterns   the program (mode 755)
and the console script `alembic-patterns` (an entry point, so every installer -
pip, uv/uvx, pipx, pre-commit - puts it on PATH), which replaces itself with the
program (os.execv): stdin, stdout, exit codes and signals are the program's own.

The version is "version" of .claude-plugin/plugin.json (the one version of the
plugin, the program and the wheels). The output is reproducible: fixed
timestamps (SOURCE_DATE_EPOCH, else 1980-01-01), fixed order and modes. The
wheel's path is printed on stdout.

write_wheel() also writes the wheel that pre-commit builds from this repository
(precommit_backend.py).
"""

import argparse
import base64
import hashlib
import json
import os
import re
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The binaries are static on Linux (no glibc or musl version needed: the lowest
# manylinux tag that pip >= 19.3 knows, with its legacy alias for older pips),
# and need macOS 12 (Go's minimum, MACOSX_DEPLOYMENT_TARGET of build.sh).
PLATFORM_TAGS = {
    ("linux-amd64", "gnu"): ["manylinux_2_17_x86_64", "manylinux2014_x86_64"],
    ("linux-arm64", "gnu"): ["manylinux_2_17_aarch64", "manylinux2014_aarch64"],
    ("linux-amd64", "musl"): ["musllinux_1_1_x86_64"],
    ("linux-arm64", "musl"): ["musllinux_1_1_aarch64"],
    ("darwin-amd64", "gnu"): ["macosx_12_0_x86_64"],
    ("darwin-arm64", "gnu"): ["macosx_12_0_arm64"],
}

NAME = "alembic-patterns"
PACKAGE = "alembic_patterns"

INIT = '''"""alembic-patterns: find the Alembic migration mistakes that fail on a real database."""

import os

__version__ = "{version}"


def binary():
    """The path of the alembic-patterns program bundled in this package."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "alembic-patterns")
'''

MAIN = '''"""Run the bundled alembic-patterns program with this process's arguments."""

import os
import sys

from alembic_patterns import binary


def main():
    exe = binary()
    try:
        os.execv(exe, [exe] + sys.argv[1:])
    except OSError as err:
        sys.stderr.write("alembic-patterns: cannot run %s: %s\\n" % (exe, err))
        return 2


if __name__ == "__main__":
    sys.exit(main())
'''

DESCRIPTION = """# alembic-patterns

Alembic's autogenerate writes migrations that look right and then fail on a real
PostgreSQL: enum types never dropped in `downgrade()`, enum columns added before
their type exists, `NOT NULL` set on columns full of NULLs, tables dropped
parent-first, unnamed constraints, `CONCURRENTLY` inside a transaction, renames done
as drop + add. **alembic-patterns** finds these statically (no database, never
importing your code), explains each one with the error PostgreSQL would print, and
repairs what can be repaired safely.

This wheel carries the `alembic-patterns` program for your platform; nothing is
compiled on install.

```sh
pip install alembic-patterns          # or: uvx alembic-patterns check / pipx run alembic-patterns check
alembic-patterns check                # exit 1 when it finds errors
alembic-patterns fix                  # apply the safe fixes
```

pre-commit, with no Go or C compiler needed:

```yaml
- repo: https://github.com/alembic-patterns/alembic-patterns
  rev: v{version}
  hooks:
    - id: alembic-patterns-wheel
```

It is also a Claude Code plugin (`/migrate:create`, `/migrate:check`) and a GitHub
Action: see the project page. License: MIT.
"""


def record_hash(data):
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def plugin_version():
    with open(os.path.join(ROOT, ".claude-plugin", "plugin.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit("wheelfile.py: plugin.json version %r is not X.Y.Z" % version)
    return version


def build(binary, platform, libc, out):
    key = (platform, libc if platform.startswith("linux-") else "gnu")
    if key not in PLATFORM_TAGS:
        sys.exit("wheelfile.py: no wheel tag for %s with libc %s" % key)
    plats = PLATFORM_TAGS[key]
    version = plugin_version()
    with open(binary, "rb") as f:
        program = f.read()

    metadata = "\n".join([
        "Metadata-Version: 2.4",
        "Name: " + NAME,
        "Version: " + version,
        "Summary: Find the Alembic migration mistakes that fail on a real database, explain them, fix them",
        "Author: alembic-patterns contributors",
        "License-Expression: MIT",
        "License-File: LICENSE",
        "Project-URL: Homepage, https://github.com/alembic-patterns/alembic-patterns",
        "Project-URL: Issues, https://github.com/alembic-patterns/alembic-patterns/issues",
        "Keywords: alembic,sqlalchemy,postgresql,migrations,linter",
        "Classifier: Development Status :: 4 - Beta",
        "Classifier: Environment :: Console",
        "Classifier: Intended Audience :: Developers",
        "Classifier: Topic :: Database",
        "Classifier: Topic :: Software Development :: Quality Assurance",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
        "",
        DESCRIPTION.format(version=version),
    ])
    files = [
        (PACKAGE + "/__init__.py", INIT.format(version=version).encode(), 0o644),
        (PACKAGE + "/__main__.py", MAIN.encode(), 0o644),
        (PACKAGE + "/bin/alembic-patterns", program, 0o755),
    ]
    entry_points = "[console_scripts]\nalembic-patterns = alembic_patterns.__main__:main\n"
    tags = ["py3-none-" + p for p in plats]
    return write_wheel(out, PACKAGE, version, tags, metadata, files, [("entry_points.txt", entry_points.encode())])


def write_wheel(out, dist, version, tags, metadata, files, dist_info_files):
    """Write the wheel <dist>-<version>-<tags>.whl into out and return its path.

    files are the package's (path, bytes, mode); dist_info_files are (name,
    bytes) for the .dist-info directory, beside METADATA, WHEEL, the LICENSE
    (licenses/LICENSE) and RECORD. tags are full tags sharing one python-abi
    part (py3-none-any, or py3-none-<platform>...).
    """
    dist_info = "%s-%s.dist-info" % (dist, version)
    python_abi = {t.rsplit("-", 1)[0] for t in tags}
    assert len(python_abi) == 1, tags
    filename = "%s-%s-%s-%s.whl" % (dist, version, python_abi.pop(), ".".join(t.rsplit("-", 1)[1] for t in tags))
    wheel = "".join(
        ["Wheel-Version: 1.0\n", "Generator: alembic-patterns scripts/release/wheelfile.py\n",
         "Root-Is-Purelib: %s\n" % ("true" if tags == ["py3-none-any"] else "false")]
        + ["Tag: %s\n" % t for t in tags]
    )
    with open(os.path.join(ROOT, "LICENSE"), "rb") as f:
        license_text = f.read()
    files = list(files) + [
        (dist_info + "/METADATA", metadata.encode(), 0o644),
        (dist_info + "/WHEEL", wheel.encode(), 0o644),
    ] + [(dist_info + "/" + name, data, 0o644) for name, data in dist_info_files] + [
        (dist_info + "/licenses/LICENSE", license_text, 0o644),
    ]
    record = "".join("%s,%s,%d\n" % (p, record_hash(d), len(d)) for p, d, _ in files)
    record += dist_info + "/RECORD,,\n"
    files.append((dist_info + "/RECORD", record.encode(), 0o644))

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, filename)
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = (0o100000 | mode) << 16
            info.create_system = 3  # unix, so installers honour the mode
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(tmp, path)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the alembic-patterns program for the platform")
    ap.add_argument("--platform", required=True, choices=sorted({k[0] for k in PLATFORM_TAGS}))
    ap.add_argument("--libc", default="gnu", choices=["gnu", "musl"], help="Linux only: manylinux (gnu) or musllinux")
    ap.add_argument("--out", required=True, help="directory to write the wheel into")
    args = ap.parse_args()
    print(build(args.binary, args.platform, args.libc, args.out))


if __name__ == "__main__":
    main()
