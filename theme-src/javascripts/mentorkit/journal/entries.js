// A journal's entries as data: what an entry may hold (its kind's fields, the tags and prompts the
// journal knows), checked wherever an entry is read; the orders, filters and search the page
// offers; and what an entry saved again keeps of what was stored. An entry:
//   { id, kind, fields: { <item id>: value }, tags: [<tag id>], prompt: "<prompts id>/<item id>",
//     created: ISO time, updated: ISO time }
// Its date is the field its kind names (entry.date); a reflection may answer a prompt.

import { t } from "../messages.js";
import { ENTRY_ID, realDate, validAnswers } from "../scoring.js";
import { isObject } from "../util.js";

export const LIST = "entries"; // the list of the journal's stored record (lists.js) that holds them
export const MAX_ENTRY_CHARS = 200_000; // one entry, as JSON: far above what its fields allow
const KEYS = new Set(["id", "kind", "fields", "tags", "prompt", "created", "updated"]);
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

/** @type {WeakMap<JournalSpec, Journal>} */
const journals = new WeakMap(); // spec -> its lookups, made once

/** The journal's kinds, tags and prompts as lookups. @param {JournalSpec} spec @returns {Journal} */
export function journalOf(spec) {
  if (journals.has(spec)) return /** @type {Journal} */ (journals.get(spec));
  /** @type {Map<string, JournalKind>} */
  const kinds = new Map(
    spec.groups.map((group) => [
      group.id,
      {
        ...group,
        items: /** @type {JournalLookup<SpecItem>} */ (new Map(group.items.map((item) => [item.id, item]))), // see below
        own: { scale: [], groups: [group] }, // the kind alone, as validAnswers reads a spec
        links: group.items.filter((item) => item.type === "link"),
      },
    ]),
  );
  /** @type {Map<string, JournalPrompt>} */
  const prompts = new Map();
  for (const source of spec.scoring.prompts || []) {
    for (const group of source.groups) {
      for (const item of group.items) {
        prompts.set(`${source.id}/${item.id}`, { source, group, item, kind: source.scoring?.kind });
      }
    }
  }
  const tags = new Map((spec.scoring.tags || []).map((tag) => [tag.id, tag]));
  // Lookups whose `get` a shown entry's keys always find (JournalLookup): the one place that says so.
  const journal = /** @type {Journal} */ ({ spec, kinds, tags, prompts });
  journals.set(spec, journal);
  return journal;
}

/** @param {string} key @param {unknown} [value] */
const problem = (key, value = "") => ({ key, value: String(value).slice(0, 80) });

/**
 * What is wrong with an entry as read from storage or a file, or null. Strict (a file): every part
 * declared and fitting. Otherwise (storage, written by this site, perhaps before the journal
 * changed) only what is shown must fit, and what no longer fits is left out of view by `clean`.
 * @param {Journal} journal @param {unknown} entry @param {boolean} strict
 */
export function problemOf(journal, entry, strict) {
  if (!isObject(entry)) return problem("entryNotAnEntry");
  if (typeof entry.id !== "string" || !ENTRY_ID.test(entry.id)) return problem("entryBadId");
  const kind = journal.kinds.get(entry.kind);
  if (!kind) return problem("entryUnknownKind", entry.kind);
  if (!isObject(entry.fields)) return problem("entryNoFields");
  if (!realDate(entry.fields[kind.entry.date], false)) return problem("entryBadDate", entry.fields[kind.entry.date] ?? "");
  if (!strict) return null;
  const extra = Object.keys(entry).find((key) => !KEYS.has(key));
  if (extra !== undefined) return problem("entryUnknownPart", extra);
  const fitting = validAnswers(kind.own, entry.fields);
  for (const key of Object.keys(entry.fields)) {
    const item = kind.items.get(key);
    if (!item) return problem("entryUnknownField", key);
    if (!(key in fitting)) {
      return problem(item.type === "date" ? "entryBadFieldDate" : "entryBadField", item.type === "date" ? entry.fields[key] : item.text);
    }
  }
  if (entry.tags !== undefined && (!Array.isArray(entry.tags) || entry.tags.some((tag) => !journal.tags.has(tag)))) {
    return problem("entryUnknownTag", Array.isArray(entry.tags) ? entry.tags.find((tag) => !journal.tags.has(tag)) : "");
  }
  if (entry.prompt !== undefined && journal.prompts.get(entry.prompt)?.kind !== entry.kind) {
    return problem("entryUnknownPrompt", entry.prompt);
  }
  for (const stamp of ["created", "updated"]) {
    if (
      entry[stamp] !== undefined &&
      !(typeof entry[stamp] === "string" && STAMP.test(entry[stamp]) && !Number.isNaN(Date.parse(entry[stamp])))
    ) {
      return problem("entryBadStamp", entry[stamp]);
    }
  }
  if (JSON.stringify(entry).length > MAX_ENTRY_CHARS) return problem("entryTooLarge");
  return null;
}

