"""Web-page chrome in scraped reports: found by general line rules, blanked for extraction.

Reports scraped from government portals carry the page around the article: font-size
switches (字号 大 中 小), print/close buttons (【打印】【关闭】), share bars (分享到 微信 微博),
"scan to read on your phone" lines (扫码使用手机浏览本页内容), previous/next links
(上一篇：… 下一篇：…), lone image placeholders (图片, 图片3), metadata lines
(来源：… 发布时间：… 浏览次数：…), breadcrumbs (当前位置：首页 > …) and footers
(版权所有, ICP备…). None of it is part of the report, and names in it (the title of the next
article, the site owner in the footer) must not become mentions or evidence.

`clean_for_extraction(text)` returns a text of the same length in which every boilerplate
character is replaced by a space (line breaks are kept), so every offset still maps to the
file as read. The extractor runs on the cleaned text (kg.normalize builds it from this);
quotes and surfaces are then sliced from the original text (`kg.normalize.restore`), so an
evidence quote always equals the file's text at its offsets.

The rules look at one line at a time (the only context they use is "the line is short"), so
the cost is linear in the text. A rule blanks either a whole line, or a chrome prefix/suffix
glued to real text (the scraped "大 中 小2023年,…" where the font switch lost its line break).
"""
from __future__ import annotations

import re

from .lexicon import POSITIONS

BLANK = " "

# ---- building blocks -------------------------------------------------------------------------

_SP = r"[ \t\u3000\xa0]"
_COLON = r"[:：]"
_OPEN, _CLOSE = r"[【\[（(〔]", r"[】\]）)〕]"
#: the font-size switch: 大 中 小 with spaces or brackets between (never plain 大中小, which is
#: a word: 大中小学, 大中小型企业)
_SIZES = (rf"(?:大{_SP}++中{_SP}++小|"
          rf"{_OPEN}{_SP}*+大{_SP}*+{_CLOSE}{_SP}*+{_OPEN}{_SP}*+中{_SP}*+{_CLOSE}{_SP}*+{_OPEN}{_SP}*+小{_SP}*+{_CLOSE})")
_FONT = (rf"(?:{_OPEN}?{_SP}*+(?:字号|字体|文字大小|字体大小){_SP}*+{_COLON}?{_SP}*+(?:{_SIZES})?"
         rf"{_SP}*+{_CLOSE}?)")

#: words that are page controls when a line holds nothing else
_TOKENS = (
    _FONT, _SIZES, "默认", "放大", "缩小", "标准",
    "打印(?:本页|此页|本文|文章|页面|正文)?", "关闭(?:窗口|本页|页面|本文)?",
    "返回(?:顶部|首页|列表|上页|上一页|目录)?", "回到顶部", "顶部", "TOP", "top",
    "(?:加入)?收藏(?:本页|此页)?", "分享(?:到|至|本页|此页)?", "转发", "我要纠错", "纠错", "评论",
    "微信(?:好友|朋友圈)?", "朋友圈", "(?:新浪|腾讯)?微博", "QQ(?:空间|好友)?", "QZone", "人人网",
    "豆瓣", "复制(?:链接|网址)", "扫一扫", "二维码", "手机版", "手机阅读", "保存(?:本页)?",
    "相关(?:链接|阅读|新闻|文章|推荐)", "图片\\d*", "视频", "音频", "上一篇", "下一篇",
    "上一条", "下一条",
)
_TOKEN = "(?:" + "|".join(_TOKENS) + ")"
_SEP = rf"(?:{_SP}|[|｜/／·•・\-—_:：,，、;；>＞»【】\[\]()（）〔〕<《》])"
_CHROME_LINE = re.compile(rf"(?:{_SEP}*{_TOKEN}{_COLON}?)+{_SEP}*")
_CHROME_MAX = 160  # chrome lines are short; the cap also bounds the regex's backtracking

#: "scan the code to read this page on a phone"; only on short lines (a real sentence may say
#: 群众通过扫描二维码即可上报)
_SCAN = re.compile(r"(?:扫码|扫一扫|扫描|二维码).{0,20}(?:手机|本页|当前页|本文|阅读|浏览|打开|分享)|"
                   r"(?:手机|移动端).{0,6}(?:浏览|打开|阅读|查看)(?:本页|当前页|本文|此页)")
