"""Named officials: a surname-initial name next to a position title, never a private person.

Forms: a roster line (周海峰 市委依法治市办副主任), name + title (习近平总书记), title + name
(局长陈立新), name + 同志. A name marked 化名 or containing 某 never becomes an entity.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

from ..lexicon import (ADDRESS_TERMS, AWARD_RECEIVE_CUES, OWN_INTERNAL_BODIES, PERSON_HONOUR_HEADS, POSITIONS, PRIVATE_MARKERS,
                       SURNAMES_1, SURNAMES_2)
from ..model import DocContext, EntityType
from .candidates import Candidate
from .text import (HAN, common_words, dictionary_names, finditer_at, finditer_before, is_han, marker_starts,
                   trie_pattern, verbs_and_adverbs)

_POS_ALT = "|".join(map(re.escape, POSITIONS))
_NAME_TITLE = re.compile(rf"([{HAN}]{{2,4}}?)(?:同志|(?:{_POS_ALT}))")
_AFTER_ORG = re.compile(rf"(?:司法所|派出所|法院|检察院|局|办|中心|工作站|服务站)([{HAN}]{{2,3}})")
_BEFORE_NAME_ALT = "|".join(map(re.escape, sorted((*POSITIONS, *PERSON_HONOUR_HEADS), key=len, reverse=True)))
#: a qualifier of a post in brackets between the title and the name (副县长（挂职）孙七, 局长（主持工作）)
_POST_QUALIFIER = r"(?:[（(](?:挂职|兼|主持工作|[正副][厅局处科]级)[）)])?"
_TITLE_NAME = re.compile(rf"(?:{_BEFORE_NAME_ALT}){_POST_QUALIFIER}[”’」]?(?:[、，,：:]|[ \t\u3000]+)?([{HAN}]{{2,3}})")
#: a name of the north-west written by its sounds, its parts joined by a middle dot (买买提·艾力,
#: 阿依古丽·吐尔逊): after a title, the dot itself says a name follows
_TITLE_DOTTED_NAME = re.compile(rf"(?:{_BEFORE_NAME_ALT})[”’」]?(?:[、，,：:]|[ \t\u3000]+)?"
                                rf"((?:[{HAN}]{{2,6}}[·•・‧]){{1,2}})(?=[{HAN}]{{2}})")
#: what follows a subject who receives or is honoured (所长李强荣获…, 局长王强被评为…): two
#: characters between a title and one of these are a name even when they are also a word
_CUE_AFTER_NAME = tuple(dict.fromkeys(("被", *AWARD_RECEIVE_CUES)))
#: a title (or 同志): every match of _NAME_TITLE has one 2–4 characters after its start
_TITLE = re.compile(rf"同志|{_POS_ALT}")


#: in the lookahead only whether a title follows matters: a prefix tree of them decides it faster
_ROSTER = re.compile(rf"(?m)^[ \t\u3000]*([{HAN}]{{2,4}})(?:[ \t\u3000]+|[ \t\u3000]*\n\s*)(?=[^\n]{{0,30}}(?:{trie_pattern(POSITIONS)}))")
#: a line start a roster name can follow: _ROSTER's name, then a space or a line break
_ROSTER_LINE = re.compile(rf"\n(?=[ \t\u3000]*[{HAN}]{{2,4}}[ \t\u3000\n])")


class _WordStarts:
    """Every position where one of `words` starts (overlapping ones too), found from the ends.

    The titles end in 13 characters (长, 员, 记…) but open with 39 (副, 主, 人…), so in the
    reversed text the regex engine stops at far fewer places than in the text."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in words})
        self.ends = re.compile(trie_pattern(w[::-1] for w in words))  # matches where a word ends

    def __call__(self, text: str) -> set[int]:
        n, words = len(text), self.words
        starts = set()
        for r in marker_starts(self.ends, text[::-1]):
            e = n - r
            starts.update(e - k for k in self.lengths if k <= e and text[e - k:e] in words)
        return starts


