// "My reflections" kept one answer per question, undated, as a questionnaire's answers. Each answer
// becomes a reflection entry tied to its question, dated the day the answers were last saved (the
// best date there is), the first time a page of the journal's code opens. The answers are removed
// only once the entries are saved: nothing is lost if storage is full. Entry ids come from the
// question and that date, so a second run (another tab) adds nothing twice.

import { localDay } from "../format.js";
import { reach } from "../storage.js";
import { openStore, readRecord } from "../store.js";

/** A short, stable hash of a text (FNV-1a), for ids. @param {string} text */
const hash = (text) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
};

/** @param {string} key */
function savedAt(key) {
  const saved = readRecord(reach("localStorage"), key)?.saved;
  return typeof saved === "string" && !Number.isNaN(Date.parse(saved)) ? new Date(saved).toISOString() : null;
}

/**
 * Move the answers kept for each prompts questionnaire (full specs: their items) into the journal.
 * Returns { moved, failed }: answers now entries, and answers that stay where they were.
 * @param {Journal} journal
 * @param {{ merge: (entries: Entry[]) => { saved: boolean } }} kept where the entries go (storage.js, openJournal)
 * @param {PromptsSpec[]} sources @param {string} scope
 */
export function migrateReflections(journal, kept, sources, scope) {
  const result = { moved: 0, failed: 0 };
  for (const source of sources) {
    const { kind, answer } = source.scoring;
    const date = journal.kinds.get(kind)?.entry.date;
    if (!date) continue;
    const store = openStore(source, scope); // the answers of this site, of any earlier version
    const answers = store.read();
    const ids = Object.keys(answers);
    if (!ids.length || store.where !== "local") continue;
    const saved = savedAt(store.key) || new Date().toISOString();
    const entries = ids.map((item) => ({
      id: `m-${hash(`${source.id}/${item}`)}-${hash(saved)}`,
      kind,
      fields: { [date]: localDay(saved), [answer]: answers[item] },
      tags: [],
      prompt: `${source.id}/${item}`,
      created: saved,
      updated: saved,
    }));
    if (kept.merge(entries).saved && store.clear()) result.moved += ids.length;
    else result.failed += ids.length;
  }
  return result;
}
