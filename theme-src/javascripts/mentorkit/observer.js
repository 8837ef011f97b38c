// A questionnaire page opened from a link asking for someone's view of the person who sent it
// (#mk-ask=..., see growth.js): the same statements, each worded for an observer, answered and
// kept apart from any answers of the observer's own to this questionnaire, then sent back in a
// link or a file that only the observer sends. A bundle of its own (runtime/observer.js):
// only such a link loads it, or one bringing a view back (#mk-view=...), which opens the
// reader's own page at its results.

import { el } from "./dom.js";
import { today } from "./format.js";
import { linkToSend } from "./growth/handover.js";
import { after, pack, readableHere, unpack } from "./growth/link.js";
import { idFits, LABEL_MAX, labelFits, readableText } from "./kept.js";
import { newId } from "./lists.js";
import { t, useCatalogue } from "./messages.js";
import { enhance as run } from "./questionnaire.js";
import { score } from "./scoring.js";
import { openStore } from "./store.js";
import { download, FORMAT, FORMAT_VERSION } from "./transfer.js";
import { isObject } from "./util.js";

const ASK = "mk-ask=";
const VIEW = "mk-view=";

/** A request for a view as its link holds it (growth/part.js, ask), once request() finds it answerable;
 * its id, absent from requests made before they had one, is checked where it is used (idFits).
 * @typedef {{ format: "mentorkit-ask", questionnaire: string, version: string, role: string, name: string, id?: unknown }} Ask */
/** A spec that asks for other people's views, as one with a role a request names is. @typedef {Spec & { observer: SpecObserver }} ObservedSpec */

/** The request a link holds, its name made readable (kept.js); anything else as it is. @param {unknown} ask */
const readableAsk = (ask) => (isObject(ask) && typeof ask.name === "string" ? { ...ask, name: readableText(ask.name) } : ask);

/** The request's role, or the key of the sentence that says why it cannot be answered.
 * @param {Spec} spec @param {unknown} ask @returns {ObserverRole | string} */
function request(spec, ask) {
  if (!spec.observer) return "askNotOffered";
  if (!isObject(ask) || ask.format !== "mentorkit-ask" || typeof ask.name !== "string" || !labelFits(ask.name)) return "askUnreadable";
  if (ask.questionnaire !== spec.id) return "askOther";
  if (ask.version !== spec.version) return "askVersion";
  return spec.observer.roles.find((role) => role.id === ask.role) || "askUnreadable";
}

/** The page, made the observer's own: its heading says what they are doing; who asked, as whom they
 * answer and what is sent come first; what was written for a person rating themselves (the
 * introduction, the levels, their own part, whatever else the page holds) is not shown.
 * @param {HTMLElement} root @param {ObservedSpec} spec @param {Ask} ask @param {ObserverRole} role */
function ownPage(root, spec, ask, role) {
  root.querySelector("[data-growth]")?.remove();
  for (const part of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll(".mk-intro, [data-levels]"))) part.hidden = true;
  const article = root.closest("article") || document.body;
  for (let inner = root; inner !== article && inner.parentElement; inner = inner.parentElement) {
    // the page's parts around the questionnaire: HTML elements, which hidden hides
    for (const other of /** @type {HTMLCollectionOf<HTMLElement>} */ (inner.parentElement.children))
      if (other !== inner && other.tagName !== "H1") other.hidden = true;
  }
  const heading = article.querySelector("h1");
  if (heading) heading.textContent = t("observerTitle");
  // "<page> - <site>": the tab and the history name what the observer is doing, not the self-assessment.
  const site = document.title.split(" - ").slice(1).join(" - ");
  document.title = site ? `${t("observerTitle")} - ${site}` : t("observerTitle");
  const about = ask.name ? t("observerAbout", { name: ask.name }) : t("observerAboutSomeone");
  root.prepend(
    el(
      "section",
      { class: "mk-observer", "data-observer": "" },
      el("p", {}, about, " ", t("observerRole", { who: role.who })),
      spec.observer.intro ? el("p", {}, spec.observer.intro) : null,
      el("p", { "data-observer-consent": "" }, t("observerConsent")),
      el("p", {}, t("observerWhere")),
    ),
  );
}

