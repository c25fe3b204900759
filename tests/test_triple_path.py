"""One pass over the graph's triples feeds graph.ttl and the viewer's index."""
from __future__ import annotations


def test_one_pass_gives_the_turtle_and_the_index_of_two(tmp_path, seeds_build):
    from kg.export.rdf import write_turtle, write_turtle_and_index
    from kg.graph import TripleIndex

    kb = seeds_build.kb
    path, index = write_turtle_and_index(kb, tmp_path / "one.ttl")
    write_turtle(kb, tmp_path / "two.ttl")
    assert path.read_bytes() == (tmp_path / "two.ttl").read_bytes() == seeds_build.outputs[0].read_bytes()
    separate = TripleIndex(kb)
    assert index._by_p == separate._by_p  # the same pairs, in the same order, as the same terms
    p = next(iter(separate._by_p))
    s, o = separate._by_p[p][0]
    assert index.value(s, p) == separate.value(s, p) and list(index.subjects(p, o)) == list(separate.subjects(p, o))
