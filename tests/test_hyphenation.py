"""The hyphenation cache is an optimisation only: same break points, and never in the way."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from cardgen.typeset import hyphenation


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CARDGEN_CACHE_DIR", str(tmp_path / "cardgen"))
    hyphenation.dictionary.cache_clear()
    yield tmp_path / "cardgen" / "hyphenation"
    hyphenation.dictionary.cache_clear()


WORDS = ("kennisuitwisseling", "grensoverschrijdend", "herstelbemiddeling", "leerkrachten")


def expected(word):
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3).inserted(word)


def test_the_first_run_writes_the_cache_and_the_next_reads_the_same_break_points(cache):
    first = hyphenation.dictionary("nl-BE")
    assert [first.inserted(w) for w in WORDS] == [expected(w) for w in WORDS]
    (written,) = cache.iterdir()
    hyphenation.dictionary.cache_clear()
    second = hyphenation.dictionary("nl-BE")
    assert [second.inserted(w) for w in WORDS] == [expected(w) for w in WORDS]
    assert list(cache.iterdir()) == [written]


def test_a_broken_cache_file_falls_back_to_pyphen(cache):
    hyphenation.dictionary("nl-BE")
    (written,) = cache.iterdir()
    written.write_bytes(written.read_bytes()[:1000])  # as a full disk or a killed write would leave it
    hyphenation.dictionary.cache_clear()
    assert hyphenation.dictionary("nl-BE").inserted("kennisuitwisseling") == expected("kennisuitwisseling")
    assert written.stat().st_size > 1000, "the broken entry is written again"


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARDGEN_CACHE_DIR", str(blocker))
    hyphenation.dictionary.cache_clear()
    try:
        assert hyphenation.dictionary("nl").inserted("leerkrachten") == expected("leerkrachten")
    finally:
        hyphenation.dictionary.cache_clear()


def test_a_language_without_dictionary_gives_none():
    assert hyphenation.dictionary("tlh") is None


def test_an_edited_dictionary_is_a_new_entry_not_the_old_patterns(cache, tmp_path, monkeypatch):
    original = hyphenation.dictionary("nl-BE")
    edited = tmp_path / "hyph_nl_NL.dic"
    tag = hyphenation.patterns_for("nl-BE")
    edited.write_bytes(Path(pyphen.LANGUAGES[tag]).read_bytes() + b".kennis8\n")  # even: no break after 'kennis'
    monkeypatch.setitem(pyphen.LANGUAGES, tag, str(edited))
    hyphenation.dictionary.cache_clear()
    assert hyphenation.dictionary("nl-BE").inserted("kennisuitwisseling") != original.inserted("kennisuitwisseling")
    assert len(list(cache.iterdir())) == 2


def test_json_caches_of_earlier_versions_are_removed(cache):
    cache.parent.mkdir(parents=True)
    old = cache.parent / "0.18.1-hyph_nl_NL-116507-1796164945.json"
    old.write_text("{}", encoding="utf-8")
    hyphenation.dictionary("nl-BE")
    assert not old.exists()
