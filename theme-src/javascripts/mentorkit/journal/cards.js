// One entry as the page shows it. On screen, a row to scan (date, kind, title, its status and
// when it is due, its tags, and "Mark as done" where that applies) that opens in place on a tap
// or Enter into its card: the answered fields, the question it answers, what links to it (a
// goal's actions, with progress) and what it links to, then one row of actions, the rest in a
// menu. On paper, the card alone. Text goes in as text only (el: textContent).

import { displayAnswer } from "../answers.js";
import { el } from "../dom.js";
import { formatDate } from "../format.js";
import { t } from "../messages.js";
import { calendarOf } from "./calendar.js";
import { daysFrom, dueText } from "./dates.js";
import { dateOf, dueOf, isOverdue, linkedTo, nameOf, shownFields, statusOf, tagsText, titleOf } from "./entries.js";

export { nameOf };
/** The id of an entry's card (an entry, or its id alone). @param {{ id: string }} entry */
export const cardId = (entry) => `entry-${entry.id}`;

/** A field's answer as the card shows it: a link field leads to the entry it names.
 * @param {Journal} journal @param {SpecItem} item @param {Answer} raw @param {Map<string, Entry>} byId */
function value(journal, item, raw, byId) {
  // A date's answer and a link's (an entry's id) are text.
  if (item.type === "date") return formatDate(/** @type {string} */ (raw));
  if (item.type === "link") {
    const target = byId.get(/** @type {string} */ (raw));
    return target ? el("a", { href: `#${cardId(target)}`, "data-show-entry": target.id }, nameOf(journal, target)) : t("linkGone");
  }
  return displayAnswer(journal.spec, item, raw);
}

/** The label of the option an entry's status field holds ("Done"), or "". @param {Journal} journal @param {Entry} entry */
function statusLabel(journal, entry) {
  const status = journal.kinds.get(entry.kind).entry.status;
  if (!status) return "";
  // A status is a choice item: it has options.
  return (
    /** @type {ChoiceOption[]} */ (journal.kinds.get(entry.kind).items.get(status.item).options).find(
      (o) => o.value === entry.fields[status.item],
    )?.label ?? ""
  );
}

/** The entries linked to this one, with how many of those with a status are done.
 * @param {Journal} journal @param {Entry} entry @param {Entry[]} entries @param {string} day */
