// Results of questionnaires that are not scored (an agreement, a diary): every
// answer in reading form, grouped, to print or export.

import { displayAnswer } from "../answers.js";
import { t } from "../messages.js";
import { el, guidanceLink } from "./common.js";

// Dates as the reader's browser writes them ("2 March 2026", "March 2, 2026"), not as stored.
const longDate = (value) => new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(new Date(`${value}T00:00`));

export function render(container, spec, result, root, answers) {
  // A printed document (scoring.document) names its parties above the answers and by their signatures.
  for (const name of root.querySelectorAll("[data-party-name]")) name.textContent = answers[name.dataset.partyName] ?? "";
  container.replaceChildren(...spec.groups.map((group) => {
    const list = el("dl", { class: "mk-summary__answers" });
    for (const item of group.items) {
      const value = answers[item.id];
      const shown = item.type === "date" && value && !item.time ? longDate(value) : displayAnswer(spec, item, value);
      list.append(el("dt", {}, item.text), el("dd", shown === null ? { class: "mk-summary__empty" } : {}, shown ?? t("notAnswered")));
    }
    return el("section", { class: "mk-summary__group", "data-summary-group": group.id }, el("h3", {}, group.title), list, guidanceLink(group));
  }));
}
