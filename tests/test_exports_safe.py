"""Exports are never lost: nothing to read is refused with the previous exports untouched; a
build's files are committed together (even when killed between renames) and stale files of an
earlier build go; killing `kg build --jobs 2` kills its workers; a full disk or a loop of
symlinks is one line."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import MANIFEST, build
from kg.cli import app

from .conftest import ROOT, SEEDS

REPORT = ("柯城区司法局2023年法治政府建设年度报告\n\n"
          "2023年，柯城区司法局创新推出“三事分流”工作法，全面推行“红色调解员”机制。\n"
          "区司法局制定《柯城区行政规范性文件管理办法》。\n")


def kg(*args: str):
    res = CliRunner().invoke(app, ["build", *args, "--no-cache", "-q"])
    return res.exit_code, res.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def previous(tmp_path):
    """A folder with one report and the exports of a build of it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    code, err = kg(str(src), "--out", str(out))
    assert code == 0, err
    return src, out, _snapshot(out)


# ----------------------------------------------------------------- nothing to read

@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("contents", [{}, {"empty.txt": b"", "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00"},
                                      {"notes.md": "柯城区".encode(), "scan.pdf": b"%PDF-1.4\n"}])
def test_nothing_readable_is_refused_and_the_exports_kept(previous, tmp_path, contents, strict):
    _, out, before = previous
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, data in contents.items():
        (bad / name).write_bytes(data)
    code, err = kg(str(bad), "--out", str(out), *(["--strict"] if strict else []))
    assert code == 1, err
    [line] = [ln for ln in err.splitlines() if ln.startswith("kg: ")]
    assert line.startswith(f"kg: {bad}: no readable report (") and "previous exports are unchanged" in line
    assert _snapshot(out) == before


def test_the_library_refuses_it_too(tmp_path):
    from kg.build import NothingToBuild

    (tmp_path / "in").mkdir()
    with pytest.raises(NothingToBuild):
        build([tmp_path / "in"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------- one commit per build

def _manifest_matches(out: Path) -> dict:
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for name, digest in m["files"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return m


def test_the_manifest_names_the_build_and_stale_exports_go(previous, tmp_path):
    src, out, _ = previous
    code, err = kg(str(src), "--out", str(out), "-f", "nt,jsonld")
    assert code == 0, err
    assert set(_manifest_matches(out)["files"]) == {"graph.ttl", "graph.html", "graph.nt", "graph.jsonld"}
    # a later build without those formats removes them: they would describe another graph
    (src / "r2.txt").write_text(REPORT.replace("柯城区", "衢江区"), encoding="utf-8")
    code, err = kg(str(src), "--out", str(out))
    assert code == 0, err
    assert not (out / "graph.nt").exists() and not (out / "graph.jsonld").exists()
    assert set(_manifest_matches(out)["files"]) == {"graph.ttl", "graph.html"}
    # a stray export that no manifest names (an older lgkg wrote it) is stale as well
    (out / "graph.trig").write_text("old", encoding="utf-8")
    (out / "notes.txt").write_text("the user's", encoding="utf-8")
    code, err = kg(str(src), "--out", str(out))
    assert code == 0, err
    assert not (out / "graph.trig").exists() and (out / "notes.txt").read_text(encoding="utf-8") == "the user's"


def test_texts_of_an_earlier_build_go_with_it(tmp_path):
    from .test_inputs import pdf_bytes

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(pdf_bytes())
    build([src], tmp_path / "out", html=False, validate="off")
    assert (tmp_path / "out" / "texts" / "a.txt").is_file()
    (src / "a.pdf").unlink()
    (src / "b.txt").write_text(REPORT, encoding="utf-8")
    build([src], tmp_path / "out", html=False, validate="off")
    assert not (tmp_path / "out" / "texts" / "a.txt").exists()


KILL_BETWEEN_RENAMES = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import kg.export.atomic as atomic
    real, calls = os.replace, []
    def replace(src, dst):
        real(src, dst)
        if str(dst).endswith(("graph.ttl", "graph.html")):  # not the journal, nor a cached part
            calls.append(dst)
            os.kill(os.getpid(), signal.SIGKILL)   # the first export is in place, the rest is not
    atomic.os.replace = replace
    from kg.build import build
    build([Path(sys.argv[1])], Path(sys.argv[2]), validate="off")
""")


def test_a_build_killed_between_renames_is_finished_by_the_next(previous, tmp_path):
    src, out, before = previous
    (src / "r2.txt").write_text(REPORT.replace("柯城区", "衢江区"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(src), str(out)],
                          cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    half = _snapshot(out)
    changed = {n for n in ("graph.ttl", "graph.html") if half.get(n) != before.get(n)}
    assert len(changed) == 1  # the kill left the pair out of step: one new, one old
    # the next build in that folder finishes the commit before anything else, even one that fails
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "x.txt").write_bytes(b"")
    code, err = kg(str(empty), "--out", str(out))
    assert code == 1
    m = _manifest_matches(out)  # both files of the killed build, as its manifest names them
    assert set(m["files"]) == {"graph.ttl", "graph.html"}
    assert "衢江区" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp") or p.name == ".kg-commit.json"]


# ----------------------------------------------------------------- workers die with the build

def _children(pid: int) -> set[int]:
    kids = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.add(int(d.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_parallel_build_kills_its_workers(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(8):  # enough text that the workers are still busy when the build is killed
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, src / f"{i}_{f.name}")
    kg_bin = Path(sys.executable).with_name("kg")
    proc = subprocess.Popen([str(kg_bin), "build", str(src), "--out", str(tmp_path / "out"), "--jobs", "2",
                             "--no-cache", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers = _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(0.5)
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived the killed build"
    finally:
        for w in workers:  # the test's own processes, should the check fail
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# ----------------------------------------------------------------- one-line errors

def test_a_full_disk_is_one_line_and_keeps_the_exports(previous, monkeypatch):
    import kg.export.atomic as atomic

    src, out, before = previous
    (src / "r2.txt").write_text(REPORT.replace("柯城区", "衢江区"), encoding="utf-8")
    real = atomic.os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.fh, name)

    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: Full(real(*a, **k)))
    code, err = kg(str(src), "--out", str(out))
    assert code == 1, err
    [line] = [ln for ln in err.splitlines() if ln.strip()]
    assert line.startswith(f"kg: {out}") and "No space left on device" in line
    monkeypatch.undo()
    assert _snapshot(out) == before


def test_a_loop_of_symlinks_is_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(REPORT, encoding="utf-8")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    code, err = kg(str(src), "--out", str(tmp_path / "out"), "--strict")
    assert code == 1
    assert f"skipped {src / 'loop.txt'}: Too many levels of symbolic links" in err.splitlines()
    code, err = kg(str(src / "loop.txt"), "--out", str(tmp_path / "out2"))
    assert code == 1
    [line] = [ln for ln in err.splitlines() if ln.startswith("kg: ")]
    assert "no readable report (1 file skipped)" in line
    loop_out = tmp_path / "loop_out"
    loop_out.symlink_to(loop_out)
    code, err = kg(str(src), "--out", str(loop_out))
    assert code == 2
    [line] = [ln for ln in err.splitlines() if ln.startswith("kg: ")]
    assert line == f"kg: {loop_out}: cannot create output folder (Too many levels of symbolic links)"
