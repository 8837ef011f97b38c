// One entry as the page shows it: a heading (date, kind, name), its answered fields, the question
// it answers, its tags, what links to it (a goal's actions, with progress) and what it links to;
// on screen, the buttons that act on it. Text goes in as text only (el: textContent).

import { displayAnswer } from "../answers.js";
import { el } from "../dom.js";
import { formatDate } from "../format.js";
import { t } from "../messages.js";
import { dateOf, dueOf, isOverdue, linkedTo, shownFields, statusOf, titleOf } from "./entries.js";

export const cardId = (entry) => `entry-${entry.id}`;

/** "Action: Draft the plan" (or the kind alone), for links and lists. */
export function nameOf(journal, entry) {
  const title = titleOf(journal, entry);
  return title ? `${journal.kinds.get(entry.kind).title}: ${title}` : journal.kinds.get(entry.kind).title;
}

function value(journal, item, raw, byId) {
  if (item.type === "date") return formatDate(raw);
  if (item.type === "link") {
    const target = byId.get(raw);
    return target ? el("a", { href: `#${cardId(target)}`, "data-show-entry": target.id }, nameOf(journal, target)) : t("linkGone");
  }
  return displayAnswer(journal.spec, item, raw);
}

/** The entries linked to this one, with how many of those with a status are done. */
function linked(journal, entry, entries, day) {
  const own = linkedTo(journal, entries, entry);
  if (!own.length) return null;
  const counted = own.filter((other) => ["open", "done"].includes(statusOf(journal, other)));
  const done = counted.filter((other) => statusOf(journal, other) === "done").length;
  const list = el(
    "ul",
    { class: "mk-entry__linked" },
    ...own.map((other) => {
      const state = statusOf(journal, other);
      const status = journal.kinds.get(other.kind).entry.status;
      const label =
        state &&
        journal.kinds
          .get(other.kind)
          .items.get(status.item)
          .options.find((o) => o.value === other.fields[status.item])?.label;
      return el(
        "li",
        { "data-linked": other.id },
        el("a", { href: `#${cardId(other)}`, "data-show-entry": other.id }, nameOf(journal, other)),
        label ? ` (${label}${isOverdue(journal, other, day) ? `, ${t("overdue")}` : ""})` : "",
      );
    }),
  );
  const parts = [el("h4", {}, t("linkedTitle", { count: own.length }))];
  if (counted.length) {
    parts.push(
      el(
        "p",
        { class: "mk-entry__progress", "data-progress": `${done}/${counted.length}` },
        t("progressDone", { done, count: counted.length }),
        " ",
        el("progress", {
          max: String(counted.length),
          value: String(done),
          "aria-label": t("progressDone", { done, count: counted.length }),
        }),
      ),
    );
  }
  return el("div", { class: "mk-entry__links" }, ...parts, list);
}

/**
 * The entry's card. `actions`: on screen, the buttons (edit, delete, calendar, status), each
 * carrying data-act and the entry's id for the page's one click listener; none on paper.
 * Links to an entry lead to its card in the list of entries (cardId).
 */
export function entryCard(journal, entry, { entries, byId, day, actions = true, heading = "h3", prefix = "" }) {
  const kind = journal.kinds.get(entry.kind);
  const id = prefix + cardId(entry); // a second card of an entry (what is still to do) has ids of its own
  const date = dateOf(journal, entry);
  const title = el(
    /** @type {"h3"} a heading of the level asked for */ (heading),
    { id: `${id}-title`, class: "mk-entry__title", tabindex: "-1" },
    el("span", { class: "mk-entry__kind" }, kind.title),
    " · ",
    el("time", { datetime: date }, formatDate(date)),
    titleOf(journal, entry) ? ` · ${titleOf(journal, entry)}` : "",
  );
  const card = el(
    "article",
    { class: "mk-entry", id, "data-entry": entry.id, "data-kind": entry.kind, "aria-labelledby": title.id },
    title,
  );
  if (isOverdue(journal, entry, day)) {
    card.classList.add("mk-entry--overdue");
    card.append(
      el("p", { class: "mk-entry__overdue", "data-overdue": "" }, t("overdueSince", { date: formatDate(dueOf(journal, entry)) })),
    );
  }
  if (entry.prompt)
    card.append(el("p", { class: "mk-entry__prompt" }, t("answering", { question: journal.prompts.get(entry.prompt).item.text })));
  const fields = shownFields(journal, entry).filter(([item]) => item.id !== kind.entry.title);
  if (fields.length) {
    card.append(
      el(
        "dl",
        { class: "mk-entry__fields" },
        ...fields.flatMap(([item, raw]) => [el("dt", {}, item.text), el("dd", { "data-field": item.id }, value(journal, item, raw, byId))]),
      ),
    );
  }
  if (entry.tags.length) {
    card.append(
      el("p", { class: "mk-entry__tags" }, t("taggedWith", { tags: entry.tags.map((tag) => journal.tags.get(tag).title).join(", ") })),
    );
  }
  card.append(linked(journal, entry, entries, day) ?? "");
  if (!actions) return card;
  const button = (act, text, extra = {}) =>
    el(
      "button",
      { type: "button", class: "md-button", "data-act": act, "data-id": entry.id, "aria-describedby": title.id, ...extra },
      text,
    );
  const buttons = [button("edit", t("edit")), button("delete", t("delete"))];
  const status = kind.entry.status;
  if (status) {
    for (const option of kind.items.get(status.item).options) {
      if (option.value !== entry.fields[status.item])
        buttons.push(button("status", t("markAs", { status: option.label.toLocaleLowerCase() }), { "data-value": option.value }));
    }
  }
  for (const item of kind.items.values()) {
    if (item.calendar && entry.fields[item.id]) {
      buttons.push(button("calendar", t("addToCalendar", { what: item.text.toLocaleLowerCase() }), { "data-item": item.id }));
    }
  }
  for (const other of journal.kinds.values()) {
    // what links to this kind, added from here with the link made
    const link = [...other.items.values()].find((item) => item.type === "link" && item.kinds.includes(entry.kind));
    if (link && other.entry.status)
      buttons.push(
        button("add-linked", t("addLinked", { kind: other.title.toLocaleLowerCase() }), { "data-kind": other.id, "data-item": link.id }),
      );
  }
  card.append(el("div", { class: "mk-entry__actions" }, ...buttons));
  return card;
}
