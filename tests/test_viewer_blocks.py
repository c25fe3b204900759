"""Each document's evidence and figures are a block of the viewer's page that depends on the
document alone: a build keeps it beside the document's part of graph.ttl, checks it when read,
and makes it again when it is missing, damaged, another's, or made by other code."""
from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from kg.build import build
from kg.export.viewer_blocks import BlockFiles, blocks_of_rows, record_blocks
from kg.graph import TripleIndex, document_records
from kg.model import SourceDocument


def _doc(doc_id: str, text: str) -> SourceDocument:
    return SourceDocument(doc_id, f"/reports/{doc_id}.txt", text, "utf-8", hashlib.sha256(text.encode()).hexdigest())


def test_a_documents_blocks_are_the_same_whatever_else_the_corpus_holds(nlp):
    """The county's report changes the program's label (corpus-wide); the city's block names the
    program by its IRI, so it keeps its bytes."""
    from kg.nlp import extract
    from kg.resolve import resolve

    city = extract(nlp, _doc("a_city", "德州市2023年法治政府建设情况报告\n"
                                      "德州市司法局深入推进“法润乡村”行动，全市建成示范村120个。"))
    county = extract(nlp, _doc("b_county", "陵城区2023年法治政府建设工作总结\n陵城区司法局实施法润乡村行动。"
                                           "法润乡村行动覆盖全区。区司法局推进法润乡村行动。"))
    alone, both = resolve([city]), resolve([city, county])
    assert {e.key.name for e in alone.entities} != {e.key.name for e in both.entities}
    blocks = record_blocks(document_records(alone)[0])
    assert blocks and json.loads(blocks[0].data)["e"]  # the city's evidence is in its block
    assert blocks == record_blocks(document_records(both)[0])


