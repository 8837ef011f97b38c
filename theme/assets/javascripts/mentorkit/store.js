// Answers kept in localStorage under a key naming the site (its base path), the
// questionnaire and the version of its content: two sites on one origin (two project
// sites of one GitHub Pages organisation) never touch each other's answers. Every
// write re-reads what is stored and changes only the answers it was given, so blocks
// of one questionnaire on several pages, and several tabs, never overwrite each
// other's answers. Every write says where the answers now are: "local" (saved),
// "tab" (localStorage refused them: sessionStorage keeps them until the tab closes)
// or "page" (memory: until the page is left). What storage holds is checked before
// it is used, like an imported file: it may be anything.
//
// A record may also hold lists the reader keeps beside the answers (attempts, other views,
// journal entries: see lists.js). This store does not read them, but never drops them: a
// save of answers keeps whatever lists the stored record holds.

import { validAnswers } from "./scoring.js";
import { t } from "./messages.js";
import { attempt, reach } from "./storage.js";

const PREFIX = "mentorkit:";

export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

export const storageKey = (spec, scope) => `${PREFIX}${scope}${spec.id}:${spec.version}`;

/** The site's base path, or that of a language version of the same site that contains it
 * (a <link rel="alternate" hreflang> to an ancestor path): one set of answers in every language. */
export function siteScope(base) {
  let scope = base;
  for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.origin === location.origin && url.pathname.endsWith("/") && scope.startsWith(url.pathname)) scope = url.pathname;
  }
  return scope;
}

/** The sentence that says how long answers that could not be saved are kept. */
export const keptUntil = (where) => t(where === "tab" ? "keptTab" : "keptPage");

/** A saved record, or null when the text is not one of ours. */
function parseRecord(raw) {
  try {
    const record = JSON.parse(raw);
    if (isObject(record) && isObject(record.answers)) return record;
  } catch {
    /* not JSON: the caller says so */
  }
  return null;
}

/** The record stored under `key`, or null when there is none or it is not one of ours. */
export const readRecord = (storage, key) => (storage ? parseRecord(storage.getItem(key)) : null);

/** Store `record`, stamped with the moment it was saved; the text stored, or null when the
 * browser refused it (full or blocked: what was stored before is still there). */
export function writeRecord(storage, key, record) {
  const text = JSON.stringify({ ...record, saved: new Date().toISOString() });
  return storage && attempt(() => storage.setItem(key, text)) ? text : null;
}

const savedAt = (record) => (typeof record.saved === "string" ? record.saved : "");

/** Records a save here replaces, newest first: this site's earlier versions of the questionnaire,
 * and keys without a site (mentorkit:<id>:<version>), written before keys named one. An unscoped
 * key cannot say which site on the origin wrote it: the first site to open it claims it. */
function predecessors(storage, spec, scope) {
  const found = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    const prefix = [`${PREFIX}${scope}${spec.id}:`, `${PREFIX}${spec.id}:`].find((p) => key?.startsWith(p));
    const version = prefix && key.slice(prefix.length);
    // A version holds no "/" or ":": a longer key is another site's (mentorkit:/a/b/<id>:...).
    if (version && !/[/:]/.test(version) && key !== storageKey(spec, scope)) {
      const record = readRecord(storage, key);
      if (record) found.push({ key, version, record, scoped: prefix.includes("/") });
    }
  }
  return found.sort((a, b) => savedAt(b.record).localeCompare(savedAt(a.record)));
}

