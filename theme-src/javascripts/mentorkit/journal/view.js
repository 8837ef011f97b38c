// The journal's page: adding, editing and deleting entries; what is still to do, overdue first;
// the entries newest first, filtered by kind and tag and searched; the evidence by tag and for a
// period; and what the reader takes away (Markdown, JSON, a printed portfolio, an agenda) or brings
// back (a JSON file, merged by entry id). Everything is found inside the element it is given.

import { el } from "../dom.js";
import { today } from "../format.js";
import { t, useCatalogue } from "../messages.js";
import { siteScope } from "../store.js";
import { download } from "../transfer.js";
import { entryActs } from "./acts.js";
import { cardId, disclose, entryCard, nameOf } from "./cards.js";
import { openEditor } from "./editor.js";
import { filtered, newestFirst, stillToDo } from "./entries.js";
import { periodText, record } from "./exports.js";
import { migrateReflections } from "./migrate.js";
import { openJournal } from "./storage.js";
import { byTagView, summaryView } from "./summary.js";
import { takeAway } from "./take.js";

// Entries shown at first, and added by "Show more": a phone's first screens show the newest
// entries and what is due; the filters and search find the rest.
const FIRST = 10;
const PAGE = 25;
const TODO_FIRST = 3; // what is still to do, most urgent first, before "Show all"

/** What the page's parts (acts.js, take.js) share of it: `part(name)` is its element [data-<name>].
 * @typedef {{ journal: Journal, kept: import("./storage.js").KeptJournal, spec: JournalSpec, part: (name: string) => HTMLElement,
 *   say: (...sentences: string[]) => void, period: () => JournalPeriod, inPeriod: (entries: Entry[]) => Entry[],
 *   targets: () => boolean, signal: AbortSignal | undefined, show: () => void }} JournalView */

/** An item of a list of entries: it holds its card's toggle. @typedef {{ querySelector(selectors: "[data-toggle]"): HTMLElement }} Card */
/** The settings of the list of entries: its kind, tag and search. @typedef {{ kind: string, tag: string, search: string }} Filters */
/** The form of those settings: a kind's select, a tag's where the journal tags, the search box.
 * @typedef {HTMLFormElement & { elements: { kind: HTMLSelectElement, tag?: HTMLSelectElement, search: HTMLInputElement } }} FilterForm */

