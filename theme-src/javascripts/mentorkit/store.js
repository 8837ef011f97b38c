// Answers kept in localStorage under a key naming the site (its base path), the
// questionnaire and the version of its content: two sites on one origin (two project
// sites of one GitHub Pages organisation) never touch each other's answers. Every write
// merges what storage holds now with what the page knows (record.js: each answer and kept
// item as last changed anywhere), so blocks of one questionnaire on several pages, several
// tabs, a tab left open on an earlier version and answers kept in a tab while storage was full
// never overwrite each other. Every write says where the answers now are: "local" (saved),
// "tab" (localStorage refused them: sessionStorage keeps them until the tab closes) or "page"
// (memory: until the page is left).
//
// Nothing stored is removed to recover from it. What storage holds is read as far as it can be,
// like an imported file: a part of the wrong type is left out and the reader told which; a record
// that cannot be read at all is moved aside under a key of its own and offered as a download; an
// earlier version's record is removed only once its answers and items are merged and stored.
//
// A record also holds lists the reader keeps beside the answers (attempts, other views, journal
// entries: lists.js). A save of answers merges them too, and never drops one.

import { t } from "./messages.js";
import { merge, now, readStored, same, withAnswers } from "./record.js";
import { validAnswers } from "./scoring.js";
import { attempt, reach } from "./storage.js";

const PREFIX = "mentorkit:";
const KEPT = "mentorkit:kept"; // the event sent on window after a list was written (recordAt)

/** @param {Spec} spec @param {string} scope */
export const storageKey = (spec, scope) => `${PREFIX}${scope}${spec.id}:${spec.version}`;

/** The site's base path, or that of a language version of the same site that contains it
 * (a <link rel="alternate" hreflang> to an ancestor path): one set of answers in every language.
 * @param {string} base */
export function siteScope(base) {
  let scope = base;
  for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
    const href = link.getAttribute("href");
    if (href === null) continue; // no address: no other language's site to share answers with
    const url = new URL(href, location.href);
    if (url.origin === location.origin && url.pathname.endsWith("/") && scope.startsWith(url.pathname)) scope = url.pathname;
  }
  return scope;
}

/** The sentence that says how long answers that could not be saved are kept. @param {string} where */
export const keptUntil = (where) => t(where === "tab" ? "keptTab" : "keptPage");

/** The record stored under `key`, as far as it can be read, or null when there is none (or it
 * cannot be read at all). @param {Storage | null} storage @param {string} key @returns {StoredRecord | null} */
export const readRecord = (storage, key) => (storage ? readStored(storage.getItem(key)).record : null);

/** Store `record`, stamped with the moment it was saved; the text stored, or null when the
 * browser refused it (full or blocked: what was stored before is still there).
 * @param {Storage | null} storage @param {string} key @param {StoredRecord} record */
function writeRecord(storage, key, record) {
  const text = JSON.stringify({ ...record, saved: new Date().toISOString() });
  return storage && attempt(() => storage.setItem(key, text)) ? text : null;
}

/**
 * The stored record under `key` as the lists kept in it see it (lists.js, the journal): this module
 * alone reads and writes what storage holds; they change the record only through `change`.
 * @param {string} key @param {string} version the questionnaire's content version, for a new record
 * @returns {{ text: () => string | null, read: () => StoredRecord | null, change: (edit: (record: StoredRecord) => StoredRecord) => boolean }}
 */
export function recordAt(key, version) {
  const local = reach("localStorage");
  return {
    /** The record's text as stored now (null: none, or storage blocked): the same text, the same record. */
    text: () => local?.getItem(key) ?? null,
    read: () => readRecord(local, key),
    /** Read the record as stored now, write `edit(record)` back in one step, and tell the page's store
     * (KEPT); false when it was not written: full or blocked, or a record that cannot be read, which
     * is the store's to set aside and never written over here. */
    change(edit) {
      const raw = local ? local.getItem(key) : null;
      const { record } = readStored(raw);
      if (raw !== null && !record) return false;
      if (writeRecord(local, key, edit(record || { version, answers: {} })) === null) return false;
      window.dispatchEvent?.(new CustomEvent(KEPT, { detail: key })); // the page's store takes it in (openStore)
      return true;
    },
  };
}

/** Whether `key` holds this site's record of another version of the questionnaire, or one without
 * a site (mentorkit:<id>:<version>), written before keys named one. A version holds no "/" or
 * ":": a longer key is another site's (mentorkit:/a/b/<id>:...), or a record set aside
 * (<key>:unreadable:<time>). @param {Spec} spec @param {string} scope @param {string | null} key */
