"""`kg build` options and paths: exit 2 with one clear line on bad ones, 1 under --strict when a
file was skipped (the good ones still built), 0 otherwise."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

GOOD = "聊城市司法局深入学习贯彻习近平法治思想，推动“有事来聊”品牌调解工作。\n"


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    return src


def kg(*args: str):
    """Run `kg` in this process (no extraction cache, no progress bar)."""
    res = CliRunner().invoke(app, ["build", *args, "--no-cache", "-q"])
    return res.exit_code, res.stdout, res.stderr


def _one_line_error(stderr: str, *parts: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.startswith("kg: ")]
    assert len(lines) == 1, stderr
    for p in parts:
        assert p in lines[0], (p, stderr)
    return lines[0]


def test_unknown_input_path_exits_2(corpus, tmp_path):
    missing = tmp_path / "no" / "such.txt"
    code, _, err = kg(str(corpus), str(missing), "--out", str(tmp_path / "out"))
    assert code == 2
    assert _one_line_error(err) == f"kg: {missing}: no such file or folder"
    assert not (tmp_path / "out").exists()  # nothing created before the paths are checked


def test_out_is_a_file_exits_2(corpus, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    code, _, err = kg(str(corpus), "--out", str(f))
    assert code == 2
    _one_line_error(err, str(f), "not a folder")
    assert f.read_text() == "x"


def test_out_under_a_file_exits_2(corpus, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    code, _, err = kg(str(corpus), "--out", str(f / "sub"))
    assert code == 2
    _one_line_error(err, str(f / "sub"), "cannot create output folder")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_out_not_writable_exits_2(corpus, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        if os.access(ro, os.W_OK):
            pytest.skip("running as root: a 0555 folder is still writable (see test_out_on_a_read_only_file_system)")
        code, _, err = kg(str(corpus), "--out", str(ro))
        assert code == 2
        _one_line_error(err, str(ro), "not writable")
    finally:
        ro.chmod(0o755)


def test_out_on_a_read_only_file_system_exits_2(corpus):
    """Root ignores permission bits; a read-only mount does not (/proc and /sys are such
    mounts in most containers)."""
    for cand in (Path("/proc/kg-out"), Path("/sys/kg-out")):
        try:
            cand.mkdir()
        except OSError:
            break
        else:  # pragma: no cover - writable after all
            cand.rmdir()
    else:  # pragma: no cover
        pytest.skip("no read-only file system to write to")
    code, _, err = kg(str(corpus), "--out", str(cand))
    assert code == 2
    _one_line_error(err, str(cand), "output folder")


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_below_one_exits_2(corpus, tmp_path, jobs):
    code, _, err = kg(str(corpus), "--out", str(tmp_path / "out"), "--jobs", jobs)
    assert code == 2
    _one_line_error(err, "--jobs", jobs)
    assert not (tmp_path / "out").exists()


def test_jobs_not_a_number_exits_2(corpus, tmp_path):
    code, _, _ = kg(str(corpus), "--out", str(tmp_path / "out"), "--jobs", "many")
    assert code == 2  # click's usage error


def test_strict_exits_1_and_still_builds_the_good_files(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    code, _, err = kg(str(corpus), "--out", str(out), "--strict")
    assert code == 1, err
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert 'dcterms:identifier "good"' in ttl
    assert "empty" not in ttl and "image" not in ttl
    skipped = [ln for ln in err.splitlines() if ln.startswith("skipped ")]
    assert sorted(skipped) == [f"skipped {corpus / 'empty.txt'}: empty file",
                               f"skipped {corpus / 'image.txt'}: binary file (PNG image), not a text report"]


def test_without_strict_skipped_files_exit_0(corpus, tmp_path):
    (corpus / "ws.txt").write_text(" \n\u3000\n", encoding="utf-8")
    code, _, err = kg(str(corpus), "--out", str(tmp_path / "out"))
    assert code == 0, err
    assert f"skipped {corpus / 'ws.txt'}: file holds only whitespace" in err


def test_strict_with_nothing_skipped_exits_0(corpus, tmp_path):
    code, _, err = kg(str(corpus), "--out", str(tmp_path / "out"), "--strict")
    assert code == 0, err


def test_skip_messages_are_one_line_and_not_markup(tmp_path):
    """File names with newlines or rich markup ([bold], [red]) print as one literal line."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "a[bold]b[red]c\n d.txt").write_bytes(b"")
    code, _, err = kg(str(src), "--out", str(tmp_path / "out"), "--strict")
    assert code == 1, err
    assert f"skipped {src}/a[bold]b[red]c\\n d.txt: empty file" in err.splitlines()


def test_the_real_command_exits_2_with_one_line(tmp_path):
    """The installed entry point (not CliRunner): exit status and stderr as a shell sees them."""
    res = subprocess.run([str(Path(sys.executable).parent / "kg"), "build", str(tmp_path / "nope"),
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip() == f"kg: {tmp_path / 'nope'}: no such file or folder"