function linked(journal, entry, entries, day) {
  const own = linkedTo(journal, entries, entry);
  if (!own.length) return null;
  const counted = own.filter((other) => /** @type {Array<string | null>} */ (["open", "done"]).includes(statusOf(journal, other)));
  const done = counted.filter((other) => statusOf(journal, other) === "done").length;
  const list = el(
    "ul",
    { class: "mk-entry__linked" },
    ...own.map((other) => {
      const label = statusLabel(journal, other);
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

/** Under the title: the status, or how late it is, then when it is due and the tags as one line of
 * text that wraps (two items of the row, which puts "Mark as done" between them).
 * @param {Journal} journal @param {Entry} entry @param {string} day */
function meta(journal, entry, day) {
  const overdue = isOverdue(journal, entry, day);
  const label = overdue
    ? t("overdueBadge", { days: daysFrom(/** @type {string} */ (dueOf(journal, entry)), day) })
    : statusLabel(journal, entry);
  const about = [dueText(journal, entry, day, true), tagsText(journal, entry)].filter(Boolean).join(" · ");
  return [
    label &&
      el(
        "span",
        { class: `mk-badge mk-badge--${overdue ? "overdue" : statusOf(journal, entry)}`, ...(overdue ? { "data-overdue": "" } : {}) },
        label,
      ),
    about && el("span", { class: "mk-entry__about" }, about),
  ];
}

/** The fields the row does not already show, answered ones only, in the kind's order.
 * @param {Journal} journal @param {Entry} entry @param {Map<string, Entry>} byId
 * @param {(item: SpecItem) => Node | string} calendarButton */
function fields(journal, entry, byId, calendarButton) {
  const shape = journal.kinds.get(entry.kind).entry;
  const inRow = new Set([shape.title, shape.status?.item]); // the due date stays, beside its calendar button
  const shown = shownFields(journal, entry).filter(([item]) => !inRow.has(item.id));
  if (!shown.length) return "";
  return el(
    "dl",
    { class: "mk-entry__fields" },
    ...shown.flatMap(([item, raw]) => [
      el("dt", {}, item.text),
      el("dd", { "data-field": item.id }, value(journal, item, raw, byId), calendarButton(item)),
    ]),
  );
}

/**
 * The entry: on screen (`actions`), a row that opens into its card, whose buttons carry data-act
 * and the entry's id for the page's one click listener; on paper, the card alone. `open`: the ids
 * (with `prefix`) whose card is open. Links to an entry lead to it in the list of entries (cardId).
 * @param {Journal} journal @param {Entry} entry
 * @param {{ entries: Entry[], byId: Map<string, Entry>, day: string, actions?: boolean, heading?: string, prefix?: string, open?: Set<string> }} context
 */
export function entryCard(journal, entry, { entries, byId, day, actions = true, heading = "h3", prefix = "", open = new Set() }) {
  const kind = journal.kinds.get(entry.kind);
  const id = prefix + cardId(entry); // a second card of an entry (what is still to do) has ids of its own
  const date = dateOf(journal, entry);
  const title = titleOf(journal, entry);
  const label = [
    el("time", { class: "mk-entry__date", datetime: date }, formatDate(date, actions ? "medium" : "long")),
    " ",
    el("span", { class: "mk-entry__kind" }, kind.title),
    title ? el("span", { class: "mk-entry__name" }, ` · ${title}`) : "",
  ];
  const isOpen = !actions || open.has(id);
  const toggle = actions
    ? el(
        "button",
        { type: "button", class: "mk-entry__toggle", "aria-expanded": String(isOpen), "aria-controls": `${id}-body`, "data-toggle": id },
        ...label,
      )
    : "";
  const heading_ = el(
    /** @type {"h3"} a heading of the level asked for */ (heading),
    { id: `${id}-title`, class: "mk-entry__title", tabindex: "-1" },
    ...(actions ? [toggle] : label),
  );
  const card = el(
    "article",
    { class: "mk-entry", id, "data-entry": entry.id, "data-kind": entry.kind, "aria-labelledby": heading_.id },
    heading_,
  );
  if (isOverdue(journal, entry, day)) card.classList.add("mk-entry--overdue");
  /** @param {string} act @param {string} text @param {Record<string, string>} [extra] */
  const button = (act, text, extra = {}) =>
    el(
      "button",
      { type: "button", class: "md-button", "data-act": act, "data-id": entry.id, "aria-describedby": heading_.id, ...extra },
      text,
    );
  const [badge, about] = meta(journal, entry, day);
  const row = el("div", { class: "mk-entry__row" }, badge);
  const status = kind.entry.status;
  const done = status?.done[0];
  if (actions && statusOf(journal, entry) === "open" && done !== undefined) {
    // `done` came from the status (so it is there), one of its choice item's options.
    const option = /** @type {ChoiceOption} */ (
      /** @type {ChoiceOption[]} */ (kind.items.get(/** @type {EntryStatus} */ (status).item).options).find((o) => o.value === done)
    );
    row.append(
      button("status", t("markAs", { status: option.label.toLocaleLowerCase() }), {
        "data-value": done,
        class: "md-button mk-entry__quick",
      }),
    );
  }
  row.append(about);
  if (row.children.length) card.append(row);

  const body = el("div", { class: "mk-entry__body", id: `${id}-body`, ...(isOpen ? {} : { hidden: "" }) });
  card.append(body);
  if (entry.prompt)
    body.append(el("p", { class: "mk-entry__prompt" }, t("answering", { question: journal.prompts.get(entry.prompt).item.text })));
  /** @param {SpecItem} item */
  const calendarButton = (item) => {
    if (!actions || !item.calendar || !entry.fields[item.id]) return "";
    return el(
      "span",
      { class: "mk-entry__calendar" },
      button("calendar", calendarOf(journal, entry, item).button, { "data-item": item.id }),
    );
  };
  body.append(fields(journal, entry, byId, calendarButton), linked(journal, entry, entries, day) ?? "");
  if (!actions) return card;

  // One row on a phone: Edit, then a menu with the rest.
  const more = [button("delete", t("delete"))];
  if (status) {
    for (const option of /** @type {ChoiceOption[]} */ (kind.items.get(status.item).options)) {
      // a choice item's
      if (option.value !== entry.fields[status.item] && !(option.value === done && statusOf(journal, entry) === "open"))
        more.push(button("status", t("markAs", { status: option.label.toLocaleLowerCase() }), { "data-value": option.value }));
    }
  }
  for (const other of journal.kinds.values()) {
    // what links to this kind, added from here with the link made
    const link = [...other.items.values()].find(
      (item) => item.type === "link" && /** @type {string[]} */ (item.kinds).includes(entry.kind),
    ); // a link names its kinds
    if (link && other.entry.status)
      more.push(
        button("add-linked", t("addLinked", { kind: other.title.toLocaleLowerCase() }), { "data-kind": other.id, "data-item": link.id }),
      );
  }
  body.append(
    el(
      "div",
      { class: "mk-entry__actions" },
      button("edit", t("edit")),
      el(
        "button",
        {
          type: "button",
          class: "md-button",
          "aria-expanded": "false",
          "aria-controls": `${id}-more`,
          "aria-describedby": heading_.id,
          "data-menu": "",
        },
        t("moreActions"),
      ),
      el("div", { class: "mk-menu", id: `${id}-more`, hidden: "" }, ...more),
    ),
  );
  return card;
}

/** Open or close what a button discloses in place (an entry's card, its menu): the button's
 * aria-expanded says which it is, aria-controls what. @param {Element} toggle @param {boolean} [open] */
export function disclose(toggle, open = toggle.getAttribute("aria-expanded") !== "true") {
  toggle.setAttribute("aria-expanded", String(open));
  const body = document.getElementById(/** @type {string} */ (toggle.getAttribute("aria-controls"))); // a toggle has one
  if (body) body.hidden = !open;
  return open;
}
