// The journal's page: adding, editing and deleting entries; what is still to do, overdue first;
// the entries newest first, filtered by kind and tag and searched; the evidence by tag and for a
// period; and what the reader takes away (Markdown, JSON, a printed portfolio, an agenda) or brings
// back (a JSON file, merged by entry id). Everything is found inside the element it is given.
// This module wires it: what the lists show is showing.js's state, changed by the reader's moves;
// draw.js draws it; after each move, and each change of the stored entries, what changed is drawn again.

import { el } from "../dom.js";
import { today } from "../format.js";
import { t, useCatalogue } from "../messages.js";
import { siteScope } from "../store.js";
import { download } from "../transfer.js";
import { entryActs } from "./acts.js";
import { cardId, disclose, nameOf } from "./cards.js";
import { cardOf, cardsOf, drawList, drawTodo, focusRow, openCard } from "./draw.js";
import { openEditor } from "./editor.js";
import { filtered, savedOver } from "./entries.js";
import { periodText, record } from "./exports.js";
import { migrateReflections } from "./migrate.js";
import {
  allToDoAsked,
  cardToggled,
  entryReached,
  filtersChosen,
  listing,
  moreAsked,
  placeOf,
  showing,
  TODO_FIRST,
  tagAsked,
  toDo,
} from "./showing.js";
import { openJournal } from "./storage.js";
import { byTagView, summaryView } from "./summary.js";
import { takeAway } from "./take.js";

/** What the page's parts (acts.js, take.js) share of it: `part(name)` is its element [data-<name>].
 * @typedef {{ journal: Journal, kept: import("./storage.js").KeptJournal, spec: JournalSpec, part: (name: string) => HTMLElement,
 *   say: (...sentences: string[]) => void, period: () => JournalPeriod, inPeriod: (entries: Entry[]) => Entry[],
 *   targets: () => boolean, signal: AbortSignal | undefined, show: () => void }} JournalView */

/** The form of the list's settings: a kind's select, a tag's where the journal tags, the search box.
 * @typedef {HTMLFormElement & { elements: { kind: HTMLSelectElement, tag?: HTMLSelectElement, search: HTMLInputElement } }} FilterForm */
/** What this module's parts share besides: the page's element, its filters, what its lists show
 * (`shows`, showing.js) and the drawing of each list again.
 * @typedef {JournalView & { root: HTMLElement, filters: FilterForm, shows: import("./showing.js").Showing,
 *   showList: (entries: Entry[]) => void, showTodo: (entries: Entry[]) => void }} Page */

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
  /** @param {...string} sentences */
  const say = (...sentences) => {
    status.textContent = sentences.filter(Boolean).join(" ");
  };
  const shows = showing();
  /** @returns {JournalPeriod} */
  const period = () => ({
    from: /** @type {HTMLInputElement} */ (periodInputs.querySelector('[name="from"]')).value,
    to: /** @type {HTMLInputElement} */ (periodInputs.querySelector('[name="to"]')).value,
  });
  /** @param {Entry[]} entries */
  const inPeriod = (entries) => filtered(journal, entries, period());
  // The evidence targets are for mentors: shown once the reader says this is a mentor's journal.
  const targetsChoice = /** @type {HTMLInputElement | null} */ (part("targets-shown")); // a journal with targets only
  const targets = () => Boolean(targetsChoice?.checked);

  // Each list is drawn again alone after the reader's move in it; show() draws both with the same cards.
  /** @param {Entry[]} entries @param {import("./draw.js").Cards} [cards] */
  function showTodo(entries, cards = cardsOf(entries, shows.open)) {
    drawTodo(root, journal, toDo(journal, entries, cards.day, shows), cards);
  }
  /** @param {Entry[]} entries @param {import("./draw.js").Cards} [cards] */
  function showList(entries, cards = cardsOf(entries, shows.open)) {
    const started = performance.now();
    const { kind, tag, search } = filters.elements;
    drawList(root, journal, listing(journal, entries, { kind: kind.value, tag: tag?.value || "", search: search.value }, shows), cards);
    performance.measure("mentorkit:journal-list", { start: started });
  }
  /** @param {Entry[]} entries */
  function showSummary(entries) {
    if (targetsChoice) {
      targetsChoice.checked = kept.targetsShown();
      part("targets-note").hidden = !targetsChoice.checked;
    }
    part("summary").replaceChildren(
      el("p", {}, periodText(period())),
      ...summaryView(journal, inPeriod(entries), period(), { targets: targets() }),
    );
  }
  function show() {
    const { entries } = kept.read();
    const cards = cardsOf(entries, shows.open);
    showTodo(entries, cards);
    showList(entries, cards);
    part("by-tag")?.replaceChildren(...byTagView(journal, entries));
    showSummary(entries);
    for (const control of /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll("[data-add], [data-actions] [data-action]")))
      control.disabled = false;
  }

  /** @type {Page} */
  const page = { journal, kept, spec, part, say, period, inPeriod, targets, signal, show, root, filters, shows, showList, showTodo };
  const form = entryForm(page);
  const { toTag, fromAddress } = finding(page);
  clicks(page, entryActs(page, form), { reveal: form.reveal, toTag });
  periodInputs.addEventListener("change", () => showSummary(kept.read().entries));
  targetsChoice?.addEventListener("change", () => {
    if (kept.showTargets(targetsChoice.checked) === false) say(t("journalFull"));
    showSummary(kept.read().entries);
  });
  takeAway(page);

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

  opening(page, scope, fromAddress);
  root.dataset.enhanced = "true"; // the page is ready: every control works from now on
  performance.measure("mentorkit:enhance", { start: began });
}

