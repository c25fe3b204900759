"""《…》 titles: legal instruments vs media outlets, columns and article or book titles."""
from __future__ import annotations

import re

from ..lexicon import COLUMN_HEADS, MEDIA_SUFFIXES, PROJECT_HEADS, REGULATION_SUFFIXES, WORK_KINDS
from ..model import EntityType
from .candidates import Candidate
from .text import CLOSING_QUOTES

#: a title, which may hold one title of its own (《关于印发《…办法》的通知》)
TITLE_RE = re.compile(r"《((?:[^《》\n]|《[^《》\n]{1,60}》){1,80})》")
_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")  # (试行) (2022年修订) (草案)
_SUFFIXES_LONGEST_FIRST = tuple(sorted(REGULATION_SUFFIXES, key=lambda sk: len(sk[0]), reverse=True))
_ISSUING = re.compile(r"^(?P<issuer>.*?)关于印发(?P<inner>.+?)的通知$")


#: the suffixes by length, longest first, each with its kind (the first listed wins): a title
#: ends with at most one suffix of each length, so a lookup per length finds the first match
_SUFFIX_KINDS: dict[str, str] = {}
for _s, _k in _SUFFIXES_LONGEST_FIRST:
    _SUFFIX_KINDS.setdefault(_s, _k)
_SUFFIX_LENGTHS = sorted({len(_s) for _s in _SUFFIX_KINDS}, reverse=True)


def regulation_kind(title: str) -> str | None:
    """The Regulation subclass a title's ending implies, or None when it is no instrument."""
    # (the note's closing bracket ends the title, or comes before a final newline: $)
    core = (_TRAILING_NOTE.sub("", title) if ")" in title[-2:] or "）" in title[-2:] else title).rstrip()
    unquoted = core.rstrip(CLOSING_QUOTES + "\"'")  # a quoted name ends it: 《涉企行政执法“免罚清单”》 is a 清单
    n = len(unquoted)
    for length in _SUFFIX_LENGTHS:
        if length > n:
            continue
        suffix = unquoted[n - length:]
        kind = _SUFFIX_KINDS.get(suffix)
        if kind is not None:
            if suffix == "法" and not _statute_ok(unquoted):
                return None  # 《说法》, 《…工作法》: no statutes
            if kind == "Law" and unquoted != core:
                return None  # 《律说“法典”》: a statute's name is never quoted inside a title (a video's is)
            return kind
    return None


#: what a 关于… title ends with when the text reports, advises or speaks rather than rules
_NOT_RULING = ("报告", "汇报", "说明", "总结", "讲话", "发言", "建议", "提案", "议案", "意见书", "函")


def document_kind(title: str) -> str | None:
    """关于 opens an official document's title (《关于对…考核评估机制》): a document that rules,
    whatever noun ends it, unless it reports, advises or speaks (《关于…的报告》)."""
    if title.startswith("关于") and len(title) > 6 and not title.endswith(_NOT_RULING):
        return "NormativeDocument"
    return None


def is_media(title: str) -> bool:
    return title.endswith(_MEDIA_SUFFIXES) and len(title) <= 12


_MEDIA_SUFFIXES = tuple(MEDIA_SUFFIXES)
_ARTICLE_MARKS = re.compile(r"[\s，,。！？!?：:]")


def is_article_title(title: str) -> bool:
    """Speeches, articles and books: spaces, sentence punctuation or a 论/谈 opening."""
    return bool(_ARTICLE_MARKS.search(title)) or title.startswith(("论", "谈", "习近平"))


def instrument_name(cell: str) -> tuple[str, tuple[str, ...]]:
    """A normative document's name from an issuing notice: 关于印发《X》的通知 → X."""
    cell = cell.strip()
    m = TITLE_RE.search(cell)
    if m and "印发" in cell:
        return m.group(1), (cell, f"《{m.group(1)}》")
    m2 = _ISSUING.match(cell)
    if m2:
        inner = m2.group("inner")
        if inner.startswith("〈") and inner.endswith("〉"):  # 关于印发〈X〉的通知: the inner title's own marks
            return inner[1:-1], (cell, f"《{inner[1:-1]}》")
        return inner, (cell,)
    return cell, ()


