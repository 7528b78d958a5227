"""Every lexicon file of every language: known sections, lower-case surface forms, no form
listed twice. Every language folder has exactly the files and sections of kg/lang/id."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest

# The files and sections the code reads; a new section must be added here on purpose.
EXPECTED = {
    "numbers": {"format", "units", "multipliers", "teens", "scales", "vague", "fractions", "range_joiners"},
    "qualifiers": {"before", "after", "after_exceptions", "hedges", "hedged_bounds", "changed_to"},
    "months": {"months", "weekdays", "relative_days", "relative_periods", "weekday_suffixes", "ago",
               "ago_words", "month_parts", "law_year", "period_starts", "tally_markers", "time_zones",
               "time_markers"},
    "units": {"units", "duration_ago", "points_context", "unit_measures", "height_context", "unit_before", "unit_symbol_before", "currency_before", "currency_after",
              "home_dollar", "home_dollar_domains", "distance_context", "magnitude_context"},
    "nouns": {"inherit", "generic", "anaphoric", "heads", "possessors", "scope_phrases", "partitive", "money_links", "suffixes", "persons", "things"},
    "actions": {"actions", "grammar", "class_actions", "class_actions_fixed"},
    "events": {"event_nouns", "part_markers", "cumulative_markers", "contrast_markers", "rate_markers", "increment_markers"},
    "attribution": {"verbs", "grammar", "back_reference", "pronouns", "relay", "outlet_credit", "stop_words", "connectives",
                    "topic_shift", "not_speaker", "drop_leading", "roles"},
    "boilerplate": {"line_starts", "inline"},
    "sentences": {"abbreviations"},
    "labels": {"label_words", "not_count_prefixes", "not_count_after", "ordinal_prefixes"},
    "places": {"locative", "joiners", "nationality"},
}


def _languages() -> list[str]:
    """Every folder under kg/lang holding lexicon files."""
    root = resources.files("kg.lang")
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and any(f.name.endswith(".toml") for f in p.iterdir()))


LANGUAGES = _languages()


# Sections of settings rather than canonical concepts with their surface forms.
SETTINGS = {"format", "grammar", "distance_context", "height_context"}
POSITIONS = {"part_markers"}


def _files(lang: str) -> dict[str, dict]:
    folder = resources.files("kg.lang").joinpath(lang)
    return {p.name[:-5]: tomllib.loads(p.read_text(encoding="utf-8"))
            for p in folder.iterdir() if p.name.endswith(".toml")}


def test_both_languages_are_there():
    assert {"id", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_files_and_sections_are_known(lang):
    files = _files(lang)
    assert set(files) == set(EXPECTED), lang
    for name, data in files.items():
        assert set(data) == EXPECTED[name], (lang, name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_same_files_and_sections_as_id(lang):
    reference, files = _files("id"), _files(lang)
    assert {n: set(d) for n, d in files.items()} == {n: set(d) for n, d in reference.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_forms_are_lower_case_strings_listed_once(lang, name):
    data = _files(lang)[name]
    for section, entries in data.items():
        seen: dict[str, str] = {}
        for key, forms in entries.items():
            assert isinstance(forms, list) and forms, f"{lang}/{name}.{section}.{key} must be a non-empty list"
            for form in forms:
                assert isinstance(form, str) and form == form.strip() and form, (lang, name, section, form)
                # Currency codes are the only upper-case keys; surface forms are all lower case.
                assert form == form.casefold(), f"{lang}/{name}.{section}: {form!r} is not lower case"
                # [format] and [grammar] hold settings, where one word may serve two purposes
                # ("di" opens a frame and is a verb prefix); the keys of [part_markers] are the
                # places a word stands ("of whom 109", "109 of whom", "Of the 32 victims, ...").
                assert section in SETTINGS or section in POSITIONS or form not in seen, \
                    f"{lang}/{name}.{section}: {form!r} under both {seen.get(form)} and {key}"
                seen[form] = key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_numeric_keys_are_numbers(lang):
    """Sections whose keys the code reads as numbers or ranges hold only such keys."""
    files = _files(lang)
    for name, section in (("numbers", "units"), ("numbers", "multipliers"), ("numbers", "teens"),
                          ("numbers", "scales"), ("numbers", "fractions"), ("months", "months"),
                          ("months", "weekdays"), ("months", "relative_days")):
        for key in files[name][section]:
            float(key)
    for key in files["numbers"]["vague"]:
        low, high = (float(x) for x in key.split("-"))
        assert low < high, (lang, key)
