"""kg build --engine dask: extraction on a Dask cluster gives the same bytes as the local engine."""
from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from .conftest import SEEDS  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as c:
        yield c


def test_dask_engine_writes_the_same_bytes_as_jobs_1(seeds_build, cluster, tmp_path):
    from kg.build import build

    res = build([SEEDS], tmp_path, html=False, engine="dask", scheduler=cluster.scheduler_address)
    assert res.outputs[0].read_bytes() == Path(seeds_build.outputs[0]).read_bytes()
    assert res.kb == seeds_build.kb


def test_dask_engine_through_the_cli_with_the_cache(cluster, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("聊城市司法局2023年工作总结\n冠县司法局推进“有事来聊”品牌建设。\n", encoding="utf-8")
    (src / "b.txt").write_text("东昌府区司法局实施《聊城市居住证实施办法》。\n", encoding="utf-8")
    runner = CliRunner()
    args = ["build", str(src), "--no-html", "-q", "--engine", "dask", "--scheduler", cluster.scheduler_address,
            "--cache-dir", str(tmp_path / "cache")]
    for out in ("o1", "o2"):  # the second run takes everything from the cache
        r = runner.invoke(app, [*args, "--out", str(tmp_path / out)])
        assert r.exit_code == 0, r.output
    local = runner.invoke(app, ["build", str(src), "--no-html", "-q", "--no-cache", "--out", str(tmp_path / "o3")])
    assert local.exit_code == 0, local.output
    ttl = {(tmp_path / o / "graph.ttl").read_bytes() for o in ("o1", "o2", "o3")}
    assert len(ttl) == 1


def test_workers_with_another_extractor_are_refused(cluster, monkeypatch):
    from kg import engine_dask
    from kg.model import SourceDocument

    monkeypatch.setattr(engine_dask, "current_fingerprint", lambda: "not-the-workers")
    doc = SourceDocument("a", "a.txt", "聊城市司法局", "utf-8", "0")
    with pytest.raises(engine_dask.EngineError, match="different lgkg"):
        engine_dask.extract_dask([doc], scheduler=cluster.scheduler_address)


def test_an_unreachable_scheduler_is_a_one_line_error():
    from kg import engine_dask

    with pytest.raises(engine_dask.EngineError, match="cannot reach"):
        with engine_dask.dask_client("tcp://127.0.0.1:9", timeout=1):
            pass


def test_local_cluster_without_a_scheduler(tmp_path):
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("冠县司法局推进“有事来聊”品牌建设。\n", encoding="utf-8")
    (src / "b.txt").write_text("东昌府区司法局实施《聊城市居住证实施办法》。\n", encoding="utf-8")
    a = build([src], tmp_path / "o1", html=False, engine="dask", jobs=2)
    b = build([src], tmp_path / "o2", html=False)
    assert a.outputs[0].read_bytes() == b.outputs[0].read_bytes()
