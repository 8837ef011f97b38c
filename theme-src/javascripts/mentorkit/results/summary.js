// Results of questionnaires that are not scored (an agreement, a diary): every
// answer in reading form, grouped, to print or export.

import { displayAnswer } from "../answers.js";
import { el } from "../dom.js";
import { t } from "../messages.js";
import { guidanceLink } from "./common.js";

/** A questionnaire not scored, which may print as a document. @typedef {Spec & { scoring: NoScoring }} NoneSpec */

/** @param {Element} container @param {NoneSpec} spec @param {Result} _result @param {ParentNode} root @param {Answers} answers */
export function render(container, spec, _result, root, answers) {
  // A printed document (scoring.document) names its parties above the answers and by their signatures.
  for (const name of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll("[data-party-name]"))) {
    // a party names a text item (generator/format/checks.py), its id in the attribute selected: the answer is text
    name.textContent = /** @type {string | undefined} */ (answers[/** @type {string} */ (name.dataset.partyName)]) ?? "";
  }
  const parties = new Set((spec.scoring.document?.parties || []).map((party) => party.item));
  container.replaceChildren(
    ...spec.groups.map((group) => {
      const list = el("dl", { class: "mk-summary__answers" });
      for (const item of group.items) {
        const value = answers[item.id];
        const shown = displayAnswer(spec, item, value);
        // A question and its answer in one block, so that print never splits them across pages.
        list.append(
          el(
            "div",
            { class: `mk-summary__pair${parties.has(item.id) ? " mk-summary__pair--party" : ""}` },
            el("dt", {}, item.text),
            el("dd", shown === null ? { class: "mk-summary__empty" } : {}, shown ?? t("notAnswered")),
          ),
        );
      }
      return el(
        "section",
        { class: "mk-summary__group", "data-summary-group": group.id },
        el("h3", {}, group.title),
        list,
        guidanceLink(group),
      );
    }),
  );
}
