"""Who wrote a report, and who carries out what its sentences leave without a subject.

- A title naming a body and a report (云溪区司法局2023年度…报告) is that body's report; a
  government's or its rule-of-law office's (…依法治县委员会办公室关于…的报告) tells of the place's work.
- Without such a title, the first clause of the opening paragraphs that opens with a local body
  names the author (2023年，遵义市司法局在…领导下，…; 一年来，我局坚持…). When that body is the
  government itself (市委、市政府坚持…), the report is the place's.
- 我局/我厅/本局 name the author; when the text names the bureau nowhere, it is the bureau of
  justice (司法局, a province's 司法厅) of the report's place if the report speaks of 司法行政,
  the field of that bureau.
- A news article whose first paragraph opens with its outlet's dateline (新华网…5月18日电) is the
  outlet's; its implicit actor is the place it reports on (a medium carries nothing out).
- The implicit actor: the author, unless the title names a place and no body (十大亮点 of a city,
  a county's 普法工作纪实: the place's work), then the place (a town opening the title: the
  town, 某区某街道2023年度…工作报告); else an author line's body.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import RULE_OF_LAW_OBJECTS
from ..model import DocContext, EntityKey, EntityType
from .candidates import NESTED, Candidate
from .context import header_divisions, header_span, opening_places, title_end
from .text import LIST_LEAD

_REPORT_TITLE = re.compile(r"报告|总结|汇报|述职|白皮书|通报"
                           # (…人民政府新闻办公室2024年法治政府建设新闻发布会: the press office's own
                           # title; not 市司法局领导出席…发布会并回答…, nor …处长宗霞主持新闻发布会)
                           r"|^(?:(?!主持|召开|举行|出席)[^，,。；;：:\n]){0,20}发布会(?:文字)?(?:实录)?\s*$")
#: the opening paragraph searched for the author's clause: the first line of some length or of
#: several clauses (a photo caption, one clause, or a dateline-only line is no opening
#: paragraph), its first characters
OPENING_MIN, OPENING_CLAUSES, OPENING_CHARS = 60, 3, 400
_COMMA = re.compile(r"[，,；;]")
_CLAUSE_MARK = re.compile(r"[，,。；;：:！!？?\n]")
#: 我局, 本局, 我厅 (我院, 本院: a court's or procuratorate's): the report's author speaking of itself,
#: where the author is a body of that kind
SELF_BODY = re.compile(r"(?:我|本)(局|厅|院)")
#: a government's own organs: their report is the place's
_GOVERNMENT_ENDS = ("委", "政府", "人民政府", "行政公署", "常委会", "政协")
#: the field of the bureau of justice
_JUSTICE_FIELD = ("司法行政", "司法局", "司法厅")
_CENTRAL_SOURCE = "central"


@dataclass(frozen=True, slots=True)
class Authorship:
    """The author (an organisation, when the text makes one certain) and the implicit actor."""

    author: EntityKey | None
    actor: EntityKey | None
    self_mentions: tuple[Candidate, ...] = ()  # 我局/本局 as mentions of the author


#: the office of a place's rule-of-law committee (依法治县办, …全面依法治市委员会办公室): it
#: reports the place's rule-of-law work, as the government does
_RULE_OF_LAW_OFFICE = re.compile(f"依法治[{RULE_OF_LAW_OBJECTS}](?:委员会)?办(?:公室)?$")


def _speaks_for_place(body: str) -> bool:
    """A government's, a party committee's or a rule-of-law office's report tells of the place's
    work; a people's congress's standing committee reports its own (legislation, supervision)."""
    return (body.endswith(_GOVERNMENT_ENDS) and not body.endswith(_CONGRESS)) \
        or _RULE_OF_LAW_OFFICE.search(body) is not None or body.endswith(_PRESS_OFFICES)


#: a government's press office: its press conference tells of the place's work
_PRESS_OFFICES = ("政府新闻办公室", "政府新闻办")


_CONGRESS = "人大常委会"


def _is_local_body(m: Candidate) -> bool:
    return (m.etype == EntityType.ORGANIZATION and m.source not in (NESTED, _CENTRAL_SOURCE)
            and m.subtype != _MEDIA)


_MEDIA = "MediaOrganization"


def _outlet(text: str, mentions: Sequence[Candidate], begin: int) -> Candidate | None:
    """新华网乌鲁木齐5月18日电: the outlet opening the first paragraph of a news article."""
    begin = _opening_paragraph(text, begin)
    start = LIST_LEAD.match(text, begin).end()
    return next((m for m in mentions if m.start == start and m.subtype == _MEDIA and m.source != NESTED), None)


def _title_body(text: str, mentions: Sequence[Candidate], hend: int) -> Candidate | None:
    """云溪区司法局2023年度法治政府建设情况报告: a body opening a report title, after the
    divisions that may name where it is (苏州市吴江区司法局…工作总结)."""
    first_line_end = text.find("\n", 0, hend) if "\n" in text[:hend] else hend
    bodies: dict[int, Candidate] = {}
    for m in mentions:
        if m.etype == EntityType.ORGANIZATION and m.end <= first_line_end:
            bodies.setdefault(m.start, m)
    places = {m.start: m.end for m in mentions if m.etype == EntityType.PLACE and m.source != NESTED}
    opening = len(text) - len(text.lstrip())
    while opening not in bodies and opening in places:
        opening = places[opening]
    m = bodies.get(opening)
    return m if m is not None and _REPORT_TITLE.search(text[m.end:first_line_end]) else None


def _title_town(text: str, mentions: Sequence[Candidate], hend: int) -> Candidate | None:
    """柯桥区钱清街道2023年度法治政府建设工作报告: a town (after the divisions that say where it
    is) opening a report title is the report's place."""
    first_line_end = text.find("\n", 0, hend) if "\n" in text[:hend] else hend
    last, pos = opening_places(text, mentions)
    if last is None or last.subtype != "Town" or not _REPORT_TITLE.search(text[pos:first_line_end]):
        return None
    return last