def test_blocks_from_a_documents_records_are_those_of_the_whole_graph(seeds_build):
    """A build makes blocks from each document's records; a page of an rdflib graph makes them
    from the graph's rows: the same blocks, so both give the same page."""
    kb = seeds_build.kb
    made = [b for rec in document_records(kb) for b in record_blocks(rec)]
    index = TripleIndex(kb)
    ids = {str(d): str(index.value(d, "http://purl.org/dc/terms/identifier"))
           for d in index.subjects("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                                   "https://w3id.org/lgkg/ontology#SourceDocument")}
    whole = blocks_of_rows(index.evidence_rows(), index.figure_rows(), ids.get)
    assert len(made) > 3 and sorted(made, key=lambda b: b.source) == whole
    assert any(json.loads(b.data)["f"] for b in made)  # figures too


def _view_files(cache):
    return sorted((cache / "parts").rglob("*.view"))


def test_kept_blocks_give_a_cold_builds_page_and_damaged_or_foreign_ones_are_made_again(tmp_path, corpus):
    src, new = corpus
    cache = tmp_path / "cache"
    first = build([src], tmp_path / "out", cache_dir=cache)
    assert first.stats["blocks_made"] == 2
    shutil.copy(new, src / new.name)
    grown = build([src], tmp_path / "out", cache_dir=cache)
    assert grown.stats["blocks_made"] == 1  # the new report's; the other two kept
    build([src], tmp_path / "cold")
    cold = (tmp_path / "cold" / "graph.html").read_bytes()
    assert (tmp_path / "out" / "graph.html").read_bytes() == cold

    files = _view_files(cache)
    assert len(files) == 3
    files[0].write_bytes(files[0].read_bytes()[:-10])  # truncated
    data = bytearray(files[1].read_bytes())
    data[-5] ^= 0x01  # one bit flipped, same length: the SHA-256 in its head catches it
    files[1].write_bytes(bytes(data))
    again = build([src], tmp_path / "again", cache_dir=cache)
    assert again.stats["blocks_made"] == 2
    assert (tmp_path / "again" / "graph.html").read_bytes() == cold

    # a whole, valid file of another document put in a document's place is not trusted
    files = _view_files(cache)
    shutil.copy(files[0], files[1])
    moved = build([src], tmp_path / "moved", cache_dir=cache)
    assert moved.stats["blocks_made"] == 1
    assert (tmp_path / "moved" / "graph.html").read_bytes() == cold
    assert build([src], tmp_path / "fixed", cache_dir=cache).stats["blocks_made"] == 0


def test_a_settled_kept_block_is_not_hashed_again_until_its_file_changes(tmp_path, corpus, monkeypatch):
    import time

    from kg.export import viewer_blocks

    monkeypatch.setattr(viewer_blocks, "SETTLED_NS", 0)
    src, _new = corpus
    cache = tmp_path / "cache"
    runs = [build([src], tmp_path / f"out{k}", cache_dir=cache) for k in range(3)]
    assert [(r.stats["blocks_made"], r.stats["blocks_hashed"]) for r in runs] == [(2, 0), (0, 2), (0, 0)]
    page = (tmp_path / "out0" / "graph.html").read_bytes()
    files = _view_files(cache)
    time.sleep(0.05)
    data = bytearray(files[0].read_bytes())
    data[-3] ^= 0x01  # in place, same length: its ctime moves, so it is hashed and made again
    with open(files[0], "r+b") as fh:
        fh.write(bytes(data))
    again = build([src], tmp_path / "again", cache_dir=cache)
    assert (again.stats["blocks_made"], again.stats["blocks_hashed"]) == (1, 1)
    assert (tmp_path / "again" / "graph.html").read_bytes() == page
    verified = next((cache / "parts").iterdir()) / viewer_blocks.VERIFIED
    verified.write_bytes(b"[damaged")  # every block is hashed, nothing fails
    damaged = build([src], tmp_path / "damaged", cache_dir=cache)
    assert (damaged.stats["blocks_made"], damaged.stats["blocks_hashed"]) == (0, 2)
    assert (tmp_path / "damaged" / "graph.html").read_bytes() == page


@pytest.mark.parametrize("change", ["code", "document"])
def test_kept_blocks_are_made_again_when_the_code_or_their_document_changes(tmp_path, corpus, monkeypatch, change):
    import kg.build

    src, _new = corpus
    cache = tmp_path / "cache"
    assert build([src], tmp_path / "a", cache_dir=cache).stats["blocks_made"] == 2
    if change == "code":
        stamp = kg.build.code_stamp()
        monkeypatch.setattr(kg.build, "code_stamp", lambda: hashlib.sha256(stamp.encode()).hexdigest())
        made = 2
    else:
        doc = sorted(src.glob("*.txt"))[0]
        doc.write_text(doc.read_text(encoding="utf-8") + "\n德州市司法局实施“法润乡村”行动。\n", encoding="utf-8")
        made = 1
    again = build([src], tmp_path / "b", cache_dir=cache)
    assert again.stats["blocks_made"] == made
    build([src], tmp_path / "cold")
    assert (tmp_path / "b" / "graph.html").read_bytes() == (tmp_path / "cold" / "graph.html").read_bytes()


def test_a_block_that_cannot_be_written_is_made_and_used_all_the_same(tmp_path, seeds_build, monkeypatch):
    from kg.export import viewer_blocks

    monkeypatch.setattr(viewer_blocks, "replace_file", lambda *a, **k: False)  # a full disk
    records = document_records(seeds_build.kb)[:2]
    files = BlockFiles(tmp_path, {r.doc_id: hashlib.sha256(r.doc_id.encode()).hexdigest() for r in records})
    blocks = files.blocks(records)
    assert files.write_errors == 2 and blocks == [b for r in records for b in record_blocks(r)]


def test_a_blocks_iris_are_written_without_the_graphs_namespace_and_read_back_whole():
    from kg.export.viewer_blocks import BASE, full_iri, short_iri

    iris = [BASE + "org-0123abcd", BASE + "weird:name", "https://example.org/x", "urn:x:y", BASE, BASE + "a/b"]
    assert [short_iri(i) for i in iris][:2] == ["org-0123abcd", BASE + "weird:name"]
    assert [full_iri(short_iri(i)) for i in iris] == iris


def test_a_kept_file_forged_to_hold_markup_is_made_again(tmp_path, corpus):
    """A file rewritten with a head that matches its new body (SHA-256, length, key) still cannot
    put markup into the page: a block that holds "<" is not one this code wrote."""
    src, _new = corpus
    cache = tmp_path / "cache"
    build([src], tmp_path / "a", cache_dir=cache)
    page = (tmp_path / "a" / "graph.html").read_bytes()
    path = _view_files(cache)[0]
    head_line, body = path.read_bytes().split(b"\n", 1)
    meta_line, data = body.split(b"\n", 1)
    meta = json.loads(meta_line)
    evil = b'"</script><img src=x onerror=alert(1)>"'
    data = data[:meta[0][2] - 1] + b"," + evil + data[meta[0][2] - 1:]
    meta[0][2] += len(evil) + 1
    body = json.dumps(meta).encode() + b"\n" + data
    head = json.loads(head_line)
    head.update(bytes=len(body), sha256=hashlib.sha256(body).hexdigest())
    path.write_bytes(json.dumps(head).encode() + b"\n" + body)
    again = build([src], tmp_path / "b", cache_dir=cache)
    assert again.stats["blocks_made"] == 1
    assert (tmp_path / "b" / "graph.html").read_bytes() == page and b"<img src=x" not in page