_MAKING = ("编制", "制作", "开设", "开办", "推出", "打造", "创办", "开发", "录制", "策划", "上线", "开通")


def _made_here(text: str, start: int) -> bool:
    clause = max(text.rfind(c, max(0, start - 40), start) for c in "，,。；;\n")
    return any(v in text[max(clause + 1, start - 40):start] for v in _MAKING)


#: a periodical's kind right after its title (《法治规范》杂志): the title names the periodical
_MEDIA_AFTER = re.compile("杂志|期刊|刊物|周刊|月刊|报纸")
#: the first of COLUMN_HEADS that follows (within 4 characters)
_COLUMN_HEAD = re.compile("|".join(map(re.escape, COLUMN_HEADS)))
_INNER_TITLE = re.compile(r"〈([^〈〉]{2,60})〉|(?<=.)《([^《》]{2,60})》")
#: spaces between the words of a title, as PDF text extraction leaves them (《某市 物业管理条例》)
_SPACES = re.compile(r"\s+")
_WORK_VERBS = ("创作", "拍摄", "编排", "出品", "摄制", "排演", "推送", "发布")
_PROJECT_HEAD = re.compile("|".join(map(re.escape, sorted(PROJECT_HEADS, key=len, reverse=True))))
#: a kind of work right before the title, with up to four modifying characters before it (普法微电影);
#: the modifier stops at a function character (创作的…)
_WORK_KIND_BEFORE = re.compile("(?:[^\\W的了在和与及或等并把被将对为以于由是、，。；：“”《》0-9a-zA-Z_]{0,4}?)(?:"
                               + "|".join(map(re.escape, sorted(WORK_KINDS, key=len, reverse=True))) + ")\\Z")


def _outlet(text: str, m: re.Match[str], title: str) -> Candidate | None:
    """A title that names a medium: followed by its periodical's kind (《人民调解》期刊, named with
    it), or ending like an outlet's name (《法治日报》)."""
    periodical = _MEDIA_AFTER.match(text, m.end())
    if periodical:
        return Candidate(m.start(), periodical.end(), EntityType.ORGANIZATION, text[m.start():periodical.end()],
                         "title", "MediaOrganization", aliases=(f"《{title}》", title))
    if is_media(title):
        return Candidate(m.start(), m.end(), EntityType.ORGANIZATION, title, "title", "MediaOrganization",
                         aliases=(f"《{title}》",))
    return None


