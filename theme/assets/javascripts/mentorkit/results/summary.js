// Results of questionnaires that are not scored (an agreement, a diary): every
// answer in reading form, grouped, to print or export.

import { displayAnswer } from "../answers.js";
import { t } from "../messages.js";
import { el, guidanceLink } from "./common.js";

export function render(container, spec, result, root, answers) {
  container.replaceChildren(...spec.groups.map((group) => {
    const list = el("dl", { class: "mk-summary__answers" });
    for (const item of group.items) {
      const shown = displayAnswer(spec, item, answers[item.id]);
      list.append(el("dt", {}, item.text), el("dd", shown === null ? { class: "mk-summary__empty" } : {}, shown ?? t("notAnswered")));
    }
    return el("section", { class: "mk-summary__group", "data-summary-group": group.id }, el("h3", {}, group.title), list, guidanceLink(group));
  }));
}