/** A journal's page. @param {HTMLElement} root @param {{ signal?: AbortSignal, base: string }} page */
export function enhanceJournal(root, { signal, base }) {
  const began = performance.now(); // User Timing marks: what benchmarks/run.py reads
  useCatalogue(root);
  /** @type {JournalSpec} the spec the build writes into the page, with what the site adds */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const scope = siteScope(base);
  const kept = openJournal(spec, scope, signal);
  const { journal } = kept;
  // The page's parts, as the build writes them: all there, but for those a journal may lack (by-tag,
  // targets-shown, who), which are read as perhaps null where they are used.
  /** @param {string} name */
  const part = (name) => /** @type {HTMLElement} */ (root.querySelector(`[data-${name}]`));
  const status = part("status");
  const filters = /** @type {FilterForm} */ (part("filters"));
  const periodInputs = part("period");
  const editor = part("editor");
  /** @param {...string} sentences */
  const say = (...sentences) => {
    status.textContent = sentences.filter(Boolean).join(" ");
  };
  let shown = FIRST;
  let todoAll = false;
  /** @type {HTMLElement | null} */
  let opener = null; // the control that opened the form: focus returns to it
  /** @type {Set<string>} */
  const open = new Set(); // the cards opened in place (ids with their list's prefix), kept open as lists redraw

  /** @returns {Filters} */
  const state = () => ({
    kind: filters.elements.kind.value,
    tag: filters.elements.tag?.value || "",
    search: filters.elements.search.value,
  });
  /** @returns {JournalPeriod} */
  const period = () => ({
    from: /** @type {HTMLInputElement} */ (periodInputs.querySelector('[name="from"]')).value,
    to: /** @type {HTMLInputElement} */ (periodInputs.querySelector('[name="to"]')).value,
  });
  /** @param {Entry[]} entries */
  const inPeriod = (entries) => filtered(journal, entries, period());

  /** What every card of a list is drawn with. @param {Entry[]} entries */
  function context(entries) {
    return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), day: today(), open };
  }

  /** @typedef {ReturnType<typeof context>} Context */
  /** @param {Entry[]} entries @param {Context} ctx */
  function showList(entries, ctx) {
    const started = performance.now();
    const found = newestFirst(journal, filtered(journal, entries, state()));
    const list = part("list");
    list.replaceChildren(...found.slice(0, shown).map((entry) => el("li", {}, entryCard(journal, entry, ctx))));
    part("count").textContent = entries.length
      ? t("entriesCount", { shown: Math.min(shown, found.length), found: found.length, count: entries.length })
      : t("entriesNone");
    /** @type {HTMLElement} */ (root.querySelector('[data-action="more"]')).hidden = found.length <= shown;
    performance.measure("mentorkit:journal-list", { start: started });
    return found;
  }

  /** @param {Entry[]} entries @param {Context} ctx */
  function showTodo(entries, ctx) {
    const open = stillToDo(journal, entries, ctx.day);
    part("todo").replaceChildren(
      ...open
        .slice(0, todoAll ? PAGE * 2 : TODO_FIRST)
        .map((entry) => el("li", {}, entryCard(journal, entry, { ...ctx, prefix: "todo-" }))),
    );
    part("todo-empty").hidden = open.length > 0;
    /** @type {HTMLElement} */ (root.querySelector('[data-action="todo-all"]')).hidden = todoAll || open.length <= TODO_FIRST;
  }

  // The evidence targets are for mentors: shown once the reader says this is a mentor's journal.
  const targetsChoice = /** @type {HTMLInputElement | null} */ (part("targets-shown")); // a journal with targets only
  const targets = () => ({ targets: Boolean(targetsChoice?.checked) });

  // What the page's parts (acts.js, take.js) share of it.
  /** @type {JournalView} */
  const view = { journal, kept, spec, part, say, period, inPeriod, targets: () => targets().targets, signal, show: () => show() };

  /** @param {Entry[]} entries */
  function showSummary(entries) {
    if (targetsChoice) {
      targetsChoice.checked = kept.targetsShown();
      part("targets-note").hidden = !targetsChoice.checked;
    }
    part("summary").replaceChildren(el("p", {}, periodText(period())), ...summaryView(journal, inPeriod(entries), period(), targets()));
  }

  function show() {
    const { entries } = kept.read();
    const ctx = context(entries);
    showTodo(entries, ctx);
    showList(entries, ctx);
    part("by-tag")?.replaceChildren(...byTagView(journal, entries));
    showSummary(entries);
    for (const control of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll("[data-add], [data-actions] [data-action]")))
      control.disabled = false;
  }

  // --- the form ------------------------------------------------------------------------

  /** What the reader saved, with what this journal no longer shows or offers kept as it was stored: a
   * field, a tag, the question answered (a site in another language without the questions, or a
   * question since taken out). Only the reader's own choice in the form unlinks a question offered.
   * @param {Entry} entry */
  function save(entry) {
    const before = kept.stored(entry.id);
    if (!before) return kept.put(entry);
    const items = journal.kinds.get(entry.kind).items;
    const fields = Object.fromEntries(Object.entries(before.fields || {}).filter(([id]) => !items.has(id)));
    const tags = Array.isArray(before.tags) ? before.tags.filter((tag) => typeof tag === "string" && !journal.tags.has(tag)) : [];
    const asked = typeof before.prompt === "string" && !journal.prompts.has(before.prompt) ? before.prompt : undefined;
    const prompt = entry.prompt ?? asked;
    return kept.put({ ...entry, fields: { ...fields, ...entry.fields }, tags: [...entry.tags, ...tags], ...(prompt ? { prompt } : {}) });
  }

  /** Open the form of a kind, for an entry or a new one (`presets`: as openEditor takes them); `from`: the control that opened it.
   * @param {string} kindId @param {Entry | null} entry @param {{ fields?: Answers, tags?: string[] }} presets @param {HTMLElement} from */
  function edit(kindId, entry, presets, from) {
    opener = from;
    const { entries } = kept.read();
    openEditor({
      container: editor,
      root,
      journal,
      kindId,
      entry,
      presets,
      entries,
      save,
      // Not kept by the browser: the entry as a file the journal imports again.
      unsaved: (made) =>
        download(`${spec.id}-entry-${today()}.json`, JSON.stringify(record(journal, [made], period()), null, 2), "application/json"),
      close(saved) {
        editor.replaceChildren();
        show();
        if (!saved) return opener?.focus();
        say(t(entry ? "entryUpdated" : "entryAdded", { name: nameOf(journal, saved) }));
        reveal(saved.id);
      },
    });
  }

  /** Bring an entry's card into the list, if filters or paging hid it, open it, and move focus to it. @param {string} id */
  function reveal(id) {
    open.add(cardId({ id }));
    let card = root.querySelector(`#${CSS.escape(cardId({ id }))}`);
    if (!card) {
      const { entries } = kept.read();
      const target = entries.find((entry) => entry.id === id);
      if (!target) return;
      filters.reset();
      const at = newestFirst(journal, entries).indexOf(target);
      shown = Math.max(FIRST, at + 1); // down to the entry, which ends the list shown
      show();
      card = root.querySelector(`#${CSS.escape(cardId({ id }))}`);
    }
    const toggle = card?.querySelector("[data-toggle]");
    if (toggle) disclose(toggle, true);
    /** @type {HTMLElement | null | undefined} */ (toggle ?? card?.querySelector(".mk-entry__title"))?.focus();
  }

  for (const button of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-add]"))) {
    button.addEventListener("click", () => {
      const tag = state().tag; // adding while a tag is chosen: the new entry is evidence for it
      edit(/** @type {string} */ (button.dataset.add), null, { tags: tag ? [tag] : [] }, button);
    });
  }

  // --- acting on an entry ----------------------------------------------------------------

  const acts = entryActs(view, { edit, save, reveal });
  root.addEventListener("click", (event) => {
    // The target: an element, or perhaps a node without closest (hence its ?.).
    const target = /** @type {HTMLElement | null | undefined} */ (
      /** @type {Element} */ (event.target).closest?.(
        "[data-act], [data-show-entry], [data-show-tag], [data-toggle], [data-menu], [data-fold]",
      )
    );
    if (!target) return;
    if (target.hasAttribute("data-menu") || target.hasAttribute("data-fold")) return disclose(target);
    if (target.dataset.showTag) {
      toTag(target.dataset.showTag); // from the evidence table: its entries, and focus on them
      return /** @type {HTMLElement} */ (root.querySelector(`#${CSS.escape(spec.id)}-entries`)).focus();
    }
    if (target.dataset.toggle) {
      if (disclose(target)) open.add(target.dataset.toggle);
      else open.delete(target.dataset.toggle);
      return;
    }
    if (target.dataset.showEntry) {
      // The entry is on this page already: Material's instant navigation, which would load the
      // page again for the fragment (and close every card), is not told of the click.
      event.preventDefault();
      event.stopPropagation();
      return reveal(target.dataset.showEntry);
    }
    const entry = kept.read().entries.find((e) => e.id === target.dataset.id);
    // An act the page has: the button's data-act names one of them (hasOwn), or nothing is done.
    if (entry && Object.hasOwn(acts, /** @type {string} */ (target.dataset.act)))
      acts[/** @type {keyof typeof acts} */ (target.dataset.act)](entry, target);
  });

  // --- finding entries -------------------------------------------------------------------

  const refilter = () => {
    shown = FIRST;
    const { entries } = kept.read();
    showList(entries, context(entries));
  };
  filters.addEventListener("input", refilter);
  filters.addEventListener("submit", (event) => event.preventDefault());
  /** @type {HTMLElement} */ (root.querySelector('[data-action="more"]')).addEventListener("click", () => {
    const first = shown;
    shown += PAGE;
    const { entries } = kept.read();
    showList(entries, context(entries));
    /** @type {ArrayLike<Card | undefined>} */ (part("list").children)[first]?.querySelector("[data-toggle]").focus();
  });
  /** @type {HTMLElement} */ (root.querySelector('[data-action="todo-all"]')).addEventListener("click", () => {
    todoAll = true;
    const { entries } = kept.read();
    showTodo(entries, context(entries));
    /** @type {ArrayLike<Card | undefined>} */ (part("todo").children)[TODO_FIRST]?.querySelector("[data-toggle]").focus();
  });
  /** The list filtered to one tag's entries (the count below the filters says how many); only in a
   * journal that tags, whose filters have a tag's select. @param {string} tag */
  function toTag(tag) {
    filters.reset();
    /** @type {HTMLSelectElement} */ (filters.elements.tag).value = tag;
    refilter();
  }
  periodInputs.addEventListener("change", () => showSummary(kept.read().entries));
  targetsChoice?.addEventListener("change", () => {
    if (kept.showTargets(targetsChoice.checked) === false) say(t("journalFull"));
    showSummary(kept.read().entries);
  });

  /** "#tag=<id>": the self-assessment's plan asks for evidence of one group, and new entries get
   * its tag. Returns the sentence that says so, or "". */
  function fromAddress() {
    const wanted = new URLSearchParams(location.hash.slice(1)).get("tag");
    const select = filters.elements.tag;
    if (!wanted || !select || !journal.tags.has(wanted)) return "";
    toTag(wanted);
    /** @type {HTMLElement} */ (root.querySelector(`#${CSS.escape(spec.id)}-add`)).focus();
    return t("tagPreset", { title: journal.tags.get(wanted).title });
  }
  window.addEventListener("hashchange", () => say(fromAddress()), { signal });

  // --- taking it away, bringing it back ----------------------------------------------------

  takeAway(view);

  // Another tab changed the journal: show what it holds now (a form being filled in stays open).
  window.addEventListener(
    "storage",
    (event) => {
      if (event.key !== kept.key && event.key !== null) return;
      kept.sync(); // an entry written here at the same moment, and lost by the other's write, is written back
      show();
      say(t("journalChangedElsewhere"));
    },
    { signal },
  );

  const notices = [...kept.notices];
  const moved = migrateReflections(journal, kept, spec.scoring.prompts || [], scope);
  if (moved.moved) notices.push(t("promptsMigrated", { count: moved.moved }));
  if (moved.failed) notices.push(t("promptsNotMigrated", { count: moved.failed }));
  const loading = performance.now(); // reading and checking every stored entry
  kept.read();
  performance.measure("mentorkit:journal-load", { start: loading });
  show();
  const { entries, unreadable } = kept.read();
  /** @type {HTMLDetailsElement} */ (part("about")).open = !entries.length;
  if (unreadable) notices.push(t("entriesUnreadable", { count: unreadable }));
  say(...notices, fromAddress());
  const setAside = kept.unreadable();
  if (setAside) {
    // the journal that could not be read was moved aside: the reader may keep it as a file
    const keep = el("button", { type: "button", class: "md-button" }, t("downloadUnreadable"));
    keep.addEventListener("click", () => download(`${spec.id}-unreadable-${today()}.txt`, setAside.text, "text/plain"));
    status.append(" ", keep);
  }
  root.dataset.enhanced = "true"; // the page is ready: every control works from now on
  performance.measure("mentorkit:enhance", { start: began });
}