export function openStore(spec, scope) {
  const key = storageKey(spec, scope);
  const local = reach("localStorage");
  const tab = reach("sessionStorage");
  const notices = [];
  let memory = Object.create(null); // the answers as last read or written here
  let written = null; // the exact text last written here: while storage still holds it, memory is current
  let where = local ? "local" : "page";
  let replaced = []; // keys to remove once a save succeeds, so that a failed one loses nothing

  // Answers objects are snapshots, never changed once made: read() hands out the
  // current one without copying (a copy of 1,000 answers costs more than scoring them),
  // and update() makes the next. Copies keep a null prototype: an item may well be
  // called "constructor"; for-in is three times faster than Object.assign here.
  const copy = (answers) => {
    const next = Object.create(null);
    for (const id in answers) next[id] = answers[id];
    return next;
  };

  function read() {
    if (where !== "local") return memory; // newer than what storage holds
    const raw = local.getItem(key);
    if (raw !== written) {
      const record = raw === null ? null : parseRecord(raw);
      memory = record ? validAnswers(spec, record.answers) : Object.create(null);
      written = raw;
    }
    return memory;
  }

  // The stored text the lists below were read from: parsed again only when another tab (or the
  // lists' own code) wrote something else, not on every answer.
  /** @type {{ raw: string | null | undefined, lists: Record<string, unknown> | undefined }} */
  let listed = { raw: undefined, lists: undefined };

  /** The lists the stored record holds now (another tab may have added to them), or those given. */
  const listsNow = (fallback) => {
    if (!local) return fallback;
    const raw = local.getItem(key);
    if (raw !== listed.raw) {
      const stored = parseRecord(raw);
      listed = { raw, lists: stored && isObject(stored.lists) ? stored.lists : undefined };
    }
    return listed.lists ?? fallback;
  };

  /** Keep these answers in localStorage if it takes them, else for this tab, else for this page. */
  function write(answers, lists = listsNow(undefined)) {
    memory = answers;
    const record = { version: spec.version, answers, lists };
    const text = writeRecord(local, key, record);
    if (text !== null) {
      written = text;
      listed = { raw: text, lists: isObject(lists) ? lists : undefined };
      where = "local";
      if (tab) attempt(() => tab.removeItem(key));
      for (const old of replaced.splice(0)) attempt(() => local.removeItem(old));
    } else {
      where = writeRecord(tab, key, record) !== null ? "tab" : "page";
    }
    return where;
  }

  /** Remove every record this page would restore answers from; true when none is left. The lists
   * the reader kept (attempts, entries) stay: they are removed one by one, where they are shown. */
  function clear() {
    const lists = listsNow(undefined);
    if (lists && Object.values(lists).some((list) => Array.isArray(list) && list.length)) {
      return write(Object.create(null), lists) === "local";
    }
    memory = Object.create(null);
    written = null;
    const keys = [key, ...(local ? predecessors(local, spec, scope).map((p) => p.key) : [])];
    const gone = (storage) => keys.filter((k) => !attempt(() => storage.removeItem(k)) || storage.getItem(k) !== null).length === 0;
    if (tab) gone(tab);
    const cleared = Boolean(local) && gone(local);
    where = cleared ? "local" : "page"; // not cleared: what storage still holds must not come back on this page
    return cleared;
  }

  const unsaved = readRecord(tab, key); // an earlier page of this tab could not save these
  if (unsaved) {
    memory = validAnswers(spec, unsaved.answers);
    where = "tab";
    notices.push(t("storageFull"), keptUntil(where));
  } else if (!local) {
    notices.push(t("storageUnavailable"));
  } else {
    const raw = local.getItem(key);
    const earlier = predecessors(local, spec, scope);
    replaced = earlier.filter((p) => p.scoped).map((p) => p.key);
    if (raw !== null && parseRecord(raw) === null) {
      notices.push(t("storageCorrupt"));
      attempt(() => local.removeItem(key));
    } else if (raw === null && earlier.length) {
      const [newest] = earlier;
      const kept = validAnswers(spec, newest.record.answers);
      const count = Object.keys(kept).length;
      replaced = earlier.map((p) => p.key);
      const saved = write(kept, isObject(newest.record.lists) ? newest.record.lists : undefined) === "local";
      if (newest.version !== spec.version) {
        notices.push(t("migrated", { kept: count, dropped: Object.keys(newest.record.answers).length - count }));
      }
      if (!saved) notices.push(t("storageFull"), keptUntil(where));
    }
  }

  return {
    key,
    notices,
    read,
    clear,
    /** Where the answers are now: "local", "tab" or "page". */
    get where() {
      return where;
    },
    /** Set (or, with undefined, remove) some answers. Re-reads first, so that what another
     * tab saved meanwhile is kept. Returns where the answers are now. */
    update(changes) {
      const answers = copy(read());
      for (const [id, value] of Object.entries(changes)) {
        if (value === undefined) delete answers[id];
        else answers[id] = value;
      }
      return write(answers);
    },
    replace(answers) {
      return write(validAnswers(spec, answers));
    },
  };
}
