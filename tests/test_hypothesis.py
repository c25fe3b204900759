"""Random documents (hypothesis): Chinese report fragments, mixed scripts, control characters,
quotes, 《》 titles, | table rows, web chrome and very long lines, in every supported encoding.

`kg build` never crashes on them; each file is built or skipped with a one-line reason; the
Turtle re-parses, mints IRIs only from hashes, quotes the files exactly, and conforms to the
SHACL shapes (pyshacl). A second property drives the same text straight into the extractor
(bypassing the reader, which refuses text that is mostly control characters) and renders the
viewer page for a subset. Examples are derandomized, so CI runs the same 200 every time.
"""
from __future__ import annotations

import codecs
import json
import random
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kg.model import SourceDocument
from kg.reader import InputError, read_document
from kg.vocab import LG
from kg.validate import prepared_sparql

from .conftest import ROOT

IRI_OK = re.compile(r"^https://w3id\.org/lgkg/(id|ontology)[#/][A-Za-z0-9_-]+$")
W3C = ("http://www.w3.org/", "http://purl.org/dc/terms/", "http://data.europa.eu/eli/ontology#",
       "https://schema.org/", "http://purl.org/linked-data/")  # the last: Data Cube and SDMX (indicators)

FRAGMENTS = [
    "聊城市司法局", "冠县", "东昌府区", "聊城市", "山东省", "济宁市人民政府", "市司法局", "我市", "区委依法治区办",
    "莘县人民法院", "聊城市人民检察院", "阳谷县阿城镇", "张家村人民调解委员会", "局长王书国", "张某某(化名)",
    "《聊城市居住证实施办法》", "《中华人民共和国行政复议法》", "(聊政办字〔2022〕22号)", "聊政发〔2023〕1号",
    "“有事来聊”", "“枫桥经验”", "“法治超市”", "品牌", "调解机制", "工作法", "模式", "平台", "专项行动",
    "获得", "荣获", "被评为", "授予", "全国先进集体", "“全国模范司法所”称号", "第三届“中国法治政府奖”",
    "深入推进", "贯彻实施", "印发", "出台", "制定", "建立了", "推行", "在全市推广", "率先试点",
    "。", "，", "、", "；", "：", "！", "？", "\n", "\r\n", "\n\n", " ", "\u3000", "——", "■",
    "| 序号 | 文件名称 | 文号 |", "| 1 | 《聊城市城市绿化条例》 | 聊政发〔2021〕3号 |", "|", "|---|---|",
    "一、", "(一)", "1.", "二是", "2023年", "12月31日", "100%",
    "字号：\n大 中 小", "大 中 小", "【打印】【关闭】", "上一篇：", "下一篇：", "图片\n", "扫码使用手机浏览本页内容",
    "来源：聊城市人民政府 发布时间：2024-01-05 浏览次数：12",
    '"', "'", "\\", '"""', "\\u0022", "\\n", "《", "》", "“", "”", "「", "」", "<script>", "</script>",
    "&amp;", "{{x}}", "]]>", "\u202e", "\ufeff", "\ufffd", "𠀀", "😀",
]
#: frequent characters of government reports (the alphabet of random lines)
FREQUENT_HAN = ("的一是不了在人有我这个中来上大为和国地到以说时要就出会可也对生能而子得于着下自之年过发后作"
                "府调县执城办推监督案服项委审局范依律省效施单企专级护纠纷诉习环境镇党群村街乡预矛盾检评营访")
CONTROLS = [chr(c) for c in range(32)] + ["\x7f", "\x85", "\u2028", "\u2029"]
SCRIPTS = st.characters(blacklist_categories=("Cs",))  # any code point except lone surrogates
ACTORS = ["聊城市司法局", "冠县", "东昌府区司法局", "市司法局", "我局", "莘县人民法院", "阳谷县阿城镇", "济宁市"]
VERBS = ["深入推进", "贯彻实施", "印发", "出台", "建立了", "推行", "荣获", "获得", "被评为", "被司法部授予"]
OBJECTS = ["“有事来聊”品牌", "《聊城市居住证实施办法》", "三省四县跨省联调机制", "“全国模范司法所”称号",
           "第三届“中国法治政府奖”", "全国先进集体", "“法治超市”工作法", "《关于加强行政复议工作的意见》"]

#: a sentence of the kind the extractor looks for, with random noise inside its parts
sentence = st.tuples(st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(OBJECTS),
                     st.sampled_from(["。", "，", "；", "\n", "。\n", ""])).map("".join)
piece = st.one_of(
    sentence,
    sentence,
    st.sampled_from(FRAGMENTS),
    st.sampled_from(CONTROLS),
    st.text(SCRIPTS, max_size=12),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12),
    # very long lines: up to ~20k characters of one fragment, or ~500 of one sentence repeated
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(20, 600)).map(lambda t: t[0].replace("\n", "") * t[1]),
    st.tuples(sentence, st.integers(3, 12)).map(lambda t: t[0].replace("\n", "") * t[1]),
)
document = st.lists(piece, max_size=12).map("".join)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16-le-bom", "utf-16-be-bom"]


def encode(text: str, enc: str) -> bytes:
    if enc == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if enc == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(enc)


_LINE_ALPHABET = (FREQUENT_HAN * 4 + "，，，、；：“”《》（）|·—  0123456789abcXYZ" + "。" * 3
                  + "".join(CONTROLS[:9]) + "Ωéж한あ😀𠀀\ufffd")


