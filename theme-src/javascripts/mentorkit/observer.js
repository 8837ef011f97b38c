// A questionnaire page opened from a link asking for someone's view of the person who sent it
// (#mk-ask=..., see growth.js): the same statements, each worded for an observer, answered and
// kept apart from any answers of the observer's own to this questionnaire, then sent back in a
// link or a file that only the observer sends. A bundle of its own (runtime/observer.js):
// only such a link loads it, or one bringing a view back (#mk-view=...), which opens the
// reader's own page at its results.

import { el } from "./dom.js";
import { today } from "./format.js";
import { linkToSend } from "./growth/handover.js";
import { idFits, LABEL_MAX, labelFits, readableText } from "./growth/kept.js";
import { after, pack, readableHere, unpack } from "./growth/link.js";
import { newId } from "./lists.js";
import { t, useCatalogue } from "./messages.js";
import { enhance as run } from "./questionnaire.js";
import { score } from "./scoring.js";
import { openStore } from "./store.js";
import { download, FORMAT, FORMAT_VERSION } from "./transfer.js";
import { isObject } from "./util.js";

const ASK = "mk-ask=";
const VIEW = "mk-view=";

/** The request a link holds, its name made readable (growth/kept.js); anything else as it is. */
const readableAsk = (ask) => (isObject(ask) && typeof ask.name === "string" ? { ...ask, name: readableText(ask.name) } : ask);

/** The request's role, or the key of the sentence that says why it cannot be answered. */
function request(spec, ask) {
  if (!spec.observer) return "askNotOffered";
  if (!isObject(ask) || ask.format !== "mentorkit-ask" || typeof ask.name !== "string" || !labelFits(ask.name)) return "askUnreadable";
  if (ask.questionnaire !== spec.id) return "askOther";
  if (ask.version !== spec.version) return "askVersion";
  return spec.observer.roles.find((role) => role.id === ask.role) || "askUnreadable";
}

/** The page, made the observer's own: its heading says what they are doing; who asked, as whom they
 * answer and what is sent come first; what was written for a person rating themselves (the
 * introduction, the levels, their own part, whatever else the page holds) is not shown. */
function ownPage(root, spec, ask, role) {
  root.querySelector("[data-growth]")?.remove();
  for (const part of root.querySelectorAll(".mk-intro, [data-levels]")) part.hidden = true;
  const article = root.closest("article") || document.body;
  for (let inner = root; inner !== article && inner.parentElement; inner = inner.parentElement) {
    for (const other of inner.parentElement.children) if (other !== inner && other.tagName !== "H1") other.hidden = true;
  }
  const heading = article.querySelector("h1");
  if (heading) heading.textContent = t("observerTitle");
  // "<page> - <site>": the tab and the history name what the observer is doing, not the self-assessment.
  const site = document.title.split(" - ").slice(1).join(" - ");
  document.title = site ? `${t("observerTitle")} - ${site}` : t("observerTitle");
  // A health check's statements are about the two of them, not about the work of the one who asks.
  const relationship = spec.observer.about === "relationship";
  const about = ask.name
    ? t(relationship ? "observerAboutRelationship" : "observerAbout", { name: ask.name })
    : t(relationship ? "observerAboutSomeoneRelationship" : "observerAboutSomeone");
  root.prepend(
    el(
      "section",
      { class: "mk-observer", "data-observer": "" },
      el("p", {}, about, " ", t(relationship ? "observerRoleRelationship" : "observerRole", { who: role.who })),
      spec.observer.intro ? el("p", {}, spec.observer.intro) : null,
      el("p", { "data-observer-consent": "" }, t("observerConsent")),
      el("p", {}, t("observerWhere")),
    ),
  );
}

export async function enhance(root, signal, base) {
  if (!location.hash.startsWith(`#${ASK}`)) {
    // A view coming back: the reader's own page, shown at its results, where growth.js takes it in.
    const own = await import(new URL(`./${root.dataset.method}.js`, import.meta.url).href);
    own.enhance(root, signal, base);
    root.querySelector("[data-growth]")?.scrollIntoView();
    return;
  }
  useCatalogue(root);
  const spec = JSON.parse(root.querySelector("template[data-spec]").content.textContent);
  const asked = after(ASK, location.hash);
  const ask = readableHere(asked) ? readableAsk(await unpack(asked)) : null;
  const role = ask === null ? "linkNeedsNewerBrowser" : request(spec, ask);
  const form = root.querySelector("[data-form]");
  if (typeof role === "string") {
    form.before(
      el("p", { class: "mk-observer__notice", role: "status" }, t(role), " ", el("a", { href: location.pathname }, t("askOpenPlain"))),
    );
    return;
  }
  for (const item of spec.groups.flatMap((g) => g.items)) {
    const shown = root.querySelector(`[data-item="${CSS.escape(item.id)}"]`);
    if (!shown) continue;
    if (item.type === "scale") shown.querySelector(".mk-item__text").textContent = item.observer;
    else shown.hidden = true; // an observer answers the statements only
  }
  // A link of ours pasted into this tab changes only the fragment: read the page afresh in its mode.
  window.addEventListener("hashchange", () => location.hash.startsWith("#mk-") && location.reload(), { signal });
  const hint = root.querySelector(".mk-scale-hint");
  if (hint && spec.observer.scale_hint) hint.textContent = spec.observer.scale_hint;
  ownPage(root, spec, ask, role);

  // The finishing step, made before the form is set up: its heading is where "Send your view back"
  // leads, in place of the results an observer is not shown.
  const name = el("input", { type: "text", id: `${spec.id}-observer-name`, maxlength: String(LABEL_MAX), autocomplete: "name" });
  const out = el("div", { "data-observer-out": "" });
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
  for (const hidden of root.querySelectorAll("[data-results], [data-actions]")) hidden.hidden = true;
  // The table of contents leads nowhere hidden (the results above all).
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".md-nav--secondary a[href*='#']"))) {
    const target = link.pathname === location.pathname && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target?.closest("[hidden]")) link.closest("li").hidden = true;
  }

  function view() {
    const answers = {};
    for (const item of spec.groups.flatMap((g) => g.items)) {
      const input = root.querySelector(`[data-item="${CSS.escape(item.id)}"] input:checked`);
      if (item.type === "scale" && input) answers[item.id] = input.value === "na" ? "na" : Number(input.value);
    }
    // The request's id goes back with the view: the reader keeps it under that id, once (growth.js).
    return {
      format: "mentorkit-view",
      questionnaire: spec.id,
      version: spec.version,
      role: role.id,
      name: readableText(name.value).trim(),
      at: new Date().toISOString(),
      answers,
      ...(idFits(ask.id) ? { id: ask.id } : {}),
    };
  }
  const status = root.querySelector("[data-status]");
  root.addEventListener(
    "click",
    async (event) => {
      const action = event.target.closest?.("button[data-observer-action]")?.dataset.observerAction;
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