/** An entry as read from storage that problemOf, not strict, finds nothing wrong with: an id, a
 * kind of the journal, fields with its date; the rest anything.
 * @typedef {{ id: string, kind: string, fields: Record<string, unknown> } & Record<string, unknown>} ReadEntry */

/** The entry as the page shows it: only the fields, tags and prompt the journal still has and that fit.
 * @param {Journal} journal @param {ReadEntry} entry @returns {Entry} */
export function clean(journal, entry) {
  const kind = /** @type {JournalKind} */ (journal.kinds.get(entry.kind)); // problemOf found the kind
  const tags = Array.isArray(entry.tags) ? entry.tags.filter((tag) => journal.tags.has(tag)) : [];
  // The prompt as stored: anything. What is not one of the journal's prompts finds none; what is, is text.
  const prompt =
    journal.prompts.get(/** @type {string} */ (entry.prompt))?.kind === entry.kind ? /** @type {string} */ (entry.prompt) : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    fields: validAnswers(kind.own, entry.fields),
    tags,
    prompt,
    created: typeof entry.created === "string" ? entry.created : "",
    updated: typeof entry.updated === "string" ? entry.updated : "",
  };
}

/** The entries that can be shown, cleaned, and how many could not be read.
 * @param {Journal} journal @param {unknown[]} list @returns {{ entries: Entry[], unreadable: number }} */
export function readable(journal, list) {
  /** @type {Entry[]} */
  const entries = [];
  let unreadable = 0;
  for (const entry of list) {
    if (problemOf(journal, entry, false)) unreadable++;
    else entries.push(clean(journal, /** @type {ReadEntry} */ (entry))); // problemOf found it readable
  }
  return { entries, unreadable };
}

/** The entry's date: the field its kind names, "YYYY-MM-DD" (problemOf checks it is there and real).
 * @param {Journal} journal @param {Entry} entry */
export const dateOf = (journal, entry) => /** @type {string} */ (entry.fields[journal.kinds.get(entry.kind).entry.date]);

// Dates and times as the journal writes them sort as text: compared by code unit, which is many
// times quicker than localeCompare (a collator) over a thousand entries.
/** @param {Answer} a @param {Answer} b */
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; among entries of one day, the one written last first.
 * @param {Journal} journal @param {Entry[]} entries */
export function newestFirst(journal, entries) {
  return entries.slice().sort((a, b) => compare(dateOf(journal, b), dateOf(journal, a)) || compare(b.created, a.created));
}

/** Open (still to do), done, or neither (e.g. dropped); null for kinds without a status.
 * @param {Journal} journal @param {Entry} entry */
export function statusOf(journal, entry) {
  const status = journal.kinds.get(entry.kind).entry.status;
  if (!status) return null;
  const value = entry.fields[status.item];
  // A status is a choice: its value a string, or none.
  if (status.done.includes(/** @type {string} */ (value))) return "done";
  return value === undefined || status.open.includes(/** @type {string} */ (value)) ? "open" : "other";
}

/** The entry's due date, if its kind has one and it is answered. @param {Journal} journal @param {Entry} entry */
export const dueOf = (journal, entry) => {
  const due = journal.kinds.get(entry.kind).entry.due;
  return due ? /** @type {string | undefined} */ (entry.fields[due]) : undefined; // a date field: text
};

/** The titles of an entry's tags: "Listening, Goals". @param {Journal} journal @param {Entry} entry */
export const tagTitles = (journal, entry) => entry.tags.map((tag) => journal.tags.get(tag).title).join(", ");

/** "Evidence for: Listening, Goals", or "" for an entry with no tags. @param {Journal} journal @param {Entry} entry */
export const tagsText = (journal, entry) => (entry.tags.length ? t("taggedWith", { tags: tagTitles(journal, entry) }) : "");

/** @param {Journal} journal @param {Entry} entry @param {string} day */
export const isOverdue = (journal, entry, day) =>
  statusOf(journal, entry) === "open" && Boolean(dueOf(journal, entry)) && /** @type {string} */ (dueOf(journal, entry)) < day; // there: just checked

/** What is still to do: overdue first, then by due date (none last), then oldest first.
 * @param {Journal} journal @param {Entry[]} entries @param {string} day */
export function stillToDo(journal, entries, day) {
  const open = entries.filter((entry) => statusOf(journal, entry) === "open");
  /** @param {Entry} entry @returns {[number, string, string]} */
  const key = (entry) => [isOverdue(journal, entry, day) ? 0 : 1, dueOf(journal, entry) || "9999-99-99", dateOf(journal, entry)];
  return open.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || compare(x[1], y[1]) || compare(x[2], y[2]);
  });
}

