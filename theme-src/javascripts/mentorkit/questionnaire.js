// Enhances one questionnaire that the build rendered as an HTML form, or a block
// of it inside a guidance page: restores and saves answers, shows progress and
// results, and offers print, export, import and start again. Everything it
// needs is found inside the element it is given.

import { fill, itemsById, markMisfit, misfit, readInput } from "./answers.js";
import { once, onDemand } from "./demand.js";
import { el } from "./dom.js";
import { ANSWERS_REPLACED, LINES, SAY } from "./events.js";
import { today } from "./format.js";
import { t, useCatalogue } from "./messages.js";
import { scoredPart } from "./scoring.js";
import { reach } from "./storage.js";
import { earlierKey, keptUntil, openStore, siteScope } from "./store.js";
import { wayfinding } from "./wayfinding.js";

const seen = new WeakSet(); // document$ may hand us the same page twice
// Export and import load when first used: the bundle beside this one (runtime/transfer.js; this
// module is only ever run bundled, and bundles sit side by side in mentorkit-runtime/).
const transferModule = new URL("./transfer.js", import.meta.url).href;
// Attempts, other views and the cohort (runtime/growth.js, growth/part.js) too, once the results are
// first drawn (a link bringing a view, #mk-view=..., takes the reader there: observer.js): the page
// carries none of their code.
const growthModule = new URL("./growth.js", import.meta.url).href;

/** A method's results view (runtime/results-*.js): each draws the spec and result of its own method.
 * @typedef {{ useCatalogue: (root: ParentNode) => void,
 *   render: (container: Element, spec: Spec, result: Result, root: ParentNode, answers: Answers) => void }} ResultsView */

/**
 * root: a questionnaire's element.
 * view and score: the address of the results view of its method (runtime/results-*.js, loaded for
 *   the first results drawn; none: no results to draw) and its scoring (scoring.js). Each method has
 *   a runtime of its own (runtime/*.js): a page loads its own method's code only.
 * signal: aborted when the page goes (instant navigation), removing every listener on window.
 * base: the site's base path ("/", "/a/"), which scopes saved answers.
 * open: how answers are kept (store.js openStore; an observer's answers are kept apart: observer.js).
 * finish: where the last answer leads, when not the results (wayfinding.js).
 * @param {HTMLElement} root
 * @param {{ view: string | null, score: ReturnType<typeof import("./scoring.js").scorer>, signal?: AbortSignal, base: string,
 *   open?: typeof openStore, finish?: import("./wayfinding.js").Finish }} options
 */