def match_titles(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in TITLE_RE.finditer(text):
        title = m.group(1).strip()
        if not title:
            continue
        spaced = ()
        if _SPACES.search(title) and not is_article_title(_SPACES.sub("", title)) \
                and regulation_kind(_SPACES.sub("", title)):
            # an instrument's title with spaces inside is the same title (an article's title is
            # told by its other marks and its ending)
            spaced, title = (f"《{title}》",), _SPACES.sub("", title)
        project = _PROJECT_HEAD.match(text, m.end())
        if project and not regulation_kind(title):
            head = project.group()
            out.append(Candidate(m.start(), m.end() + len(head), EntityType.PROGRAM, f"《{title}》{head}", "title",
                                 "Project", aliases=(f"《{title}》", title)))
            continue
        kind = _WORK_KIND_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if kind and not regulation_kind(title) and not is_media(title):
            # 普法微电影《…》: a made work, named with its kind and the modifier before it
            start = kind.start()
            verb = next((v for v in _MAKING + _WORK_VERBS if text.startswith(v, start, m.start())), "")
            start += len(verb)  # 拍摄微电影《…》: the verb is no part of the name
            name = text[start:m.end()]
            out.append(Candidate(start, m.end(), EntityType.PROGRAM, name, "title", "Project",
                                 aliases=(f"《{title}》", title)))
            continue
        head = _COLUMN_HEAD.match(text, m.end(), m.end() + 4)
        if head:
            head = head.group()
            out.append(Candidate(m.start(), m.end() + len(head), EntityType.PROGRAM,
                                 f"《{title}》{head}", "title", "Column",
                                 aliases=(f"《{title}》", title)))
            continue
        outlet = _outlet(text, m, title)
        if outlet is not None:
            out.append(outlet)
            continue
        kind = None if is_article_title(title) else regulation_kind(title) or document_kind(title)
        if kind:
            name, aliases = title, (f"《{title}》",) + spaced
            if "印发" in title:
                name, more = instrument_name(title)
                aliases = aliases + more
            out.append(Candidate(m.start(), m.end(), EntityType.REGULATION, name, "title", kind,
                                 aliases=aliases))
            for inner in _INNER_TITLE.finditer(m.group(0), 1) if "〈" in title or "《" in title else ():
                # 《细化〈…职责规定〉工作责任清单》: the instrument the title refers to is named too
                iname = inner.group(1) or inner.group(2)
                ikind = regulation_kind(iname)
                if ikind and (inner.start(), inner.end()) != (0, len(m.group(0))):
                    out.append(Candidate(m.start() + inner.start(), m.start() + inner.end(), EntityType.REGULATION,
                                         iname, "title", ikind, aliases=(f"《{iname}》",)))
            continue
        if not is_article_title(title) and 2 <= len(title) <= 8 and _made_here(text, m.start()):
            # a short named series or product the report's actor made (编制《溪微课》), not a
            # programme it appeared in (在《新闻联播》播出)
            out.append(Candidate(m.start(), m.end(), EntityType.PROGRAM, title, "title", "Column",
                                 aliases=(f"《{title}》",)))
    return out


#: unbracketed statutes: 宣传宪法和民法典, 加强信访工作条例, 贯彻实施行政复议法
_STATUTE_RE = re.compile(r"(?:中华人民共和国)?[\u4e00-\u9fff]{1,12}?(?:法典|条例|法)")
_STATUTE_CUES = ("宣传", "学习", "贯彻", "实施", "落实", "遵守", "依据", "根据", "按照", "对照", "修订", "颁布",
                 "施行", "普及", "解读", "践行", "讲解", "围绕", "加强", "违反", "适用", "新修订的", "执行")
#: two-character words in 法 that are no statute (方法, 执法…); the codes 宪法/民法/刑法 are
_NOT_STATUTES = frozenset("方法 办法 做法 依法 执法 司法 违法 守法 立法 普法 用法 想法 说法 合法 非法 无法 设法 手法 "
                          "看法 写法 算法 语法 兵法 书法 国法 家法 王法 讲法 述法 学法 懂法 知法 用法 护法 变法 "
                          "考法 释法 政法 工作法 调解法 接访法 五步法".split())
_NOT_STATUTE_ENDS = tuple(sorted(_NOT_STATUTES, key=len, reverse=True))  # 接访法 is a method, not a law
_CODES = frozenset({"宪法", "民法", "刑法", "民法典"})


def _statute_ok(cand: str) -> bool:
    """A name in 法 that can be a statute: a code, or three characters or more not ending in a
    word for a way or an act of law (方法, 执法, 接访法) and not opening with a conjunction."""
    if cand in _CODES:
        return True
    return len(cand) >= 3 and not cand.endswith(_NOT_STATUTE_ENDS) and cand[:1] not in "和与及或的在对为"


#: what a statute's name may be followed by, its predicate (新修订的行政复议法正式施行, 民法典颁布实施)
_STATUTE_PREDICATES = ("正式", "施行", "实施", "颁布", "修订", "生效", "出台", "公布")
#: the anchors a kept match can end in: those the word ends after (a non-Han character,
#: 和与及等的, a predicate or the end of the text; match_statutes drops the others). One pattern per
#: anchor: a pattern opening with a literal is searched for far faster than an alternation.
_KEPT_ENDS = tuple(re.compile(rf"{a}(?=[和与及等的]|[^\u4e00-\u9fff]|\Z|{'|'.join(_STATUTE_PREDICATES)})")
                   for a in ("法典?", "条例"))
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]*")


