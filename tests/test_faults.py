"""Bad input and faults (issue 8): web boilerplate, interrupted and failing builds, hostile
strings, huge lines. Encodings and unreadable files are in test_reader.py, option errors in
test_cli_errors.py, random documents in test_hypothesis.py.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kg.boilerplate import boilerplate_spans, clean_for_extraction
from kg.parallel import fork_is_safe
from kg.export import atomic
from kg.model import (DocExtraction, DocContext, Entity, EntityKey, EntityType, Evidence, KnowledgeBase,
                      Predicate, Relation, SourceDocument)
from kg.vocab import LG

from .helpers import extraction

KG = str(Path(sys.executable).parent / "kg")
GOOD = "聊城市司法局深入学习贯彻习近平法治思想，推动“有事来聊”品牌调解工作。冠县司法局建立了三省四县跨省联调机制。\n"
OTHER = "东昌府区司法局推行“法治超市”工作机制，莘县人民法院获得全国模范法院称号。\n"

# =========================================================================== web boilerplate

#: a scraped page written for these tests: every chrome line is marked with «C», real text not
PAGE = [
    ("聊城市司法局2023年法治政府建设情况报告", False),
    ("当前位置：首页 > 政务公开 > 法治政府建设", True),
    ("您现在的位置: 首页 » 新闻中心", True),
    ("来源：聊城市人民政府 发布时间：2024-01-05 09:30 浏览次数：1234", True),
    ("信息来源：市司法局", True),
    ("【字体：大 中 小】【打印】【关闭】", True),
    ("字号：[大] [中] [小]", True),
    ("分享到：微信 微博 QQ空间", True),
    ("| 打印本页 | 关闭窗口 | 返回顶部 |", True),
    ("2023年，聊城市司法局深入推进“有事来聊”品牌调解工作，群众通过扫描二维码即可上报矛盾纠纷。", False),
    ("图片", True),
    ("【图片3】", True),
    ("IMG_20230501.jpg", True),
    ("各级各部门大中小学生法治教育覆盖率达到100%。", False),
    ("冠县司法局获评全国先进集体，相关图片资料已归档。", False),
    ("扫一扫在手机打开当前页", True),
    ("扫码使用手机浏览本页内容", True),
    ("上一篇：东昌府区司法局推行“法治超市”工作机制", True),
    ("下一篇:莘县人民法院获得全国模范法院称号", True),
    ("上一篇:", True),
    ("责任编辑：王某某", True),
    ("版权所有：聊城市司法局 鲁ICP备12345678号 鲁公网安备37150202000123号", True),
    ("主办单位：聊城市司法局  网站标识码：3715000001", True),
    ("建议使用1024×768分辨率浏览本站", True),
    ("本报告由市司法局起草，来源于各县市区上报材料。", False),
    ("三是推进“上一篇章”读书活动，打印机等办公设备统一采购。", False),
]


def _page(newline: str = "\n") -> str:
    return newline.join(line for line, _ in PAGE) + newline


def test_boilerplate_lines_are_found_by_general_rules():
    text = _page()
    spans = boilerplate_spans(text)
    pos = 0
    for line, chrome in PAGE:
        start, end = pos, pos + len(line)
        if chrome:
            assert (start, end) in spans, line
        else:
            assert not any(s < end and start < e for s, e in spans), line
        pos = end + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_cleaned_text_keeps_every_offset(newline):
    text = _page(newline)
    clean = clean_for_extraction(text)
    assert len(clean) == len(text)
    assert [i for i, c in enumerate(clean) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    for i, (a, b) in enumerate(zip(text, clean, strict=True)):
        assert b == a or b == " ", (i, a, b)  # characters are kept or blanked, never moved
    for line, chrome in PAGE:
        pos = text.index(line)
        assert clean[pos:pos + len(line)] == (" " * len(line) if chrome else line), line


def test_font_switch_glued_to_the_first_sentence():
    """The scraped seed 001: '字号:' on its own line, '大 中 小' glued to the report's first sentence."""
    text = "东昌府区司法局2023年度法治政府建设情况报告\n字号:\n大 中 小2023年,东昌府区司法局坚持以习近平新时代中国特色社会主义思想为指导。\n"
    clean = clean_for_extraction(text)
    start = text.index("2023年,")
    assert clean[start:] == text[start:]
    assert clean[:start] == text[:text.index("字号")] + "   \n" + "     "
    assert clean_for_extraction("【字号：大 中 小】正文开始。\n") == " " * len("【字号：大 中 小】") + "正文开始。\n"


