"""The viewer's search keys, made when the page is built.

A person types a name as they remember it: in traditional characters (有事來聊), without a level
word (聊城司法局 for 聊城市司法局), or as pinyin initials (lcssfj). The page cannot convert
scripts or read pinyin on its own, so the build does it with packages that ship their tables:
opencc-purepy (OpenCC's conversion dictionaries) folds every label and alias to simplified
characters, and gives the page a small map from the traditional forms of the characters the
graph uses to their simplified ones, to fold the query the same way; pypinyin gives each label's
pinyin and initials. The page's search (viewer.js `find`) then ranks exact, prefix, substring,
alias, in-order partial and pinyin matches.

A key's pinyin depends on the key alone, so a build with a cache keeps the pinyin of the keys it
has met in a file there (PinyinMemo): a later build converts only names it has not met, and
does not import pypinyin (its phrase dictionary: about 0.2 s) when there are none.

Keys keep letters and digits only (Unicode categories L and N, lower-cased after NFKC), the same
rule the page applies to a query (/[^\\p{L}\\p{N}]/gu), so quotes, brackets and dots never matter.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import msgspec

#: what turns search keys into their (initials, full pinyin): pinyin_keys, or a PinyinMemo
Pinyin = Callable[[Sequence[str]], list[tuple[str, str]]]

def _opencc_table(name: str) -> dict[str, list[str]]:
    """One of OpenCC's character tables as opencc-purepy ships it (dicts/<name>.txt: a character,
    a tab, its forms separated by spaces)."""
    from importlib.resources import files

    table: dict[str, list[str]] = {}
    text = files("opencc_purepy").joinpath("dicts", f"{name}.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        key, _, forms = line.partition("\t")
        if len(key) == 1 and forms and not key.startswith("#"):
            table[key] = forms.split()
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, list[str]]]:
    """From OpenCC's character tables: any traditional, Taiwan or Hong Kong form → its simplified
    character; a simplified character → its other forms. Characters only: a search key is folded
    one character at a time (the phrase tables are for prose, and loading them would cost the
    build more than the whole page)."""
    ts = {k: v[0] for k, v in _opencc_table("TSCharacters").items()}
    to_simplified: dict[str, str] = {}
    for name in ("TWVariantsRev", "HKVariantsRev"):  # 偽 (Taiwan) → 僞 (OpenCC's standard) → 伪
        for k, standard in _opencc_table(name).items():
            simple = next((ts[t] for t in standard if t in ts), None)
            if simple is not None:
                to_simplified[k] = simple
    to_simplified.update(ts)
    variants = [_opencc_table("TWVariants"), _opencc_table("HKVariants")]
    forms: dict[str, list[str]] = {}
    for k, trad in _opencc_table("STCharacters").items():
        every = set(trad) | {w for t in trad for v in variants for w in v.get(t, ())}
        forms[k] = sorted(every - {k})
    return to_simplified, forms


def _letters(text: str) -> str:
    """NFKC, lower case, letters and digits only (what the page does to a query)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower()
                   if unicodedata.category(c)[0] in "LN")


def search_key(text: str) -> str:
    """The form a label is searched in: letters and digits, simplified characters."""
    to_simplified = _tables()[0]
    return "".join(to_simplified.get(c, c) for c in _letters(text))


def pinyin_keys(keys: Sequence[str]) -> list[tuple[str, str]]:
    """(initials, full pinyin) of each key: 聊城市司法局 → ("lcssfj", "liaochengshisifaju").

    One pypinyin call over all keys (its phrase dictionary reads 重庆 as chongqing), split back."""
    from pypinyin import lazy_pinyin

    # a character without a reading (a digit, a Latin letter, the separator) is an item of its own
    items = lazy_pinyin("\n".join(keys), errors=lambda run: list(run))
    out, syl = [], []
    for item in items + ["\n"]:
        if item == "\n":
            out.append(("".join(s[:1] for s in syl).lower(), "".join(syl).lower()))
            syl = []
        else:
            syl.append(item)
    return out


class _MemoFile(msgspec.Struct, frozen=True):
    format: str
    pypinyin: str  # the version whose readings these are
    keys: dict[str, tuple[str, str]]


class PinyinMemo:
    """pinyin_keys with the keys met before read from `path` (a file of a build's cache);
    `save` writes the file back when keys were added. A file that is missing, damaged or of
    another pypinyin is started afresh, never an error."""

    FORMAT = "lgkg-pinyin/1"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.version = _pypinyin_version()
        self.added = 0
        try:
            kept = msgspec.json.decode(self.path.read_bytes(), type=_MemoFile)
        except (OSError, msgspec.DecodeError):
            kept = None
        fits = kept is not None and kept.format == self.FORMAT and kept.pypinyin == self.version
        self.known: dict[str, tuple[str, str]] = dict(kept.keys) if fits else {}

    def __call__(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        known = self.known
        new = sorted({k for k in keys if k not in known})
        if new:
            known.update(zip(new, pinyin_keys(new), strict=True))
            self.added += len(new)
        return [known[k] for k in keys]

    def save(self) -> bool:
        """Write the keys back when some were added (False: it could not be written)."""
        from ..cache import replace_file

        if not self.added:
            return True
        data = _MemoFile(self.FORMAT, self.version, dict(sorted(self.known.items())))
        return replace_file(self.path, msgspec.json.encode(data))


def _pypinyin_version() -> str:
    try:
        return metadata.version("pypinyin")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "-"


def folding_table(keys: Iterable[str]) -> dict[str, str]:
    """The other forms (traditional, Taiwan, Hong Kong) of the characters in `keys` → that character."""
    forms = _tables()[1]
    table: dict[str, str] = {}
    for c in sorted({c for k in keys for c in k if not c.isascii()}):
        for t in forms.get(c, ()):
            table.setdefault(t, c)
    return dict(sorted(table.items()))


def search_index(labels: Sequence[str], aliases: Sequence[Sequence[str]], pinyin: Pinyin = pinyin_keys) -> dict:
    """Per entity [label key, alias keys (joined by \\u0001), initials, pinyin]; and the table."""
    keys = [search_key(label) for label in labels]
    rows = []
    for key, alts, (initials, full) in zip(keys, aliases, pinyin(keys), strict=False):
        alt_keys = sorted({search_key(a) for a in alts} - {key, ""})
        rows.append([key, "\u0001".join(alt_keys), initials, full])
    return {"keys": rows, "fold": folding_table(k for r in rows for k in r[:2])}