#: where _TITLE matches: every title's start
_title_starts = _WordStarts(("同志", *POSITIONS))
#: where an honour a winners' list follows starts
_honour_starts = _WordStarts(PERSON_HONOUR_HEADS)


_PRIVATE = re.compile("|".join(map(re.escape, PRIVATE_MARKERS)))


def names_private_person(text: str) -> bool:
    """Whether `text` holds a private person's marked name (张某峰, 化名): it never enters the graph."""
    return _PRIVATE.search(text) is not None
_FUNCTION = set("的了与和由在是把被等将对向从为及并而且之所以于着过也都就又还个些")  # not 其 (刘其亮)
#: the last characters of organ names: no given name ends in them (云岭州司法局 + 党委书记)
_ORGAN_LAST = ("局", "厅", "委", "办", "院", "所", "处", "科", "室", "站")
#: what no official's name ends with: a place's or a body's last character
_NOT_NAME_ENDS = ("乡", "镇", "县", "区", "市", "村", "省", *_ORGAN_LAST)


#: the verbs of receiving an honour: 荣立, 荣获, 荣记, 荣膺 open with a surname's character, and a unit's
#: name right before one (该局荣立集体一等功) is no official's
_RECEIVING_VERBS = frozenset(AWARD_RECEIVE_CUES)

#: function characters that given names hold as often (张向阳, 李为民, 王和平, 刘以明): no
#: function word inside a name that the words around it delimit
_GIVEN_NAME_CHARACTERS = str.maketrans("", "", "向为和以")


def _plausible(name: str, word_ok: bool = False) -> bool:
    """A public official's name: a surname and a given name, no word of the text (unless
    `word_ok`: the words around it say it is a name), no place or organ ending."""
    if names_private_person(name) or name in _RECEIVING_VERBS:
        return False
    sur = 2 if name[:2] in SURNAMES_2 else 1
    if not _FUNCTION.isdisjoint(name[sur:].translate(_GIVEN_NAME_CHARACTERS)):
        return False  # 党委的, 成员与: a surname-like character before ordinary words
    if len(name) == 3 and name[-1] in _FUNCTION and name[:2] in common_words():
        return False  # 单位为: a word, then a function word (李为民, 刘有为 keep theirs inside the given name)
    if (name in common_words() and not word_ok) or name.endswith(_NOT_NAME_ENDS) \
            or name.endswith(ADDRESS_TERMS):
        return False
    if name[:2] in SURNAMES_2:
        return 3 <= len(name) <= 4
    return name[0] in SURNAMES_1 and 2 <= len(name) <= 3


def _private_after(text: str, end: int) -> bool:
    return "化名" in text[end:end + 6]


def match_persons(text: str, token_starts: Collection[int] | None = None,
                  ctx: DocContext | None = None) -> list[Candidate]:
    """The officials a text names: roster lines, and (where the words are known) names before
    and after titles and names of a unit's staff, each name once, in text order; in a report of
    a Tibetan or Mongolian area (`ctx`), names written for their sounds after a title too."""
    spans = list(_roster_names(text))
    if token_starts is not None:
        titles = _title_starts(text)  # every title's start, for both title rules
        spans.extend(_names_before_titles(text, token_starts, titles))
        spans.extend(_names_after_titles(text, token_starts, titles))
        shape = _sound_names(ctx) if ctx is not None else None
        if shape is not None:
            # a name of the area's shape is the whole name where a surname and two characters
            # were read (县长阿西木呷出席: not 阿西木; 民警张伟荣记…: 张伟 and a cue stay), or any
            # Han name where it is made of the area's name elements (所长敖特根巴雅尔: not 敖特)
            sounds = dict(_sound_names_after_titles(text, token_starts, titles, shape))
            spans = [(s, sounds.pop(s) if sounds.get(s, e) > e and (e - s == 3 or _of_name_parts(text[s:sounds[s]], shape))
                      else e) for s, e in spans]
            taken = {s for s, _ in spans}
            spans.extend((s, e) for s, e in sounds.items() if s not in taken)
        if "·" in text or "•" in text or "・" in text or "‧" in text:
            spans.extend(_dotted_names_after_titles(text, titles, token_starts))
        spans.extend(_staff_names(text, token_starts))
    return [_person(text, s, e) for s, e in sorted(dict.fromkeys(spans), key=lambda span: span[0])]


