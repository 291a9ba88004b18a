// The studio's page behaviour: previews while typing, saving, live reload. No framework: the
// server renders every page, this only sends texts and swaps in what comes back.
(function () {
  "use strict";
  const DEBOUNCE_MS = 300;
  const body = document.body;
  const timers = new WeakMap();
  const asked = new WeakMap(); // the latest preview each card waits for; older answers are dropped

  function say(message, kind) {
    const status = document.getElementById("status");
    status.textContent = message;
    status.className = kind || "";
    status.hidden = !message;
  }

  async function call(action, payload) {
    let response;
    try {
      response = await fetch(`/edition/${body.dataset.edition}/${action}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(payload),
      });
    } catch (error) {
      return { error: "The studio does not answer: is 'cardgen serve' still running?" };
    }
    try {
      return await response.json();
    } catch (error) {
      return { error: `The studio answered ${response.status} without a message; see the window where it runs.` };
    }
  }

  const unitOf = (element) => element.closest(".card");
  const isDirty = (field) => field.value !== field.dataset.saved;
  const fields = (unit) => Array.from(unit.querySelectorAll("textarea[name]"));

  function unsaved(unit) {
    const edits = {};
    for (const field of fields(unit)) if (isDirty(field)) edits[field.name] = field.value;
    return edits;
  }

  function showFit(unit, fit) {
    unit.dataset.fit = fit.status;
    let message = fit.message || "";
    if (fit.deck_shrink) message += " This sets every card's description smaller.";
    unit.querySelector("[data-fit-message]").textContent = message;
  }

  function showSaveState(unit, message, kind) {
    const count = Object.keys(unsaved(unit)).length;
    const button = unit.querySelector("[data-save]");
    button.disabled = count === 0;
    const line = unit.querySelector("[data-save-message]");
    line.textContent = message !== undefined ? message : count ? "not saved yet" : "";
    line.className = "saved " + (kind || "");
  }

  async function preview(unit, field) {
    const token = {};
    asked.set(unit, token);
    const payload = { key: field.name, text: field.value, edits: unsaved(unit) };
    if (unit.dataset.cardId) payload.card = unit.dataset.cardId;
    if (unit.hasAttribute("data-poster")) payload.poster = true;
    const answer = await call("try", payload);
    if (asked.get(unit) !== token) return;
    if (answer.error) {
      unit.querySelector("[data-fit-message]").textContent = answer.error;
      return;
    }
    showFit(unit, answer.fit);
    for (const [face, url] of Object.entries(answer.images || {})) {
      const image = unit.querySelector(face === "poster" ? "[data-poster-image]" : `img[data-face="${face}"]`);
      if (image) image.src = url;
    }
  }

  async function save(unit) {
    for (const field of fields(unit)) {
      if (!isDirty(field)) continue;
      const version = unit.dataset.theirs || body.dataset.version;
      const answer = await call("save", { key: field.name, text: field.value, version: version });
      if (answer.error || !answer.ok) {
        if (answer.conflict) {
          // Keep both: the user sees why, and a second click saves their text over the new file.
          unit.dataset.theirs = answer.version;
          unit.querySelector("[data-save]").textContent = "Save mine anyway";
        }
        const next = answer.conflict ? " Or click 'Save mine anyway' to write yours over it." : "";
        showSaveState(unit, (answer.error || answer.message) + next, answer.conflict ? "conflict" : "refused");
        return;
      }
      body.dataset.version = answer.version;
      field.dataset.saved = field.value;
      if (answer.fit) showFit(unit, answer.fit);
    }
    delete unit.dataset.theirs;
    unit.querySelector("[data-save]").textContent = "Save";
    showSaveState(unit, "saved", "ok");
  }

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!field.matches("textarea[name]")) return;
    const unit = unitOf(field);
    showSaveState(unit);
    clearTimeout(timers.get(field));
    if (body.dataset.previews === "yes") timers.set(field, setTimeout(() => preview(unit, field), DEBOUNCE_MS));
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-save]");
    if (button) save(unitOf(button));
  });

  document.addEventListener("submit", (event) => {
    const button = event.target.matches("form.build") && event.target.querySelector("button");
    if (button) [button.disabled, button.textContent] = [true, "Building the PDFs…"]; // a few seconds
  });

  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-todo-only]")) document.body.classList.toggle("todo-only", event.target.checked);
  });

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "s" && event.target.matches("textarea[name]")) {
      event.preventDefault();
      save(unitOf(event.target));
    }
  });

  document.addEventListener("error", (event) => {
    if (event.target.tagName !== "IMG") return;
    const unit = unitOf(event.target);
    const line = unit && unit.querySelector("[data-fit-message]");
    if (line) line.textContent = "This preview could not be drawn; the reason is in the window where 'cardgen serve' runs.";
  }, true);

  const anyDirty = () => Array.from(document.querySelectorAll("textarea[name]")).some(isDirty);

  window.addEventListener("beforeunload", (event) => {
    if (anyDirty()) event.preventDefault();
  });

  // What a save said ("saved", a conflict) stays on screen when the page is drawn again.
  function keptMessages() {
    return Array.from(document.querySelectorAll("[data-save-message]"))
      .filter((line) => line.textContent)
      .map((line) => { const unit = unitOf(line); return [unit.id || unit.dataset.key, line.textContent, line.className]; });
  }

  async function refetch() {
    let html;
    try {
      html = await (await fetch(location.href, { headers: { Accept: "text/html" } })).text();
    } catch (error) {
      say("The studio does not answer: is 'cardgen serve' still running?", "warn");
      return;
    }
    const page = new DOMParser().parseFromString(html, "text/html");
    const main = page.getElementById("main");
    if (!main) return location.reload();
    const told = keptMessages();
    document.getElementById("main").replaceWith(main);
    told.forEach(([name, text, kind]) => {
      const unit = document.getElementById(name) || document.querySelector(`[data-key="${CSS.escape(name)}"]`);
      const line = unit && unit.querySelector("[data-save-message]");
      if (line) [line.textContent, line.className] = [text, kind];
    });
    document.querySelector("header.bar").replaceWith(page.querySelector("header.bar"));
    body.dataset.edition = page.body.dataset.edition;
    body.dataset.version = page.body.dataset.version;
    body.dataset.generation = page.body.dataset.generation;
    say("");
  }

  if (window.EventSource) {
    const events = new EventSource("/events");
    events.addEventListener("hello", (event) => {
      // changes told while this page was loading, or while the studio was away
      if (JSON.parse(event.data).generation !== Number(body.dataset.generation)) changed();
    });
    events.addEventListener("change", changed);
  }

  function changed() {
    if (anyDirty()) {
      say("A file of the deck changed outside the studio. Save your change (you will be told if the same " +
          "text changed) or reload the page to see the new version.", "warn");
      return;
    }
    refetch();
  }
})();
