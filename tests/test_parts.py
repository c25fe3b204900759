"""A document's own part of graph.ttl (its evidence, figures and tables) depends on the document
alone: a build keeps it with the document and copies it into the next graph.ttl."""
from __future__ import annotations

import hashlib
import json
import shutil

from kg.build import build
from kg.graph import document_records
from kg.model import SourceDocument


def _doc(doc_id: str, text: str) -> SourceDocument:
    return SourceDocument(doc_id, f"/reports/{doc_id}.txt", text, "utf-8", hashlib.sha256(text.encode()).hexdigest())


def test_a_documents_part_is_the_same_whatever_else_the_corpus_holds(nlp):
    """A city's report names a program with quotation marks; a county's report names it three
    times without: the county's spelling becomes the entity's label, and the city's part (the
    evidence of its sentence) keeps its bytes, as the entity's IRI does."""
    from kg.export.rdf import document_part, turtle_bytes
    from kg.nlp import extract
    from kg.resolve import resolve

    city = extract(nlp, _doc("a_city", "德州市2023年法治政府建设情况报告\n"
                                      "德州市司法局深入推进“法润乡村”行动，全市建成示范村120个。"))
    county = extract(nlp, _doc("b_county", "陵城区2023年法治政府建设工作总结\n陵城区司法局实施法润乡村行动。"
                                           "法润乡村行动覆盖全区。区司法局推进法润乡村行动。"))
    alone, both = resolve([city]), resolve([city, county])
    programs = [{e.key.name for e in kb.entities if e.key.etype.value == "Program"} for kb in (alone, both)]
    assert programs == [{"“法润乡村”行动"}, {"法润乡村行动"}]  # the label changed with the corpus

    part_alone = document_part(document_records(alone)[0])
    part_both = document_part(document_records(both)[0])
    assert "lg:Evidence" in part_alone.turtle and "skos:prefLabel" not in part_alone.turtle  # labels are corpus-wide
    assert part_alone == part_both
    ttl = turtle_bytes(both).decode("utf-8")
    assert ttl.endswith(part_both.turtle + document_part(document_records(both)[1]).turtle)
    assert "“法润乡村”行动" in ttl  # the other spelling stays, as an alternative label (corpus-wide)


def test_kept_parts_give_a_cold_builds_bytes_and_damaged_ones_are_made_again(tmp_path, corpus):
    src, new = corpus
    cache = tmp_path / "cache"
    first = build([src], tmp_path / "out", cache_dir=cache)
    assert (first.stats["parts_made"], first.stats["parts_kept"]) == (2, 0)
    shutil.copy(new, src / new.name)
    grown = build([src], tmp_path / "out", cache_dir=cache)
    assert (grown.stats["parts_made"], grown.stats["parts_kept"]) == (1, 2)
    build([src], tmp_path / "cold")  # no cache: parts in a temporary folder, gone afterwards
    cold = (tmp_path / "cold" / "graph.ttl").read_bytes()
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == cold
    # the viewer read the kept parts' used terms from their heads: the same page as a cold build's
    assert (tmp_path / "out" / "graph.html").read_bytes() == (tmp_path / "cold" / "graph.html").read_bytes()

    files = sorted((cache / "parts").rglob("*.ttl"))
    assert len(files) == 3
    files[0].write_bytes(files[0].read_bytes()[:-10])  # truncated
    data = bytearray(files[1].read_bytes())
    data[-5] ^= 0x01  # one bit flipped, same length: the SHA-256 in its head catches it
    files[1].write_bytes(bytes(data))
    again = build([src], tmp_path / "again", cache_dir=cache)
    assert (again.stats["parts_made"], again.stats["parts_kept"]) == (2, 1)
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == cold
    fixed = build([src], tmp_path / "fixed", cache_dir=cache)
    assert fixed.stats["parts_made"] == 0
    assert (tmp_path / "fixed" / "graph.ttl").read_bytes() == cold


