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