def _bureau_of_justice(ctx: DocContext, text: str) -> str | None:
    place = ctx.local
    if place is None or not any(w in text for w in _JUSTICE_FIELD):
        return None
    return place + ("司法厅" if place == ctx.province and ctx.city is None else "司法局")


def _opening_paragraph(text: str, begin: int) -> int:
    """Where the first paragraph of some length after `begin` starts."""
    pos = begin
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip()
        if len(line) >= OPENING_MIN or len(_COMMA.findall(line)) >= OPENING_CLAUSES - 1:
            return pos
        if nl < 0:
            break
        pos = nl + 1
    return begin


def _opening_author(text: str, ctx: DocContext, mentions: Sequence[Candidate], begin: int
                    ) -> tuple[bool, EntityKey | None]:
    """(found, author) from the first clause of the opening paragraphs that opens with a body
    or with 我局; found with no author when that body is the government (the place's report)."""
    begin = _opening_paragraph(text, begin)
    end = min(len(text), begin + OPENING_CHARS)
    starts = {m.start: m for m in mentions if _is_local_body(m) and begin <= m.start < end}
    clause_starts = [begin] + [m.end() for m in _CLAUSE_MARK.finditer(text, begin, end)]
    for c in clause_starts:
        pos = LIST_LEAD.match(text, c).end()
        m = starts.get(pos)
        if m is not None:
            if _speaks_for_place(m.name):
                return True, None
            return True, EntityKey(m.etype, m.name)
        if (self_body := SELF_BODY.match(text, pos)) is not None and self_body.group(1) != "院":
            name = _bureau_of_justice(ctx, text)
            return True, EntityKey(EntityType.ORGANIZATION, name) if name else None
    return False, None


def _self_mentions(text: str, author: EntityKey, mentions: Sequence[Candidate]) -> tuple[Candidate, ...]:
    taken = bytearray(len(text))
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return tuple(Candidate(s.start(), s.end(), EntityType.ORGANIZATION, author.name, "selfref",
                           aliases=(s.group(0),))
                 for s in SELF_BODY.finditer(text) if taken.find(1, s.start(), s.end()) < 0
                 and author.name.endswith(s.group(1)))  # (我局 in a press office's transcript: the speaker's)


def reporting_body(text: str, ctx: DocContext, mentions: Sequence[Candidate]) -> Authorship:
    """The report's author and its implicit actor (see the module's docstring)."""
    _, hend = header_span(text)
    titled = _title_body(text, mentions, hend)
    local = ctx.local
    place = EntityKey(EntityType.PLACE, local) if local and any(
        m.etype == EntityType.PLACE and m.name == local for m in mentions) else None
    town = _title_town(text, mentions, hend) if titled is None else None
    if town is not None:  # a town's report: its work is the town's
        place = EntityKey(town.etype, town.name)
    if titled is not None:
        author = EntityKey(titled.etype, titled.name)
        # a government's or its rule-of-law office's report tells of the place's work
        actor = place if place is not None and _speaks_for_place(titled.name) else author
        return Authorship(author, actor, _self_mentions(text, author, mentions))
    outlet = _outlet(text, mentions, title_end(text))
    if outlet is not None:  # a news article: the outlet wrote it, it carries nothing out
        return Authorship(EntityKey(outlet.etype, outlet.name), place)
    found, author = _opening_author(text, ctx, mentions, title_end(text))
    place_title = bool(header_divisions(text))
    selfs = _self_mentions(text, author, mentions) if author is not None else ()
    if author is not None and not place_title:
        return Authorship(author, author, selfs)
    if place is not None:
        return Authorship(author, place, selfs)
    if not found:
        header_body = next((m for m in mentions if m.etype == EntityType.ORGANIZATION and m.end <= hend), None)
        if header_body is not None:  # an author line under a section title
            return Authorship(author, EntityKey(header_body.etype, header_body.name), selfs)
    return Authorship(author, author, selfs)
