"""The package as `pip install lgkg` gives it: a wheel, installed away from the repository, builds
a graph (the ontology, shapes and templates come from the package) and lists the named queries."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                         capture_output=True, text=True, timeout=600)
    if res.returncode:
        pytest.skip(f"cannot build the wheel here: {res.stderr.strip()[-300:]}")
    [whl] = out.glob("lgkg-*.whl")
    return whl


def test_the_wheel_holds_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kg/data/ontology/lgkg.ttl", "kg/data/ontology/shapes.ttl", "kg/export/templates/viewer.html"} <= names
    assert {f"kg/data/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")} <= names
    packages = {str(p.parent.relative_to(ROOT)) for p in (ROOT / "kg").rglob("__init__.py")}
    assert {f"{p}/__init__.py" for p in packages} <= names  # every subpackage, none forgotten


def test_the_installed_wheel_builds_and_lists_queries_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # the wheel's kg first, this environment's dependencies after it; never the checkout
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), sysconfig.get_paths()["purelib"],
                                                        sysconfig.get_paths()["platlib"]])}
    work = tmp_path / "elsewhere"
    work.mkdir()
    code = "import sys, kg; assert kg.__file__.startswith(sys.argv[1]), kg.__file__; from kg.cli import app; app()"

    def kg(*args):
        return subprocess.run([sys.executable, "-c", code.replace("sys.argv[1]", repr(str(target))),
                               *args], cwd=work, env=env, capture_output=True, text=True, timeout=600)

    res = kg("build", str(SEEDS), "--out", "out", "--no-cache", "-q")
    assert res.returncode == 0, res.stderr
    assert (work / "out" / "graph.ttl").stat().st_size > 100_000 and (work / "out" / "graph.html").is_file()
    res = kg("query", "--list")
    assert res.returncode == 0, res.stderr
    listed = {ln.split()[0] for ln in res.stdout.splitlines() if ln.strip()}
    assert listed >= {p.stem for p in (ROOT / "queries").glob("*.rq")}