/** @param {HTMLElement} root @param {AbortSignal} signal @param {string} base (loader.js) */
export async function enhance(root, signal, base) {
  if (!location.hash.startsWith(`#${ASK}`)) {
    // A view coming back: the reader's own page, shown at its results, where growth.js takes it in.
    const own = await import(new URL(`./${root.dataset.method}.js`, import.meta.url).href);
    own.enhance(root, signal, base);
    root.querySelector("[data-growth]")?.scrollIntoView();
    return;
  }
  useCatalogue(root);
  /** @type {Spec} */
  const spec = JSON.parse(
    /** @type {string} */ (/** @type {HTMLTemplateElement} */ (root.querySelector("template[data-spec]")).content.textContent),
  );
  const asked = after(ASK, location.hash);
  // Whatever the link holds, taken as a request: request() checks it before any other use.
  const ask = readableHere(asked) ? /** @type {Ask} */ (readableAsk(await unpack(asked))) : null;
  const role = ask === null ? "linkNeedsNewerBrowser" : request(spec, ask);
  const form = /** @type {HTMLElement} */ (root.querySelector("[data-form]")); // in every questionnaire the build renders
  if (typeof role === "string") {
    form.before(
      el("p", { class: "mk-observer__notice", role: "status" }, t(role), " ", el("a", { href: location.pathname }, t("askOpenPlain"))),
    );
    return;
  }
  for (const item of spec.groups.flatMap((g) => g.items)) {
    const shown = /** @type {HTMLElement | null} */ (root.querySelector(`[data-item="${CSS.escape(item.id)}"]`));
    if (!shown) continue;
    // Every statement shows its text; a questionnaire that asks for views words each for an observer (model.py).
    if (item.type === "scale")
      /** @type {Element} */ (shown.querySelector(".mk-item__text")).textContent = /** @type {string} */ (item.observer);
    else shown.hidden = true; // an observer answers the statements only
  }
  // A link of ours pasted into this tab changes only the fragment: read the page afresh in its mode.
  window.addEventListener("hashchange", () => location.hash.startsWith("#mk-") && location.reload(), { signal });
  const hint = root.querySelector(".mk-scale-hint");
  // The request was read (ask) and named one of its observer's roles (request): the spec asks for views.
  if (hint && /** @type {ObservedSpec} */ (spec).observer.scale_hint)
    hint.textContent = /** @type {ObservedSpec} */ (spec).observer.scale_hint;
  ownPage(root, /** @type {ObservedSpec} */ (spec), /** @type {Ask} */ (ask), role);

  // The finishing step, made before the form is set up: its heading is where "Send your view back"
  // leads, in place of the results an observer is not shown.
  const name = el("input", { type: "text", id: `${spec.id}-observer-name`, maxlength: String(LABEL_MAX), autocomplete: "name" });
  const out = el("div", { "data-observer-out": "" });
  /** @param {string} action @param {string} text */
  const send = (action, text) => el("button", { type: "button", class: "md-button", "data-observer-action": action }, text);
  const heading = el("h2", { id: `${spec.id}-observer-send`, tabindex: "-1" }, t("observerSendTitle"));
  form.after(
    el(
      "section",
      { class: "mk-observer", "aria-labelledby": heading.id, "data-observer-send": "" },
      heading,
      el("p", {}, t("observerConsent")),
      el("div", { class: "mk-growth__field" }, el("label", { for: name.id }, t("observerName")), name),
      send("link", t("observerMakeLink")),
      " ",
      send("file", t("observerMakeFile")),
      out,
    ),
  );
  // The observer's answers are kept under a key of their own (no site path holds "#").
  run(root, {
    view: null,
    score,
    signal,
    base,
    finish: { heading, words: "observerSendTitle" },
    open: (s, scope, options) => openStore(s, `${scope}#observer/`, options),
  });
  for (const hidden of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-results], [data-actions]")))
    hidden.hidden = true;
  // The table of contents leads nowhere hidden (the results above all).
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".md-nav--secondary a[href*='#']"))) {
    // A link to another page leads to nothing of this one. Each link is in its li.
    const target = link.pathname === location.pathname ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    if (target?.closest("[hidden]")) /** @type {HTMLElement} */ (link.closest("li")).hidden = true;
  }

  // view() runs only past the checks above: the request was read (ask) and its role found (role).
  function view() {
    /** @type {Answers} */
    const answers = {};
    for (const item of spec.groups.flatMap((g) => g.items)) {
      const input = /** @type {HTMLInputElement | null} */ (root.querySelector(`[data-item="${CSS.escape(item.id)}"] input:checked`));
      if (item.type === "scale" && input) answers[item.id] = input.value === "na" ? "na" : Number(input.value);
    }
    // The request's id goes back with the view: the reader keeps it under that id, once (growth.js).
    return {
      format: "mentorkit-view",
      questionnaire: spec.id,
      version: spec.version,
      role: /** @type {ObserverRole} */ (role).id,
      name: readableText(name.value).trim(),
      at: new Date().toISOString(),
      answers,
      ...(idFits(/** @type {Ask} */ (ask).id) ? { id: /** @type {Ask} */ (ask).id } : {}),
    };
  }
  const status = /** @type {HTMLElement} */ (root.querySelector("[data-status]")); // in every questionnaire the build renders
  root.addEventListener(
    "click",
    async (event) => {
      // closest is absent on a text node or the document
      const action = /** @type {HTMLButtonElement | null | undefined} */ (
        /** @type {Element} */ (event.target).closest?.("button[data-observer-action]")
      )?.dataset.observerAction;
      if (!action) return;
      const data = view();
      if (!labelFits(data.name)) {
        status.textContent = t("refuseLabel");
        return;
      }
      if (!Object.keys(data.answers).length) {
        status.textContent = t("observerNothing");
        return;
      }
      if (action === "file") {
        const item = {
          id: data.id ?? newId(),
          at: data.at,
          version: data.version,
          role: data.role,
          name: data.name,
          answers: data.answers,
        };
        const record = {
          format: FORMAT,
          format_version: FORMAT_VERSION,
          questionnaire: spec.id,
          version: spec.version,
          title: spec.title,
          exported_at: data.at,
          answers: {},
          lists: { views: [item] },
        };
        download(`${spec.id}-view-${role.id}-${today()}.json`, JSON.stringify(record, null, 2), "application/json");
        status.textContent = t("observerFileMade");
        return;
      }
      const link = `${location.origin}${location.pathname}#${VIEW}${await pack(data)}`;
      out.replaceChildren(
        linkToSend({
          id: `${spec.id}-observer-link`,
          label: t("observerLink"),
          link,
          title: t("observerShareTitle"),
          note: t("observerLinkNote"),
          data: "data-observer-link",
        }),
      );
      out.querySelector("button")?.focus(); // Copy: the next thing a reader does with the link
    },
    { signal },
  );
}
