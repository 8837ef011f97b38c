// What the journal's page draws of its entries, from what it is given (showing.js says what the
// lists show, view.js wires the page): the list of entries and what is still to do, an entry's
// card each (cards.js), and a card opened for the reader. Nothing here reads or writes storage, or
// keeps anything from one drawing to the next.

import { el } from "../dom.js";
import { today } from "../format.js";
import { t } from "../messages.js";
import { cardId, disclose, entryCard } from "./cards.js";

/** An item of a list of entries: it holds its card's toggle. @typedef {{ querySelector(selectors: "[data-toggle]"): HTMLElement }} Row */

/** The element `selector` finds in the page: the build writes each of those drawn here. @param {ParentNode} root @param {string} selector */
const at = (root, selector) => /** @type {HTMLElement} */ (root.querySelector(selector));

/** What every card of a list is drawn with: the entries its links lead to, today, the cards open.
 * @param {Entry[]} entries @param {Set<string>} open */
export const cardsOf = (entries, open) => ({ entries, byId: new Map(entries.map((entry) => [entry.id, entry])), day: today(), open });
/** @typedef {ReturnType<typeof cardsOf>} Cards */

/** A list's rows, an entry's card each. @param {HTMLElement} list @param {Journal} journal @param {Entry[]} rows
 * @param {Cards & { prefix?: string }} cards */
const fill = (list, journal, rows, cards) => list.replaceChildren(...rows.map((entry) => el("li", {}, entryCard(journal, entry, cards))));

/** The list of entries, the count of what the filters found, and "Show more" while there is more.
 * @param {ParentNode} root @param {Journal} journal @param {ReturnType<typeof import("./showing.js").listing>} listing @param {Cards} cards */
export function drawList(root, journal, { rows, found, count, more }, cards) {
  fill(at(root, "[data-list]"), journal, rows, cards);
  at(root, "[data-count]").textContent = count ? t("entriesCount", { shown: rows.length, found, count }) : t("entriesNone");
  at(root, '[data-action="more"]').hidden = !more;
}

/** What is still to do (its cards' ids apart from the list's), or that nothing is, and "Show all"
 * while there is more. @param {ParentNode} root @param {Journal} journal
 * @param {ReturnType<typeof import("./showing.js").toDo>} todo @param {Cards} cards */
export function drawTodo(root, journal, { rows, none, more }, cards) {
  fill(at(root, "[data-todo]"), journal, rows, { ...cards, prefix: "todo-" });
  at(root, "[data-todo-empty]").hidden = !none;
  at(root, '[data-action="todo-all"]').hidden = !more;
}

/** Focus on the row at `index` of a list (the first of those just added), where there is one.
 * @param {HTMLElement} list @param {number} index */
export const focusRow = (list, index) =>
  /** @type {ArrayLike<Row | undefined>} */ (list.children)[index]?.querySelector("[data-toggle]").focus();

/** The card of the entry `id` in the list of entries, while the list shows it. @param {ParentNode} root @param {string} id */
export const cardOf = (root, id) => root.querySelector(`#${CSS.escape(cardId({ id }))}`);

/** An entry's card opened, and focus on it. @param {Element | null} card */
export function openCard(card) {
  const toggle = card?.querySelector("[data-toggle]");
  if (toggle) disclose(toggle, true);
  /** @type {HTMLElement | null | undefined} */ (toggle ?? card?.querySelector(".mk-entry__title"))?.focus();
}
