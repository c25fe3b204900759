"""The measures of the reports' figures: one home for the curated vocabulary.

A figure's measure is read from the text as found (受理复议案件, 案件综合纠错率); reports of
different places and years name the same measure in different words, so the common ones are
listed here with the surface forms they take, and `canonical_measure` maps every listed form to
one preferred label: 复议纠错率 in a district report and 行政复议纠错率 in a city report are one
lg:Measure. A form not listed is kept as found (one node per distinct form).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .model import FigureKind

#: preferred label → the other surface forms of the measure (spaces and quotes never matter)
CURATED: dict[str, tuple[str, ...]] = {
    # administrative reconsideration (行政复议)
    "行政复议纠错率": ("复议纠错率", "复议案件纠错率", "行政复议案件纠错率", "行政复议直接纠错率"),
    "行政复议综合纠错率": ("综合纠错率", "案件综合纠错率", "复议综合纠错率", "行政复议案件综合纠错率"),
    "行政复议案件受理数量": ("受理行政复议案件", "受理复议案件", "受理行政复议申请", "行政复议案件受理数",
                      "新收行政复议案件", "收到行政复议申请", "办理行政复议案件", "办理复议案件"),
    "行政复议案件办结数量": ("办结行政复议案件", "办结复议案件", "审结行政复议案件", "审结复议案件",
                      "行政复议案件办结数"),
    "行政复议调解和解率": ("调解和解率", "复议调解和解率", "行政复议调解率"),
    # administrative litigation (行政诉讼)
    "行政诉讼调解撤诉率": ("调解撤诉率", "行政案件调解撤诉率", "行政诉讼案件调解撤诉率"),
    "行政诉讼服判息诉率": ("服判息诉率", "行政案件服判息诉率"),
    "行政诉讼败诉率": ("败诉率", "行政败诉率", "行政机关败诉率", "行政案件败诉率", "行政诉讼案件败诉率"),
    "行政机关负责人出庭应诉率": ("出庭应诉率", "负责人出庭应诉率", "行政负责人出庭应诉率",
                         "行政机关负责人出庭率"),
    "一审行政案件数量": ("一审行政案件数", "一审行政案件", "新收一审行政案件", "受理一审行政案件"),
    # supervision of law enforcement
    "行政执法社会监督员": ("社会监督员", "行政执法社会监督员", "选聘社会监督员", "选聘行政执法社会监督员",
                      "聘请社会监督员", "聘请行政执法社会监督员", "聘任社会监督员",
                      "特邀行政执法社会监督员", "特邀社会监督员"),
    "行政执法监督联系点": ("执法监督联系点", "行政执法联系点", "建立行政执法监督联系点",
                      "设立行政执法监督联系点"),
    # mediation and legal services
    "矛盾纠纷调解数量": ("调解矛盾纠纷", "调解各类矛盾纠纷", "化解矛盾纠纷", "化解各类矛盾纠纷",
                    "排查化解矛盾纠纷", "调处矛盾纠纷", "调处各类矛盾纠纷", "成功调解矛盾纠纷"),
    "调解成功率": ("调解成功率", "矛盾纠纷调解成功率", "调处成功率", "化解成功率"),
    "法律援助案件数量": ("法律援助案件", "办理法律援助案件", "受理法律援助案件", "办结法律援助案件"),
    "公证办理数量": ("办理公证", "办理公证事项", "办理公证业务", "公证事项", "公证业务"),
    "法律咨询数量": ("法律咨询", "解答法律咨询", "提供法律咨询", "接待法律咨询"),
    "人民调解委员会数量": ("人民调解委员会", "人民调解组织", "调解组织"),
    "人民调解员数量": ("人民调解员", "调解员"),
    "法律顾问覆盖率": ("村（居）法律顾问覆盖率", "村居法律顾问覆盖率", "法律顾问覆盖率"),
    "普法宣传活动场次": ("普法宣传活动", "开展普法宣传活动", "开展普法活动", "普法活动", "法治宣传活动",
                    "开展法治宣传活动"),
    "合法性审查数量": ("合法性审查", "审查规范性文件", "合法性审核"),
}

#: unit-free suffixes that say what kind of measure a level is
RATE_UNITS = frozenset({"%", "‰"})

_STRIP = {ord(c): None for c in " \t\u3000“”\"「」『』‘’《》"}


def measure_key(label: str) -> str:
    """The matching form of a measure label: NFKC, no spaces or quotation marks."""
    return unicodedata.normalize("NFKC", label).translate(_STRIP)


def _index() -> dict[str, str]:
    out: dict[str, str] = {}
    for pref, forms in CURATED.items():
        for f in (pref, *forms):
            out.setdefault(measure_key(f), pref)
    return out


_INDEX = _index()


#: words before a counted thing that do not change what is counted (选聘特邀…社会监督员 are
#: 社会监督员); verbs that do (受理, 办结) are part of the curated forms instead
_NEUTRAL_LEAD = re.compile(r"^(?:选聘|聘请|聘任|招募|建立|设立|建成|组建|配备|新增|新建|打造|成立|特邀|各类|各级|"
                           r"专兼职|专职|兼职)+")


def canonical_measure(label: str) -> str:
    """The preferred label of a measure: a curated one when `label` is one of its forms (after
    the neutral words that may open it), else `label` itself without spaces (kept as found)."""
    key = measure_key(label)
    found = _INDEX.get(key) or _INDEX.get(_NEUTRAL_LEAD.sub("", key))
    return found or unicodedata.normalize("NFKC", label).translate(_STRIP)


def is_curated(label: str) -> bool:
    return label in CURATED


#: the label suffix of a change measure: a change is a measure of its own, never mixed with levels
CHANGE_SUFFIX = "同比变化"


def change_measure(base: str) -> str:
    """The measure of a year-on-year change of `base` (一审行政案件数同比下降16.21% → 一审行政案件数量同比变化)."""
    return canonical_measure(base) + CHANGE_SUFFIX


@lru_cache(maxsize=8192)
def measure_label(base: str, kind: FigureKind) -> str:
    return change_measure(base) if kind is FigureKind.CHANGE else canonical_measure(base)