_SCAN_MAX = 40
_SENTENCE_END = re.compile("[。！？!?；;]")

#: previous/next article links: the rest of the line is another article's title
_PREV_NEXT = re.compile(rf"{_SP}*{_OPEN}?(?:上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇){_CLOSE}?{_SP}*{_COLON}")
_PREV_NEXT_MAX = 200

#: a lone image / media placeholder or an image file name
_MEDIA = re.compile(rf"{_OPEN}?{_SP}*(?:图片|图像|照片|视频|音频|附图|image|img|photo)"
                    rf"{_SP}*\d{{0,3}}{_SP}*{_CLOSE}?|[\w\-]{{1,80}}\.(?:jpe?g|png|gif|bmp|webp)", re.I)

#: metadata fields of the page (who published it when, how often it was read)
_META_KEY = (r"(?:信息来源|文章来源|稿件来源|来源|发布时间|发布日期|发文日期|更新时间|发布机构|发布者|发布人|"
             r"作者|供稿|撰稿|摄影|编辑|责任编辑|责编|审核|审校|校对|浏览次数|浏览量|阅读次数|阅读量|"
             r"阅读数|点击数|点击量|点击率|访问量|访问次数|字数)")
_META_START = re.compile(rf"{_SP}*{_OPEN}?{_META_KEY}{_CLOSE}?{_SP}*{_COLON}")
_META_ANY = re.compile(rf"{_META_KEY}{_SP}*{_COLON}")
_COUNTER = re.compile(rf"(?:浏览次数|浏览量|阅读次数|阅读量|阅读数|点击数|点击量|访问量|访问次数){_SP}*{_COLON}?{_SP}*\d")
_META_MAX, _META_ALONE_MAX = 160, 60
#: a press conference's roster line keyed as a page's publisher is (发布人：市司法局党组书记、局长
#: 李文斌): it names a post, and is the speaker's, not the page's metadata
_ROSTER_KEY = re.compile(rf"{_SP}*(?:发布人|发布者){_SP}*{_COLON}")

#: breadcrumbs: 当前位置：首页 > 新闻中心 > 工作动态
_CRUMB = re.compile(rf"{_SP}*(?:(?:您的|您现在的|你的|当前|所在)?位置{_SP}*{_COLON}|首页{_SP}*[>＞»›/／])")
_CRUMB_MAX = 120

#: page footers
_FOOTER = re.compile(r"版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|网站地图|"
                     r"\d{3,4}\s*[×xX*]\s*\d{3,4}\s*(?:分辨率|像素)|建议使用.{0,20}浏览器", re.I)
_FOOTER_START = re.compile(rf"{_SP}*(?:主办单位|承办单位|维护单位|技术支持|联系电话|联系我们|网站声明|隐私声明)"
                           rf"{_SP}*(?:{_COLON}|$|{_SP}|[|｜])")
_FOOTER_MAX = 160

#: chrome glued to the start of real text: the font switch (字号：大 中 小2023年…)
_GLUED_PREFIX = re.compile(rf"{_SP}*+(?:{_FONT}|{_SIZES})(?={_SP}*+\S)")
#: buttons glued to the end of real text: …工作。【打印】【关闭】 / …工作。扫码使用手机浏览本页内容
_GLUED_SUFFIX = re.compile(
    rf"(?:{_SP}*{_OPEN}{_SP}*(?:打印|关闭|返回|收藏|分享|纠错|字号|字体)[^】\]\n]{{0,6}}{_CLOSE})+{_SP}*$|"
    rf"(?<=[。！？!?”])(?:{_SP}*(?:扫码使用手机浏览本页内容|扫一扫在手机打开当前页|"
    rf"扫码(?:在|用)?手机(?:浏览|打开|阅读)(?:本页|当前页|本文)(?:内容)?))+{_SP}*$")


