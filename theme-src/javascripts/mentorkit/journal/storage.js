// A journal's entries in the journal's stored record: the same store as every questionnaire's
// answers (store.js: one key per site and content version, earlier versions migrated on opening)
// and its kept lists (lists.js: each change re-read and made per entry, so two tabs never
// overwrite each other's entries). No second storage layer: only the reading is the journal's own,
// which checks every entry and keeps the readable ones until storage changes.

import { openLists } from "../lists.js";
import { openStore } from "../store.js";
import { journalOf, LIST, readable } from "./entries.js";

// The store's sentences in a journal's words: it keeps entries, not answers.
/** @type {Record<string, string>} */
const WORDS = {
  migrated: "journalMigrated",
  mergedEarlier: "journalMergedEarlier",
  storageUnavailable: "journalUnavailable",
  storageFull: "journalFull",
  storageCorrupt: "journalCorrupt",
  storageCorruptKept: "journalCorruptKept",
  storageDropped: "journalDropped",
  keptTab: "journalKeptNowhere", // entries are kept in storage or nowhere: each is offered as a file
  keptPage: "journalKeptNowhere",
  partAnswers: "", // a journal keeps no answers: a part of that name left out is not the reader's loss
};

// The reader's choices kept with the entries (a list of the same record, and of its file): "targets"
// while the evidence targets, meant for mentors, are shown; "portfolio", the name and role its front
// page shows.
export const CHOICES = "choices";
const TARGETS = "targets";
const WHO = "portfolio";
const MAX_WHO = 200; // characters of a name or a role: what the fields allow

/** @param {unknown} value */
const text = (value) => (typeof value === "string" ? value.slice(0, MAX_WHO) : "");

/** The choices a stored record or a file holds, each of a known kind in its own shape: whatever else
 * a file says is left out. @param {unknown} items */
const chosen = (items) =>
  (Array.isArray(items) ? items : []).flatMap((item) =>
    item?.id === TARGETS ? [{ id: TARGETS }] : item?.id === WHO ? [{ id: WHO, name: text(item.name), role: text(item.role) }] : [],
  );

/** A journal's entries and choices as kept (openJournal). @typedef {ReturnType<typeof openJournal>} KeptJournal */

/** The journal's entries and choices, as kept with `spec` on this site (`scope`); `signal` ends the
 * store's listening. @param {JournalSpec} spec @param {string} scope @param {AbortSignal} [signal] */
export function openJournal(spec, scope, signal) {
  // Moves the entries of an earlier version of the journal to this one, and speaks of entries.
  const store = openStore(spec, scope, { words: (key) => WORDS[key] ?? key, signal });
  const lists = openLists(spec, scope);
  const journal = journalOf(spec);
  const notices = store.notices;
  /** @type {string | null | undefined} */
  let raw; // the stored record's text when last read: unchanged, the entries read from it still hold
  /** @type {{ entries: Entry[], unreadable: number }} */
  let read = { entries: [], unreadable: 0 };

  const stored = lists.text; // blocked storage: the journal is empty, and saving says why

  return {
    journal,
    key: store.key,
    notices,
    /** { entries, unreadable }: the entries that can be shown (cleaned), and how many cannot. */
    read() {
      const now = stored();
      if (now !== raw) {
        read = readable(journal, lists.all(LIST));
        raw = now;
      }
      return read;
    },
    /** The entry as stored, with whatever the journal no longer shows (a field since removed). */
    /** @param {string} id */
    stored: (id) => lists.all(LIST).find((entry) => entry.id === id),
    /** Add or replace one entry; false when the browser did not keep it (full or blocked). */
    /** @param {Entry} entry */
    put: (entry) => lists.put(LIST, entry),
    /** @param {string} id */
    remove: (id) => lists.remove(LIST, id),
    /** Add the entries whose ids are not kept yet: { added, saved }. */
    /** @param {unknown[]} entries as a file or the migration brings them: each checked when read */
    merge: (entries) => lists.merge(LIST, entries),
    /** Another tab wrote: what this page kept that the other's write lost is written back. */
    sync: () => store.sync(),
    /** A record that could not be read, moved aside: { key, text }, offered as a download. */
    unreadable: () => store.unreadable,
    /** Whether the reader keeps this journal as a mentor, and so sees the programme's evidence
     * targets: an item of the record's own list, so another tab and a backup have it too. */
    targetsShown: () => lists.all(CHOICES).some((item) => item.id === TARGETS),
    /** @param {boolean} on */
    showTargets: (on) => (on ? lists.put(CHOICES, { id: TARGETS }) : lists.remove(CHOICES, TARGETS)),
    /** { name, role } for the portfolio's front page, as the reader last gave them (text only). */
    portfolioWho: () =>
      /** @type {{ name: string, role: string }} */ (chosen(lists.all(CHOICES)).find((item) => item.id === WHO) ?? { name: "", role: "" }), // WHO's: with them
    /** @param {{ name: unknown, role: unknown }} who */
    keepPortfolioWho: ({ name, role }) => lists.put(CHOICES, { id: WHO, name: text(name), role: text(role) }),
    /** The choices, as the journal's file takes them along. */
    choices: () => chosen(lists.all(CHOICES)),
    /** A file's choices, added where this journal has made none of their kind (as entries merge). */
    /** @param {unknown} items */
    mergeChoices: (items) => lists.merge(CHOICES, chosen(items)),
  };
}