def _statute_matches(text: str):
    """The matches of _STATUTE_RE.finditer(text) that can end a word, without the others.

    A match is all Han, so it lies inside one run of Han characters, and the matches of a
    run are those a search from the run's start finds: only the runs holding one of
    _KEPT_ENDS are searched (most 法 go on: 法治, 依法行政), each from its start up to that anchor."""
    search, run = _STATUTE_RE.search, _HAN_RUN.match
    n = len(text)
    rev = None  # the text reversed: the run before an anchor is a forward match in it
    pos = 0  # where the search resumes: the end of the last match yielded, or later
    for a, ke in sorted(k.span() for p in _KEPT_ENDS for k in p.finditer(text)):
        if ke <= pos:
            continue
        if rev is None:
            rev = text[::-1]
        run_start = a - (run(rev, n - a).end() - (n - a))
        if run_start > pos:
            pos = run_start  # a new run: nothing before it matters
        run_end = run(text, ke).end()
        while True:
            m = search(text, pos, run_end)
            if m is None or m.end() > ke:
                break  # the next match ends past this anchor: a later one may take it
            yield m
            pos = m.end()


#: the characters a statute's mention follows: a cue's last, 和、及与 (coordinated) or “ (quoted)
_STATUTE_OPENERS = frozenset({c[-1] for c in _STATUTE_CUES} | set("和、及与“"))


def match_statutes(text: str, token_starts=None) -> list[Candidate]:
    out: list[Candidate] = []
    for m in _statute_matches(text):
        e = m.end()
        if e < len(text) and "\u4e00" <= text[e] <= "\u9fff" and text[e] not in "和与及等的、" \
                and not text.startswith(_STATUTE_PREDICATES, e):
            continue  # 民法典广场: the word goes on (行政复议法正式施行: a predicate follows)
        if token_starts is not None and e < len(text) and e not in token_starts:
            continue
        for s2 in range(m.start(), e - 1):
            if token_starts is not None and s2 not in token_starts:
                continue
            if text[s2 - 1:s2] not in _STATUTE_OPENERS:
                continue  # no cue, coordination or quote before it (the tests below all need one)
            cand = text[s2:e]
            if not _statute_ok(cand) or cand.startswith(_STATUTE_CUES):
                continue
            before = text[max(0, s2 - 6):s2]
            coordinated = text[s2 - 1:s2] in ("和", "、", "及", "与") and any(o.end == s2 - 1 for o in out)
            quoted = text[s2 - 1:s2] == "“" and text[e:e + 1] == "”"
            if before.endswith(_STATUTE_CUES) or coordinated or quoted:
                kind = "Law" if cand.endswith(("法", "法典")) else "LocalRegulation"
                out.append(Candidate(s2, e, EntityType.REGULATION, cand, "statute", kind))
                break
    return out


#: instruments named without 《》 after a verb that makes them (制定2022年度干部教育培训计划,
#: 编制修订柳溪县总体应急预案, 建立…工作责任清单、…工作清单)
_MAKING_VERB = r"(?:制定|出台|编制|修订|印发|发布|建立|修编|起草)"
#: one verb, then more, perhaps joined by 并 (制定并实施…办法): X X* (not X+) opens with the words, so the
#: engine skips ahead to their characters
_MAKING_VERBS = re.compile(f"{_MAKING_VERB}(?:并?(?:{_MAKING_VERB}|实施|施行|执行|落实))*(?:了)?")
_UNBRACKETED_SUFFIXES = ("工作责任清单", "责任清单", "清单", "应急预案", "预案", "计划", "规划", "实施方案", "方案",
                         "实施细则", "细则", "办法", "工作规则", "规则", "指引", "纲要", "要点", "规定", "条例")
