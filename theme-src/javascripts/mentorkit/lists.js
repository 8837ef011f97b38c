// Lists a reader keeps with a questionnaire's answers, in the same stored record (store.js):
// attempts, other people's views, journal entries. Every item is an object with a string id
// of its own. Each change re-reads the record and changes only its own item, stamped with the
// moment it changed (record.js), so two tabs never overwrite each other's items, and a save of
// answers never drops them. What storage or a file holds is checked for shape here (a list,
// items with ids); each feature checks the content of its own items. Only the code of features
// that keep lists loads this module.

import { now, withList } from "./record.js";
import { ENTRY_ID as ID } from "./scoring.js";
import { recordAt, storageKey } from "./store.js";
import { isObject } from "./util.js";

export const MAX_ITEMS = 5000;

/** @typedef {{ id: string } & Record<string, unknown>} Item an item of a kept list: an object with an id of its own */

/** The items of a list as stored or imported: objects with a valid id, each id once.
 * @param {unknown} list @returns {Item[]} */
export function validList(list) {
  if (!Array.isArray(list)) return [];
  const seen = new Set();
  return /** @type {Item[]} */ (
    list.filter((item) => isObject(item) && typeof item.id === "string" && ID.test(item.id) && !seen.has(item.id) && seen.add(item.id))
  ).slice(0, MAX_ITEMS);
}

/** A new item id: unique enough for one reader's lists, and valid in any of them. */
export const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The lists kept in the stored record of `spec` on this site (`scope`). @param {Spec} spec @param {string} scope */
export function openLists(spec, scope) {
  const stored = recordAt(storageKey(spec, scope), spec.version);

  /** @param {string} name */
  const read = (name) => {
    const found = stored.read();
    return validList(found && isObject(found.lists) ? found.lists[name] : undefined);
  };

  /** Apply `edit` to the list as stored now; true when the browser kept the result (full or
   * refused: nothing stored was lost, and the caller says so). */
  /** @param {string} name @param {(list: Item[]) => Item[]} edit */
  const change = (name, edit) => stored.change((found) => withList(found, name, edit(validList(found.lists?.[name])), now()));

  return {
    /** The record's text as stored now: while it is the same, so are the lists read from it. */
    text: stored.text,
    all: read,
    /** Add the item, or replace the one with its id where it stands. */
    /** @param {string} name @param {Item} item */
    put: (name, item) =>
      change(name, (list) => {
        const at = list.findIndex((old) => old.id === item.id);
        return at < 0 ? [...list, item] : list.map((old, n) => (n === at ? item : old));
      }),
    /** @param {string} name @param {string} id */
    remove: (name, id) => change(name, (list) => list.filter((item) => item.id !== id)),
    /** Add the items whose ids the list does not hold yet; returns { added, saved }. */
    /** @param {string} name @param {unknown[]} items */
    merge(name, items) {
      let added = 0;
      const saved = change(name, (list) => {
        const ids = new Set(list.map((item) => item.id));
        const fresh = validList(items).filter((item) => !ids.has(item.id));
        added = fresh.length;
        return [...list, ...fresh].slice(0, MAX_ITEMS);
      });
      return { added, saved };
    },
  };
}