export function enhance(root, { view, score, signal, base, open = openStore, finish = undefined }) {
  if (seen.has(root)) return;
  seen.add(root);
  const began = performance.now(); // User Timing marks: what benchmarks/run.py reads
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const items = itemsById(spec);
  // A questionnaire's form and notice are in every one the build renders (generator/templates).
  const form = /** @type {HTMLFormElement} */ (root.querySelector("[data-form]"));
  const status = /** @type {HTMLElement} */ (root.querySelector("[data-status]"));
  const progress = /** @type {HTMLProgressElement | null} */ (root.querySelector("[data-progress] progress"));
  const progressText = /** @type {HTMLElement} */ (root.querySelector("[data-progress-text]")); // with the progress bar
  const resultsBody = root.querySelector("[data-results-body]");
  const scope = siteScope(base);
  const store = open(spec, scope, { signal });
  let answers = store.read();
  let kept = store.where; // where the reader was last told the answers are: told once, not at every change

  /** @param {...string} sentences */
  function say(...sentences) {
    status.textContent = sentences.filter(Boolean).join(" ");
    // Answers that could not be saved are offered for export right where the reader is told so.
    if (store.where !== "local" && Object.keys(store.read()).length) {
      status.append(" ", el("button", { type: "button", class: "md-button", "data-action": "export-backup" }, t("exportBackup")));
    }
    if (store.unreadable) {
      // what could not be read was moved aside: the reader may keep it as a file
      status.append(
        " ",
        el("button", { type: "button", class: "md-button", "data-action": "download-unreadable" }, t("downloadUnreadable")),
      );
    }
  }

  // The reader's choice of pace is kept with the site's other preferences (blocked: for this page).
  const way = wayfinding(root, spec, { signal, pace: reach("localStorage"), scope, finish });
  /** @type {HTMLInputElement | HTMLTextAreaElement | null} */
  let edited = null; // the input of the answer being saved, for the way to the results after the last one

  // The results are drawn off the answer's own path: after the frame that shows the answer taken
  // and its count, or, while they are far from the window, when the page is idle. A phone then
  // paints each answer at once (benchmarks: responsiveness). Until drawn they say they are busy.
  const resultsPart = /** @type {HTMLElement} */ (root.querySelector("[data-results]")); // used only with its body, resultsBody
  const growth = /** @type {HTMLElement | null} */ (root.querySelector("[data-growth]"));
  /** @type {Promise<void> | null} */
  let growing = null; // growth.js, once loaded
  /** @type {string[]} */
  let growthLines = []; // what the growth part shows, as Markdown lines for the export
  if (growth) {
    // what it tells the page (events.js)
    growth.addEventListener(SAY, (event) => say(.../** @type {CustomEvent} */ (event).detail), { signal });
    growth.addEventListener(ANSWERS_REPLACED, () => show(), { signal });
    growth.addEventListener(
      LINES,
      (event) => {
        growthLines = /** @type {CustomEvent} */ (event).detail;
      },
      { signal },
    );
  }
  /** @type {Result | null} */
  let undrawn = null; // the latest result not drawn yet
  let near = false; // the results are within a screen of the window
  /** @type {ResultsView["render"] | null} */
  let render = null; // the method's results view, once loaded
  /** @type {Promise<void> | null} */
  let viewing = null;
  // A part of the page whose code could not be loaded: said (unless the page is being left), and
  // loaded again at the next answer or use.
  const unloaded = () => signal?.aborted || say(t("partNotLoaded"));
  /** @type {() => Promise<ResultsView>} */
  const loadView = once(/** @type {string} */ (view)); // loaded only with a view to draw (update)
  /** @type {() => Promise<typeof import("./runtime/growth.js")>} */
  const loadGrowth = once(growthModule);
  function draw() {
    if (!undrawn) return;
    if (!render) {
      viewing ||= loadView().then(
        (module) => {
          module.useCatalogue(root);
          render = module.render;
        },
        (error) => {
          viewing = null;
          throw error;
        },
      );
      viewing.then(draw, unloaded);
      return;
    }
    const result = undrawn;
    undrawn = null;
    render(/** @type {Element} */ (resultsBody), ...scoredPart(spec, result), root, answers); // an "About you" is no result
    resultsPart.removeAttribute("aria-busy");
    // Attempts, other views and the cohort follow the first results drawn, off the answers' path as
    // they are: waiting until the reader neared them, they were drawn as the reader arrived, and
    // moved the buttons below them under the reader's pointer.
    if (growth && !growing) {
      growing = loadGrowth().then(
        (m) => m.attach(growth, { store, scope }),
        () => {
          growing = null;
          unloaded();
        },
      );
    }
  }
  /** @param {() => void} then */
  const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then));
  // Safari has no requestIdleCallback, which the DOM's types declare always present.
  /** @param {() => void} then */
  const whenIdle = (then) =>
    /** @type {Partial<Window>} */ (window).requestIdleCallback ? requestIdleCallback(then, { timeout: 1500 }) : setTimeout(then, 200);
  if (resultsBody && view) {
    new IntersectionObserver(
      ([entry]) => {
        near = entry.isIntersecting;
        if (near) draw();
      },
      { rootMargin: "100% 0px" },
    ).observe(resultsPart);
  }

  function update() {
    const result = score(spec, answers);
    if (progress) {
      progress.value = result.answered;
      progressText.textContent = t("progress", { answered: result.answered, total: result.total });
    }
    if (resultsBody && view) {
      if (!undrawn || !viewing) (near ? afterPaint : whenIdle)(draw); // none on the way: its code failed to load
      undrawn = result;
      resultsPart.setAttribute("aria-busy", "true");
    }
    way.update(result, answers, edited);
    edited = null;
    return result;
  }

  // A save, or another tab's write taken in, that found the stored record unreadable set it aside
  // (store.js takeIn) and saved this page's answers in its place: said once, and say() offers it
  // as a file. (Found on opening, the store's own notice says so.)
  let toldAside = store.unreadable;
  function setAsideNow() {
    if (!store.unreadable || store.unreadable === toldAside) return "";
    toldAside = store.unreadable;
    return t("storageCorruptLater");
  }

  /** @param {string} where */
  function saved(where) {
    const aside = setAsideNow();
    if (where !== kept) say(aside, where === "local" ? t("storageBack") : t("storageFull"), where === "local" ? "" : keptUntil(where));
    else if (aside) say(aside);
    kept = where;
    answers = store.read();
    // The save took in what another tab had just written (before its storage event arrived).
    if (store.elsewhere()) fill(form, spec, answers, true);
    update();
  }

  /** @param {Event} event */
  function onEdit(event) {
    const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target); // the form holds inputs and text boxes
    const item = items.get(input.name);
    if (!item || (input.type === "radio" && !(/** @type {HTMLInputElement} */ (input).checked))) return;
    const start = performance.now();
    const reason = misfit(item, input);
    if (input.type !== "radio") markMisfit(input, reason);
    edited = input;
    if (!reason) saved(store.update({ [item.id]: readInput(item, input) }));
    performance.measure("mentorkit:answer", { start });
  }
  form.addEventListener("change", onEdit);
  form.addEventListener("input", (event) => {
    if (/** @type {HTMLInputElement | HTMLTextAreaElement} */ (event.target).type !== "radio") onEdit(event); // typing is saved as it happens
  });

  function show() {
    kept = store.where;
    answers = store.read();
    fill(form, spec, answers);
    update();
  }

  // On paper, links show where they lead (an address a reader can type) and folded parts unfold.
  window.addEventListener(
    "beforeprint",
    () => {
      draw(); // the results as they are now
      for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (root.querySelectorAll("[data-results] a[href]")))
        link.dataset.printUrl = link.href;
      for (const part of /** @type {NodeListOf<HTMLDetailsElement>} */ (root.querySelectorAll("[data-results] details"))) part.open = true;
    },
    { signal },
  );
  window.addEventListener("afterprint", () => root.classList.remove("mk-print-results"), { signal });
  /** @param {boolean} resultsOnly */
  const print = (resultsOnly) => {
    root.classList.toggle("mk-print-results", resultsOnly);
    window.print();
  };

  // Loading begins when the reader nears the buttons that need it (or the export a notice offers).
  /** @type {() => Promise<typeof import("./runtime/transfer.js")>} */
  const loadTransfer = onDemand(transferModule, [root.querySelector("[data-actions]"), status], signal);
  async function transfer() {
    const module = await loadTransfer();
    module.useCatalogue(root);
    return module;
  }
  // A file the click's moment has passed for: a link in the notice, in focus, to save it by.
  /** @param {HTMLAnchorElement} link */
  const offer = (link) => {
    status.replaceChildren(link);
    link.focus();
  };

  // The answers to hand in, or (backup) everything kept with them: transfer.js exportRecord.
  /** @param {string} name @param {boolean} backup */
  async function exportJson(name, backup) {
    const { download, exportRecord } = await transfer();
    const record = exportRecord(spec, answers, score(spec, answers), scope, { backup });
    download(`${spec.id}-${name}-${today()}.json`, JSON.stringify(record, null, 2), "application/json", offer);
  }

  // One listener on the element for its buttons, the export offered in a notice among them.
  const actions = {
    reset() {
      if (!window.confirm(t("confirmReset"))) return;
      const cleared = store.clear();
      show();
      say(t(cleared ? "cleared" : "clearFailed"));
      way.restart(status);
    },
    print: () => print(false),
    "print-results": () => print(true),
    async "download-unreadable"() {
      const { download } = await transfer();
      // offered only once a record was set aside (say)
      download(
        `${spec.id}-unreadable-${today()}.txt`,
        /** @type {NonNullable<typeof store.unreadable>} */ (store.unreadable).text,
        "text/plain",
        offer,
      );
    },
    export: () => exportJson("answers", false),
    "export-backup": () => exportJson("backup", true),
    async "export-markdown"() {
      const { download, summary, toMarkdown } = await transfer();
      const note = root.querySelector("[data-results-note]")?.textContent.trim();
      // With the comparisons on screen (growth.js gives them to its part of the results).
      const text = toMarkdown(spec, answers, [
        ...(note ? [note, ""] : []),
        ...summary(...scoredPart(spec, score(spec, answers)), root),
        ...growthLines,
      ]);
      download(`${spec.id}-${today()}.md`, text, "text/markdown", offer);
    },
  };
  root.addEventListener("click", (event) => {
    // closest is absent on a text node or the document
    const action = /** @type {HTMLButtonElement | null | undefined} */ (
      /** @type {Element} */ (event.target).closest?.("button[data-action]")
    )?.dataset.action;
    // undefined is looked up as "undefined", which no action is; an own key names an action
    if (Object.hasOwn(actions, /** @type {string} */ (action)))
      Promise.resolve(actions[/** @type {keyof typeof actions} */ (action)]()).catch(unloaded);
  });

  const importInput = /** @type {HTMLInputElement | null} */ (root.querySelector('[data-action="import"]'));
  importInput?.addEventListener("change", async () => {
    const file = /** @type {FileList} */ (importInput.files)[0]; // a file input's
    importInput.value = ""; // the same file can be chosen again
    if (!file) return;
    // Not loaded: said (unless the page is being left), and nothing more to do.
    const tr = await transfer().catch(() => {
      unloaded();
      return null;
    });
    if (!tr) return;
    const read = await tr.readAnswersFile(spec, file);
    if (read.error) return say(read.error);
    // Read without an error, the file gave its answers and lists (transfer.js readAnswersFile).
    const current = Object.keys(answers).length;
    const incoming = Object.keys(/** @type {NonNullable<typeof read.answers>} */ (read.answers)).length;
    if (incoming && current && !window.confirm(t("confirmImport", { current, incoming }))) return say(t("importCancelled"));
    // A file of kept lists only (attempts, views, entries) leaves the answers here as they are.
    const where = incoming ? store.replace(read.answers) : store.where;
    const lists = tr.importLists(spec, scope, /** @type {NonNullable<typeof read.lists>} */ (read.lists));
    show();
    const told = [
      read.ignored ? t("importIgnored", { ignored: read.ignored }) : "",
      read.refused ? t("importRefusedLists", { refused: read.refused }) : "",
    ];
    if (lists.added) told.unshift(t(lists.saved ? "importedLists" : "importedListsUnsaved", { what: tr.addedWords(spec, lists.each) }));
    if (!incoming) say(...told);
    else if (where === "local") say(t("imported", { incoming }), ...told);
    else say(t("importedUnsaved", { incoming }), ...told, keptUntil(where));
  });

  // Another tab (or another block of this questionnaire) saved: show its answers here rather
  // than keep a stale copy that would hide them, and write back what this page knows that the
  // other's write lost (store.js). A tab still open on an earlier version of the questionnaire
  // saved: its answers and kept items are merged into this version's.
  window.addEventListener(
    "storage",
    (event) => {
      if (event.key !== store.key && event.key !== null) {
        if (!earlierKey(spec, scope, event.key)) return;
        const came = store.takeEarlier();
        if (!came.answers && !came.items) return;
        show();
        say(t("mergedEarlier", came));
        return;
      }
      const { changed, listsChanged, replaced } = store.sync();
      const back = kept !== "local" && store.where === "local"; // storage had room again
      kept = store.where;
      if (listsChanged && !changed) update(); // attempts or views kept elsewhere: drawn with the results
      // The same answers: storage holds what this page shows. Chromium may still deliver the
      // event of a write this tab made before a reload; nothing changed elsewhere, so say nothing.
      const aside = setAsideNow();
      if (!changed) return (back || aside) && say(aside, back ? t("storageBack") : "");
      answers = store.read();
      fill(form, spec, answers, true);
      update();
      const texts = replaced.map((id) => items.get(id)?.text).filter(Boolean);
      say(aside, back ? t("storageBack") : "", t("changedElsewhere"), ...texts.map((text) => t("replacedElsewhere", { text })));
    },
    { signal },
  );

  fill(form, spec, answers);
  say(...store.notices);
  for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-results], [data-actions]")))
    hidden.hidden = false;
  const { answered, total } = update();
  if (!root.hasAttribute("data-block")) {
    const resuming = answered > 0 && answered < total;
    way.skipLink(resuming);
    /** @type {HTMLElement} */ (root.querySelector("[data-resume]")).hidden = !resuming; // on every page that is not a block
  }
  root.dataset.enhanced = "true"; // the page is ready: every control works from now on
  performance.measure("mentorkit:enhance", { start: began });
}
