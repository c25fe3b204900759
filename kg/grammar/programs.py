"""Programs: named brands, models, mechanisms, campaigns, systems and projects.

A quoted name with its head noun (“1+3”多元纠纷化解模式) is the strongest signal; a quoted
name alone is kept when its clause says it is carried out (打造/开展/推行…) or its shape is a
coined label (numerals, +), and dropped when it reads as a scare quote (的“神经末梢”),
a problem label (“三多”问题) or a slogan (lists, punctuation).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..gazetteer import find_divisions, lookup
from ..lexicon import (AWARD_CUES, AWARD_SUFFIXES, IMPLEMENT_CUES, NON_PROGRAM_HEADS, ORG_BAD_MIDDLES, ORG_CORES,
                       PROGRAM_HEADS, REGULATION_SUFFIXES, SUBJECT_PREDICATES)
from ..model import EntityType, norm_label
from .candidates import Candidate
from .honours import is_honour
from .memo import memo
from .text import COUNT_AFTER, QUOTE_PAIRS, han_run, is_han, verbs_and_adverbs
from .titles import _statute_ok

_MAX_QUOTED = 14
_COINED = re.compile(r"[0-9０-９+＋]")
_SLOGAN_CHARS = set("，,。；;：:！!？?、")
#: verbs that mark the quoted phrase as a goal or state reached, not a named initiative
_STATE_BEFORE = ("实现", "做到", "成为", "形成", "筑起", "打通", "从", "到", "达到", "变", "当好", "争当",
                 "称为", "誉为", "被誉为", "坚持", "树立", "牢固树立", "解决", "破解", "有效", "确保")
#: verbs that may directly follow a program's head noun and end its name
_VERB_AFTER_HEAD = tuple(c for c in IMPLEMENT_CUES if c not in ("建设", "全面")) + tuple(AWARD_CUES) + (
    "达到", "实现", "覆盖", "全覆盖", "成为", "获得", "入选", "受到", "得到", "取得", "被", "合作", "运行", "发挥") \
    + SUBJECT_PREDICATES
_MEETING = ("主题", "系列", "新闻", "会议", "发布会", "座谈会", "大会", "论坛", "会", "讲座", "比赛")
_EXT_BREAK = set("的了在和与及或对为把被将从向以于由等并且而但是也都又还就已，,。；;：:、（）()《》“”‘’\"'|\n")


#: activity words that may modify a program's head (“四张清单”工作推进机制, “一站式”矛盾纠纷调处模式,
#: “综合查一次”联合执法机制)
_PROGRAM_MODIFIERS = ("工作", "推进", "建设", "调处", "联合")


#: heads of two or more characters: those may open with a character that breaks a phrase (对接)
_LONG_HEADS = tuple(h for h, _ in PROGRAM_HEADS if len(h) >= 2)
#: the same heads by their first character (in their order): only those can start at a position
_LONG_HEADS_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _h in _LONG_HEADS:
    _LONG_HEADS_BY_FIRST[_h[0]] = _LONG_HEADS_BY_FIRST.get(_h[0], ()) + (_h,)
#: each head's subtype (the first listed wins) and the head lengths, longest first: a segment
#: ends with at most one head of each length, so its longest head is found by suffix lookups
_HEAD_SUBTYPE: dict[str, str] = {}
for _h, _sub in PROGRAM_HEADS:
    _HEAD_SUBTYPE.setdefault(_h, _sub)
_HEAD_LENGTHS = sorted({len(h) for h in _HEAD_SUBTYPE}, reverse=True)


#: a run of Han characters none of which breaks a head phrase
_EXT_RUN = han_run(_EXT_BREAK)
_BAD_MODIFIER = re.compile("|".join(re.escape(w) for w in ORG_BAD_MIDDLES if w not in _PROGRAM_MODIFIERS))


def _longest_head(seg: str) -> str | None:
    """The longest program head `seg` ends with (what the first match in PROGRAM_HEADS is)."""
    n = len(seg)
    for length in _HEAD_LENGTHS:
        if length <= n and seg[n - length:] in _HEAD_SUBTYPE:
            return seg[n - length:]
    return None


def _head_extension(text: str, pos: int) -> tuple[int, str | None]:
    """Length of the head-noun phrase at pos (modifiers + a program head), and its subtype."""
    j = pos
    # a head may open with a character that elsewhere breaks a phrase (对接)
    if pos < len(text) and text[pos] in _EXT_BREAK:
        j += next((len(h) for h in _LONG_HEADS_BY_FIRST.get(text[pos], ()) if text.startswith(h, pos)), 0)
        if j == pos:
            return 0, None  # the run stops at once: _run_head("")
    j = _EXT_RUN.match(text, j, max(j, min(len(text), pos + 12))).end()
    return _run_head(text[pos:j])


@memo(65536)
def _run_head(run: str) -> tuple[int, str | None]:
    """_head_extension's answer for the phrase run it found (cached: a head phrase recurs)."""
    # the run must end in a head, or a head must be followed by a verb (“12345”热线建立…);
    # if the noun phrase goes on (品牌影响力, 品牌建设) it is not a name
    for k in range(len(run), 0, -1):
        if k < len(run) and not run.startswith(_VERB_AFTER_HEAD, k):
            continue
        seg = run[:k]
        head = _longest_head(seg)
        if head is not None:
            mod = seg[:len(seg) - len(head)]
            # modifiers hold no verb of the clause: “…”入选全省十大品牌, “…”推进公共法律服务
            if not _BAD_MODIFIER.search(mod) and not mod.startswith(_CLAUSE_VERBS) and not _AWARD_CUE_IN.search(mod):
                return k, _HEAD_SUBTYPE[head]
    return 0, None


