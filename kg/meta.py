"""Metadata stated in an article's own text: headline, outlet, dateline, publication date, relays."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.attribution import find_relays
from kg.clean import lines
from kg.dates import find_date_mentions
from kg.entities import Entities
from kg.lang import all_forms
from kg.sentences import split_sentences

# A news site's domain: "korannews.com", "KOMPAS.com", "LiputanIslam.com", "antaranews.com".
DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|co\.id|id|net|org|tv|news|info|co|my\.id|web\.id)"
# The outlet at the head of the body: "Baghdad, LiputanIslam.com – ", "Liputan6.com, Jakarta - ".
HEAD_DOMAIN = re.compile(rf"(?<![\w.])({DOMAIN})\s*(?:,[^–—\-\n]{{0,30}})?\s*[–—-]\s")
# An outlet name in capitals glued to the first word by a scraper: "MATA ANGINIslamic State".
FUSED_CAPS = re.compile(r"^([A-Z]{2,}(?: [A-Z]{2,})*)(?=[A-Z][a-z])")
# The dateline: a capitalised place before the outlet or an agency code, then a dash.
DATELINE = re.compile(rf"([A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{{3,}})\s*(?:\([A-Za-z]{{1,10}}\)\s*)?(?:,\s*{DOMAIN}\s*)?[–—-]\s")
# A section label before the headline: "Kabar Internasional – Negara Islam ...".
SECTION_PREFIX = re.compile(r"^(?:[A-Z][\w]*\s?){1,3}\s*[–—|-]\s+(?=\S)")
# A headline is short and does not end like a sentence.
TITLE_MAX = 160
# A paragraph that opens with a dateline is longer than a caption.
DATELINE_MIN_WORDS = 20
# How many lines at the foot of the text may hold a credit line ("Credit antaranews.com").
FOOT_LINES = 8
# How many body paragraphs may hold the publication date.
PUBLISHED_PARAGRAPHS = 3


@dataclass(frozen=True)
class TextMeta:
    """What the text itself says about the article."""

    title: str | None
    publisher: str | None
    published: str | None
    dateline: str | None
    via: tuple[str, ...]


def _nonempty(text: str, spans) -> list[tuple[int, int]]:
    return [(a, b) for a, b in spans if text[a:b].strip()]


def detect_title(text: str, spans) -> str | None:
    """The headline: a short first line that is not a sentence and not the wrapped body."""
    body = _nonempty(text, spans)
    if not body:
        return None
    first = text[body[0][0]:body[0][1]].strip()
    following = text[body[1][0]:body[1][1]].strip() if len(body) > 1 else ""
    wrapped = len(body) > 1 and text[body[0][1]:body[1][0]].count("\n") == 1 and following[:1].islower()
    if len(first) > TITLE_MAX or first.endswith((".", ",", ";", ":")) or wrapped:
        return None
    if HEAD_DOMAIN.search(first) or DATELINE.match(first) and len(first.split()) > 12:
        return None
    rest = SECTION_PREFIX.sub("", first)
    return rest if len(rest.split()) >= 3 else first


def detect_publisher(text: str, spans, lang: str = "id") -> str | None:
    """The outlet named at the head of the body, or in a credit line at the foot of the text."""
    body = _nonempty(text, spans)
    for a, b in body[:3]:
        line = text[a:b]
        m = HEAD_DOMAIN.search(line[:120])
        if m:
            return m.group(1)
        m = FUSED_CAPS.match(line.strip())
        if m:
            return m.group(1)
    heads = all_forms(lang, "attribution", "outlet_credit")
    for line in reversed(lines(text)[-FOOT_LINES:]):
        stripped = line.text.strip()
        for head in heads:
            if stripped.casefold().startswith(head):
                name = stripped[len(head):].strip(" :")
                if name:
                    return name
    return None


def detect_dateline(text: str, spans) -> str | None:
    """The place named at the head of the first paragraph ("Baghdad", "JAKARTA")."""
    for a, b in _nonempty(text, spans)[:3]:
        line = text[a:b]
        m = DATELINE.search(line[:80])
        # A dateline opens a full paragraph; a short line with a dash is a caption or a title.
        if m and len(line.split()) > DATELINE_MIN_WORDS:
            return m.group(1)
    return None


def detect_published(text: str, spans, lang: str = "id") -> str | None:
    """The first complete date (day, month and year) in the first paragraphs of the body."""
    sentences = split_sentences(text, spans, lang)
    for s in sentences:
        if s.paragraph >= PUBLISHED_PARAGRAPHS:
            break
        for d in find_date_mentions(text[s.start:s.end], None, lang):
            if d.kind == "day" and d.value:
                return d.value
    return None


def detect_meta(text: str, spans, entities: Entities, lang: str = "id") -> TextMeta:
    """Title, publisher, publication date, dateline and relayed agencies from the text."""
    via: list[str] = []
    for s in split_sentences(text, spans, lang):
        for _, _, name in find_relays(text[s.start:s.end], entities, lang):
            if name not in via:
                via.append(name)
    return TextMeta(
        title=detect_title(text, spans),
        publisher=detect_publisher(text, spans, lang),
        published=detect_published(text, spans, lang),
        dateline=detect_dateline(text, spans),
        via=tuple(via),
    )
