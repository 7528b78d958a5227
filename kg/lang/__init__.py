"""Lexical data per language, loaded from `kg/lang/<lang>/*.toml`."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.errors import KgError

DEFAULT_LANGUAGE = "id"
# How much of a text the language guess reads: enough words, little time.
GUESS_CHARS = 5000


def languages() -> list[str]:
    """The languages that have lexical data (a folder under kg/lang)."""
    root = resources.files("kg.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("numbers.toml").is_file())


def guess_language(text: str) -> str:
    """The language whose grammar words (stop words of attribution.toml) the text uses most."""
    words = re.findall(r"[^\W\d_]+", text[:GUESS_CHARS].casefold())
    best, best_hits = DEFAULT_LANGUAGE, 0
    for lang in languages():
        stops = set(all_forms(lang, "attribution", "stop_words"))
        hits = sum(w in stops for w in words)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed TOML file `kg/lang/<lang>/<name>.toml`."""
    try:
        text = resources.files("kg.lang").joinpath(lang, f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KgError(f"no lexical data {name}.toml for language {lang!r}; add kg/lang/{lang}/{name}.toml") from exc
    return tomllib.loads(text)


def forms(lang: str, name: str, section: str) -> dict[str, list[str]]:
    """One section of a lexicon file: canonical key -> surface forms."""
    return load(lang, name).get(section, {})


def inverse(lang: str, name: str, section: str) -> dict[str, str]:
    """One section turned around: surface form -> canonical key."""
    return {form: key for key, values in forms(lang, name, section).items() for form in values}


def fold_case(text: str) -> str:
    """The text in lower case with every offset kept (a character whose lower case is longer,
    such as "İ", stays as it is), so that lexicon patterns can match case-sensitively."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def alternation(words) -> str:
    """A regex alternation of literal words that prefers the longest, with shared prefixes
    factored out ("ab|ac" -> "a(?:b|c)"): Python's regex engine tries alternatives one by one,
    so a long word list scans far faster as a trie."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def all_forms(lang: str, name: str, section: str) -> list[str]:
    """Every surface form of a section, longest first (so regex alternations prefer them)."""
    return sorted({f for values in forms(lang, name, section).values() for f in values}, key=len, reverse=True)


@lru_cache(maxsize=None)
def object_verbs(lang: str) -> frozenset[str]:
    """The action words that take their figure as object and stand before it ("menewaskan 22",
    "killed 49"): those with an object prefix of actions.toml [grammar], less its intransitives."""
    grammar = forms(lang, "actions", "grammar")
    prefixes = tuple(grammar.get("object_prefixes", []))
    intransitive = set(grammar.get("intransitive", []))
    return frozenset(w for ws in forms(lang, "actions", "actions").values() for w in ws
                     if w.startswith(prefixes) and w not in intransitive)
