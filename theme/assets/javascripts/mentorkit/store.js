// Answers kept in localStorage under a key naming the questionnaire and the
// version of its content. Where storage is unavailable, answers live in memory
// and the reader is told.

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

/** The answers of a saved record, or null when it is not one of ours. */
function parseRecord(raw) {
  try {
    const record = JSON.parse(raw);
    if (record && typeof record === "object" && record.answers && typeof record.answers === "object") return record;
  } catch {
    /* fall through: corrupt */
  }
  return null;
}

/** Saved answers of an earlier version of this questionnaire, newest first. */
function earlierVersion(storage, spec) {
  const prefix = `${PREFIX}${spec.id}:`;
  const found = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith(prefix) && key !== storageKey(spec)) {
      const record = parseRecord(storage.getItem(key));
      if (record) found.push({ key, record });
    }
  }
  found.sort((a, b) => String(b.record.saved || "").localeCompare(String(a.record.saved || "")));
  return found[0] || null;
}

export function openStore(spec) {
  const key = storageKey(spec);
  let storage = availableStorage();
  const notices = [];
  let answers = Object.create(null);

  if (!storage) {
    notices.push(t("storageUnavailable"));
  } else {
    const raw = storage.getItem(key);
    if (raw !== null) {
      const record = parseRecord(raw);
      if (record) answers = validAnswers(spec, record.answers);
      else {
        notices.push(t("storageCorrupt"));
        storage.removeItem(key);
      }
    } else {
      const earlier = earlierVersion(storage, spec);
      if (earlier) {
        answers = validAnswers(spec, earlier.record.answers);
        const kept = Object.keys(answers).length;
        const dropped = Object.keys(earlier.record.answers).length - kept;
        notices.push(t("migrated", { kept, dropped }));
      }
    }
  }

  const store = {
    answers,
    notices,
    /** False when this write failed (storage full or revoked); from then on answers live in memory. */
    save(current) {
      if (!storage) return true; // nothing to attempt: the reader was told when the page opened
      try {
        storage.setItem(key, JSON.stringify({ version: spec.version, saved: new Date().toISOString(), answers: current }));
        removeEarlier();
        return true;
      } catch {
        storage = null;
        return false;
      }
    },
    clear() {
      if (!storage) return;
      storage.removeItem(key);
      removeEarlier();
    },
  };

  // Older versions are removed only once the new one is written, so nothing is lost on a failed save.
  function removeEarlier() {
    let earlier;
    while ((earlier = earlierVersion(storage, spec))) storage.removeItem(earlier.key);
  }
  return store;
}
