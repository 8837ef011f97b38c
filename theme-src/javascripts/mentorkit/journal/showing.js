// What the journal's page shows of its entries, as plain data, and how the reader's moves change
// it (view.js wires the page, draw.js draws what this says): how far down the list of entries goes,
// whether what is still to do is shown whole, and which cards are open. Each move is a function
// that takes the state, with what the move carries, and updates it. No DOM: tests/node runs it.

import { filtered, newestFirst, stillToDo } from "./entries.js";

// Entries shown at first, and added by "Show more": a phone's first screens show the newest
// entries and what is due; the filters and search find the rest.
const FIRST = 10;
const PAGE = 25;
export const TODO_FIRST = 3; // what is still to do, most urgent first, before "Show all"

/** `shown`: how many entries the list goes down to; `todoAll`: whether the reader asked for all
 * that is still to do; `open`: the cards opened in place (ids with their list's prefix), kept open
 * as the lists are drawn again. @typedef {{ shown: number, todoAll: boolean, open: Set<string> }} Showing */

/** What a page shows before the reader does anything. @returns {Showing} */
export const showing = () => ({ shown: FIRST, todoAll: false, open: new Set() });

/** The filters changed: the list starts again from its first entries. @param {Showing} state */
export const filtersChosen = (state) => {
  state.shown = FIRST;
};

/** "Show more": the list goes on by a page. @param {Showing} state */
export const moreAsked = (state) => {
  state.shown += PAGE;
};

/** "Show all" of what is still to do. @param {Showing} state */
export const allToDoAsked = (state) => {
  state.todoAll = true;
};

/** A card opened or closed. @param {Showing} state @param {string} card its toggle's id @param {boolean} open */
export const cardToggled = (state, card, open) => {
  if (open) state.open.add(card);
  else state.open.delete(card);
};

/** The reader is brought to the entry at place `at` of the list, newest first: the list goes down
 * to it, and it ends the list. @param {Showing} state @param {number} at */
export const entryReached = (state, at) => {
  state.shown = Math.max(FIRST, at + 1);
};

/** The list of entries: those the filters find, newest first, as far down as it goes; how many were
 * found of how many there are; whether "Show more" has more to show.
 * @param {Journal} journal @param {Entry[]} entries @param {{ kind: string, tag: string, search: string }} filters @param {Showing} state */
export function listing(journal, entries, filters, { shown }) {
  const found = newestFirst(journal, filtered(journal, entries, filters));
  return { rows: found.slice(0, shown), found: found.length, count: entries.length, more: found.length > shown };
}

/** What is still to do on `day`, most urgent first: its first few, or as many as a page holds once
 * the reader asks for all; whether there is none; whether "Show all" has more to show.
 * @param {Journal} journal @param {Entry[]} entries @param {string} day @param {Showing} state */
export function toDo(journal, entries, day, { todoAll }) {
  const open = stillToDo(journal, entries, day);
  return { rows: open.slice(0, todoAll ? PAGE * 2 : TODO_FIRST), none: !open.length, more: !todoAll && open.length > TODO_FIRST };
}

/** The place of the entry `id` in the list of every entry, newest first; -1 when there is none.
 * @param {Journal} journal @param {Entry[]} entries @param {string} id */
export const placeOf = (journal, entries, id) =>
  // none found: indexOf looks for undefined, which no entry is
  newestFirst(journal, entries).indexOf(/** @type {Entry} */ (entries.find((entry) => entry.id === id)));

/** The tag an address's "#tag=<id>" asks for (the self-assessment's plan asks for evidence of one
 * group), where the journal has it; else "". @param {Journal} journal @param {string} hash */
export function tagAsked(journal, hash) {
  const wanted = new URLSearchParams(hash.slice(1)).get("tag");
  return wanted && journal.tags.has(wanted) ? wanted : "";
}