def test_buttons_glued_to_the_last_sentence():
    text = "全面提升领导干部法治思维和法治能力。【打印】【关闭】\n让数字赋能法治建设。扫码使用手机浏览本页内容\n"
    clean = clean_for_extraction(text)
    assert clean == ("全面提升领导干部法治思维和法治能力。" + " " * len("【打印】【关闭】") + "\n让数字赋能法治建设。"
                     + " " * len("扫码使用手机浏览本页内容") + "\n")


def test_the_seeds_lose_only_their_chrome():
    from .conftest import SEEDS

    found = set()
    for p in SEEDS.glob("*.txt"):
        text = p.read_text(encoding="utf-8-sig")
        found |= {text[s:e].strip() for s, e in boilerplate_spans(text)}
    assert found <= {"字号:", "大 中 小", "扫码使用手机浏览本页内容", "图片", "上一篇:", "下一篇:"}, found
    assert {"字号:", "大 中 小", "扫码使用手机浏览本页内容", "图片", "上一篇:"} <= found


def test_boilerplate_removal_on_huge_and_nasty_lines():
    """A 10 MB single line, the same text in short lines, and lines built to make a regex
    backtrack: every character kept or blanked in place, the report's text kept
    (how the time grows with the size is bench/long_line_bench.py's job)."""
    unit = "2023年，聊城市司法局深入推进“有事来聊”品牌调解工作【打印】 大 中 小 "
    for sep in ("", "\n"):
        text = (unit + sep) * 160_000
        clean = clean_for_extraction(text)
        assert len(clean) == len(text)
        assert clean.count("聊城市司法局深入推进“有事来聊”品牌调解工作") == 160_000
    for nasty in (" " * 4_000_000 + "x", "【 " * 2_000_000, "大 中 小 " * 800_000 + "x", "扫码" * 2_000_000):
        clean = clean_for_extraction(nasty)
        assert len(clean) == len(nasty) and all(c == d or d == " " for c, d in zip(nasty[:1000], clean[:1000], strict=True))


def _extraction_with_a_chrome_quote() -> DocExtraction:
    text = "字号：\n大 中 小2023年，聊城市司法局推进“有事来聊”。\n"
    doc = SourceDocument("d", "d.txt", text, "utf-8", "0" * 64)
    clean = clean_for_extraction(text)
    s = text.index("大 中 小") + 2  # a sentence span that (wrongly) starts in the blanked prefix
    assert clean[s] == " " and text[s] == "中"
    e = clean.index("。") + 1
    org = EntityKey(EntityType.ORGANIZATION, "聊城市司法局")
    prog = EntityKey(EntityType.PROGRAM, "“有事来聊”")
    from kg.model import Mention, RelationMention
    m = Mention("d", text.index("聊城市"), text.index("聊城市") + 6, clean[text.index("聊城市"):][:6], org)
    rel = RelationMention(org, Predicate.IMPLEMENTS, prog, Evidence("d", clean[s:e], s, e))
    return DocExtraction(doc, DocContext(), (m,), (rel,))


def test_restore_takes_quotes_from_the_file_text():
    from kg.normalize import normalize, restore

    ex = _extraction_with_a_chrome_quote()
    ex = restore(ex, ex.document, normalize(ex.document.text))
    text = ex.document.text
    ev = ex.relations[0].evidence
    assert ev.quote == text[ev.start:ev.end]
    assert all(m.surface == text[m.start:m.end] for m in ex.mentions)


def test_boilerplate_never_becomes_mentions_or_evidence(tmp_path):
    """End to end: names that occur only in page chrome (the next article's title, the site
    owner in the footer) are not extracted; every quote still equals the file's text."""
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    page = _page()
    (src / "page.txt").write_text(page, encoding="utf-8")
    res = build([src], tmp_path / "out", html=False)
    chrome = boilerplate_spans(page)
    names = {e.key.name for e in res.kb.entities} | {a for e in res.kb.entities for a in e.alt_labels}
    for chrome_only in ("法治超市", "“法治超市”", "莘县人民法院", "全国模范法院"):
        assert chrome_only not in names, names
    for r in res.kb.relations:
        for ev in r.evidence:
            if ev.doc_id:
                assert ev.quote == page[ev.start:ev.end]
                assert not any(s <= ev.start < e for s, e in chrome), ev


