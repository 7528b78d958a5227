"""Every lexicon file: known sections, lower-case surface forms, no form listed twice."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

# The files and sections the code reads; a new section must be added here on purpose.
EXPECTED = {
    "numbers": {"format", "units", "multipliers", "teens", "scales", "vague", "fractions", "range_joiners"},
    "qualifiers": {"before", "after", "after_exceptions", "hedges"},
    "months": {"months", "weekdays", "relative_days", "relative_periods", "weekday_suffixes", "ago",
               "ago_words", "month_parts", "law_year", "time_zones", "time_markers"},
    "units": {"units", "duration_ago", "points_context", "currency_before", "currency_after"},
    "nouns": {"inherit", "suffixes", "persons", "things"},
    "actions": {"actions"},
    "events": {"event_nouns", "cumulative_markers"},
    "attribution": {"verbs", "grammar", "back_reference", "pronouns", "relay", "outlet_credit", "stop_words", "connectives",
                    "topic_shift", "not_speaker", "drop_leading", "roles"},
    "boilerplate": {"line_starts", "inline"},
    "sentences": {"abbreviations"},
    "labels": {"label_words", "not_count_prefixes", "ordinal_prefixes"},
    "places": {"locative", "joiners", "nationality"},
}


def _files(lang: str) -> dict[str, dict]:
    folder = resources.files("kg.lang").joinpath(lang)
    return {p.name[:-5]: tomllib.loads(p.read_text(encoding="utf-8"))
            for p in folder.iterdir() if p.name.endswith(".toml")}


def test_files_and_sections_are_known():
    files = _files("id")
    assert set(files) == set(EXPECTED)
    for name, data in files.items():
        assert set(data) == EXPECTED[name], name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_forms_are_lower_case_strings_listed_once(name):
    data = _files("id")[name]
    for section, entries in data.items():
        seen: dict[str, str] = {}
        for key, forms in entries.items():
            assert isinstance(forms, list) and forms, f"{name}.{section}.{key} must be a non-empty list"
            for form in forms:
                assert isinstance(form, str) and form == form.strip() and form, (name, section, form)
                # Currency codes are the only upper-case keys; surface forms are all lower case.
                assert form == form.casefold(), f"{name}.{section}: {form!r} is not lower case"
                # [format] holds settings, where one separator may serve two purposes.
                assert section == "format" or form not in seen, \
                    f"{name}.{section}: {form!r} under both {seen.get(form)} and {key}"
                seen[form] = key
