"""Reports as published: PDF, Word (.docx) and web pages, read as text, written to OUT/texts/ so
every evidence offset can be checked, and found to hold the same graph as the plain text."""
from __future__ import annotations

import io
import re

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV

from kg.build import build
from kg.model import InputFormat, norm_label
from kg.reader import find_inputs, read_document
from kg.vocab import LG

from .pdf_maker import make_pdf

TITLE = "柯城区司法局2023年法治政府建设年度报告"
PARAS = [
    "2023年，柯城区司法局深入学习贯彻习近平法治思想，认真落实《浙江省行政复议条例》，全面推进法治政府建设。",
    "一是坚持党的领导。区委依法治区办印发《柯城区法治政府建设实施方案（2023—2025年）》，定期听取工作汇报。",
    "二是深化矛盾纠纷化解。区司法局创新推出“三事分流”工作法，全面推行“红色调解员”机制，全年调解纠纷3200余件。",
    "三是规范行政执法。区司法局制定《柯城区行政规范性文件管理办法》，推动行政执法“三项制度”落地见效。",
    "四是强化普法宣传。在全区推广“共享法庭”，组织“宪法进万家”主题活动120余场。",
    "2023年8月，柯城区司法局荣获“全国模范司法所”称号。",
]
PLAIN = TITLE + "\n\n" + "\n".join(PARAS) + "\n"


def _pdf_spaced(line: str) -> str:
    """What PDF text extraction often gives: spaces between digits and Chinese, inside quotes."""
    line = re.sub(r"(?<=\d)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=\d)", " ", line)
    return re.sub(r"([“《])", r"\1 ", re.sub(r"([”》])", r" \1", line))


#: characters on a full line of the PDF page (a paragraph runs on over several lines)
PDF_LINE = 24


def pdf_bytes() -> bytes:
    """The report laid out as a PDF: PDF spaces, paragraphs broken into lines of PDF_LINE
    characters (so names and titles are cut across lines: 柯城区司法局 → 柯城区司 / 法局)."""
    lines = [TITLE]
    for para in map(_pdf_spaced, PARAS):
        lines += [para[i:i + PDF_LINE] for i in range(0, len(para), PDF_LINE)]
    return make_pdf([lines[:12], lines[12:]])


def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(TITLE, level=1)
    for p in PARAS:
        d.add_paragraph(p)
    t = d.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "文件名称", (0, 1): "文号", (1, 0): "《柯城区行政执法公示办法》",
                      (1, 1): "柯政发〔2023〕5号"}.items():
        t.cell(r, c).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def html_bytes(charset: str = "utf-8") -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in PARAS)
    page = f"""<!DOCTYPE html><html><head><meta charset="{charset}"><title>{TITLE}_衢州市柯城区人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a>法治政府建设</a></div>
<ul class="menu"><li><a href="/a">机构概况</a></li><li><a href="/b">政策文件</a></li>
<li><a href="/c">互动交流</a></li></ul>
<div class="share">分享到：<a>微信</a> <a>微博</a> 【<a>打印</a>】【<a>关闭</a>】</div>
<div class="article"><h1>{TITLE}</h1>
<div class="info">发布时间：2024-01-15 来源：柯城区司法局 浏览次数：1024</div>
{body}<table><tr><th>文件名称</th><th>文号</th></tr><tr><td>《柯城区行政执法公示办法》</td><td>柯政发〔2023〕5号</td></tr></table>
</div><div class="related">上一篇：<a href="/x">衢江区召开依法行政工作会议</a>
下一篇：<a href="/y">龙游县推进“县乡一体”改革</a></div>
<div class="footer">版权所有：衢州市柯城区人民政府 浙ICP备12345678号</div></body></html>"""
    return page.encode(charset)


FILES = {"report.pdf": pdf_bytes, "report.docx": docx_bytes, "report.html": lambda: html_bytes("gbk")}


