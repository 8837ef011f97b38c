// A stored record read as far as it can be, and two records merged into one.
//
// Tabs of one browser share localStorage, but a write in one reaches another's copy a moment
// later: a tab may write over an answer given in another a millisecond before. So a record
// remembers when each answer and each kept item last changed (`times`; a time without a value
// is a removal), every write merges what storage holds with what the page knows, and a page that
// sees its newer answers overwritten writes them back. The later change of each answer or item
// wins; two changes at the same moment are settled the same way in every tab, so that tabs agree
// without writing back and forth. Imports only the ground floor (util.js): store.js and lists.js,
// in different bundles, both use it.

import { isObject } from "./util.js";

/** @param {object} object @param {string} key */
const has = (object, key) => Object.hasOwn(object, key);
const MAX_TOMBS = 2000; // removals remembered per list: the oldest are forgotten first

/**
 * What storage holds under a key, read as far as it can be. `record`: null when nothing is
 * stored or `unreadable` (not a JSON object: none of it can be used); otherwise the record with
 * every part of the wrong type left out, and `dropped` names those parts ("answers", "entries").
 * @param {string | null} raw
 */
export function readStored(raw) {
  if (raw === null) return { record: null, dropped: [], unreadable: false };
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    data = null;
  }
  if (!isObject(data)) return { record: null, dropped: [], unreadable: true };
  /** @type {string[]} */
  const dropped = [];
  /** @type {StoredRecord} */
  const record = { ...data, answers: isObject(data.answers) ? data.answers : {} };
  if (has(data, "answers") && !isObject(data.answers)) dropped.push("answers");
  if (has(data, "lists")) {
    /** @type {Record<string, any[]>} */
    const lists = {};
    if (!isObject(data.lists)) dropped.push("lists");
    else
      for (const [name, list] of Object.entries(data.lists)) {
        if (Array.isArray(list)) lists[name] = list;
        else dropped.push(name);
      }
    record.lists = lists;
  }
  if (!isObject(data.times)) record.times = timesOf(record); // written before records kept times
  return { record, dropped, unreadable: false };
}

/** For a record written before records kept times: every part changed when it was saved.
 * @param {StoredRecord} record */
function timesOf(record) {
  const at = typeof record.saved === "string" ? Date.parse(record.saved) : NaN;
  if (!Number.isFinite(at)) return undefined;
  /** @param {string[]} ids */
  const stamp = (ids) => Object.fromEntries(ids.map((id) => [id, at]));
  const lists = Object.entries(record.lists || {}).map(([name, list]) => [name, stamp(Object.keys(byId(list)))]);
  return { answers: stamp(Object.keys(record.answers)), lists: Object.fromEntries(lists) };
}

/** The time a record gives the change of `id` in a map; -1 when it knows nothing of it.
 * @param {unknown} times @param {object} values @param {string} id */
function timeOf(times, values, id) {
  const time = isObject(times) ? times[id] : undefined;
  return typeof time === "number" && Number.isFinite(time) ? time : has(values, id) ? 0 : -1;
}

/** Values by id, merged: the later change of each wins; at the same moment, the greater value.
 * @param {Record<string, any>} a @param {unknown} aTimes @param {Record<string, any>} b @param {unknown} bTimes */
function mergeMap(a, aTimes, b, bTimes) {
  /** @type {Record<string, any>} */
  const values = Object.create(null);
  /** @type {Record<string, number>} */
  const times = Object.create(null);
  const ids = new Set([a, aTimes, b, bTimes].flatMap((map) => (isObject(map) ? Object.keys(map) : [])));
  for (const id of [...ids].sort()) {
    const ta = timeOf(aTimes, a, id);
    const tb = timeOf(bTimes, b, id);
    const va = has(a, id) ? a[id] : undefined;
    const vb = has(b, id) ? b[id] : undefined;
    const first = ta > tb || (ta === tb && JSON.stringify(va ?? null) >= JSON.stringify(vb ?? null));
    const value = first ? va : vb;
    if (value !== undefined) values[id] = value;
    if (Math.max(ta, tb) > 0) times[id] = Math.max(ta, tb);
  }
  return { values, times };
}

/** @param {any[]} list @returns {Record<string, any>} */
const byId = (list) =>
  Object.fromEntries(list.filter((item) => isObject(item) && typeof item.id === "string").map((item) => [item.id, item]));

/** Two kept lists merged by item id: `a`'s order, then what only `b` holds.
 * @param {any[]} a @param {unknown} aTimes @param {any[]} b @param {unknown} bTimes */
function mergeList(a, aTimes, b, bTimes) {
  const { values, times } = mergeMap(byId(a), aTimes, byId(b), bTimes);
  const order = [...new Set([...a, ...b].map((item) => item?.id))].filter((id) => has(values, id));
  const tombs = Object.keys(times)
    .filter((id) => !has(values, id))
    .sort((x, y) => times[y] - times[x]);
  for (const id of tombs.slice(MAX_TOMBS)) delete times[id];
  return { list: order.map((id) => values[id]), times };
}

/**
 * One record from two versions of it (what storage holds, what a page knows): every answer and
 * every kept item as last changed in either. `a`'s other fields stand.
 * @param {StoredRecord | null} a @param {StoredRecord | null} b @returns {StoredRecord | null}
 */
export function merge(a, b) {
  if (!a) return b;
  if (!b) return a;
  const answers = mergeMap(a.answers, a.times?.answers, b.answers, b.times?.answers);
  /** @type {any} */
  const record = { ...a, answers: answers.values, times: { answers: answers.times } };
  const names = new Set([...Object.keys(a.lists || {}), ...Object.keys(b.lists || {})]);
  if (names.size) Object.assign(record, { lists: {} }).times.lists = {};
  for (const name of names) {
    const merged = mergeList(a.lists?.[name] || [], a.times?.lists?.[name], b.lists?.[name] || [], b.times?.lists?.[name]);
    record.lists[name] = merged.list;
    record.times.lists[name] = merged.times;
  }
  return record;
}

/** Whether two records hold the same answers, items and times (not when they were saved).
 * @param {StoredRecord} a @param {StoredRecord} b */
export const same = (a, b) => JSON.stringify({ ...a, saved: 0 }) === JSON.stringify({ ...b, saved: 0 });

/** `record` with `changes` made at `time`: answers set, or removed where the value is undefined.
 * @param {StoredRecord} record @param {Record<string, Answer | undefined>} changes @param {number} time @returns {StoredRecord} */
export function withAnswers(record, changes, time) {
  const answers = Object.assign(Object.create(null), record.answers);
  const times = Object.assign(Object.create(null), record.times?.answers);
  for (const [id, value] of Object.entries(changes)) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
    times[id] = time;
  }
  return { ...record, answers, times: { ...record.times, answers: times } };
}

/** `record` with the list `name` edited at `time`: every item added, changed or removed is stamped.
 * @param {StoredRecord} record @param {string} name @param {any[]} list @param {number} time @returns {StoredRecord} */
export function withList(record, name, list, time) {
  const before = byId(record.lists?.[name] || []);
  const after = byId(list);
  /** @type {Record<string, number>} */
  const times = { ...record.times?.lists?.[name] };
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[id]) !== JSON.stringify(after[id])) times[id] = time;
  }
  return {
    ...record,
    lists: { ...record.lists, [name]: list },
    times: { ...record.times, lists: { ...record.times?.lists, [name]: times } },
  };
}

let last = 0;
/** Now, in milliseconds, never twice the same in one page: two changes here are never "at once". */
export const now = () => (last = Math.max(Date.now(), last + 1));