def _person(text: str, s: int, e: int) -> Candidate:
    """The candidate of an official's name at s:e."""
    return Candidate(s, e, EntityType.PERSON, text[s:e], "person", "PublicOfficial")


def _is_name(text: str, s: int, e: int, token_starts: Collection[int] | None, strict: bool = False) -> bool:
    """Is text[s:e] a public official's name: a plausible name not marked 化名; without a title
    right before it (strict), also one word of its own (_one_word)."""
    if not _plausible(text[s:e]) or _private_after(text, e):
        return False
    return not strict or _one_word(text, s, e, token_starts)


def _one_word(text: str, s: int, e: int, token_starts: Collection[int] | None, word_ok: bool = False) -> bool:
    """A name seen without a title right before it must look like one word: its given name no
    common word (由人民, 和中级; `word_ok`: in a list of names, where 立新 and 建国 are given names),
    no word starting inside it after its first two characters."""
    name = text[s:e]
    surname = 2 if name[:2] in SURNAMES_2 else 1
    given = name[surname:]
    if len(given) == 2 and given in common_words() and not word_ok:
        return False
    # a word may start right after the surname (欧阳|晓峰), or one character into the given name
    return token_starts is None or not any(i in token_starts for i in range(s + surname + 1, e))


def _word_ends(text: str, s: int, limit: int, token_starts: Collection[int],
               unless: Collection[str] = ()) -> list[int]:
    """Where a name starting at `s` may end, the three-character one first: at a word's end, not
    past `limit`, and not where it would be one of the words `unless`."""
    ends = []
    for e in (s + 3, s + 2):
        if e <= limit and (e == len(text) or e in token_starts) and text[s:e] not in unless:
            ends.append(e)
    return ends


def _roster_names(text: str) -> Iterator[tuple[int, int]]:
    """A roster line opens with the official's name (周海峰 市委依法治市办副主任); _ROSTER
    matches at a line start only: the text's start, or one after a name-like opening."""
    for m in finditer_at(_ROSTER, text, [0, *(n.end() for n in _ROSTER_LINE.finditer(text))]):
        if _is_name(text, m.start(1), m.end(1), None):
            yield m.start(1), m.end(1)


def _names_before_titles(text: str, token_starts: Collection[int], titles: set[int]) -> Iterator[tuple[int, int]]:
    """Name + title (习近平总书记, 邓小平同志): the name must be a whole word (a token starts at it
    and at the title after it); the first word that is a name (是|邓小平同志: the verb before
    it is none)."""
    for m in finditer_before(_NAME_TITLE, _TITLE, text, (2, 3, 4), titles):
        s, e = m.start(1), m.end(1)
        if e in token_starts:
            s2 = next((s2 for s2 in range(s, e - 1) if s2 in token_starts
                       and _is_name(text, s2, e, token_starts, strict=True)), None)
            if s2 is not None:
                yield s2, e


#: a light verb and its object right after a two-character name (赵刚作报告, 李明作了讲话, 李强任总指挥):
#: the verb is no part of the name
_LIGHT_VERB = re.compile(r"作(?:了|出|重要|专题)?(?:报告|讲话|发言|部署|动员|说明|总结|辅导|表态)"
                         rf"|任(?:总指挥|指挥长|召集人|第一责任人|{_POS_ALT})")