/** The page's first drawing, and what it says then: what became of the stored record as it was
 * opened, of the earlier reflections moved into the journal (migrate.js), of entries that cannot be
 * read, and of a tag the address asks for; a journal that could not be read is offered as a file.
 * @param {Page} page @param {string} scope @param {() => string} fromAddress */
function opening({ journal, kept, spec, part, say, show }, scope, fromAddress) {
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
    part("status").append(" ", keep);
  }
}

/** The form of an entry: opened by the "add" buttons and by the acts on an entry (`edit`), its
 * entry kept (`save`), and then brought into view (`reveal`). @param {Page} page */
function entryForm({ root, journal, kept, spec, part, say, period, show, filters, shows }) {
  const editor = part("editor");

  /** What the reader saved, over what is stored of it (entries.js, savedOver). @param {Entry} entry */
  function save(entry) {
    const before = kept.stored(entry.id);
    return kept.put(before ? savedOver(journal, entry, before) : entry);
  }

  /** Open the form of a kind, for an entry or a new one (`presets`: as openEditor takes them); `from`:
   * the control that opened it, where focus returns when the form is closed unsaved.
   * @param {string} kindId @param {Entry | null} entry @param {{ fields?: Answers, tags?: string[] }} presets @param {HTMLElement} from */
  function edit(kindId, entry, presets, from) {
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
        if (!saved) return from.focus();
        say(t(entry ? "entryUpdated" : "entryAdded", { name: nameOf(journal, saved) }));
        reveal(saved.id);
      },
    });
  }

  /** Bring an entry's card into the list, if filters or paging hid it, open it, and move focus to it. @param {string} id */
  function reveal(id) {
    cardToggled(shows, cardId({ id }), true);
    let card = cardOf(root, id);
    if (!card) {
      const at = placeOf(journal, kept.read().entries, id);
      if (at < 0) return;
      filters.reset();
      entryReached(shows, at);
      show();
      card = cardOf(root, id);
    }
    openCard(card);
  }

  for (const button of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-add]"))) {
    button.addEventListener("click", () => {
      const tag = filters.elements.tag?.value; // adding while a tag is chosen: the new entry is evidence for it
      edit(/** @type {string} */ (button.dataset.add), null, { tags: tag ? [tag] : [] }, button);
    });
  }
  return { edit, save, reveal };
}

/** Finding entries: the filters and search, "Show more", all that is still to do, and one tag's
 * entries (`toTag`), also as the address asks (`fromAddress`, which returns what it says).
 * @param {Page} page */
function finding({ root, journal, kept, spec, part, say, signal, filters, shows, showList, showTodo }) {
  const refilter = () => {
    filtersChosen(shows);
    showList(kept.read().entries);
  };
  filters.addEventListener("input", refilter);
  filters.addEventListener("submit", (event) => event.preventDefault());
  /** @type {HTMLElement} */ (root.querySelector('[data-action="more"]')).addEventListener("click", () => {
    const first = shows.shown;
    moreAsked(shows);
    showList(kept.read().entries);
    focusRow(part("list"), first);
  });
  /** @type {HTMLElement} */ (root.querySelector('[data-action="todo-all"]')).addEventListener("click", () => {
    allToDoAsked(shows);
    showTodo(kept.read().entries);
    focusRow(part("todo"), TODO_FIRST);
  });
  /** The list filtered to one tag's entries (the count below the filters says how many); only in a
   * journal that tags, whose filters have a tag's select. @param {string} tag */
  function toTag(tag) {
    filters.reset();
    /** @type {HTMLSelectElement} */ (filters.elements.tag).value = tag;
    refilter();
  }
  /** "#tag=<id>": the self-assessment's plan asks for evidence of one group, and new entries get
   * its tag. Returns the sentence that says so, or "". */
  function fromAddress() {
    const wanted = filters.elements.tag && tagAsked(journal, location.hash);
    if (!wanted) return "";
    toTag(wanted);
    /** @type {HTMLElement} */ (root.querySelector(`#${CSS.escape(spec.id)}-add`)).focus();
    return t("tagPreset", { title: journal.tags.get(wanted).title });
  }
  window.addEventListener("hashchange", () => say(fromAddress()), { signal });
  return { toTag, fromAddress };
}

/** The page's one click listener: a card or a menu opened or closed, a tag's entries shown from the
 * evidence table, a link to an entry already on the page, and the act a card's button names (acts.js).
 * @param {Page} page @param {ReturnType<typeof entryActs>} acts
 * @param {{ reveal: (id: string) => void, toTag: (tag: string) => void }} to */
function clicks({ root, spec, kept, shows }, acts, { reveal, toTag }) {
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
    if (target.dataset.toggle) return cardToggled(shows, target.dataset.toggle, disclose(target));
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
}
