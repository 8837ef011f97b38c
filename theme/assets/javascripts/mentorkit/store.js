// Answers kept in localStorage under a key naming the questionnaire and the
// version of its content. Every write re-reads what is stored and changes only
// the answers it was given, so blocks of one questionnaire on several pages, and
// several tabs, never overwrite each other's answers. Where storage is
// unavailable, answers live in memory and the reader is told.

import { validAnswers } from "./scoring.js";
import { t } from "./messages.js";

const PREFIX = "mentorkit:";

export function storageKey(spec) {
  return `${PREFIX}${spec.id}:${spec.version}`;
}

function availableStorage() {
  try {
    const storage = window.localStorage;
    const probe = `${PREFIX}probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A saved record, or null when the text is not one of ours. */
function parseRecord(raw) {
  try {
    const record = JSON.parse(raw);
    if (record && typeof record === "object" && record.answers && typeof record.answers === "object") return record;
  } catch {
    /* corrupt: the caller says so */
  }
  return null;
}

/** Saved answers of an earlier version of this questionnaire, newest first. */
function earlierVersions(storage, spec) {
  const prefix = `${PREFIX}${spec.id}:`;
  const found = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith(prefix) && key !== storageKey(spec)) {
      const record = parseRecord(storage.getItem(key));
      if (record) found.push({ key, record });
    }
  }
  return found.sort((a, b) => String(b.record.saved || "").localeCompare(String(a.record.saved || "")));
}

export function openStore(spec) {
  const key = storageKey(spec);
  let storage = availableStorage();
  const notices = [];
  let memory = Object.create(null); // the answers as last read or written here
  let written = null; // the exact text last written here: while storage still holds it, memory is current
  let earlierLeft = true; // older versions to remove after the first successful write

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
    if (!storage) return memory;
    const raw = storage.getItem(key);
    if (raw === null || raw !== written) {
      const record = raw === null ? null : parseRecord(raw);
      memory = record ? validAnswers(spec, record.answers) : Object.create(null);
      written = raw;
    }
    return memory;
  }

  function write(answers) {
    memory = answers;
    if (!storage) return true;
    try {
      written = JSON.stringify({ version: spec.version, saved: new Date().toISOString(), answers });
      storage.setItem(key, written);
      // Older versions go only once the new one is written, so a failed save loses nothing.
      if (earlierLeft) for (const earlier of earlierVersions(storage, spec)) storage.removeItem(earlier.key);
      earlierLeft = false;
      return true;
    } catch {
      storage = null; // full or revoked: from now on, memory only
      return false;
    }
  }

  if (!storage) {
    notices.push(t("storageUnavailable"));
  } else {
    const raw = storage.getItem(key);
    if (raw !== null && parseRecord(raw) === null) {
      notices.push(t("storageCorrupt"));
      storage.removeItem(key);
    } else if (raw === null) {
      const [earlier] = earlierVersions(storage, spec);
      if (earlier) {
        const kept = validAnswers(spec, earlier.record.answers);
        const dropped = Object.keys(earlier.record.answers).length - Object.keys(kept).length;
        notices.push(t("migrated", { kept: Object.keys(kept).length, dropped }));
        write(kept);
      }
    }
  }

  return {
    key,
    notices,
    read,
    /** Set (or, with undefined, remove) some answers. Re-reads first, so that what another
     * tab saved meanwhile is kept. False when this write failed. */
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