@pytest.mark.parametrize("name, form, how", [
    ("report.pdf", InputFormat.PDF, "PDF, 2 pages (pypdf"),  # spaces and broken lines included
    ("report.docx", InputFormat.DOCX, "Word document"),
    ("report.html", InputFormat.HTML, "web page (trafilatura"),
])
def test_each_format_reads_as_its_text(tmp_path, name, form, how):
    p = tmp_path / name
    p.write_bytes(FILES[name]())
    doc = read_document(p)
    assert doc.form is form and doc.encoding.startswith(how) and doc.doc_id == "report"
    flat = re.sub(r"\s", "", doc.text)
    for para in PARAS:
        assert re.sub(r"\s", "", para) in flat
    assert TITLE in doc.text
    if form is not InputFormat.PDF:  # the page chrome and the next article's title are gone
        for chrome in ("分享到", "上一篇", "衢江区召开", "版权所有", "政务公开", "机构概况"):
            assert chrome not in doc.text
        assert "| 《柯城区行政执法公示办法》 | 柯政发〔2023〕5号 |" in doc.text


def test_a_folder_holds_every_format_and_nothing_else(tmp_path):
    for name in ("a.txt", "b.PDF", "c.docx", "d.htm", "e.html", "notes.md", "img.png", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "b.PDF", "c.docx", "d.htm", "e.html"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of the plain text and of each format, each in its own folder."""
    out = {}
    for name, make in [("report.txt", lambda: PLAIN.encode()), *FILES.items()]:
        src = tmp_path_factory.mktemp("src")
        (src / name).write_bytes(make())
        res = build([src], src / "out", html=False, validate="off")
        out[name] = (res, src / "out")
    return out


def _graph(res):
    return ({(e.key.etype.value, e.key.name) for e in res.kb.entities},
            {(r.head.name, r.predicate.value, r.tail.name) for r in res.kb.relations})


@pytest.mark.parametrize("name", sorted(FILES))
def test_converted_reports_give_the_graph_of_the_plain_text(built, name):
    entities, relations = _graph(built["report.txt"][0])
    assert ("Regulation", "浙江省行政复议条例") in entities and ("Program", "“三事分流”工作法") in entities
    assert ("柯城区司法局", "receivedAward", "“全国模范司法所”") in relations
    got_e, got_r = _graph(built[name][0])
    labels = {a for e in built[name][0].kb.entities for a in e.alt_labels}
    assert not [a for a in labels if "\n" in a or re.search(r"[“《] | [”》]|\d [\u4e00-\u9fff]", a)]
    if name == "report.pdf":
        assert (got_e, got_r) == (entities, relations)
    else:  # Word and HTML carry the appendix table too: more, never less
        assert entities <= got_e and relations <= got_r
        assert ("Regulation", "柯城区行政执法公示办法") in {(t, norm_label(n)) for t, n in got_e}


@pytest.mark.parametrize("name", sorted(FILES))
def test_evidence_offsets_refer_to_the_written_text(built, name):
    res, out = built[name]
    text = (out / "texts" / "report.txt").read_text(encoding="utf-8")
    assert text == res.kb.documents[0].text
    g = Graph().parse(out / "graph.ttl")
    quotes = 0
    for ev in g.subjects(PROV.wasDerivedFrom, None):
        if g.value(ev, LG.charStart) is None:
            continue  # a table's dataset is derived from the document as a whole
        s, e = int(g.value(ev, LG.charStart)), int(g.value(ev, LG.charEnd))
        assert str(g.value(ev, LG.quote)) == text[s:e]
        quotes += 1
    assert quotes >= 8
    assert (None, DCTERMS.identifier, Literal("report")) in g


def test_plain_text_inputs_write_no_texts(built):
    assert not (built["report.txt"][1] / "texts").exists()


@pytest.mark.parametrize("name, data, problem", [
    ("scan.pdf", make_pdf([[""]]), "PDF without a text layer"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "unreadable PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "unreadable Word document"),
    ("fake.docx", b"just text", "unreadable Word document"),
    ("empty.html", b"<html><body><script>var a=1;</script></body></html>", "web page without article text"),
])
def test_unreadable_documents_are_one_line_skips(tmp_path, name, data, problem):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(PLAIN, encoding="utf-8")
    res = build([tmp_path], tmp_path / "out", html=False, validate="off")
    [(path, why)] = res.skipped
    assert path.endswith(name) and why.startswith(problem) and "\n" not in why


def test_the_build_summary_says_how_each_file_was_read(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(PLAIN.encode("gb18030"))
    (src / "b.pdf").write_bytes(pdf_bytes())
    from typer.testing import CliRunner

    from kg.cli import app

    res = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "--no-cache", "--no-html"])
    assert res.exit_code == 0, res.stderr
    assert f"read {src / 'a.txt'}: gb18030" in res.stderr
    assert f"read {src / 'b.pdf'}: PDF, 2 pages (pypdf" in res.stderr
