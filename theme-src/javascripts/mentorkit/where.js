// What the reader sees of where they are in a questionnaire (wayfinding.js keeps the state, move.js
// moves them): the line naming the group in view with its count, each group's count in the table
// of contents, and the mark on statements left unanswered, each writing only what changed (one
// answer changes one group's count, and the page redraws on every answer); and the progress bar's
// count of all, which questionnaire.js draws.

import { t } from "./messages.js";

/** "Listening: 3 of 12 answered" for the group at index `n`. @param {HTMLElement} where
 * @param {any} spec @param {any} result @param {number} n */
export function showWhere(where, spec, result, n) {
  const g = result.groups[n];
  const here = t("where", { title: spec.groups[n].title, answered: g.answered, total: g.total });
  if (where.textContent !== here) where.textContent = here;
}

/** The table of contents lists the groups: each shows its count, visibly short ("3/12"), said in
 * full. `linked`: each group's index by its link's fragment. @param {any} result
 * @param {Map<string, number>} linked */
export function showCounts(result, linked) {
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll(".md-nav--secondary a[href*='#']"))) {
    const i = linked.get(decodeURIComponent(link.hash));
    if (i === undefined) continue;
    const { answered, total } = result.groups[i];
    let badge = link.querySelector(".mk-toc-count");
    if (!badge) {
      badge = link.appendChild(Object.assign(document.createElement("span"), { className: "mk-toc-count" }));
      const [shown, said] = [document.createElement("span"), document.createElement("span")];
      shown.ariaHidden = "true";
      said.className = "mk-visually-hidden";
      badge.append(shown, said);
    }
    const count = `${answered}/${total}`;
    if (badge.firstChild?.textContent === count) continue;
    /** @type {ChildNode} */ (badge.firstChild).textContent = count;
    /** @type {ChildNode} */ (badge.lastChild).textContent = t("progress", { answered, total });
  }
}

/** Each statement left unanswered marked (a sentence under it, and data-unanswered for the
 * style), or every mark taken away when `marking` is false. @param {Element} form
 * @param {boolean} marking */
export function markUnanswered(form, marking) {
  for (const item of form.querySelectorAll("[data-item]")) {
    const flag = marking && !item.matches("[data-answered]");
    if (flag === item.hasAttribute("data-unanswered")) continue;
    item.toggleAttribute("data-unanswered", flag);
    if (flag) item.append(Object.assign(document.createElement("p"), { className: "mk-item__missing", textContent: t("notAnswered") }));
    else item.querySelector(".mk-item__missing")?.remove();
  }
}

/** The progress bar and its words: how many statements are answered, of all. @param {HTMLProgressElement} bar
 * @param {HTMLElement} words @param {Result} result */
export function showProgress(bar, words, result) {
  bar.value = result.answered;
  words.textContent = t("progress", { answered: result.answered, total: result.total });
}
