"""Text folding for matching: case, accents, punctuation and spacing do not make a difference."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: `  Télécom  Bretagne ` → `telecom bretagne`."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def key(text: str) -> str:
    """`fold` without punctuation: `Réf.` and `ref` share a key, `Chef-de-file` and `chef de file`."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", fold(text)).replace("_", " ")).strip()
