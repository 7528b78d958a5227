"""Files, folders, manifests, JSON lines and HTML pages -> Documents with metadata and kept spans."""
from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from kg.clean import kept_spans
from kg.entities import Entities, load_entities
from kg.errors import KgError
from kg.lang import guess_language, languages
from kg.meta import detect_meta
from kg.model import Document

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
MANIFEST = "manifest.csv"
MANIFEST_FIELDS = ("url", "title", "publisher", "published", "language")


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot be read ({exc.strerror}); check the path and its permissions") from exc
    try:
        # utf-8-sig drops a byte-order mark without shifting any other offset's meaning.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not UTF-8 text (byte {exc.start}); convert it to UTF-8") from exc
    if not text.strip():
        raise KgError(f"{path}: the file is empty; remove it or give it the article's text")
    return text


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """The metadata rows of `folder/manifest.csv`, keyed by file name (empty cells dropped)."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise KgError(f"{path}: unreadable manifest ({exc}); it must be UTF-8 CSV with a header row") from exc
    if rows and "file" not in rows[0]:
        raise KgError(f"{path}: no 'file' column; the header must be file,url,title,publisher,published,language")
    return {Path(r["file"]).name: {k: (r.get(k) or "").strip() for k in MANIFEST_FIELDS if (r.get(k) or "").strip()}
            for r in rows if r.get("file")}


def make_document(name: str, path: str, text: str, meta: dict[str, str], entities: Entities) -> Document:
    """A Document from raw text: kept spans from cleaning, metadata from the manifest then the text."""
    language = (meta.get("language") or guess_language(text)).lower().split("-")[0]
    if language not in languages():
        raise KgError(f"{path}: no lexical data for language {language!r}; kg reads {', '.join(languages())}")
    spans = kept_spans(text, language)
    found = detect_meta(text, spans, entities, language)
    return Document(
        doc=name, path=path, text=text, language=language,
        title=meta.get("title") or found.title,
        publisher=meta.get("publisher") or found.publisher,
        published=meta.get("published") or found.published,
        url=meta.get("url"), via=found.via, dateline=found.dateline, kept=spans,
    )


def _html_document(path: Path, meta: dict[str, str], entities: Entities) -> Document:
    import trafilatura

    page = _read_text(path)
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, url=meta.get("url"))
    if not extracted or not getattr(extracted, "text", None):
        raise KgError(f"{path}: no article text found in the HTML page; give the article as .txt instead")
    # The document text is trafilatura's extraction; offsets refer to it (kept in claims.json).
    found = {"title": extracted.title, "publisher": extracted.sitename, "published": extracted.date,
             "url": extracted.url, "language": extracted.language}
    merged = {**{k: v for k, v in found.items() if v}, **meta}
    return make_document(path.name, str(path), extracted.text, merged, entities)


def _jsonl_documents(path: Path, meta: dict[str, str], entities: Entities, errors: list[str]) -> list[Document]:
    docs = []
    for lineno, line in enumerate(_read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
                raise ValueError("each line must be a JSON object with a non-empty 'text'")
        except ValueError as exc:
            errors.append(f"{path}:{lineno}: bad JSON line ({exc}); fix or remove that line")
            continue
        name = str(row.get("doc") or row.get("file") or f"{path.name}#{lineno}")
        fields = {k: str(row[k]) for k in MANIFEST_FIELDS if row.get(k)}
        docs.append(make_document(name, f"{path}#{lineno}", row["text"], {**meta, **fields}, entities))
    return docs


def _files(inputs: Sequence[Path], errors: list[str]) -> Iterable[Path]:
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for f in sorted(item.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                    yield f
        elif item.is_file():
            if item.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                yield item
            else:
                errors.append(f"{item}: unsupported file type {item.suffix!r}; give .txt, .html, .htm or .jsonl")
        else:
            errors.append(f"{item}: no such file or folder")


def read_inputs(inputs: Sequence[Path], entities: Entities | None = None) -> tuple[list[Document], list[str]]:
    """Every article of the inputs, and one error message per input that could not be read."""
    entities = entities or load_entities()
    errors: list[str] = []
    docs: list[Document] = []
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    seen: set[str] = set()
    for f in _files(inputs, errors):
        try:
            if f.parent not in manifests:
                manifests[f.parent] = read_manifest(f.parent)
            meta = manifests[f.parent].get(f.name, {})
            suffix = f.suffix.lower()
            if suffix in HTML_SUFFIXES:
                new = [_html_document(f, meta, entities)]
            elif suffix in JSONL_SUFFIXES:
                new = _jsonl_documents(f, meta, entities, errors)
            else:
                new = [make_document(f.name, str(f), _read_text(f), meta, entities)]
        except KgError as exc:
            errors.append(str(exc))
            manifests.setdefault(f.parent, {})
            continue
        for d in new:
            if d.doc in seen:  # two inputs with one name would mix their claims
                d = replace(d, doc=f"{Path(d.path).parent.name}/{d.doc}")
            seen.add(d.doc)
            docs.append(d)
    return docs, errors