# =========================================================================== atomic exports

def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".kg-"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_atomic_write_failure_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.ttl"
    atomic.write_text(target, "old")
    for exc in (RuntimeError("disk full"), KeyboardInterrupt()):
        with pytest.raises(type(exc)):
            with atomic.atomic_write(target, "w") as fh:
                fh.write("half of the new")
                raise exc
        assert target.read_text() == "old"
        assert _temps(tmp_path) == []


def test_transaction_commits_all_or_nothing(tmp_path):
    a, b = tmp_path / "graph.ttl", tmp_path / "graph.html"
    atomic.write_text(a, "old a")
    atomic.write_text(b, "old b")
    with pytest.raises(RuntimeError):
        with atomic.transaction(tmp_path):
            atomic.write_text(a, "new a")
            assert a.read_text() == "old a"  # staged, not yet visible
            raise RuntimeError("the viewer failed")
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert _temps(tmp_path) == []
    with atomic.transaction(tmp_path):
        atomic.write_text(a, "new a")
        atomic.write_text(b, "new b")
    assert (a.read_text(), b.read_text()) == ("new a", "new b")
    assert _temps(tmp_path) == []
    assert oct(a.stat().st_mode & 0o777) == oct(0o644 & ~atomic._umask())


def test_stale_temps_of_dead_writers_are_cleaned(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".graph.ttl.{dead.pid}.abc123.tmp"
    live_fresh = tmp_path / f".graph.html.{os.getpid()}.def456.tmp"  # this process: still writing
    live_old = tmp_path / ".graph.ttl.1.ghi789.tmp"  # pid 1 is alive, but the file is days old
    other = tmp_path / ".notes.tmp"  # not ours: kept
    for p in (stale, live_fresh, live_old, other):
        p.write_text("partial")
    old = time.time() - 3 * 86400
    os.utime(live_old, (old, old))
    removed = atomic.clean_stale_temps(tmp_path)
    assert sorted(p.name for p in removed) == sorted([stale.name, live_old.name])
    assert live_fresh.exists() and other.exists()


def _build(src: Path, out: Path, **kw):
    from kg.build import build

    return build([src], out, **kw)


@pytest.fixture()
def previous(tmp_path):
    """A finished build in out/ (graph.ttl + graph.html), and a changed input for the next one."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    _build(src, out)
    (src / "b.txt").write_text(OTHER, encoding="utf-8")
    return src, out, _snapshot(out)


@pytest.mark.parametrize("fault", [RuntimeError("boom"), KeyboardInterrupt(), OSError(28, "No space left on device")])
@pytest.mark.parametrize("where", ["turtle", "html"])
@pytest.mark.parametrize("jobs", [1, 2])  # with two, the page is made in a forked process
def test_a_build_failing_mid_write_leaves_previous_exports(previous, monkeypatch, fault, where, jobs):
    src, out, before = previous
    import kg.export.html as html
    import kg.export.rdf as rdf

    if isinstance(fault, OSError):  # a fresh one: the writer records the file it was writing on it
        fault = OSError(fault.errno, fault.strerror)

    if where == "turtle":
        real = rdf.kb_turtle_chunks

        def chunks(*args):
            it = real(*args)
            yield next(it)
            raise fault
        monkeypatch.setattr(rdf, "kb_turtle_chunks", chunks)
    else:
        monkeypatch.setattr(html, "page_bytes", lambda g, *_: (_ for _ in ()).throw(fault))
    from kg.build import WriteError

    # a failed write (a full disk) becomes the one-line WriteError naming the folder or file
    with pytest.raises(WriteError if isinstance(fault, OSError) else type(fault)) as ei:
        _build(src, out, jobs=jobs)
    if isinstance(fault, OSError):
        assert str(ei.value).startswith(str(out)) and "\n" not in str(ei.value)
    assert _snapshot(out) == before  # byte-identical, and no temporary file left


@pytest.mark.skipif(not fork_is_safe(), reason="processes do not fork here")
def test_with_two_jobs_the_page_is_made_beside_the_turtle(previous, monkeypatch):
    """The viewer's page is made in a process of its own while graph.ttl is written (and its
    bytes written by the build's own process, in its commit); with one job, in the build's."""
    import kg.export.html as html

    src, out, _ = previous
    monkeypatch.setattr(html, "page_bytes", lambda g, *_: str(os.getpid()).encode("ascii"))
    _build(src, out, jobs=2)
    assert (out / "graph.html").read_text() != str(os.getpid())
    assert (out / "graph.html").read_text().isdigit()
    _build(src, out, jobs=1)
    assert (out / "graph.html").read_text() == str(os.getpid())


def test_rebuilding_is_idempotent(previous):
    src, out, _ = previous
    _build(src, out)
    first = _snapshot(out)
    _build(src, out)
    assert _snapshot(out) == first
    assert sorted(first) == ["build.json", "graph.html", "graph.ttl"]


def test_sigterm_mid_write_exits_143_and_keeps_exports(previous, monkeypatch):
    """SIGTERM is handled like Ctrl-C: cleanup runs, exit 143, one line, exports unchanged."""
    from typer.testing import CliRunner

    import kg.export.rdf as rdf
    from kg.cli import app

    src, out, before = previous
    real = rdf.kb_turtle_chunks

    def chunks(*args):
        it = real(*args)
        yield next(it)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises long before this ends
        yield from it
    monkeypatch.setattr(rdf, "kb_turtle_chunks", chunks)
    previous_handler = signal.getsignal(signal.SIGTERM)
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(out), "--no-cache", "-q"])
    assert res.exit_code == 143, res.output
    assert res.stderr.strip() == "kg: terminated (SIGTERM); the previous exports are unchanged"
    assert _snapshot(out) == before
    assert signal.getsignal(signal.SIGTERM) == previous_handler  # restored


def _big_input(folder: Path, chars: int = 600_000, files: int = 10) -> None:
    from .conftest import SEEDS

    text = "".join(p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt")))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):  # extraction runs at ~0.7 M characters/s: 6 M keep it busy for seconds
        (folder / f"big{i:02d}.txt").write_text((text * (chars // len(text) + 1))[:chars], encoding="utf-8")


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux's /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _wait_for_workers(proc: subprocess.Popen, timeout: float = 90) -> None:
    """Until the build's extraction workers run: its own imports and reading are done then. (A
    fixed wait was too short on a loaded machine: a signal during the imports can be swallowed
    by a library's bare except, and the build then ended normally.)"""
    end = time.monotonic() + timeout
    while not _children(proc.pid):
        assert proc.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < end, "no extraction worker started"
        time.sleep(0.1)
    time.sleep(1)  # the workers are extracting: 6 M characters take several seconds


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the build's workers in /proc")
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGKILL, -9)])
def test_a_killed_build_process_leaves_previous_exports(previous, sig, code):
    """`kg build --jobs 2` in a subprocess, signalled while its workers extract a large input."""
    src, out, before = previous
    _big_input(src)
    proc = subprocess.Popen([KG, "build", str(src), "--out", str(out), "--no-cache", "-q", "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_workers(proc)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    if sig != signal.SIGKILL:
        assert len(err.strip().splitlines()) == 1 and err.startswith("kg: "), err
    assert _snapshot(out) == before


def test_a_temp_left_by_a_killed_writer_is_ignored_then_cleaned(previous):
    """What SIGKILL during the write leaves (a partial temporary file) never counts as an export,
    and the next build removes it."""
    src, out, before = previous
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stray = out / f".graph.ttl.{dead.pid}.x1y2z3.tmp"
    stray.write_text("@prefix lg: <https://w3id.org/lgkg/ontology#> .\nlgr:half")
    res = _build(src, out)
    assert stray.name not in _temps(out) and _temps(out) == []
    assert {p.name for p in res.outputs} == {"graph.ttl", "graph.html"}
    Graph().parse(out / "graph.ttl", format="turtle")


# =========================================================================== hostile strings

HOSTILE = [
    'say "hi"', "back\\slash", "end\\", "new\nline", "cr\rlf\r\n", "tab\there",
    "".join(map(chr, range(32))) + "\x7f", '"""', "'''", '"', "\\u0022", "\\U0001F600", "\\ud800",
    "\\n", "𠀀𠮷😀", "\u2028\u2029\ufeff\ufffe\uffff\x85", "<script>alert(1)</script>",
    "</script><script>alert(2)</script>", "<img src=x onerror=alert(3)>", "&amp;&lt;", "{{ x }}",
    "${x}", "'); DROP TABLE", "?x } . FILTER(true) { ?y", "]]> <!-- -->", "\u202eevil\u202c",
]


def _hostile_kb() -> KnowledgeBase:
    doc = SourceDocument('d"<x>\n', 'in/d"<x>\n.txt', "x", "utf-8", "0" * 64)
    ents, rels = [], []
    for i, h in enumerate(HOSTILE):
        org = EntityKey(EntityType.ORGANIZATION, f"机构{i}{h}")
        award = EntityKey(EntityType.AWARD, f"奖{i}{h}")
        ents.append(Entity(org, None, (h, f"《{h}》"), (doc.doc_id,), (("registrationNumber", h),)))
        ents.append(Entity(award, None, (), (doc.doc_id,)))
        rels.append(Relation(org, Predicate.RECEIVED_AWARD, award, (Evidence(doc.doc_id, h, i, i + 1),)))
    return KnowledgeBase((doc,), tuple(ents), tuple(rels))


def _literals(g: Graph, p) -> set[str]:
    return {str(o) for o in g.objects(None, p)}


def test_hostile_literals_round_trip_through_turtle():
    from kg.export.rdf import iter_ntriples, turtle_bytes

    kb = _hostile_kb()
    data = turtle_bytes(kb)
    for g in (Graph().parse(data=data, format="turtle"),
              Graph().parse(data="".join(iter_ntriples(kb)), format="nt")):
        alts = _literals(g, SKOS.altLabel)
        assert set(HOSTILE) <= alts
        assert {f"《{h}》" for h in HOSTILE} <= alts
        assert set(HOSTILE) <= _literals(g, LG.quote)
        assert set(HOSTILE) <= _literals(g, LG.registrationNumber)
        assert _literals(g, DCTERMS.identifier) == {'d"<x>\n'}
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    got = {q.object.value for q in store.quads_for_pattern(None, pyoxigraph.NamedNode(str(SKOS.altLabel)), None)}
    assert set(HOSTILE) <= got


def test_hostile_literals_round_trip_through_rdflib_serialisers():
    """The rdflib graph (SPARQL, `kg serve`) serialises them too. (Not RDF/XML: XML 1.0 cannot
    hold most control characters at all.)"""
    from kg.graph import build_graph

    g = build_graph(_hostile_kb())
    for fmt in ("turtle", "nt", "json-ld"):
        again = Graph().parse(data=g.serialize(format=fmt), format=fmt)
        assert set(HOSTILE) <= _literals(again, SKOS.altLabel), fmt


@pytest.mark.parametrize("fmt", ["jsonld", "nt", "trig", "nq", "graphml"])
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_hostile_literals_survive_every_export_format(fmt):
    import io

    from kg.export.formats import FORMATS, render_formats
    from kg.graph import build_graph

    rendered = render_formats(build_graph(_hostile_kb()), (fmt,))
    data = rendered.get(FORMATS[fmt], rendered.get(fmt))
    if fmt == "graphml":
        import networkx as nx

        G = nx.read_graphml(io.BytesIO(data))
        # XML 1.0 cannot carry C0 controls (nor U+FFFE/U+FFFF), not even as references: each
        # becomes U+FFFD; a parser reads a raw carriage return as a line feed (networkx's lxml
        # writer, used when lxml is installed, writes it as &#13;, which stays a CR: both are
        # compared as line feeds). All else is exact.
        shown = {str(v).replace("\r\n", "\n").replace("\r", "\n")
                 for _, d in G.nodes(data=True) for v in d.values()}
        def xml_form(h: str) -> str:
            h = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", h)
            return h.replace("\r\n", "\n").replace("\r", "\n")
        assert {f"机构{i}{xml_form(h)}" for i, h in enumerate(HOSTILE)} <= shown
        return
    from rdflib import Dataset

    d = Dataset()
    d.parse(data=data, format={"jsonld": "json-ld", "nt": "nt", "trig": "trig", "nq": "nquads"}[fmt])
    assert set(HOSTILE) <= {str(q[2]) for q in d.quads((None, SKOS.altLabel, None, None))}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_formats_read_from_graph_ttl_equal_those_of_an_rdflib_graph(tmp_path):
    """kg build makes the other formats from graph.ttl's triples (pyoxigraph's parser), not from an
    rdflib graph: on literals of every hostile kind both give the same bytes."""
    from kg.export.formats import FORMATS, read_triples, render_formats
    from kg.export.rdf import write_turtle
    from kg.graph import build_graph

    kb = _hostile_kb()
    ttl = write_turtle(kb, tmp_path / "graph.ttl")
    from_ttl = render_formats(read_triples(ttl), tuple(FORMATS))
    assert from_ttl == render_formats(build_graph(kb), tuple(FORMATS))
    assert all(from_ttl[name] for name in FORMATS.values())


IRI_OK = re.compile(r"^https://w3id\.org/lgkg/(id|ontology)[#/][A-Za-z0-9_-]+$")
W3C = ("http://www.w3.org/", "http://purl.org/dc/terms/", "http://data.europa.eu/eli/ontology#",
       "https://schema.org/", "http://www.w3.org/ns/")


def _assert_safe_iris(g: Graph) -> int:
    n = 0
    for t in g:
        for x in t:
            if isinstance(x, URIRef):
                n += 1
                assert IRI_OK.match(str(x)) or str(x).startswith(W3C), str(x)
    return n


def test_iris_never_hold_raw_text():
    from kg.graph import build_graph

    assert _assert_safe_iris(build_graph(_hostile_kb())) > 100


def test_a_hostile_corpus_builds_and_reparses(tmp_path):
    """Files named and filled with hostile text: the build succeeds, IRIs are all minted from
    hashes, Turtle re-parses, every quote equals the file's text, the page escapes labels."""
    src = tmp_path / "in"
    src.mkdir()
    body = ("聊城市司法局制定《<script>alert(1)</script>管理办法》，推行“\"引号\\反斜杠\"”调解机制。\n"
            "冠县司法局获得“</script><img src=x onerror=alert(2)>”荣誉称号。\n"
            "表格 | 聊城市\"人民政府\" | 《关于{{x}}的通知》 | 聊政发〔2023〕1号 |\n"
            "东昌府区司法局\x0b推行“有事\u2028来聊”品牌，带\\u0022转义。\n") * 3
    names = ['q"uote', "new\nline", "<tag>", "空 格", "back\\slash"]
    for n in names:
        (src / f"{n}.txt").write_text(GOOD + body, encoding="utf-8")
    out = tmp_path / "out"
    res = _build(src, out)
    assert not res.skipped
    g = Graph().parse(out / "graph.ttl", format="turtle")
    _assert_safe_iris(g)
    assert _literals(g, DCTERMS.identifier) == set(names)
    docs = {d: str(g.value(d, DCTERMS.identifier)) for d in g.subjects(RDF.type, LG.SourceDocument)}
    text = GOOD + body
    checked = 0
    for a in g.subjects(RDF.type, LG.Evidence):
        if g.value(a, PROV.wasDerivedFrom) in docs:
            s, e = int(g.value(a, LG.charStart)), int(g.value(a, LG.charEnd))
            assert text[s:e] == str(g.value(a, LG.quote))
            checked += 1
    assert checked
    html = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ("<script>alert", "</script><img", "<img src=x", "onerror=alert(2)>"):
        assert raw not in html
    _assert_page_escapes(html, {str(o) for o in g.objects(None, SKOS.prefLabel)})


def _page_data(html: str) -> dict:
    from kg.export.viewer_chunks import page_data

    assert '<script type="application/json" id="lgkg-data">' in html, "the viewer's data block"
    return page_data(html)


def _assert_page_escapes(html: str, labels: set[str]) -> None:
    data = _page_data(html)  # only one </script> can end the block: the real one
    shown = json.dumps(data, ensure_ascii=False)
    for lab in labels:
        assert json.dumps(lab, ensure_ascii=False)[1:-1] in shown, lab  # every label is data, intact
    outside = re.sub(r'<script type="application/json" id="lgkg-[a-z0-9-]+">.*?</script>', "", html, flags=re.S)
    for lab in labels:
        if "<" in lab or "&" in lab:
            assert lab not in outside, lab  # nowhere as markup


def test_the_viewer_escapes_every_hostile_label():
    from kg.export.html import render_html
    from kg.graph import build_graph

    html = render_html(build_graph(_hostile_kb()))
    for raw in ("<script>alert(1)", "</script><script>alert(2)", "<img src=x onerror", "]]> <!--"):
        assert raw not in html
    _assert_page_escapes(html, {f"机构{i}{h}" for i, h in enumerate(HOSTILE)})


def test_lone_surrogates_do_not_crash_the_graph_layer():
    """Files never yield lone surrogates (decoding is strict, file names are repaired in
    kg.reader); a KnowledgeBase built by hand might. The graph layer must replace them
    (U+FFFD) or refuse them with a clear error, not crash while hashing or encoding."""
    from kg.export.rdf import turtle_bytes

    doc = SourceDocument("d", "d.txt", "x", "utf-8", "0" * 64)
    kb = KnowledgeBase((doc,), (Entity(EntityKey(EntityType.ORGANIZATION, "机构\ud800"), None, ("\udfff",),
                                       ("d",)),), ())
    data = turtle_bytes(kb)
    g = Graph().parse(data=data, format="turtle")
    assert "\ufffd" in "".join(_literals(g, SKOS.altLabel))


# =========================================================================== huge inputs

def _long_line(chars: int, sentence_ends: bool) -> str:
    from .conftest import SEEDS

    text = "".join(p.read_text(encoding="utf-8-sig").replace("\n", "") for p in sorted(SEEDS.glob("*.txt")))
    if not sentence_ends:
        text = re.sub("[。！？!?；;]", "，", text)
    return (text * (chars // len(text) + 1))[:chars]


def _extract(nlp, text: str):
    return extraction(nlp, text, "long")


@pytest.mark.parametrize("sentence_ends", [False, True], ids=["commas-only", "sentences"])
def test_a_long_single_line_is_extracted_to_its_end(nlp, sentence_ends):
    """320k characters on one line (the seeds repeated): names are found at their offsets all
    along it, in every 40k stretch as at its start. Timings: bench/long_line_bench.py."""
    text = _long_line(320_000, sentence_ends)
    ex = _extract(nlp, text)
    assert all(m.surface == text[m.start:m.end] for m in ex.mentions)
    per_window = [sum(1 for m in ex.mentions if k * 40_000 <= m.start < (k + 1) * 40_000) for k in range(8)]
    assert min(per_window) > 100, per_window  # the windows differ in text, so in density


def test_a_report_over_a_million_characters_is_extracted(nlp):
    """spaCy refuses texts over nlp.max_length (1,000,000 by default) in make_doc; the pipeline has
    neither parser nor NER, so the limit only stands between a 3 MB report and a crash."""
    text = _long_line(1_050_000, True)
    ex = _extract(nlp, text)
    assert ex.mentions


def test_the_console_script_ends_a_finished_build_at_once_with_everything_written(tmp_path):
    """`kg` ends the process after a finished build without freeing the knowledge base object by
    object: the summary, the committed exports and the cache's entries are all there, and the
    next build finds nothing new."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(OTHER, encoding="utf-8")
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = [KG, "build", str(src), "--out", str(out), "--jobs", "2", "--cache-dir", str(cache)]
    first = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stderr.rstrip().endswith(f"wrote {out / 'graph.html'}")  # the summary's last line
    manifest = json.loads((out / "build.json").read_text(encoding="utf-8"))
    assert {"graph.ttl", "graph.html"} <= set(manifest["files"])
    assert len(list(cache.rglob("*.json"))) >= 2  # the two reports' entries
    again = subprocess.run([*args, "-q"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and again.stderr == ""
    assert json.loads((out / "build.json").read_text(encoding="utf-8")) == manifest
