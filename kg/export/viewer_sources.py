"""Documents and figures for the viewer: a report's title and year, a place's observations.

Read when the graph carries them (dcterms:title, lg:year, dcterms:creator on lg:SourceDocument;
the observations as kg.graph.TripleIndex's figure rows: sdmx-dimension:refArea / refPeriod,
lg:measure, sdmx-measure:obsValue, sdmx-attribute:unitMeasure), and absent without fuss: a
document without a title is shown by its identifier, one without a year has none, an entity
without figures has no figures section.
The terms are read by IRI (plain strings: the index holds light terms, kg.terms), so the viewer
does not depend on which stage declares them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from functools import cache

from rdflib.namespace import DCTERMS, SKOS

from ..vocab import LG_IRI

_TITLE, _CREATOR, _YEAR_P = str(DCTERMS.title), str(DCTERMS.creator), LG_IRI + "year"
_PREF = str(SKOS.prefLabel)
_YEAR = re.compile(r"-?\d{4}")


def pick_label(values) -> str | None:
    """One label out of several, deterministically (a @zh one first)."""
    vals = sorted(values, key=lambda v: (getattr(v, "language", None) != "zh", str(v)))
    return str(vals[0]) if vals else None


def _lists(g, predicate) -> dict:
    out: dict = defaultdict(list)
    for s, o in g.subject_objects(predicate):
        out[s].append(o)
    return out


def year_of(value) -> int | None:
    """2023 from "2023"^^xsd:gYear, "2023-05-01"^^xsd:date or a plain "2023"; else None."""
    m = _YEAR.match(str(value)) if value is not None else None
    return int(m.group()) if m else None


def document_meta(g, docs, label_of) -> dict[object, dict]:
    """Each document's title (None when it has none), year and author's name."""
    titles, years, creators = _lists(g, _TITLE), _lists(g, _YEAR_P), _lists(g, _CREATOR)
    out = {}
    for d in docs:
        ys = sorted(y for y in (year_of(v) for v in years.get(d, ())) if y is not None)
        who = sorted(filter(None, (label_of(c) for c in creators.get(d, ()))))
        out[d] = {"title": pick_label(titles.get(d, ())), "year": ys[0] if ys else None,
                  "creator": who[0] if who else None}
    return out


def number_text(value) -> str:
    """43324.0 → "43324", 6.50 → "6.5": the figure as a person writes it (from its lexical form)."""
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not d.is_finite():
        return str(value)
    d = d.normalize()
    return format(d.quantize(Decimal(1)) if d == d.to_integral_value() else d, "f")


def figures(g, rows, index: dict, source_of) -> dict[int, list[list]]:
    """Entity index → its figures of `rows` (kg.graph.FigureRow), each [measure, period, value,
    unit, source], sorted (`g`: a kg.graph.TripleIndex, which names the measures)."""
    if not rows:
        return {}
    names = _lists(g, _PREF)
    # a corpus states the same few measures and values again and again: each is read once
    name_of = cache(lambda m: (pick_label(names.get(m, ())) if m is not None else None) or "")
    number = cache(number_text)
    out: dict[int, list[list]] = defaultdict(list)
    source: dict[object, int] = {None: -1}  # each source's number, looked up once
    for r in rows:
        i = index.get(r.area)
        if i is None:
            continue
        src = source.get(r.source)
        if src is None:
            src = source[r.source] = source_of(r.source)
        out[i].append([name_of(r.measure), r.period, number(r.value), r.unit, src])
    # [measure, period, value, unit, source] lists sort as those five fields, without a key function
    return {i: sorted(rows) for i, rows in sorted(out.items())}