export function earlierKey(spec, scope, key) {
  const prefix = [`${PREFIX}${scope}${spec.id}:`, `${PREFIX}${spec.id}:`].find((p) => key?.startsWith(p));
  const version = prefix ? String(key).slice(prefix.length) : "";
  return Boolean(version) && !/[/:]/.test(version) && key !== storageKey(spec, scope);
}

/** @param {StoredRecord} record */
const savedAt = (record) => (typeof record.saved === "string" ? record.saved : "");

/** Records a save here replaces, newest first: this site's earlier versions of the questionnaire,
 * and keys without a site (mentorkit:<id>:<version>), written before keys named one. An unscoped
 * key cannot say which site on the origin wrote it: the first site to open it claims it.
 * @param {Storage} storage @param {Spec} spec @param {string} scope
 * @returns {{ key: string, raw: string | null, version: string, record: StoredRecord }[]} */
function predecessors(storage, spec, scope) {
  const found = [];
  for (let i = 0; i < storage.length; i++) {
    const key = /** @type {string} */ (storage.key(i));
    if (earlierKey(spec, scope, key)) {
      const raw = storage.getItem(key);
      const { record } = readStored(raw);
      if (record) found.push({ key, raw, version: key.slice(key.lastIndexOf(":") + 1), record });
    }
  }
  return found.sort((a, b) => savedAt(b.record).localeCompare(savedAt(a.record)));
}

// The parts of a record a reader knows by name, for the sentence that says which was left out.
/** @type {Record<string, string>} */
const PARTS = { answers: "partAnswers", attempts: "partAttempts", views: "partViews", entries: "partEntries" };

/** @param {object} object */
const count = (object) => Object.keys(object).length;
/** Whether two answer sets hold the same answers (any order). @param {Answers} a @param {Answers} b */
export const sameAnswers = (a, b) => count(a) === count(b) && Object.keys(a).every((id) => Object.is(a[id], b[id]));
/** The kept items of a record, as "list/id". @param {StoredRecord} record */
const ids = (record) => new Set(Object.entries(record.lists || {}).flatMap(([name, list]) => list.map((item) => `${name}/${item?.id}`)));

/**
 * The answers of one questionnaire on this site, kept. `words` names the page's own sentence for
 * one of the store's (a journal speaks of entries, not answers); `signal` ends its listening.
 * @param {Spec} spec
 * @param {string} scope
 * @param {{ words?: (key: string) => string, signal?: AbortSignal }} [options]
 */