/** The entries that link to this one (an action to its goal or meeting).
 * @param {Journal} journal @param {Entry[]} entries @param {Entry} target */
export function linkedTo(journal, entries, target) {
  return entries.filter(
    (entry) => entry.id !== target.id && journal.kinds.get(entry.kind).links.some((item) => entry.fields[item.id] === target.id),
  );
}

/** The entry's name in lists: its title field's first line, or the question it answers, or else
 * (a reflection) the first line of its first text; longer than `most` characters, cut between
 * words (exports pass Infinity: a file keeps the whole line).
 * @param {Journal} journal @param {Entry} entry @param {number} [most] @returns {string} */
export function titleOf(journal, entry, most = 120) {
  const kind = journal.kinds.get(entry.kind);
  const firstText = () => [...kind.items.values()].find((item) => item.type === "text" && entry.fields[item.id])?.id;
  // Text fields (a title is one): strings. No text answered: firstText() is undefined, and so the field.
  const text = /** @type {string | undefined} */ (
    kind.entry.title
      ? entry.fields[kind.entry.title]
      : entry.prompt
        ? journal.prompts.get(entry.prompt).item.text
        : entry.fields[/** @type {string} */ (firstText())]
  );
  const line = (text || "").trim().split("\n")[0].trim();
  if (line.length <= most) return line;
  const cut = line.slice(0, most).replace(/\s+\S*$/, ""); // never a word's half
  return `${cut || line.slice(0, most - 1)}…`;
}

/** "Action: Draft the plan" (or the kind alone), for links and lists. @param {Journal} journal @param {Entry} entry */
export function nameOf(journal, entry) {
  const title = titleOf(journal, entry);
  const kind = journal.kinds.get(entry.kind).title;
  return title ? t("labelled", { label: kind, value: title }) : kind;
}

/** @param {string} text */
const folded = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
/** @type {WeakMap<Entry, string>} */
const searchable = new WeakMap(); // entry -> its text, folded for search, made once

/** @param {Journal} journal @param {Entry} entry @returns {string} */
function textOf(journal, entry) {
  if (!searchable.has(entry)) {
    const kind = journal.kinds.get(entry.kind);
    const parts = [
      kind.title,
      ...Object.values(entry.fields).filter((value) => typeof value === "string"),
      ...entry.tags.map((tag) => journal.tags.get(tag).title),
    ];
    if (entry.prompt) parts.push(journal.prompts.get(entry.prompt).item.text);
    searchable.set(entry, folded(parts.join("\n")));
  }
  return /** @type {string} */ (searchable.get(entry)); // made just above, if not before
}

/** The entries of a kind, a tag, a period (dates included) and holding every word searched for.
 * @param {Journal} journal @param {Entry[]} entries
 * @param {{ kind?: string, tag?: string, search?: string, from?: string, to?: string }} [choice] */
export function filtered(journal, entries, { kind = "", tag = "", search = "", from = "", to = "" } = {}) {
  const words = folded(search).split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (kind && entry.kind !== kind) return false;
    if (tag && !entry.tags.includes(tag)) return false;
    const date = dateOf(journal, entry);
    if ((from && date < from) || (to && date > to)) return false;
    return !words.length || words.every((word) => textOf(journal, entry).includes(word));
  });
}

/** What the reader saved (`entry`), over what was stored of it (`before`): what this journal no
 * longer shows or offers is kept as it was stored: a field, a tag, the question answered (a site
 * in another language without the questions, or a question since taken out). Only the reader's own
 * choice in the form unlinks a question offered.
 * @param {Journal} journal @param {Entry} entry @param {import("../lists.js").Item} before @returns {Entry} */
export function savedOver(journal, entry, before) {
  const items = journal.kinds.get(entry.kind).items;
  const fields = Object.fromEntries(Object.entries(before.fields || {}).filter(([id]) => !items.has(id)));
  const tags = Array.isArray(before.tags) ? before.tags.filter((tag) => typeof tag === "string" && !journal.tags.has(tag)) : [];
  const asked = typeof before.prompt === "string" && !journal.prompts.has(before.prompt) ? before.prompt : undefined;
  const prompt = entry.prompt ?? asked;
  return { ...entry, fields: { ...fields, ...entry.fields }, tags: [...entry.tags, ...tags], ...(prompt ? { prompt } : {}) };
}

/** The fields of an entry other than its date, in the kind's order: [item, value].
 * @param {Journal} journal @param {Entry} entry @returns {Array<[SpecItem, Answer]>} */
export const shownFields = (journal, entry) =>
  [...journal.kinds.get(entry.kind).items.values()]
    .filter((item) => item.id !== journal.kinds.get(entry.kind).entry.date && entry.fields[item.id] !== undefined)
    .map((item) => [item, entry.fields[item.id]]);