_AWARD_CUE_IN = re.compile("|".join(map(re.escape, AWARD_CUES)))
#: verbs of carrying out that open a clause, not a modifier of a head (“…”推进公共法律服务)
_CLAUSE_VERBS = tuple(v for v in IMPLEMENT_CUES if v not in ("工作", "建设"))


def _is_statute(inner: str) -> bool:
    return inner.endswith(("法典", "条例")) or (inner.endswith("法") and _statute_ok(inner) and len(inner) >= 3) \
        or inner in ("宪法", "民法典")


#: bodies named after a brand: “有事来谈”调解室, “和美家”中心
_NAMED_BODY = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:调解室|工作室|服务站|中心)")


def _head_follows(text: str, pos: int) -> bool:
    """A head noun right after the quote (“有事来谈”品牌影响力, “无证明城市”建设): a program. (A
    body named after it, “有事来谈”调解室, is one too; match_programs has handled that case.)"""
    return text.startswith("建设", pos) or text.startswith(_LONG_HEADS_BY_FIRST.get(text[pos:pos + 1], ()), pos)


def _implement_cue_before(text: str, start: int) -> bool:
    """A verb of carrying out earlier in the clause (across a 、-list of items)."""
    return _CUE_IN_LAST_CLAUSE.search(text, max(0, start - 60), start) is not None


#: a verb of carrying out with no clause mark after it (a cue holds none): it is in the last
#: clause of the window
_CUE_IN_LAST_CLAUSE = re.compile(f"(?:{'|'.join(map(re.escape, IMPLEMENT_CUES))})[^，,。；;\n]*\\Z")

#: what ends a four-character phrase (而 may sit inside one: “和”而不同)
_PUN_BREAK = set("、，,。；;：:！!？?“”‘’（）() \n等和及与的")


#: how far before a pun its place's name may start (斗山镇止“斗”息争)
_PUN_PLACE_REACH = 6
#: the place a pun follows: a name ending in a settlement's or a division's word
_PUN_PLACE = re.compile(r"[\u4e00-\u9fff]{1,4}(?:街道|社区|镇|乡|村|县|区|市)\Z")


def _four_character_pun(text: str, qstart: int, qend: int) -> tuple[int, int] | None:
    """和溪镇“和”风细雨, 绿水镇上善若“水”: one quoted character inside a four-character phrase that
    runs to the next break is a coined brand when it plays on the name of the place just before
    it; a quoted character in a maxim or a verb phrase (以“法”为要, 遇事找“法”) is emphasis."""
    r = 0
    while qend + r < len(text) and r < 4 and is_han(text[qend + r]) and text[qend + r] not in _PUN_BREAK:
        r += 1
    if r > 3 or (qend + r < len(text) and is_han(text[qend + r]) and text[qend + r] not in _PUN_BREAK):
        return None
    need = 3 - r
    left = qstart - need
    if left < 0 or not all(is_han(c) for c in text[left:qstart]):
        return None
    place = _PUN_PLACE.search(text, max(0, left - _PUN_PLACE_REACH), left)
    if place is None or text[qstart + 1] not in place.group():
        return None  # no place named before it whose character it plays on (以“法”为要, 遇事找“法”)
    return left, qend + r


#: quoted labels for groups of people (“一把手”, “关键少数”, “两代表一委员”): not initiatives
_PEOPLE_END = ("一把手", "少数", "代表", "委员", "干部", "群众", "人员", "队伍")
#: adjectives (“保姆式”, “菜单型”, “三化”) and counted kinds (“四类阵地”, “五项工作制度”, “一套流程”)
_NOT_A_NAME = re.compile(r"^.{1,2}[型式化]$|^[一二三四五六七八九十两几多]+[类个种条批支套张](?![一二三四五六七八九十两])")
_THEME_LIST_END = re.compile(r"等(?:主题|方面|内容|领域|话题|题材)")


#: quoted items, then the word closing a list of themes (an item never begins with 等, so the
#: match needs no backtracking into fewer items)
_THEME_LIST = re.compile(r"(?:[、，,和及与]?“[^”\n]{1,20}”)*" + _THEME_LIST_END.pattern)


def _in_theme_list(text: str, qstart: int) -> bool:
    """Does the quote at qstart open the rest of a list of themes (“防范电信诈骗”、“民法典”、
    “婚姻家庭”等主题…)? Every item, first or later, is seen from its own quote."""
    return _THEME_LIST.match(text, qstart) is not None


#: an opening quote and its closing quote within 40 characters on the same line (the first
#: closing one: a later one after a newline or out of reach leaves the opening one unclosed)
_QUOTE_SPAN = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}\\n]{{0,40}}{re.escape(c)}"
                                  for o, c in QUOTE_PAIRS.items()))
#: what after a quote makes it no program's name: a non-program head or a meeting
_NOT_PROGRAM_AFTER = tuple(NON_PROGRAM_HEADS) + _MEETING

#: modifiers that belong to a national program's name (新时代“枫桥经验”)
_ERA_MODIFIERS = ("新时代", "新时期")


#: what may join the quoted members of a list sharing one head (“A”“B”活动, “A”、“B”等活动)
_LIST_JOINERS = ("", "、", "和", "及", "与")


