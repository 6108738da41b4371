"""Text folding for matching: case, accents, punctuation and spacing do not make a difference."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


class _Marks(dict[int, int | None]):
    """str.translate table that deletes combining marks; each character is classified once."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_DROP_MARKS = _Marks()


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: `  Télécom  Bretagne ` → `telecom bretagne`.

    Runs for every project's search text (100,000 at national scale), hence the ASCII fast path
    and the translate table instead of a loop over characters.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_DROP_MARKS)
    return _SPACES.sub(" ", text.casefold()).strip()


def key(text: str) -> str:
    """`fold` without punctuation: `Réf.` and `ref` share a key, `Chef-de-file` and `chef de file`."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text)).replace("_", " ")).strip()


#: Letters NFKD does not take apart, spelled as French dictionaries sort them (œ as oe).
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l", "ı": "i"})
#: Each part of a sort key is cut here: 2 × 250 characters stay under PostgreSQL's limit for an
#: index entry (about 2,700 bytes) whatever the script, and no two titles differ only after it.
SORT_PART = 250
#: Below every character that a folded text holds: `abc` + SEP sorts before `abcd` + SEP.
SORT_SEPARATOR = "\x01"


def sort_key(text: str) -> str:
    """What the projects table sorts a text column by, compared character by character (bytes):
    as French readers expect, case and accents do not count first (`éditeur` between `Edison`
    and `Egypte`, `iVASC` among the I), then the exact text breaks ties (`IVASC` before `iVASC`).

    `fold(text)` (œ as oe), a separator lower than any letter, then the text itself.
    """
    folded = fold(text).translate(_LIGATURES)
    return folded[:SORT_PART] + SORT_SEPARATOR + text.strip()[:SORT_PART]