def _names_after_titles(text: str, token_starts: Collection[int], titles: set[int]) -> Iterator[tuple[int, int]]:
    """Title + name (局长陈立新, 调解员刘德华、王明), with the names coordinated after it. A match
    of _TITLE_NAME opens with a title, so starts where _TITLE matches; every title is tried,
    not only those after the last match: in 党委委员、副厅长谭建华 the first title's match
    (委员、副厅) runs over the title before the name."""
    for i in sorted(titles | _honour_starts(text)):
        m = _TITLE_NAME.match(text, i)
        if m is None:
            continue
        s = m.start(1)
        if s in titles:
            continue  # 副书记、区长马志强: a title opens what follows the first one, no name (区长马)
        # the three-character name first, else the two (科长周敏|被评为: 周敏被 is no name)
        ends = _word_ends(text, s, m.end(1), token_starts)
        light = _LIGHT_VERB.match(text, s + 2) is not None
        if light:
            ends = [s + 2]  # 局长赵刚作报告: 作 opens the predicate (jieba reads 赵刚作 as one word)
        e = next((e for e in ends if _is_name(text, s, e, token_starts)), None)
        if e is None and s + 2 in ends \
                and (light or text.startswith(_CUE_AFTER_NAME, s + 2) or _before_next_title(text, s, titles)) \
                and _plausible(text[s:s + 2], word_ok=True) and not _private_after(text, s + 2):
            e = s + 2  # 所长李强荣获…, 局长李强任总指挥, 区委书记黄海、区长…: a title, two characters, a cue,
            # a light verb or the next official's title: a name, though also a word
        if e is not None:
            yield s, e
            yield from _coordinated_names(text, e, token_starts)


def _before_next_title(text: str, s: int, titles: set[int]) -> bool:
    """区委书记黄海、区长…: the two characters at `s` stand before the next official's title, and are a
    name's, not a noun's (组长单位、副组长单位)."""
    return text.startswith("、", s + 2) and s + 3 in titles \
        and (text[s:s + 2] not in common_words() or text[s:s + 2] in dictionary_names())


#: the places whose officials' names are Tibetan (four characters of sounds, no surname: 才让多杰)
_TIBETAN_AREAS = ("西藏自治区", "青海省")
_MONGOLIAN_AREAS = ("内蒙古自治区",)
#: the peoples whose autonomous places' officials may bear names of four characters written for
#: their sounds: Tibetan ones (才让多杰) and Yi ones, a clan name and a given name (阿西木呷, 吉伍依作)
_FOUR_SOUND_PEOPLES = ("藏族", "彝族")


class _SoundNames(NamedTuple):
    """How an area's officials' names written for their sounds (no surname) are shaped."""

    lengths: tuple[int, ...]  # longest first
    #: whether the first two characters may spell a word (乌云其其格: 乌云)
    word_first: bool
    #: the elements such names are made of, where they are a closed set
    parts: frozenset[str] = frozenset()
    #: the characters every such name opens with, where there are such (Dai names: 岩 for men,
    #: 玉 for women, then one or two syllables: 岩温, 玉香, 岩罕庄)
    opens: str = ""