_SUFFIX_WINDOW = 80
_WS = " \t\r\u3000\xa0"
#: no whole-line rule applies to a longer line
_RULE_MAX = max(_CHROME_MAX, _SCAN_MAX, _PREV_NEXT_MAX, _META_MAX, _CRUMB_MAX, _FOOTER_MAX)
#: the characters a chrome line can start with (separators, brackets, first characters of the
#: tokens and keys above); a line starting otherwise needs a match of _ANYWHERE or a file name
_START_CHARS = frozenset(
    "|｜/／·•・-—_:：,，、;；>＞»【】[]()（）〔〕<《》"
    "字文大默放缩标打关返回顶Tt加收分转我纠评微朋新腾QqRr人豆复扫二手保相图视音照附iIp"
    "上下信稿来发更作供撰摄编责审校浏阅点访您你当所位首主承维技联网隐建")
_ANYWHERE = re.compile(f"{_SCAN.pattern}|{_COUNTER.pattern}|{_FOOTER.pattern}", re.I)
#: a character every match of _ANYWHERE holds (a one-class scan is much cheaper than _ANYWHERE)
_ANYWHERE_HINT = re.compile("[扫二手移浏阅点访版CcIi©公网辨像建]")
_PREFIX_CHARS = frozenset("【[（(〔字文大")
_SUFFIX_CHARS = frozenset("】]）)〕页容文")


def _is_roster(s: str) -> bool:
    """Whether a line keyed 发布人 names a speaker's post (a press conference's roster)."""
    return _ROSTER_KEY.match(s) is not None and any(p in s for p in POSITIONS)


def _line_is_chrome(s: str) -> bool:
    """Whether a line (stripped of spaces) is page chrome as a whole."""
    n = len(s)
    if not n or n > _RULE_MAX:
        return False
    if s[0] not in _START_CHARS and s[-1] not in "gGpPfF" and not (
            _ANYWHERE_HINT.search(s) and _ANYWHERE.search(s)):
        return False  # the common case, decided without trying every rule
    if n <= _CHROME_MAX and _CHROME_LINE.fullmatch(s):
        return True
    if n <= _SCAN_MAX:
        m = _SCAN.search(s)
        if m and not _SENTENCE_END.search(s, 0, m.start()):  # not text + glued chrome
            return True
    if n <= _PREV_NEXT_MAX and _PREV_NEXT.match(s):
        return True
    if n <= 90 and _MEDIA.fullmatch(s):
        return True
    if n <= _META_MAX and _META_START.match(s) and not _is_roster(s) and (
            n <= _META_ALONE_MAX or len(_META_ANY.findall(s)) >= 2 or _COUNTER.search(s)):
        return True
    if n <= _META_MAX and _COUNTER.search(s) and len(_META_ANY.findall(s)) >= 2:
        return True  # 2023-05-06 来源：市司法局 浏览次数：123
    if n <= _CRUMB_MAX and _CRUMB.match(s):
        return True
    if n <= _FOOTER_MAX and (_FOOTER.search(s) or _FOOTER_START.match(s)):
        return True
    return False


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of page chrome, in order; line breaks are never inside a span.
    Linear in the text: each rule looks at one line, and at most a bounded part of it."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        body_end = end - 1 if line.endswith("\r") else end  # keep \r\n intact
        s = line.strip(_WS)
        if s:
            if _line_is_chrome(s):
                spans.append((pos, body_end))
            else:
                start = pos
                if s[0] in _PREFIX_CHARS:
                    m = _GLUED_PREFIX.match(line)
                    if m and m.end() > 0:
                        spans.append((pos, pos + m.end()))
                        start = pos + m.end()
                if s[-1] in _SUFFIX_CHARS:
                    # only the line's tail: bounds the search on a 50 MB single-line file
                    m = _GLUED_SUFFIX.search(text, max(start, body_end - _SUFFIX_WINDOW), body_end)
                    if m and m.end() > m.start():
                        spans.append((m.start(), m.end()))
        pos = end + 1
    return spans


def clean_for_extraction(text: str) -> str:
    """`text` with its page chrome replaced by spaces: same length, same line breaks, so every
    offset into the result is an offset into `text`."""
    spans = boilerplate_spans(text)
    if not spans:
        return text
    parts = []
    last = 0
    for s, e in spans:
        parts.append(text[last:s])
        parts.append(BLANK * (e - s))
        last = e
    parts.append(text[last:])
    out = "".join(parts)
    assert len(out) == len(text)
    return out