#: lists an authority applies are named instruments too (执行市场准入负面清单, 落实…权责清单)
_APPLYING_VERBS = re.compile(r"(?:严格|全面)?(?:执行|实行|推行|落实|公布|动态调整)(?:了)?")
_LIST_SUFFIXES = ("负面清单", "权责清单", "责任清单", "事项清单")
_UNBRACKETED_LAST = frozenset(s[-1] for s in _UNBRACKETED_SUFFIXES)  # an item's last character
_ITEM_RE = re.compile(r"(?:[\u4e00-\u9fff0-9]|[(（][^()（）\n，。；]{1,10}[)）])+")
#: an ordinal opening the item (出台首部…规定, 制定第一部…办法): its place in a series describes it, no name
_ORDINAL_OPENING = re.compile(r"(?:首|第[一二三四五六七八九十0-9]+)[部个批项件]")
_GENERIC_INSTRUMENT = ("工作", "实施", "相关", "有关", "各项", "各类", "配套", "一系列", "系列", "专项", "具体",
                       "年度", "这一", "该", "本", "新", "一批", "多项", "每日", "每周", "每月", "每年")


def match_unbracketed_instruments(text: str) -> list[Candidate]:
    """Each 、-separated item after the verb that ends in an instrument's kind and has a stem of
    its own (not 制定工作方案, 出台实施细则)."""
    out: list[Candidate] = []
    verbs = sorted([(v, _UNBRACKETED_SUFFIXES) for v in _MAKING_VERBS.finditer(text)]
                   + [(v, _LIST_SUFFIXES) for v in _APPLYING_VERBS.finditer(text)], key=lambda vs: vs[0].start())
    for v, suffixes in verbs:
        pos = v.end()
        while True:
            m = _ITEM_RE.match(text, pos)
            if m is None:
                break
            start, end = m.span()
            # (A办法和B规定: two items joined by 和 or 及 inside one run of characters)
            joint = next((k for k in range(start + 4, end - 4) if text[k] in "和及"
                          and text.endswith(suffixes, start, k)), None)
            if joint is not None:
                end = joint
            if end - start > 40:
                break
            item = text[start:end]
            if pos > v.end() and (_MAKING_VERBS.match(item) or _APPLYING_VERBS.match(item)):
                break  # …清单、落实…: a new verb, whose own items are read from it
            after = text[end:end + 1]
            suffix = next((s for s in suffixes if item.endswith(s)), None) \
                if item[-1] in _UNBRACKETED_LAST else None
            if suffix is None or (after and after not in "、，,。；;和及“\n"):
                break
            stem = item[: len(item) - len(suffix)]
            if len(re.sub(r"[(（][^()（）]*[)）]|[0-9]+年度?", "", stem)) < 4 or stem.startswith(_GENERIC_INSTRUMENT) \
                    or "的" in stem or "类" in stem or re.search(r"[0-9]+[项个种]", stem) \
                    or "有关" in stem or _ORDINAL_OPENING.match(stem):
                break  # 编制30类企业合规经营指引: a count of documents, not one; 修订完善有关规定: no name
            out.append(Candidate(start, end, EntityType.REGULATION, item, "instrument", regulation_kind(item)))
            if after not in "、和及":
                break
            pos = end + 1
    return out


#: a quoted coined name, then the words of an instrument's kind, unbracketed (“八五”普法规划实施以来,
#: “十四五”法治宣传教育规划): the plan or rule named after a program is an instrument
_QUOTED_INSTRUMENT = re.compile(r"“[^“”\n，。；、]{1,8}”([\u4e00-\u9fff]{0,10}?)(规划|纲要|实施方案|方案|条例|实施办法|办法|实施细则|细则)")
#: what the stem between the quote and the kind never holds (a phrase, not a name, runs on)
_QUOTED_STEM_BREAK = re.compile(r"[的了在和与及或对为把被将从向以于由等并且而但是也都又还就已暨]")


def match_quoted_instruments(text: str) -> list[Candidate]:
    """“X”…规划/方案/办法 outside 《》: an instrument named after its program; the program keeps its
    own mention inside it (a name inside a title is nested)."""
    out: list[Candidate] = []
    for m in _QUOTED_INSTRUMENT.finditer(text):
        if text.rfind("《", max(0, m.start() - 80), m.start()) > text.rfind("》", max(0, m.start() - 80), m.start()):
            continue  # inside a title: the title's rule
        if _QUOTED_STEM_BREAK.search(m.group(1)):
            continue
        name = m.group(0)
        out.append(Candidate(m.start(), m.end(), EntityType.REGULATION, name, "instrument", regulation_kind(name)))
    return out