#: Tibetan and Yi names: four characters (才让多杰, 格桑卓玛, 沙马拉且); Mongolian ones three to five, whose first
#: sounds often spell a noun (乌云其其格, 其木格, 巴特尔)
#: the elements Tibetan given names are composed of, one or two of them (扎西平措, 央金)
_TIBETAN_NAME_PARTS = frozenset((
    "扎西", "次仁", "平措", "多吉", "卓玛", "央金", "格桑", "洛桑", "德吉", "旺堆", "尼玛", "达瓦", "巴桑",
    "边巴", "普布", "拉巴", "索朗", "顿珠", "强巴", "罗布", "群培", "白玛", "曲珍", "拉姆", "央宗", "措姆",
    "益西", "丹增", "嘎玛", "贡布", "仁增", "才让", "卓嘎", "桑珠", "次旦", "米玛", "旦增", "土登", "晋美",
    "加措", "嘉措", "多杰", "才旦", "拉毛", "更登", "索南", "扎巴", "泽仁", "泽旺", "贡嘎", "次珍", "德庆",
    "阿旺", "旺姆", "旺杰", "顿旦", "琼达", "其美", "巴登", "朗杰", "坚参", "普琼", "斯朗", "曲扎", "旺久",
    # Kham and Amdo spellings (泽郎, 四郎, 格绒), and the one-syllable endings a three-character name
    # closes with (泽郎措, 扎西吉, 格桑卓: mtsho, skyid, sgrol)
    "泽郎", "四郎", "格绒", "呷绒", "降初", "更嘎", "措", "错", "吉", "卓", "姆",
))
_TIBETAN_NAMES = _SoundNames((4, 3), False, _TIBETAN_NAME_PARTS)
#: the elements Mongolian given names are commonly composed of, as Chinese writes their sounds
#: (敖特根 + 巴雅尔, 乌力吉 + 巴雅尔, 额尔敦 + 毕力格): some also spell words (雅尔, 乌力, 图雅)
_MONGOLIAN_NAME_PARTS = frozenset((
    "巴雅尔", "巴特尔", "额尔敦", "毕力格", "乌力吉", "敖特根", "其其格", "乌云", "格日勒", "图雅", "宝音",
    "朝鲁", "苏和", "那日苏", "孟和", "阿拉坦", "哈斯", "巴图", "呼和", "其木格", "斯琴", "高娃", "吉日嘎拉",
    "那顺", "乌日娜", "萨仁", "额尔德尼", "达来", "特木尔", "巴音", "查干", "布和", "白音", "道尔吉",
    "满都拉", "敖日格勒", "娜仁", "图门", "赛音", "敖登", "宝力道", "布仁", "德力格尔", "乌兰", "陶格斯",
    "阿古达木", "朝格图", "格根", "吉雅", "门德", "莫日根", "那木吉拉", "诺敏", "萨日娜", "苏德", "塔娜",
    "扎那", "照日格图", "阿木古郎", "宝力高", "敖其尔", "孟克", "青格勒", "额尔德木图", "朝克图", "包力高",
    "哈斯图雅", "乌日根", "希日莫", "格日乐", "额日和木", "松布尔", "达布希拉图", "阿日本", "斯日古冷",
))
_MONGOLIAN_NAMES = _SoundNames((6, 5, 4, 3), True, _MONGOLIAN_NAME_PARTS)
_DAI_NAMES = _SoundNames((3, 2), False, opens="岩玉")


_LONGEST_PART = max(map(len, _TIBETAN_NAME_PARTS | _MONGOLIAN_NAME_PARTS))


def _sound_names(ctx: DocContext) -> _SoundNames | None:
    """The shape of the names written for their sounds in the report's area; None elsewhere."""
    places = (ctx.province or "", ctx.city or "", ctx.county or "")
    if ctx.province in _TIBETAN_AREAS or any(p in n for n in places for p in _FOUR_SOUND_PEOPLES):
        return _TIBETAN_NAMES
    if ctx.province in _MONGOLIAN_AREAS or any("蒙古族" in n for n in places):
        return _MONGOLIAN_NAMES
    if any("傣族" in n for n in places):
        return _DAI_NAMES
    return None


def _sound_names_after_titles(text: str, token_starts: Collection[int], titles: set[int],
                              shape: _SoundNames) -> Iterator[tuple[int, int]]:
    """局长才让多杰主持…, 副局长乌云其其格讲话: a name of the area's shape after a title, a word
    starting after it, holding no word of the sentence (局长带头述法, 书记高度重视, 主任工作会议: 带头,
    高度, 会议) and no function character."""
    words, verbs = common_words(), verbs_and_adverbs()
    first = 1 if shape.word_first else 0
    for i in sorted(titles):
        m = _TITLE_NAME.match(text, i)
        if m is None:
            continue
        s = m.start(1)
        if s in titles or shape.opens and not text.startswith(tuple(shape.opens), s):
            continue  # 党组书记、市长姜宏: the second title opens what follows the first
        e = next((s + n for n in shape.lengths if _sound_name(text, s, s + n, token_starts)
                  and not text.startswith(AWARD_RECEIVE_CUES, s + n - 1)  # 道吉加|获“…”称号
                  and (_of_name_parts(text[s:s + n], shape)
                       or not any(text[j:j + 2] in verbs or (j >= s + first and text[j:j + 2] in words)
                                  for j in range(s, s + n - 1)))), None)
        if e is None and shape.parts and s + 2 <= len(text) and text[s:s + 2] in shape.parts \
                and _sound_name(text, s, s + 2, token_starts):
            e = s + 2  # 副局长央金被评为…: a name of one element
        if e is not None and not _private_after(text, e):
            yield s, e