def _long_line(t: tuple[int, int]) -> str:
    """A line of `n` characters from a seeded generator (hypothesis cannot draw 40k characters
    one by one): common Chinese characters, punctuation with the odd sentence end, digits,
    other scripts and controls, and every ~150 characters a fragment of the kind the extractor
    looks for. Lines with no sentence end at all are tested in test_faults.py."""
    seed, n = t
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        if rng.random() < 0.002:
            s = rng.choice(FRAGMENTS + ACTORS + OBJECTS).replace("\n", "")
        else:
            s = rng.choice(_LINE_ALPHABET)
        out.append(s)
        size += len(s)
    return "".join(out)[:n]


@lru_cache(maxsize=1)
def _shacl() -> tuple[Graph, Graph]:
    return (Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle"),
            Graph().parse(ROOT / "ontology" / "lgkg.ttl", format="turtle"))


@lru_cache(maxsize=1)
def _nlp():
    from kg.nlp import make_pipeline

    return make_pipeline()


def check_graph(data: bytes | Path, texts: dict[str, str]) -> Graph:
    """Re-parse, IRIs from hashes only, no blank nodes, quotes exact, SHACL conforms."""
    import pyshacl

    g = Graph()
    if isinstance(data, Path):
        g.parse(data, format="turtle")
    else:
        g.parse(data=data, format="turtle")
    for t in g:
        for x in t:
            assert not isinstance(x, BNode)
            if isinstance(x, URIRef):
                assert IRI_OK.match(str(x)) or str(x).startswith(W3C), str(x)
    ids = {d: str(g.value(d, DCTERMS.identifier)) for d in g.subjects(RDF.type, LG.SourceDocument)}
    assert set(ids.values()) == set(texts)
    for a in g.subjects(RDF.type, LG.Evidence):
        d = g.value(a, PROV.wasDerivedFrom)
        if d in ids:
            s, e = int(g.value(a, LG.charStart)), int(g.value(a, LG.charEnd))
            assert texts[ids[d]][s:e] == str(g.value(a, LG.quote))
    shapes, onto = _shacl()
    with prepared_sparql():
        conforms, _, report = pyshacl.validate(g, shacl_graph=shapes, ont_graph=onto, inference="none")
    assert conforms, report[:3000]
    return g


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(docs=st.lists(st.tuples(document, st.sampled_from(ENCODINGS)), min_size=1, max_size=3),
       long_line=st.one_of(st.just(""), st.tuples(st.integers(0, 2**32 - 1), st.integers(10_000, 40_000))
                           .map(_long_line)))
def test_kg_build_never_crashes_and_its_turtle_conforms(docs, long_line):
    """Up to three files; in about half the examples the first one also holds a line of 10k to
    40k characters."""
    from kg.build import build

    if long_line:
        docs = [(docs[0][0] + long_line + docs[0][0], docs[0][1])] + docs[1:]

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        expected: dict[str, str] = {}
        for i, (text, enc) in enumerate(docs):
            p = src / f"d{i}.txt"
            p.write_bytes(encode(text, enc))
            try:
                expected[p.stem] = read_document(p).text
            except InputError as exc:
                assert "\n" not in str(exc) and str(exc).startswith(str(p) + ": ")
        # must not raise, unless no file is readable (then it refuses, writing nothing); the
        # shapes are checked below with pyshacl (the build's own fast validator is exercised in
        # the next test), the viewer there too
        if not expected:
            from kg.build import NothingToBuild

            with pytest.raises(NothingToBuild) as ei:
                build([src], out, html=False, validate="off")
            assert "\n" not in str(ei.value) and not out.exists()
            return
        res = build([src], out, html=False, validate="off")
        event(f"documents built: {len(res.kb.documents)}, skipped: {len(res.skipped)}")
        event("relations: " + ("none" if not res.kb.relations else "1-9" if len(res.kb.relations) < 10 else "10+"))
        event("longest line: " + ("≥10k" if max((len(ln) for t in expected.values() for ln in t.split("\n")),
                                                default=0) >= 10_000 else "<10k"))
        assert {d.doc_id for d in res.kb.documents} == set(expected)
        assert len(res.skipped) == len(docs) - len(expected)
        for path, problem in res.skipped:
            assert "\n" not in path + problem and problem
        check_graph(out / "graph.ttl", expected)


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=document.map(lambda t: t if t.strip() else t + "法治"), html=st.integers(0, 3))
def test_any_text_extracts_serialises_and_renders(text, html):
    """Straight to the extractor (control characters and all), then Turtle, SHACL and, for a
    quarter of the examples, the viewer page, whose data block must hold every label intact."""
    from kg.export.rdf import turtle_bytes
    from kg.nlp import extract
    from kg.resolve import resolve

    doc = SourceDocument("d", "d.txt", text, "utf-8", "0" * 64)
    kb = resolve([extract(_nlp(), doc)])
    event("entities: " + ("none" if not kb.entities else "some"))
    event("control characters: " + ("yes" if re.search("[\x00-\x08\x0e-\x1f]", text) else "no"))
    g = check_graph(turtle_bytes(kb), {"d": text})
    from kg.validate import check

    check(kb, "fast")  # what `kg build` runs before writing: it agrees with pyshacl
    if html == 0:
        from kg.export.html import render_html
        from kg.graph import build_graph

        page = render_html(build_graph(kb))
        from kg.export.viewer_chunks import page_data

        shown = json.dumps(page_data(page), ensure_ascii=False)
        rest = re.sub(r'<script type="application/json" id="lgkg-[a-z0-9-]+">.*?</script>', "", page, flags=re.S)
        for lab in {str(o) for o in g.objects(None, SKOS.prefLabel)}:
            assert json.dumps(lab, ensure_ascii=False)[1:-1] in shown
            if "<" in lab:
                assert lab not in rest


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
