"""What a SPARQL text may ask of an engine, checked on the text before any engine parses it.

Oxigraph's parser recurses once per nesting level: a query 3,000 brackets deep overflows the
stack and kills the process (`kg query` segfaults, the `kg serve` server aborts). And SERVICE
makes the engine send HTTP requests wherever the query says. Both are found by one cheap scan:
brackets and the SERVICE keyword outside string literals and comments.

The scan errs on the side of refusing: brackets inside IRIs count, and the text is read both as
written and with its \\uXXXX escapes decoded (SPARQL 1.1 decodes them before parsing, some parsers
do not), so no spelling that one engine reads as nesting or SERVICE slips past as data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: nesting levels a query may have; real queries use a handful, Oxigraph's server threads
#: overflow their stacks at several hundred
MAX_DEPTH = 100

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'        # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\r\n]|\\.)*"'                # short strings (no raw line ends)
    r"|'(?:[^'\\\r\n]|\\.)*'"
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)'          # IRIs: skipped as data, but their brackets count
    r"|#[^\r\n]*"                            # comments end at either line end
    r"|\\."                                  # an escaped character of a prefixed name
    r"|(?P<open>[({\[])|(?P<close>[)}\]])"
    r"|(?<![?$\w])(?P<service>SERVICE)",
    re.S | re.I)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QueryRefused(Exception):
    """The query text asks for something the engine must not be given."""


@dataclass(frozen=True)
class Scan:
    depth: int      # deepest nesting of (), {} and []
    service: bool   # the SERVICE keyword occurs


def _decode_codepoints(text: str) -> str:
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)
    return _CODEPOINT.sub(char, text)


def _scan_one(text: str) -> Scan:
    depth = deepest = 0
    service = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "iri":
            iri = m.group(0)
            deepest = max(deepest, depth + iri.count("(") + iri.count("["))
        elif kind == "service":
            service = True
    return Scan(deepest, service)


def scan(text: str) -> Scan:
    """The query's nesting depth and whether it uses SERVICE (either reading of its escapes)."""
    views = [_scan_one(text)]
    if "\\u" in text or "\\U" in text:
        views.append(_scan_one(_decode_codepoints(text)))
    return Scan(max(v.depth for v in views), any(v.service for v in views))


def check(text: str, *, federation: bool = False, max_depth: int = MAX_DEPTH) -> None:
    """Raise QueryRefused for a query nested deeper than `max_depth` or, unless `federation`,
    one that uses SERVICE."""
    s = scan(text)
    if s.depth > max_depth:
        raise QueryRefused(f"the query is nested {s.depth} levels deep (at most {max_depth} allowed)")
    if s.service and not federation:
        raise QueryRefused("SERVICE (a federated query to another endpoint) is refused; "
                           "allow it with --federation")