def _of_name_parts(name: str, shape: _SoundNames) -> bool:
    """Whether the name is made of the area's name elements, one after another (扎西平措: 扎西 +
    平措; 敖特根巴雅尔: 敖特根 + 巴雅尔), whatever words they spell elsewhere (西平, 洛桑, 雅尔), perhaps
    after a Han surname (杨巴特尔)."""
    if not shape.parts:
        return False
    if name[:1] in SURNAMES_1 and name[:2] not in shape.parts and _of_name_parts(name[1:], shape):
        return True  # 杨巴特尔, 李乌云其其格: a Han surname, then the elements
    ends = {0}  # the ends of the prefixes of `name` made of elements
    for i in range(1, len(name) + 1):
        if any(name[j:i] in shape.parts for j in ends if i - j <= _LONGEST_PART):
            ends.add(i)
    return len(name) in ends


def _sound_name(text: str, s: int, e: int, token_starts: Collection[int]) -> bool:
    """Whether text[s:e] may be a name written for its sounds: Han characters ending where a word
    starts, no function character (阿不都, Abdu, is a sound though 都 is one), no place's or body's
    last character."""
    name = text[s:e]
    return len(name) == e - s and all(map(is_han, name)) \
        and (e == len(text) or e in token_starts or not is_han(text[e])) \
        and _FUNCTION.isdisjoint(name.replace("阿不都", "")) and not name.endswith(_NOT_NAME_ENDS)


def _dotted_names_after_titles(text: str, titles: set[int], token_starts: Collection[int]) -> Iterator[tuple[int, int]]:
    """局长买买提·艾力: a name of parts joined by a middle dot right after a title (never one
    marked 化名); its last part ends where a word starts after it and holds no word of the
    sentence (买买提·艾力|主持会议)."""
    words = common_words()
    for i in sorted(titles | _honour_starts(text)):
        m = _TITLE_DOTTED_NAME.match(text, i)
        if m is None or names_private_person(m.group(1)):
            continue
        s = m.end(1)
        e = next((e for e in (s + 6, s + 5, s + 4, s + 3, s + 2) if _sound_name(text, s, e, token_starts)
                  and not any(text[j:j + 2] in words for j in range(s + 1, e - 1))), None)
        if e is not None and not _private_after(text, e):
            yield m.start(1), e


def _coordinated_names(text: str, e: int, token_starts: Collection[int]) -> Iterator[tuple[int, int]]:
    """调解员刘德华、王明: the names coordinated after a title's name hold it too."""
    while e < len(text) and text[e] == "、" and e + 1 in token_starts:
        s = e + 1
        e = next((e2 for e2 in _word_ends(text, s, len(text), token_starts)
                  if _is_name(text, s, e2, token_starts) and _one_word(text, s, e2, token_starts, word_ok=e2 - s == 3)), 0)
        if not e:
            return
        yield s, e


def _staff_names(text: str, token_starts: Collection[int]) -> Iterator[tuple[int, int]]:
    """桃林司法所张建伟冒雨…: a staff member named right after the unit; the words may join the
    unit's last character to the surname (桃林司法|所张|建伟), so a word starts at the name or
    one character before it."""
    for m in _AFTER_ORG.finditer(text):
        s = m.start(1)
        if s not in token_starts and s - 1 not in token_starts:
            continue
        if text.startswith(OWN_INTERNAL_BODIES, s):
            continue  # 局党组会审议: the body's party organ, not a person named 党组会
        ends = _word_ends(text, s, m.end(1), token_starts, common_words())
        if ends and _is_name(text, s, ends[0], token_starts, strict=True):
            yield s, ends[0]