def _quote_runs(text: str) -> Iterator[list[tuple[int, int]]]:
    """The quotes closed in time, grouped into runs of adjacent or coordinated quotes: a
    verb before the run and a head noun after it are every member's."""
    run: list[tuple[int, int]] = []
    for found in _QUOTE_SPAN.finditer(text):
        span = found.span()
        if run and text[run[-1][1]:span[0]] not in _LIST_JOINERS:
            yield run
            run = []
        run.append(span)
    if run:
        yield run


#: a count of a kind after a list of quotes (四大平台, 两项机制)
_COUNTED_KIND = re.compile(r"[一二三四五六七八九十两]+[大个项类种张条]")
#: a plan period (“十四五”, “八五” alone): a span of time, not an initiative (“八五”普法 is one)
_PLAN_PERIOD = re.compile(r"^十?[一二三四五六七八九十]五$")
#: a count before a quote (三个“一号工程”, 双“一号工程”): the quoted name is what is counted
_COUNT_BEFORE = re.compile(r"(?:[一二三四五六七八九十两几0-9]+[个项大]|双)$")
#: a quoted name that holds its own program head (“一号工程”, “零点行动”, “八八战略”, “枫桥经验”)
_SELF_HEADS = ("工程", "行动", "计划", "战略", "经验", "机制", "模式", "工作法", "品牌", "项目")
#: a long quoted name ending in its own head (“某市加快建设矛盾纠纷多元化解工作体系”) is still a name
_MAX_LONG_QUOTED = 24
#: the heads of a system a long quoted name may end in (“两省三县联调机制”)
_SYSTEM_HEADS = ("机制", "模式", "制度", "体系", "平台")
_LONG_NAME_HEADS = (*_SYSTEM_HEADS, "工程", "项目")
#: award cues right after a quote: the quote names what was honoured
_HONOURED_AFTER = tuple(c for c in AWARD_CUES if c not in ("创建", "确定为", "命名为", "授予", "评为"))
#: the verbs after which a modifier of a quoted name starts (启动基层法治建设“五大行动”)
_PREFIX_OPENERS = tuple(sorted(set(IMPLEMENT_CUES) | {"启动", "推动", "推进", "深化", "开展", "实施",
                                                      "共建", "加强", "强化", "抓好", "做好", "擦亮",
                                                      "利用", "依托", "借助", "运用"},
                               key=len, reverse=True))
_PREFIX_MAX = 10
#: one-character verbs that open a verb phrase, never a noun modifier (有详细工作流程“五有”)
_ONE_CHARACTER_VERBS = frozenset("有是让使给做搞抓")
_SELF_PLACE = re.compile(r"(?:[全本我][省市区县旗镇乡])?")
#: what a modifier never holds: function characters, and 暨 joining two names (专项督察暨“八五”普法)
_MODIFIER_BREAK = _EXT_BREAK | {"暨"}
#: how far back the run before a quote is read: a settlement may open it (东港街道海上矛盾纠纷化解“四步”工作法)
_PREFIX_REACH = 14
#: a town, street or village that opens a modifier: it is where the program runs, not its name
_LEADING_SETTLEMENT = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?:街道|镇|乡|村|社区)")
#: organ cores and instrument kinds: a modifier holding one names a body or a document
_NOT_A_MODIFIER = re.compile("|".join(re.escape(w) for w in sorted(
    {c for c in ORG_CORES if len(c) >= 2} | {s for s, _ in REGULATION_SUFFIXES if len(s) >= 2}, key=len, reverse=True))
    + "|[局委办厅院所处室科庭队站团]$")
_BAD_PREFIX = re.compile("|".join(re.escape(w) for w in ORG_BAD_MIDDLES if w not in ("建设", "工作")))


def _modifier_before(text: str, qstart: int) -> str:
    """The noun modifier written right before a quoted name (基层法治建设“五大行动”, 法治共享
    “农家书屋”): the Han run back to a verb of carrying out or the clause's start, without the
    place where the program runs; empty when the run is too long to be a modifier."""
    lo = qstart
    while lo > 0 and qstart - lo <= _PREFIX_REACH and is_han(text[lo - 1]) and text[lo - 1] not in _MODIFIER_BREAK:
        lo -= 1
    run = text[lo:qstart]
    if not run:
        return ""
    cut = max((run.rfind(v) + len(v) for v in _PREFIX_OPENERS if v in run), default=-1)
    if cut < 0 and qstart - lo > _PREFIX_REACH:
        return ""  # no verb and no clause start within reach: not a modifier
    mod = _without_leading_place(run[max(cut, 0):])
    if not 4 <= len(mod) <= _PREFIX_MAX or mod[:2] in verbs_and_adverbs() or mod[0] in _ONE_CHARACTER_VERBS \
            or mod.startswith(_CAPTION_LEADS + ("主动",)) \
            or _BAD_PREFIX.search(mod) or _COUNT_BEFORE.search(mod) or mod.endswith(_ERA_MODIFIERS) \
            or _NOT_A_MODIFIER.search(mod):
        return ""  # a body (区司法局“…”), a document (工作清单“…”) or a count owns the name, it is no part of it
    return mod


def _without_leading_place(mod: str) -> str:
    """The modifier without the place it opens with (全市, 东港街道, 柳树塘村, 福州市): where the
    program runs is no part of its name."""
    mod = mod[_SELF_PLACE.match(mod).end():]
    settle = _LEADING_SETTLEMENT.match(mod)
    if settle is not None:
        return mod[settle.end():]
    first = next(iter(find_divisions(mod)), None) if mod else None
    return mod[first.end:] if first is not None and first.start == 0 else mod