def test_a_settled_kept_part_is_not_hashed_again_until_its_file_changes(tmp_path, corpus, monkeypatch):
    import time

    from kg.export import parts

    monkeypatch.setattr(parts, "SETTLED_NS", 0)  # every file settled at once
    src, _new = corpus
    cache = tmp_path / "cache"
    build([src], tmp_path / "cold")
    cold = (tmp_path / "cold" / "graph.ttl").read_bytes()
    # new output folders: no "nothing new"; the parts made are read back and hashed once
    runs = [build([src], tmp_path / f"out{k}", cache_dir=cache) for k in range(3)]
    assert [(r.stats["parts_made"], r.stats["parts_hashed"]) for r in runs] == [(2, 2), (0, 0), (0, 0)]
    assert all((tmp_path / f"out{k}" / "graph.ttl").read_bytes() == cold for k in range(3))

    files = sorted((cache / "parts").rglob("*.ttl"))
    time.sleep(0.05)  # past the timestamps' tick
    data = bytearray(files[0].read_bytes())
    data[-5] ^= 0x01  # one bit flipped in place, same length: its ctime moves, so it is hashed
    with open(files[0], "r+b") as fh:
        fh.write(bytes(data))
    again = build([src], tmp_path / "again", cache_dir=cache)
    assert (again.stats["parts_made"], again.stats["parts_hashed"]) == (1, 1)
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == cold
    (cache / "parts").joinpath(next(p.name for p in (cache / "parts").iterdir()), parts.VERIFIED) \
        .write_bytes(b"{not json")  # damaged: every part is hashed, nothing fails
    damaged = build([src], tmp_path / "damaged", cache_dir=cache)
    assert (damaged.stats["parts_made"], damaged.stats["parts_hashed"]) == (0, 2)
    assert (tmp_path / "damaged" / "graph.ttl").read_bytes() == cold


def test_graph_ttl_holds_the_corpus_wide_subjects_then_each_documents_own(seeds_build):
    ttl = seeds_build.outputs[0].read_text(encoding="utf-8")
    subjects = [block.split(" ", 1)[0] for block in ttl.split("\n\n")[1:] if block]
    own = ("lgr:ev-", "lgr:obs-", "lgr:ds-")
    first_own = next(i for i, s in enumerate(subjects) if s.startswith(own))
    corpus, documents = subjects[:first_own], subjects[first_own:]
    assert corpus == sorted(corpus) and any(s.startswith("lgr:org-") for s in corpus)
    assert not any(s.startswith(own) for s in corpus)
    assert all(s.startswith(own) for s in documents) and documents != sorted(documents)


def test_the_viewer_reads_the_used_terms_of_kept_parts_from_their_heads(tmp_path, seeds_build):
    """PartFiles.used gives a kept part's used terms once `start` has read its head (None for a
    part to be made, or whose file is damaged); the viewer's index made with them is the one made
    from the documents' records."""
    from kg.export.parts import PartFiles
    from kg.graph import TripleIndex, terms_used

    kb = seeds_build.kb
    records = document_records(kb)
    keys = {rec.doc_id: hashlib.sha256(rec.doc_id.encode()).hexdigest() for rec in records}
    made = PartFiles(tmp_path, keys)
    assert made.used(records[0].doc_id) is None
    made.heads(records)  # made and written here
    kept = PartFiles(tmp_path, keys)
    damaged = kept.path(records[1].doc_id)
    damaged.write_bytes(damaged.read_bytes()[:-3])
    # a head altered into other valid JSON of the same length (a used term renamed): not trusted
    altered = kept.path(records[2].doc_id)
    head, _, turtle = altered.read_bytes().partition(b"\n")
    used = json.loads(head)["used"]
    renamed = used[0][:-1] + ("x" if used[0][-1] != "x" else "y")
    altered.write_bytes(head.replace(json.dumps(used[0]).encode(), json.dumps(renamed).encode(), 1) + b"\n" + turtle)
    kept.start(records)
    assert kept.used(records[0].doc_id) == terms_used(records[0])
    assert kept.used(records[1].doc_id) is None  # to be made again: the viewer reads the records
    assert kept.used(records[2].doc_id) is None
    fresh, reused = TripleIndex.for_viewer(kb, records), TripleIndex.for_viewer(kb, records, kept.used)
    assert reused._by_p == fresh._by_p
