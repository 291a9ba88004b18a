"""The studio's routes through Starlette's test client: what the pages show, previews, saving,
conflicts, the translators' view, build and download, and what is refused."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from cardgen.cli import main
from cardgen.serve.app import create_app
from cardgen.serve.studio import Studio
from cardgen.serve.workspace import Workspace

ORIGIN = "http://127.0.0.1:8765"
KEY = "cards.stappenplan.description"
LONG = "Een veel te lange beschrijving die nooit op het kaartje past. " * 30


def client_for(folder: Path, out: Path) -> TestClient:
    studio = Studio(Workspace(folder), folder, out)
    return TestClient(create_app(studio, watch_folder=False), base_url=ORIGIN, raise_server_exceptions=False)


@pytest.fixture
def small(small_copy, tmp_path):
    with client_for(small_copy, tmp_path / "studio-out") as client:
        yield client, small_copy


@pytest.fixture
def full(deck_copy, tmp_path):
    with client_for(deck_copy, tmp_path / "studio-out") as client:
        yield client, deck_copy


def version_of(page: str) -> str:
    return re.search(r'data-version="([0-9a-f]+)"', page).group(1)


def test_the_deck_page_shows_every_face_the_poster_and_a_field_per_text(small):
    client, folder = small
    response = client.get("/")
    assert response.status_code == 200 and response.url.path == "/edition/nl"
    page = response.text
    for card in ("rules", "aanspreekpersoon", "safe-sexting", "stappenplan"):
        for face in ("front", "back"):
            assert re.search(rf'data-card="{card}" data-face="{face}" src="/edition/nl/card/{card}/{face}\.png', page)
    assert 'src="/edition/nl/poster.png' in page
    for key in (KEY, "cards.stappenplan.title", "rules.text", "poster.instruction", "categories.reactie.label"):
        assert f'name="{key}"' in page
    assert re.search(r'id="card-stappenplan" data-card-id="stappenplan" data-fit="(ok|shrunk)"', page)
    assert 'id="problems"' not in page


def test_a_face_image_is_the_printed_face_as_png(small):
    client, _ = small
    response = client.get("/edition/nl/card/stappenplan/back.png")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert client.get("/edition/nl/poster.png").content.startswith(b"\x89PNG")


@pytest.mark.parametrize("path", [
    "/edition/nl/card/nosuchcard/front.png",
    "/edition/nl/card/stappenplan/side.png",
    "/edition/xx/card/stappenplan/front.png",
    "/edition/..%2F..%2Fetc/card/stappenplan/front.png",
    "/edition/con",
    "/edition/nl/files/deck.yaml",
    "/edition/nl/files/..%2F..%2Fdeck.yaml",
])  # fmt: skip
def test_what_the_browser_sends_is_looked_up_never_a_path(small, path):
    client, _ = small
    response = client.get(path)
    assert response.status_code == 404
    assert "<h1>" in response.text and "cardgen studio" in response.text  # a page with a message, not a blank one


@pytest.mark.parametrize("headers", [{"host": "evil.example"}, {"host": "evil.example:8765"}, {"origin": "http://evil.example"},
                                     {"origin": "null"}, {"origin": "https://127.0.0.1.evil.example"}])  # fmt: skip
def test_foreign_host_or_origin_is_refused_and_nothing_is_written(small, headers):
    client, folder = small
    before = (folder / "nl" / "texts.yaml").read_bytes()
    version = version_of(client.get("/edition/nl").text)
    assert client.get("/edition/nl", headers=headers).status_code == 403
    response = client.post("/edition/nl/save", json={"key": KEY, "text": "Gewijzigd.", "version": version}, headers=headers)
    assert response.status_code == 403
    assert (folder / "nl" / "texts.yaml").read_bytes() == before


def test_this_machines_own_names_are_answered(small):
    client, _ = small
    assert client.get("/edition/nl", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/edition/nl", headers={"origin": ORIGIN}).status_code == 200


def test_trying_a_text_gives_its_fit_and_new_previews_without_writing(small):
    client, folder = small
    before = (folder / "nl" / "texts.yaml").read_bytes()
    old_back = client.get("/edition/nl/card/stappenplan/back.png").content
    response = client.post("/edition/nl/try", json={"key": KEY, "text": "Kort.", "card": "stappenplan"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["fit"]["status"] == "ok" and "mm to spare" in answer["fit"]["message"]
    assert answer["images"]["back"].startswith("data:image/png;base64,")
    import base64

    assert base64.b64decode(answer["images"]["back"].split(",", 1)[1]) != old_back
    assert (folder / "nl" / "texts.yaml").read_bytes() == before


def test_a_text_far_too_long_says_by_how_much_and_is_not_saved(small):
    client, folder = small
    before = (folder / "nl" / "texts.yaml").read_bytes()
    fit = client.post("/edition/nl/try", json={"key": KEY, "text": LONG, "card": "stappenplan"}).json()["fit"]
    assert fit["status"] == "overflow" and fit["overflow_mm"] > 10 and "mm too long" in fit["message"]
    version = version_of(client.get("/edition/nl").text)
    response = client.post("/edition/nl/save", json={"key": KEY, "text": LONG, "version": version})
    assert response.status_code == 422 and not response.json()["ok"]
    assert "mm too long" in response.json()["message"]
    assert (folder / "nl" / "texts.yaml").read_bytes() == before


def test_saving_writes_the_text_and_keeps_the_comments(small):
    client, folder = small
    path = folder / "nl" / "texts.yaml"
    comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    version = version_of(client.get("/edition/nl").text)
    response = client.post("/edition/nl/save", json={"key": KEY, "text": "Een nieuw stappenplan.", "version": version})
    assert response.status_code == 200 and response.json()["ok"]
    assert response.json()["version"] != version and response.json()["fit"]["status"] == "ok"
    text = path.read_text(encoding="utf-8")
    assert "Een nieuw stappenplan." in text
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments
    assert re.search(r'name="cards.stappenplan.description" rows="\d+" data-saved="Een nieuw stappenplan."', client.get("/edition/nl").text)


def test_a_second_tab_saving_over_a_changed_file_is_told_and_writes_nothing(small):
    client, folder = small
    path = folder / "nl" / "texts.yaml"
    loaded = version_of(client.get("/edition/nl").text)  # both tabs loaded this version
    first = client.post("/edition/nl/save", json={"key": KEY, "text": "Eerste tab.", "version": loaded})
    assert first.json()["ok"]
    second = client.post("/edition/nl/save", json={"key": "cards.stappenplan.title", "text": "Tweede", "version": loaded})
    assert second.status_code == 409 and second.json()["conflict"]
    assert "changed since this page loaded it" in second.json()["message"]
    text = path.read_text(encoding="utf-8")
    assert "Eerste tab." in text and "Tweede" not in text


@pytest.mark.parametrize("body", [{"key": "cards.nosuch.description", "text": "x", "version": "0"}, {"key": KEY}, [1, 2]])
def test_a_save_the_form_cannot_send_is_refused_with_a_message(small, body):
    client, folder = small
    before = (folder / "nl" / "texts.yaml").read_bytes()
    response = client.post("/edition/nl/save", json=body, headers={"accept": "application/json"})
    assert response.status_code == 400 and response.json()["error"]
    assert (folder / "nl" / "texts.yaml").read_bytes() == before


def test_a_broken_file_shows_the_problems_and_fixing_it_brings_the_cards_back(small):
    client, folder = small
    studio = client.app.state.studio
    path = folder / "nl" / "texts.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("  stappenplan:\n", "  stappenplan\n"), encoding="utf-8")
    studio.changed(["texts.yaml"])  # what the watcher calls on a change
    page = client.get("/edition/nl")
    assert page.status_code == 200 and 'id="problems"' in page.text
    assert re.search(r"<code>[^<]*texts\.yaml:\d+: ", page.text)
    path.write_text(good, encoding="utf-8")
    studio.changed(["texts.yaml"])
    page = client.get("/edition/nl").text
    assert 'id="problems"' not in page and 'data-card="stappenplan" data-face="back"' in page


def test_a_server_error_is_a_page_with_a_message(small, monkeypatch):
    client, _ = small

    def broken(*args, **kwargs):
        raise RuntimeError("planning went wrong")

    monkeypatch.setattr(client.app.state.studio.workspace, "cards", broken)
    response = client.get("/edition/nl")
    assert response.status_code == 500 and "planning went wrong" in response.text and "cardgen serve" in response.text
    response = client.get("/edition/nl/card/stappenplan/front.png", headers={"accept": "application/json"})
    assert response.status_code == 500 and "planning went wrong" in response.json()["error"]


def test_the_build_button_makes_the_same_bytes_as_cardgen_build(full, tmp_path, monkeypatch):
    client, folder = full
    monkeypatch.chdir(tmp_path)
    response = client.post("/edition/fr/build", headers={"origin": ORIGIN})
    assert response.status_code == 200 and response.url.path == "/edition/fr/downloads"
    assert "Impression" in response.text and "recto verso" in response.text  # the instructions in French
    reference = tmp_path / "reference"
    result = CliRunner().invoke(main, ["build", "--content", str(folder), "--out", str(reference), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    for name in ("print-pack.pdf", "cards.pdf", "poster.pdf"):
        assert f'href="/edition/fr/files/{name}"' in response.text
        download = client.get(f"/edition/fr/files/{name}")
        assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
        assert download.content == (reference / "fr" / name).read_bytes(), name
    assert (tmp_path / "studio-out" / "fr" / "print-pack.pdf").is_file()
    assert not (tmp_path / "output").exists()  # the studio's own folder, not the user's output/


def test_the_printing_instructions_follow_the_readme_in_english(full):
    client, _ = full
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    printing = readme.split("## Printing", 1)[1].split("\n## ", 1)[0]
    page = client.get("/edition/en/downloads").text
    assert "Nothing built yet" in page and "<h2>Printing</h2>" in page
    for phrase in ("flip on long edge", "actual size", "odd pages are fronts, even pages are backs"):
        assert phrase in printing and phrase in page


def test_the_translators_view_counts_states_and_a_source_edit_makes_translations_stale(full):
    client, folder = full
    page = client.get("/edition/fr/translate").text
    assert re.search(r'data-key="cards.stappenplan.description" data-state="ok"', page)
    assert re.search(r"\d+ ok", page) and "Room on the card" in page
    nl = client.get("/edition/nl").text
    saved = client.post("/edition/nl/save", json={"key": KEY, "text": "Een nieuw stappenplan.", "version": version_of(nl)})
    assert saved.json()["ok"]
    page = client.get("/edition/fr/translate").text
    assert re.search(r'data-key="cards.stappenplan.description" data-state="stale"', page)
    assert re.search(r'<span class="state state-stale">1 stale</span>', page)
    assert "Een nieuw stappenplan." in page  # the new source beside the French text
    saved = client.post("/edition/fr/save", json={"key": KEY, "text": "Un nouveau plan.", "version": version_of(page)})
    assert saved.json()["ok"]
    assert re.search(r'data-key="cards.stappenplan.description" data-state="ok"', client.get("/edition/fr/translate").text)


def test_the_watcher_tells_open_pages_within_a_second(small_copy):
    from cardgen.serve.live import Broadcast, watch

    reloads = []

    async def scenario():
        broadcast, stop = Broadcast(), asyncio.Event()
        watcher = asyncio.create_task(watch(small_copy, reloads.append, broadcast, stop))
        stream = broadcast.stream()
        assert (await anext(stream)).startswith("retry:")
        assert (await anext(stream)) == 'event: hello\ndata: {"generation": 0}\n\n'
        waiting = asyncio.create_task(anext(stream))
        await asyncio.sleep(0.3)  # the watcher is watching
        (small_copy / "layout.yaml").write_text((small_copy / "layout.yaml").read_text() + "\n", encoding="utf-8")
        event = await asyncio.wait_for(waiting, 1.0)
        stop.set()
        await watcher
        return event

    event = asyncio.run(scenario())
    assert event.startswith("event: change\n") and "layout.yaml" in event and reloads == [["layout.yaml"]]


def test_a_busy_port_is_a_message_and_port_0_finds_a_free_one():
    from cardgen.serve.run import PortBusy, listen

    taken = listen(0)
    try:
        port = taken.getsockname()[1]
        assert taken.getsockname()[0] == "127.0.0.1"
        with pytest.raises(PortBusy, match=rf"port {port} on 127.0.0.1 is taken.*--port 0"):
            listen(port)
    finally:
        taken.close()


def test_serve_refuses_an_edition_it_does_not_have(small_copy):
    result = CliRunner().invoke(main, ["serve", "--content", str(small_copy), "--lang", "../x", "--no-browser"])
    assert result.exit_code == 2 and "not a path" in result.output


def test_ctrl_c_stops_the_studio_at_once_with_a_page_open(small_copy):
    """An open page's event stream must not hold the server (uvicorn waits for open connections)."""
    import signal
    import subprocess
    import sys
    import urllib.request

    server = subprocess.Popen([sys.executable, "-m", "cardgen", "serve", "--content", str(small_copy), "--port", "0", "--no-browser"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    try:
        lines = []
        for line in server.stdout:
            lines.append(line)
            if "http://127.0.0.1:" in line:
                break
        address = re.search(r"http://127\.0\.0\.1:\d+/", "".join(lines)).group(0)
        stream = urllib.request.urlopen(address + "events", timeout=10)
        assert stream.readline().startswith(b"retry:")
        server.send_signal(signal.SIGINT)
        output = server.communicate(timeout=5)[0]
    finally:
        server.kill()
    assert server.returncode == 130  # stopped with Ctrl-C, as every command
    assert "The studio stopped" in output and "Traceback" not in output and "ERROR" not in output


def test_nothing_is_fetched_from_the_internet(small):
    """Pages, styles and script are the package's own: no CDN, no web font, no remote image."""
    client, _ = small
    static = Path(__file__).parents[1] / "cardgen" / "serve" / "static"
    texts = [client.get(path).text for path in ("/edition/nl", "/edition/nl/translate", "/edition/nl/downloads")]
    texts += [p.read_text(encoding="utf-8") for p in static.iterdir()]
    for text in texts:
        assert not re.search(r"""(src|href|url)\s*[=(]\s*["']?(https?:)?//""", text), re.findall(r"https?://\S+", text)


def test_a_body_far_larger_than_any_form_is_refused(small):
    client, folder = small
    before = (folder / "nl" / "texts.yaml").read_bytes()
    response = client.post("/edition/nl/save", content=b'{"key": "' + b"x" * 2_000_000 + b'"}')
    assert response.status_code == 413
    assert (folder / "nl" / "texts.yaml").read_bytes() == before


def test_a_deck_yaml_that_does_not_read_leaves_a_page_with_its_problems(small_copy, tmp_path):
    (small_copy / "deck.yaml").write_text("deck: [unclosed\n", encoding="utf-8")
    with client_for(small_copy, tmp_path / "out") as client:
        for path in ("/", "/edition/nl"):
            page = client.get(path)
            assert page.status_code == 200 and 'id="problems"' in page.text, path
            assert re.search(r"deck\.yaml:\d+: ", page.text)