def _with_modifier(text: str, cand: Candidate) -> Candidate:
    """The candidate named with the modifier before its quote, the shorter forms as aliases."""
    mod = _modifier_before(text, cand.start)
    if not mod:
        return cand
    return Candidate(cand.start - len(mod), cand.end, cand.etype, mod + cand.name, cand.source, cand.subtype,
                     cand.props, (cand.name,) + cand.aliases)


def match_programs(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for run in _quote_runs(text):
        # a head after the run (and after 等) is every member's
        tail = run[-1][1] + (1 if text.startswith("等", run[-1][1]) else 0)
        if len(run) > 1 and _COUNTED_KIND.match(text, tail):
            continue  # “A”“B”和“C”四大平台: the parts of one counted set, not programs each
        for n, (qstart, qend) in enumerate(run):
            if n < len(run) - 1 and qend - qstart - 2 > _MAX_QUOTED:
                continue  # “A+B+C+D”“1+3”模式: a long description glossed by the name after it
            cand = _quoted_program(text, qstart, qend, tail, run[0][0])
            if cand is None and n < len(run) - 1 and text.startswith("的", tail):
                cand = _quoted_program(text, qstart, qend, qend, run[0][0])  # “A”和“B”的…: each alone
            if cand is not None:
                out.append(_with_modifier(text, cand) if len(run) == 1 and cand.start == qstart else cand)
    return out


def _quoted_program(text: str, qstart: int, qend: int, head_at: int, list_start: int) -> Candidate | None:
    """The program a quote names, if it names one: `head_at` is where its head noun would be
    (after the last member of a list), `list_start` where the list it is in opens."""
    inner = text[qstart + 1:qend - 1].strip()
    if not inner or inner.endswith(_PEOPLE_END) or _in_theme_list(text, qstart):
        return None
    after = text[head_at:head_at + 6]
    if after.startswith("的") and head_at == qend:
        described = _described_method(text, qstart, qend, head_at)
        if described is not None:
            return described
    if after.startswith(NON_PROGRAM_HEADS):
        return None
    if _NAMED_BODY.match(text, qend):
        return _brand_of_body(qstart, qend, text[qstart:qend], inner)
    k, sub = _head_extension(text, head_at)
    if k:  # a head noun, even after a meeting word (“…”主题宣传活动)
        return _headed_program(text, qstart, qend, head_at, k, sub, inner)
    if after.startswith(_MEETING) or _inside_honour(text, qend) or inner.endswith(_HONOUR_ENDS):
        return None  # 全国“七五”普法工作先进单位, “全国民主法治示范村”: honours, not programs
    if len(inner) == 1:
        return _pun_program(text, qstart, qend)
    if _no_name_alone(text, qend, inner) or _name_evidence(text, qend, head_at, list_start, inner) < 1:
        return None
    return _bare_program(text, qstart, qend, inner)


def _brand_of_body(qstart: int, qend: int, quoted: str, inner: str) -> Candidate | None:
    """A body named after a brand (“有事来谈”调解室): the brand is the program; a room's own
    sub-brand (“有事来谈·老李来帮”调解室) is only the room's name."""
    if "·" in inner or len(inner) > _MAX_QUOTED:
        return None
    return Candidate(qstart, qend, EntityType.PROGRAM, quoted, "program", "Brand", aliases=(inner,))


def _headed_program(text: str, qstart: int, qend: int, head_at: int, k: int, sub: str | None,
                    inner: str) -> Candidate:
    """A quote with its head noun (“枫桥式”工作法) names the program with that head; a list's
    members share the head after the last one (“A”“B”工程: A工程)."""
    quoted = text[qstart:qend]
    if head_at == qend:
        return Candidate(qstart, qend + k, EntityType.PROGRAM, text[qstart:qend + k], "program", sub,
                         aliases=(quoted, inner))
    head = text[head_at:head_at + k]
    return Candidate(qstart, qend, EntityType.PROGRAM, quoted + head, "program", sub, aliases=(quoted, inner))


def _pun_program(text: str, qstart: int, qend: int) -> Candidate | None:
    """One quoted character names nothing alone, but may be the pun of a four-character brand
    (和溪镇“和”风细雨): the phrase is the program, its alias without the quotes."""
    pun = _four_character_pun(text, qstart, qend)
    if pun is None:
        return None
    phrase = text[pun[0]:pun[1]]
    return Candidate(pun[0], pun[1], EntityType.PROGRAM, phrase, "program", "Brand",
                     aliases=(phrase.replace("“", "").replace("”", ""),))


def _no_name_alone(text: str, qend: int, inner: str) -> bool:
    """What a quote without a head holds that is no program's name: slogans, adjectives and
    counted kinds (with a head they are names), awards and statutes (“民法典”: matched by their
    own rules), plan periods and open-ended concepts (“互联网+”), facilities counted after it
    (打造“法治文化公园”12个: of a kind, not one program)."""
    long_named = len(inner) <= _MAX_LONG_QUOTED and inner.endswith(_LONG_NAME_HEADS)
    if (len(inner) > _MAX_QUOTED and not long_named) or not _SLOGAN_CHARS.isdisjoint(inner) \
            or _NOT_A_NAME.search(norm_label(inner)):
        return True
    if inner.endswith(("奖", "称号", "+", "＋")) or _is_statute(inner) \
            or (_PLAN_PERIOD.match(inner) and not text.startswith("普法", qend)):
        return True
    return bool(COUNT_AFTER.match(text, qend))


def _name_evidence(text: str, qend: int, head_at: int, list_start: int, inner: str) -> int:
    """How strongly the words around a bare quote say it names a program (at least 1: it does):
    the evidence for it less the evidence that it quotes a state, a kind or a description."""
    return _name_cues(text, qend, head_at, list_start, inner) - _phrase_cues(text, head_at, list_start)


def _name_cues(text: str, qend: int, head_at: int, list_start: int, inner: str) -> int:
    """A verb of carrying out or using before it (运用“唠家常”式交流: a manner, not a means),
    digits or pluses, a head noun after it, its own head inside (“一号工程”, “八八战略”), an
    honour after it (“…”获全省…奖, “…”入选…: what is honoured is a named thing); a long name
    with its own head (的“两省三县联调机制”) is one whatever else is said."""
    after = text[head_at:head_at + 6]
    used = (text.endswith(_USE_CUES, max(0, list_start - 2), list_start) and not after.startswith(("式", "型"))) \
        or (text.endswith("以", 0, list_start) and _AS_MEANS.match(text, head_at) is not None
            and not is_honour(inner))  # (以“民主法治示范村”为载体: the honour striven for)
    score = sum((_implement_cue_before(text, list_start) or used,
                 bool(_COINED.search(inner)),
                 _head_follows(text, head_at),
                 len(inner) >= 3 and inner.endswith(_SELF_HEADS),
                 text.startswith(_HONOURED_AFTER, qend)))
    if len(inner) >= 6 and inner.endswith(_SYSTEM_HEADS):
        score += 3
    return score


def _phrase_cues(text: str, head_at: int, list_start: int) -> int:
    """What says the quote is a phrase, not a name: 的 or a verb of reaching a state before it,
    an indefinite count (一项“民心工程”: a kind of thing) (2), 的, 作用 or 目标 after it (1)."""
    before = text[max(0, list_start - 4):list_start]
    against = 0
    if before.endswith("的") or before.endswith(_STATE_BEFORE) or _state_verb_governs(text, list_start) \
            or before.endswith(_INDEFINITE):
        against += 2
    if text.startswith(("的", "作用", "目标"), head_at):
        against += 1
    return against


def _bare_program(text: str, qstart: int, qend: int, inner: str) -> Candidate:
    """A program the quote alone names; a five-year plan's name takes its 普法 (“八五”普法), and
    an era before the quote (新时代“枫桥经验”) is part of the name."""
    quoted = text[qstart:qend]
    if _PLAN_PERIOD.match(inner) and text.startswith("普法", qend):
        return Candidate(qstart, qend + 2, EntityType.PROGRAM, quoted + "普法", "program", "Campaign",
                         aliases=(quoted, inner))
    era = next((e for e in _ERA_MODIFIERS if text.endswith(e, 0, qstart)), None)
    if era:
        return Candidate(qstart - len(era), qend, EntityType.PROGRAM, era + quoted, "program", None,
                         aliases=(quoted, inner))
    return Candidate(qstart, qend, EntityType.PROGRAM, quoted, "program", None, aliases=(inner,))


#: the endings of honours' names (先进集体, 示范村, 典型案例)
_HONOUR_ENDS = tuple(a for a in AWARD_SUFFIXES if len(a) >= 3 or a.startswith(("先进", "示范", "模范", "标兵")))
_HONOUR_RUN = han_run(_EXT_BREAK)


def _inside_honour(text: str, qend: int) -> bool:
    """Does the phrase the quote opens end in an honour (“七五”普法工作先进单位, 双“一号工程”先进集体)?
    The quote is then a part of the honour's name, not a program of its own."""
    end = _HONOUR_RUN.match(text, qend, min(len(text), qend + 12)).end()
    return end > qend and text.endswith(_HONOUR_ENDS, qend, end)


#: heads a quote may describe through 的 (“早发现、早介入”的工作方法, “…”的三查工作方法)
_DESCRIBED_HEADS = ("工作方法", "工作法", "工作模式", "模式", "工作机制", "机制")
_DESCRIBED_RUN = han_run(_EXT_BREAK)


def _described_method(text: str, qstart: int, qend: int, head_at: int) -> Candidate | None:
    """“…”的 + a method's or model's name ending the phrase: the quote says what the method is, and
    the whole is its name (the words after 的, when more than the head, are a name too)."""
    start = head_at + 1
    end = _DESCRIBED_RUN.match(text, start, min(len(text), start + 8)).end()
    phrase = text[start:end]
    if end < len(text) and is_han(text[end]) or not phrase.endswith(_DESCRIBED_HEADS):
        return None
    head = next(h for h in _DESCRIBED_HEADS if phrase.endswith(h))
    aliases = (text[qstart:qend], phrase) if len(phrase) > len(head) + 1 else (text[qstart:qend],)
    return Candidate(qstart, end, EntityType.PROGRAM, text[qstart:end], "program", _HEAD_SUBTYPE.get(head),
                     aliases=aliases)


#: verbs of putting a named means to use, right before its quote (利用“车载便民法庭”巡回审理)
_USE_CUES = ("利用", "依托", "借助", "运用")
#: 以“…”为抓手: what one acts by (以…为载体; not 为引领, a principle), as after 依托
_AS_MEANS = re.compile("为(?:抓手|载体|依托|平台)")
#: an indefinite count (作为…的一项“民心工程”): the quote says what kind of thing something is
_INDEFINITE = ("一项", "一个", "一种", "一条", "一大")
#: verbs whose object is a state to reach or a gap to close (打通基层治理“最后一米”)
_STATE_GOVERNORS = ("打通", "解决", "破解", "实现", "做到", "当好", "跑出", "畅通")
#: verbs of rectifying, whose object is a problem to stamp out (整治行政执法“乱罚款”), not a program
_REMEDY_GOVERNORS = ("整治", "纠治", "纠正", "查处", "惩治", "遏制", "根治", "破除", "杜绝")
_STATE_GOVERNED = re.compile(f"(?:{'|'.join(_STATE_GOVERNORS + _REMEDY_GOVERNORS)})[\u4e00-\u9fff]{{0,6}}\\Z")


def _state_verb_governs(text: str, qstart: int) -> bool:
    """A verb of reaching a state or of rectifying a problem within a short noun phrase before the
    quote (打通基层治理“最后一米”, 整治行政执法“乱罚款”)."""
    return _STATE_GOVERNED.search(text, max(0, qstart - 8), qstart) is not None


#: verbs that introduce a named initiative without quotes (建立两省三县跨省联调机制)
_INTRO_VERBS = ("组织开展", "开展", "建立健全", "建立", "健全", "完善", "推行", "实行", "探索", "创新", "构建",
                "打造", "举办", "实施", "启动", "推进", "承接", "落实", "创建", "搭建", "上线", "开通", "部署",
                "深化", "推广", "出台", "形成", "开设", "设立", "推出", "制定")
_UNQUOTED_HEADS = ("攻坚行动", "专项行动", "行动", "宣传月活动", "系列活动", "观摩活动", "活动", "工作机制",
                   "协作机制", "联动机制", "联调机制", "机制", "责任制", "制度", "模式", "试点", "平台", "系统", "工程",
                   "体系", "大比武", "改革", "专项督察", "专项整治", "专项治理", "知识竞赛", "竞赛", "宣传周", "宣传月",
                   "工作法", "创建活动")
_GENERIC_STEMS = ("相关", "有关", "各项", "各类", "一系列", "多种", "多项", "系列", "工作", "长效", "常态化",
                  "一批", "一套", "这一", "该", "此", "其", "全面", "进一步", "相应", "配套", "新的")
#: what makes an unquoted phrase a proper name: a quote, a number, a coined count (两省三县), a place,
#: or the years a campaign is given, closing the stem (…专项整治三年行动)
_DISTINCT = re.compile(r"[“0-9+]|[一二三四五六七八九十两][^\s]{0,2}[一二三四五六七八九十两]|[省市县区镇乡]"
                       r"|[一二三四五六七八九十两]年\Z")
#: how long a stem makes a name specific without a place, a number or a quote, by head: a rule or
#: system named by what it does at length (行政执法效能评估制度, …府院衔接机制) is one institution;
#: heads not listed need a distinct mark (法律援助服务长效机制 and 主题法治宣传教育活动 are no names)
_SPECIFIC_STEM = {"制度": 8, "责任制": 4, "系列活动": 6, "机制": 10, "专项督察": 4, "专项整治": 4, "专项治理": 4,
                  "工作法": 4, "创建活动": 6}
_NAMED_HEADS = ("攻坚行动", "专项行动", "宣传月活动", "试点", "大比武", "宣传周", "宣传月")
_PHRASE_END_OK = set("、，,。；;：:和与及（(\n")
_PHRASE_MAX = 32
_PHRASE_CLASS = "\u4e00-\u9fff0-9“”+·"
#: a phrase: phrase characters, and 、 only inside quotes (“防控”、“调处”双机制)
_PHRASE = re.compile(f"(?:[{_PHRASE_CLASS.replace('“', '')}]|“[{_PHRASE_CLASS.replace('”', '')}、]*”?)*")
#: a verb of carrying out, and (looked ahead at: the next verb may sit inside it) the run of
#: phrase characters after it (and after 了); where a 、 ends that run, _phrase_end decides
_INTRO_VERB_RUN = re.compile(f"(?:{'|'.join(_INTRO_VERBS)})(?=了?([{_PHRASE_CLASS}]{{0,{_PHRASE_MAX}}}))")
#: verbs in a stem make it a clause, not a name (nouns such as 年度/报告/情况 may name a rule: 年度报告制度)
_BAD_IN_STEM = re.compile("|".join(re.escape(w) for w in ORG_BAD_MIDDLES if w not in ("工作", "建设", "年度", "报告", "情况")))


#: verbs of content that, with their object, say a campaign's or pilot's topic (优化营商环境…宣传月活动,
#: 公证参与…试点, 整治提升…攻坚行动): in such a name they are no verb of its clause
_TOPIC_VERBS = ("优化", "加快", "促进", "保障", "参与", "提升", "强化", "规范", "整治")
_BAD_IN_NAMED_STEM = re.compile("|".join(
    re.escape(w) for w in ORG_BAD_MIDDLES if w not in ("工作", "建设", "年度", "报告", "情况") + _TOPIC_VERBS))
#: the generic work a named initiative is the object of (开展…试点工作, 启动…行动工作)
_GENERIC_WORK = "工作"


def _stem_is_clause(stem: str, head: str) -> bool:
    """Does a verb in the stem before a head make the phrase a clause rather than a name?"""
    return (_BAD_IN_NAMED_STEM if head in _NAMED_HEADS else _BAD_IN_STEM).search(stem) is not None


def _before_generic_work(text: str, start: int, j: int) -> int:
    """Where a phrase ending at j ends without a trailing 工作 after a program head (开展…创新
    试点工作: the name is …创新试点); j when no head stands before it."""
    if j - start > len(_GENERIC_WORK) and text.endswith(_GENERIC_WORK, start, j) \
            and _unquoted_head(text[max(start, j - 2 - _UNQUOTED_HEAD_MAX):j - 2]) is not None:
        return j - len(_GENERIC_WORK)
    return j


def _phrase_end(text: str, start: int) -> int:
    """End of the phrase at `start` (at most _PHRASE_MAX characters): phrase characters, and
    、 only inside quotes."""
    return _PHRASE.match(text, start, max(start, min(len(text), start + _PHRASE_MAX))).end()


@memo(4096)
def _unquoted_head(tail: str) -> str | None:
    """The first listed unquoted head that `tail` (a run's last characters) ends with."""
    if not tail.endswith(_UNQUOTED_HEADS):  # most runs end in none: one C-level test
        return None
    return next(h for h in _UNQUOTED_HEADS if tail.endswith(h))


_UNQUOTED_HEAD_MAX = max(map(len, _UNQUOTED_HEADS))


def _head_before_and(stem: str) -> bool:
    """Does a conjunct before 和 end in a program head of its own (…调整机制和…)?"""
    return any(_unquoted_head(part[-_UNQUOTED_HEAD_MAX:]) is not None for part in stem.split("和")[:-1])


#: after a verb, items joined by 、 and closed by 等 + a word for their kind (宪法宣传周、民法典宣传月等活动)
_MEMBER_LIST = re.compile(r"((?:[\u4e00-\u9fff0-9]{4,20}、)+[\u4e00-\u9fff0-9]{4,20})等[\u4e00-\u9fff]{0,4}(?=[，,。；;、\n])")


def _list_members(text: str, start: int) -> list[Candidate]:
    """Each member of a list after a verb that carries a program head of its own: the list's
    closing word (等活动) names their kind, so a member without a head of its own is no name."""
    m = _MEMBER_LIST.match(text, start)
    if m is None:
        return []
    out, pos = [], start
    for item in m.group(1).split("、"):
        head = _unquoted_head(item[-_UNQUOTED_HEAD_MAX:])
        stem = item[: len(item) - len(head)] if head else ""
        if head and len(stem) >= 2 and not stem.startswith(_GENERIC_STEMS) and not _stem_is_clause(stem, head) \
                and (_DISTINCT.search(stem) or head in _NAMED_HEADS or len(stem) >= _SPECIFIC_STEM.get(head, _PHRASE_MAX)):
            out.append(Candidate(pos, pos + len(item), EntityType.PROGRAM, item, "mechanism", None))
        pos += len(item) + 1
    return out


def match_unquoted_programs(text: str) -> list[Candidate]:
    """Named initiatives after a verb of carrying out, ending in a program head noun."""
    out: list[Candidate] = []
    n = len(text)
    for m in _INTRO_VERB_RUN.finditer(text):
        start, j = m.span(1)
        if j < n and text[j] == "、" and "”" not in text[start:j]:
            out.extend(_list_members(text, start))
        if j < n and text[j] == "、" and j < start + _PHRASE_MAX:
            j = _phrase_end(text, start)  # a 、 inside quotes does not end the phrase
        # the phrase ends where the run ends (at punctuation), in a head noun
        if j < n and text[j] not in _PHRASE_END_OK:
            continue
        j = _before_generic_work(text, start, j)
        run = text[start:j]
        head = _unquoted_head(run[-_UNQUOTED_HEAD_MAX:])  # the first listed, not the longest
        if head is None:
            continue
        if run.count("“") != run.count("”") or run.startswith(_INTRO_VERBS) or "”“" in run:
            continue  # 探索形成…: the name follows the last verb; “A”“B”活动 is the quoted rule's
        stem = run[: len(run) - len(head)]
        if len(norm_label(stem)) < 4 or stem.startswith(_GENERIC_STEMS) or "的" in stem:
            continue
        if _stem_is_clause(stem, head):
            continue
        if "等" in stem or "了" in stem:
            continue  # a list closed by 等, a verb phrase with 了: no one name
        if "和" in stem and _head_before_and(stem):
            continue  # 窗口人员轮岗交流机制和业务分流机制: two things, each judged where it stands
        if not (_DISTINCT.search(stem) or head in _NAMED_HEADS or len(stem) >= _SPECIFIC_STEM.get(head, _PHRASE_MAX)):
            continue  # 多元化解纠纷机制, 行政执法工作体系: generic, not a name
        # a quoted brand inside a longer name (整治“…”专项行动): the longer name is the program
        quoted = run[run.find("“"):] if "“" in run and not run.startswith("“") else ""
        out.append(Candidate(start, j, EntityType.PROGRAM, run, "program" if "“" in run else "mechanism", None,
                             aliases=(quoted,) if quoted else ()))  # 整治“…”专项行动: also “…”专项行动
    return out


_CAPTION = re.compile(r"^[ \t\u3000]*[▲△■●◆]?[ \t\u3000]*([\u4e00-\u9fff0-9“”+·]{6,30})[ \t\u3000]*$", re.M)
#: the same after a newline: a literal first character lets the search skip to line starts
_CAPTION_AFTER_NL = re.compile("\n" + _CAPTION.pattern.removeprefix("^"), re.M)
_CAPTION_HEADS = ("机制", "制度", "活动", "大比武", "专项行动", "行动", "工程", "模式", "平台", "体系", "竞赛")
_CAPTION_LEADS = ("加强", "强化", "提升", "优化", "坚持", "持续", "全面", "深入", "聚焦", "突出", "着力", "积极",
                  "不断", "大力", "扎实")


def _caption_lines(text: str) -> Iterator[re.Match[str]]:
    """_CAPTION.finditer(text): the first line, then the lines after a newline."""
    first = _CAPTION.match(text)
    if first is not None:
        yield first
    yield from _CAPTION_AFTER_NL.finditer(text, first.end() if first is not None else 0)


def match_caption_programs(text: str) -> list[Candidate]:
    """A line standing alone (a photo caption or a sub-heading) that is a noun phrase ending in a
    program head (云州市跨行政区划府院联动机制, ▲民法典宣传月活动) names that program; lines led
    by a verb (健全依法决策机制) are section headings about work, not names."""
    out: list[Candidate] = []
    for m in _caption_lines(text):
        name = m.group(1)
        head = next((h for h in _CAPTION_HEADS if name.endswith(h)), None)
        if head is None or len(name) - len(head) < 4 or name.count("“") != name.count("”"):
            continue
        if name.startswith(_INTRO_VERBS + _GENERIC_STEMS + _CAPTION_LEADS) or "的" in name:
            continue
        if any(w in name for w in ORG_BAD_MIDDLES if w not in ("工作", "建设", "活动")):
            continue
        if not (_DISTINCT.search(name[: len(name) - len(head)]) or re.search("宣传月|大比武|竞赛|法典", name)):
            continue  # 特色调解品牌工程: the tail of a title broken over two lines
        out.append(Candidate(m.start(1), m.end(1), EntityType.PROGRAM, name, "mechanism", None))
    return out


def match_program_echoes(text: str, found: list[Candidate]) -> list[Candidate]:
    """Further mentions of a mechanism whose name opens with a coined count (两省三县跨省联调机制):
    the same count leading a phrase that ends in the mechanism's head (启动两省三县联调机制), or
    its name without the head (与两省三县跨省联调深度融合)."""
    from .docresolve import coined_family

    out: list[Candidate] = []
    program = EntityType.PROGRAM
    families = {c.name: fam for c in found if c.etype == program and "“" not in c.name
                and (fam := coined_family(c.name)) is not None}
    if not families:
        return out
    spans = {(c.start, c.end) for c in found}
    for name, (prefix, head) in sorted(families.items()):
        bare = name[: len(name) - len(head)]
        pat = re.compile(re.escape(prefix) + r"[\u4e00-\u9fff]{0,12}?" + re.escape(head) + "|" + re.escape(bare))
        for m in pat.finditer(text):
            if (m.start(), m.end()) in spans:
                continue
            if m.start() > 0 and text[m.start() - 1] == "“":
                continue  # the quoted form is the quoted-name rule's
            out.append(Candidate(m.start(), m.end(), EntityType.PROGRAM, name, "mechanism", None,
                                 aliases=(m.group(0),) if m.group(0) != name else ()))
    return out


#: 法治湖北, 平安柳溪, 法治云州建设: the rule-of-law and public-safety programs named after a place
_PLACE_BRAND = re.compile(r"(?:法治|平安)(?=([\u4e00-\u9fff]{2,5}))")
_COUNTRY = "中国"
_TRIO_NEXT = ("、法治政府", "、法治社会", "和法治政府")
#: an honour's ending before the clause ends (平安中国“优秀微电影”三等奖, 法治X建设示范乡镇)
_HONOUR_AHEAD = re.compile("[^，,。；;、\n]{0,16}?(?:" + "|".join(map(re.escape, _HONOUR_ENDS + ("奖",))) + ")")


def _place_name(word: str) -> bool:
    """A place by its full name, by a short form safe in running text, or the country."""
    return word == _COUNTRY or any(d.name == word or (d.short == word and d.safe_short) for d in lookup(word))


def match_place_brands(text: str) -> list[Candidate]:
    """法治/平安 + a place (its full name or short form, found in the gazetteer), with 建设 when it
    follows: the programs of building rule of law or public safety in that place."""
    out: list[Candidate] = []
    for m in _PLACE_BRAND.finditer(text):
        after = m.group(1)
        place = next((after[:k] for k in range(len(after), 1, -1) if _place_name(after[:k])), None)
        if place is None:
            continue
        end = m.end() + len(place)
        if text.startswith(_TRIO_NEXT, end) or _HONOUR_AHEAD.match(text, end) or _in_open_quote(text, m.start()):
            continue  # one of the trio 法治X、法治政府、法治社会 (spheres); 平安X建设先进集体 (an honour)
        name = text[m.start():end]
        aliases: tuple[str, ...] = ()
        if text.startswith("建设", end):
            aliases, name, end = (name,), name + "建设", end + 2
        out.append(Candidate(m.start(), end, EntityType.PROGRAM, name, "program", "Campaign", aliases=aliases))
    return out


def _in_open_quote(text: str, pos: int) -> bool:
    """Is pos inside a quote opened earlier on its line (“普及法律知识、共建法治X”)? The quoted-name
    rule judges what a quote holds."""
    line = text.rfind("\n", 0, pos) + 1
    return text.rfind("“", line, pos) > text.rfind("”", line, pos)