export function openStore(spec, scope, { words = (key) => key, signal } = {}) {
  const key = storageKey(spec, scope);
  const local = reach("localStorage");
  const tab = reach("sessionStorage");
  /** @type {string[]} */
  const notices = [];
  /** @param {string} sentence @param {import("./messages.js").Values} [values] */
  const tell = (sentence, values) => notices.push(t(words(sentence), values));
  const empty = () => ({ version: spec.version, answers: Object.create(null) });
  /** @type {StoredRecord} the record as this page knows it: what storage held, merged with its own changes */
  let mine = empty();
  /** @type {string | null} */
  let seen = null; // the stored text `mine` last took in: while storage holds it, nothing there is new
  let where = local ? "local" : "page";
  let blocked = false; // an unreadable record stays where it is: never written over
  let fresh = false; // answers from elsewhere taken in since the page last asked (elsewhere())
  /** @type {{ key: string, text: string } | null} */
  let unreadable = null; // { key, text } of a record moved aside, offered as a download
  const own = new Map(); // answers changed on this page: id -> when, to say which another tab replaced
  const known = new Set(); // keys of the earlier versions stored when this page opened
  let opening = true;

  // Answers objects are snapshots, never changed once made: read() hands out the current one
  // without copying (a copy of 1,000 answers costs more than scoring them). They keep a null
  // prototype: an item may well be called "constructor".
  /** @type {Answers} */
  let shown = Object.create(null);
  /** @type {StoredRecord | null} */
  let shownFrom = null;
  const snapshot = () => {
    if (shownFrom !== mine) {
      const next = validAnswers(spec, mine.answers);
      if (!sameAnswers(next, shown)) shown = next;
      shownFrom = mine;
    }
    return shown;
  };

  /** A record that cannot be read, moved aside (copied, then removed where it was); false when
   * storage has no room for the copy: it is left where it is, and not written over. @param {string} raw */
  function setAside(raw) {
    const aside = `${key}:unreadable:${Date.now()}`;
    unreadable = { key: aside, text: raw };
    const storage = /** @type {Storage} */ (local); // a record read from it is there to move
    return attempt(() => storage.setItem(aside, raw)) && attempt(() => storage.removeItem(key));
  }

  /** Take in what storage holds now: another tab's (or this page's other blocks') changes. A
   * record that cannot be read is moved aside only on the way to a write (`aside`), where the page
   * tells the reader (answering.js setAsideNow); a mere read leaves it for that write, or for
   * the next page to open, to find and say. */
  function takeIn(aside = true) {
    if (!local || blocked) return;
    const raw = local.getItem(key);
    if (raw === seen) return;
    const { record } = readStored(raw);
    if (raw !== null && !record && !aside) return;
    if (raw === null)
      mine = seen === null ? mine : empty(); // started again in another tab: nothing kept there
    else if (record) {
      const before = snapshot();
      mine = /** @type {StoredRecord} */ (merge(record, mine));
      fresh ||= snapshot() !== before; // another tab's answers, which the page does not show yet
    } else if (!setAside(raw)) blocked = true; // written unreadable meanwhile: kept, as on opening
    seen = local.getItem(key);
  }

  /** Store what this page knows, merged with what storage holds now. */
  function save() {
    takeIn();
    if (local && !blocked) {
      const text = writeRecord(local, key, mine);
      if (text !== null) {
        seen = text;
        where = "local";
        if (tab) attempt(() => tab.removeItem(key));
        return where;
      }
    }
    where = writeRecord(tab, key, mine) !== null ? "tab" : "page";
    return where;
  }

  /** Merge the records of earlier versions of this questionnaire on this site, and keys without
   * a site, written before keys named one. { found, answers, items }: the records, and how many
   * answers and kept items came in from them. */
  function takeEarlier() {
    // Only versions stored before this page opened are earlier: a version that appears later is a
    // newer one (a tab of the site published again), which takes this one in, never the reverse.
    const found = local && !blocked ? predecessors(local, spec, scope) : [];
    if (opening) for (const { key: old } of found) known.add(old);
    const earlier = found.filter(({ key: old }) => known.has(old));
    const before = { record: mine, answers: snapshot(), items: ids(mine) };
    for (const { record } of earlier) {
      const fitting = validAnswers(spec, record.answers); // answered as on opening: what fits this version
      mine = /** @type {StoredRecord} */ (merge(mine, { ...record, answers: fitting }));
    }
    const after = snapshot();
    const came = {
      found: earlier,
      answers: Object.keys(after).filter((id) => !Object.is(after[id], before.answers[id])).length,
      items: [...ids(mine)].filter((id) => !before.items.has(id)).length,
    };
    const changed = !same(before.record, mine); // an answer or an item added, changed or removed there
    // Earlier records stay: a tab still open on that version may write there again (another
    // process, at any moment: a removal could not know), and they are taken in again, at no loss.
    // Start again removes them.
    if ((changed || (opening && seen === null && earlier.length)) && save() === "local") {
      // A key without a site (written before keys named one) cannot say which site on the origin
      // wrote it: the first site to take it in claims it, and no other site takes it in again.
      const storage = /** @type {Storage} */ (local); // saved there just now
      for (const { key: old, raw } of earlier)
        if (!old.includes("/") && storage.getItem(old) === raw) attempt(() => storage.removeItem(old));
    }
    return came;
  }

  /** Remove every record this page would restore answers from; true when none is left. The lists
   * the reader kept (attempts, entries) stay: they are removed one by one, where they are shown. */
  function clear() {
    takeIn();
    if (Object.values(mine.lists || {}).some((list) => list.length)) {
      mine = withAnswers(mine, Object.fromEntries(Object.keys(mine.answers).map((id) => [id, undefined])), now());
      return save() === "local";
    }
    mine = empty();
    seen = null;
    const keys = [key, ...[local, tab].flatMap((storage) => (storage ? predecessors(storage, spec, scope).map((p) => p.key) : []))];
    /** @param {Storage} storage */
    const gone = (storage) => keys.filter((k) => !attempt(() => storage.removeItem(k)) || storage.getItem(k) !== null).length === 0;
    if (tab) gone(tab);
    // The reader asked: an unreadable record left in place (no room to set it aside) goes too.
    const cleared = local !== null && gone(local);
    blocked &&= !cleared;
    where = cleared ? "local" : "page"; // not cleared: what storage still holds must not come back on this page
    return cleared;
  }

  // A list kept on this page (lists.js) was just written: taken in at once, before another tab's
  // write from what it knew can arrive, so that this page can write it back if that one lost it.
  if (signal) window.addEventListener(KEPT, (event) => /** @type {CustomEvent} */ (event).detail === key && takeIn(), { signal });

  // Opening: what storage holds, then what an earlier page of this tab could not save (read
  // before anything here writes to the tab's storage).
  // The tab may hold them under an earlier version's key, if the site was published again since.
  const unsavedEarlier = tab ? predecessors(tab, spec, scope) : [];
  let unsaved = readStored(tab?.getItem(key) ?? null).record;
  for (const { record } of unsavedEarlier) unsaved = merge(unsaved, { ...record, answers: validAnswers(spec, record.answers) });
  if (!local) tell("storageUnavailable");
  else {
    const raw = local.getItem(key);
    const { record, dropped } = readStored(raw);
    if (record) {
      mine = record;
      seen = raw;
      // Only parts the page keeps are named (a journal holds no answers): none, nothing to say.
      const parts = [...new Set(dropped.map((part) => words(PARTS[part] ?? "partLists")))].filter(Boolean);
      if (parts.length) tell("storageDropped", { parts: parts.map((part) => t(part)).join(", ") });
    } else if (raw !== null) {
      blocked = !setAside(raw);
      tell(blocked ? "storageCorruptKept" : "storageCorrupt");
    }
    const came = takeEarlier();
    const newest = came.found[0];
    // Said once: a tab that kept what it could not save was told on the page it first opened.
    if (unsaved) {
      /* the earlier version's answers are merged again, silently */
    } else if (raw === null && newest && newest.version !== spec.version) {
      const kept = count(validAnswers(spec, newest.record.answers));
      tell("migrated", { kept, dropped: count(newest.record.answers) - kept });
    } else if (raw !== null && (came.answers || came.items)) {
      tell("mergedEarlier", { answers: came.answers, items: came.items });
    }
  }
  opening = false;
  if (unsaved) {
    mine = /** @type {StoredRecord} */ (merge(mine, unsaved));
    const held = /** @type {Storage} */ (tab); // what was unsaved was read from it
    if (save() !== "page") for (const { key: old } of unsavedEarlier) attempt(() => held.removeItem(old));
  } else if (local && blocked) {
    where = "tab";
  }
  if (where !== "local" && local) {
    if (!blocked) tell("storageFull"); // a merge of earlier answers, or this tab's, could not be stored
    tell(where === "tab" ? "keptTab" : "keptPage");
  }

  return {
    key,
    notices,
    /** A record that could not be read and was moved aside: { key, text }, to offer as a download. */
    get unreadable() {
      return unreadable;
    },
    /** The answers as they are now (another tab's changes taken in). */
    read() {
      if (where === "local") takeIn(false);
      return snapshot();
    },
    clear,
    /** Where the answers are now: "local", "tab" or "page". */
    get where() {
      return where;
    },
    /** Set (or, with undefined, remove) some answers, merged with what storage holds now.
     * Returns where the answers are now. @param {Record<string, Answer | undefined>} changes */
    update(changes) {
      const time = now();
      for (const id of Object.keys(changes)) own.set(id, time);
      mine = withAnswers(mine, changes, time);
      return save();
    },
    /** The answers of an imported file, in place of these. @param {unknown} answers */
    replace(answers) {
      const fitting = validAnswers(spec, answers);
      const changes = Object.fromEntries(Object.keys(snapshot()).map((id) => [id, undefined]));
      return this.update({ ...changes, ...fitting });
    },
    /**
     * Another tab wrote: take in what it wrote, and write back what this page knows that storage
     * lost (a write made at the same moment, from what that tab knew). `replaced`: the answers
     * given here that a later answer from elsewhere replaced.
     */
    sync() {
      const before = snapshot();
      const listed = JSON.stringify(mine.lists ?? {});
      const stored = local?.getItem(key) ?? null;
      takeIn();
      const held = readStored(stored).record; // mine holds it now (takeIn): is there more?
      if (where === "local" && held && !same(mine, held)) save();
      else if (where !== "local" && local) save(); // storage may have room again
      const now_ = snapshot();
      const replaced = [...own.keys()].filter((id) => (mine.times?.answers?.[id] ?? 0) > (own.get(id) ?? 0));
      for (const id of replaced) own.delete(id);
      return { changed: this.elsewhere() || now_ !== before, listsChanged: JSON.stringify(mine.lists ?? {}) !== listed, replaced };
    },
    /** Whether answers from another tab were taken in since last asked (with a save of this
     * page's own, say): the page shows them. */
    elsewhere() {
      const found = fresh;
      fresh = false;
      return found;
    },
    /** Records of earlier versions another tab wrote: merged in; { answers, items } that came in. */
    takeEarlier,
  };
}
