"""The hyphenation cache is an optimisation only: same break points, and never in the way."""

from __future__ import annotations

import pyphen
import pytest

from cardgen.typeset import hyphenation


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    hyphenation.dictionary.cache_clear()
    yield tmp_path / "cardgen"
    hyphenation.dictionary.cache_clear()


WORDS = ("kennisuitwisseling", "grensoverschrijdend", "herstelbemiddeling", "leerkrachten")


def expected(word):
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3).inserted(word)


def test_the_first_run_writes_the_cache_and_the_next_reads_the_same_break_points(cache):
    first = hyphenation.dictionary("nl-BE")
    assert [first.inserted(w) for w in WORDS] == [expected(w) for w in WORDS]
    (written,) = cache.glob("*.json")
    hyphenation.dictionary.cache_clear()
    second = hyphenation.dictionary("nl-BE")
    assert [second.inserted(w) for w in WORDS] == [expected(w) for w in WORDS]
    assert list(cache.glob("*.json")) == [written]


def test_a_broken_cache_file_falls_back_to_pyphen(cache):
    hyphenation.dictionary("nl-BE")
    (written,) = cache.glob("*.json")
    written.write_text("{ not json", encoding="utf-8")
    hyphenation.dictionary.cache_clear()
    assert hyphenation.dictionary("nl-BE").inserted("kennisuitwisseling") == expected("kennisuitwisseling")


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    hyphenation.dictionary.cache_clear()
    try:
        assert hyphenation.dictionary("nl").inserted("leerkrachten") == expected("leerkrachten")
    finally:
        hyphenation.dictionary.cache_clear()


def test_a_language_without_dictionary_gives_none():
    assert hyphenation.dictionary("tlh") is None
