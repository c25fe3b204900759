"""Shared fixtures: the seeds' build, made once per test session, and the extraction pipeline."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"

# the commands the tests run keep their caches and query stores in a folder of this session's,
# never in the user's (a test that is about the default location sets the variables itself)
if "LGKG_CACHE_DIR" not in os.environ:
    _SESSION_CACHE = tempfile.mkdtemp(prefix="lgkg-test-cache-")
    os.environ["LGKG_CACHE_DIR"] = _SESSION_CACHE
else:
    _SESSION_CACHE = None


def pytest_sessionfinish(session, exitstatus):
    """The session's own cache folder goes with it (a folder the caller set is theirs)."""
    if _SESSION_CACHE is not None:
        shutil.rmtree(_SESSION_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """kg build on seeds/ into a temporary folder; returns the BuildResult."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds_build")
    return build([SEEDS], out)


@pytest.fixture()
def corpus(tmp_path):
    """The three smallest seeds: two in the input folder, the third kept aside as the new report."""
    src = tmp_path / "in"
    src.mkdir()
    small = sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]
    for p in small[:2]:
        shutil.copy(p, src / p.name)
    return src, small[2]


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    from rdflib import Graph

    g = Graph()
    g.parse(seeds_build.outputs[0], format="turtle")
    return g


@pytest.fixture(scope="module")
def nlp(request):
    """The extraction pipeline, made once per test module; a module that sets ``NLP_EXCLUDE``
    (e.g. ``["lg_relations"]``) gets it without those components."""
    from kg.nlp import make_pipeline

    return make_pipeline(exclude=getattr(request.module, "NLP_EXCLUDE", ()))
