// What a reader takes away from the journal, and brings back: Markdown to read (the answered
// fields of each entry, oldest first), an agenda for the next meeting, and the JSON record of
// every questionnaire (format 2, transfer.js) whose entries merge by id on another device. A file
// brought back is checked as a whole, entry by entry: one entry that is not what this journal
// writes and nothing is imported, with the reason.

import { displayAnswer } from "../answers.js";
import { formatDate, today } from "../format.js";
import { MAX_ITEMS } from "../lists.js";
import { t } from "../messages.js";
import { FORMAT, FORMAT_VERSION } from "../transfer.js";
import { isObject } from "../util.js";
import { dueText } from "./dates.js";
import { dateOf, LIST, newestFirst, problemOf, shownFields, stillToDo, tagsText, titleOf } from "./entries.js";
import { CHOICES } from "./storage.js";

/** @typedef {import("./entries.js").ReadEntry} ReadEntry */

export const MAX_FILE_BYTES = 5 * 1024 * 1024; // what a browser's storage holds for a whole site, about
const MARKUP = /<[a-z!/?]/i; // text that a browser would read as the start of a tag

/** The period as words: "The whole journal", "From 1 January 2026", "1 January 2026 to 31 March 2026".
 * @param {JournalPeriod} period */
export function periodText({ from, to }) {
  if (from && to) return t("periodRange", { from: formatDate(from), to: formatDate(to) });
  if (from) return t("periodSince", { from: formatDate(from) });
  if (to) return t("periodUntil", { to: formatDate(to) });
  return t("periodAll");
}

/** @param {Journal} journal @param {Entry[]} entries */
const oldestFirst = (journal, entries) => newestFirst(journal, entries).reverse();

/** An entry's heading: its date, its kind, and its name where it has one.
 * @param {Journal} journal @param {Entry} entry @param {number} [most] */
export function headingOf(journal, entry, most = Number.POSITIVE_INFINITY) {
  const kind = journal.kinds.get(entry.kind);
  const title = titleOf(journal, entry, most); // a file keeps the whole title; a page may cut it
  return `${formatDate(dateOf(journal, entry))} · ${kind.title}${title ? `: ${title}` : ""}`;
}

/** A field's answer as a file writes it; a date's answer and a link's (an entry's id) are text.
 * @param {Journal} journal @param {Entry} _entry @param {SpecItem} item @param {Answer} value */
const shown = (journal, _entry, item, value) =>
  item.type === "date"
    ? formatDate(/** @type {string} */ (value))
    : item.type === "link"
      ? t("linkedEntry", { title: linkName(journal, /** @type {string} */ (value)) })
      : displayAnswer(journal.spec, item, value);

/** A reader's text as Markdown keeps it: blank lines between paragraphs, and each line break
 * inside one a hard break (a backslash at the line's end, CommonMark), not joined into one line.
 * @param {string} text */
export const keepLines = (text) =>
  text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").join("\\\n"))
    .join("\n\n");

/** @type {Map<string, Entry>} */
let everyEntry = new Map(); // id -> entry, of the journal being exported: what a link names
/** @param {Journal} journal @param {string} id */
const linkName = (journal, id) => (everyEntry.has(id) ? headingOf(journal, /** @type {Entry} */ (everyEntry.get(id))) : t("linkGone"));

/** The journal as a Markdown document: each entry with a field besides its date, oldest first.
 * @param {Journal} journal @param {Entry[]} entries the period's @param {Entry[]} all what a link may name @param {JournalPeriod} period */
export function toMarkdown(journal, entries, all, period) {
  everyEntry = new Map(all.map((entry) => [entry.id, entry]));
  const lines = [`# ${journal.spec.title}`, "", t("exportedOn", { date: formatDate(today()) }), "", periodText(period), ""];
  for (const entry of oldestFirst(journal, entries)) {
    const fields = shownFields(journal, entry);
    if (!fields.length && !entry.prompt) continue; // answered entries only
    lines.push(`## ${headingOf(journal, entry)}`, "");
    if (entry.prompt) lines.push(`_${t("answering", { question: journal.prompts.get(entry.prompt).item.text })}_`, "");
    for (const [item, value] of fields) {
      const text = String(shown(journal, entry, item, value));
      if (item.type === "text" && item.id !== journal.kinds.get(entry.kind).entry.title)
        lines.push(`**${item.text}**`, "", keepLines(text), "");
      else lines.push(`**${item.text}:** ${text}`, "");
    }
    const tags = tagsText(journal, entry);
    if (tags) lines.push(`_${tags}_`, "");
  }
  return lines.join("\n");
}

/** The latest entry of each kind with agenda fields: what to raise next time, and when that is. */
/** @param {Journal} journal @param {Entry[]} entries */
function latestAgenda(journal, entries) {
  /** @type {Array<{ kind: JournalKind, entry: Entry }>} */
  const found = [];
  for (const kind of journal.kinds.values()) {
    if (!kind.entry.agenda.length) continue;
    const latest = newestFirst(
      journal,
      entries.filter((entry) => entry.kind === kind.id),
    )[0];
    if (latest) found.push({ kind, entry: latest });
  }
  return found;
}

/** "Agenda for our next meeting": what is still to do, overdue first, and the questions written for it.
 * @param {Journal} journal @param {Entry[]} entries @param {string} day */
export function agenda(journal, entries, day) {
  everyEntry = new Map(entries.map((entry) => [entry.id, entry]));
  const latest = latestAgenda(journal, entries);
  const next = latest.flatMap(({ kind, entry }) =>
    [...kind.items.values()]
      // a calendar item is a date: text
      .filter((item) => item.calendar && entry.fields[item.id] && /** @type {string} */ (entry.fields[item.id]).slice(0, 10) >= day)
      .map((item) => /** @type {string} */ (entry.fields[item.id])),
  )[0];
  const lines = [`# ${t("agenda")}`, ""];
  if (next) lines.push(formatDate(next), "");
  const open = stillToDo(journal, entries, day);
  lines.push(`## ${t("agendaOpen")}`, "");
  for (const entry of open) {
    const when = dueText(journal, entry, day);
    lines.push(`- ${titleOf(journal, entry, Number.POSITIVE_INFINITY) || journal.kinds.get(entry.kind).title}${when ? `: ${when}` : ""}`);
  }
  if (!open.length) lines.push(t("agendaNothingOpen"));
  lines.push("");
  for (const { kind, entry } of latest) {
    for (const id of kind.entry.agenda) {
      if (entry.fields[id] === undefined) continue;
      lines.push(`## ${kind.items.get(id).text}`, "", keepLines(/** @type {string} */ (entry.fields[id])), ""); // agenda items are texts
    }
  }
  return lines.join("\n");
}

/** An entry as a file holds it: what this journal shows of it, no empty parts. @param {Entry} entry */
const forFile = (entry) => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && value !== ""));

/** The JSON record (format 2) of these entries, as every questionnaire exports, with the reader's
 * choices (storage.js), so that a journal brought to another browser is the same journal.
 * @param {Journal} journal @param {Entry[]} entries @param {JournalPeriod} period @param {unknown[]} [choices] */
export function record(journal, entries, period, choices) {
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    questionnaire: journal.spec.id,
    version: journal.spec.version,
    title: journal.spec.title,
    exported_at: new Date().toISOString(),
    period: { from: period.from || null, to: period.to || null },
    answers: {},
    lists: { [LIST]: oldestFirst(journal, entries).map(forFile), [CHOICES]: choices },
  };
}

/**
 * Read a journal's file: { entries, markup } (how many hold text that looks like HTML, kept as
 * text), or { error } with a sentence for the reader. `kept`: how many entries the journal holds now.
 * @param {Journal} journal @param {File} file @param {number} kept
 */
export async function readEntriesFile(journal, file, kept) {
  if (file.size > MAX_FILE_BYTES) return { error: t("importJournalTooBig") };
  /** @type {unknown} */
  let data;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return { error: t("importJournalUnreadable") };
  }
  if (
    !isObject(data) ||
    data.format !== FORMAT ||
    typeof data.questionnaire !== "string" ||
    !isObject(data.lists) ||
    !Array.isArray(data.lists[LIST])
  ) {
    return { error: t("importNotJournal") };
  }
  if (data.format_version !== FORMAT_VERSION) return { error: t("importWrongVersion") };
  if (data.questionnaire !== journal.spec.id) return { error: t("importOtherJournal", { other: data.questionnaire.slice(0, 80) }) };
  const entries = /** @type {unknown[]} */ (data.lists[LIST]); // an array: checked above
  if (!entries.length) return { error: t("importNoEntries") };
  if (entries.length + kept > MAX_ITEMS) return { error: t("importTooMany", { most: MAX_ITEMS }) };
  const ids = new Set();
  for (const [index, entry] of entries.entries()) {
    const wrong = problemOf(journal, entry, true);
    if (wrong) return { error: t("importBadEntry", { n: index + 1, problem: t(wrong.key, { value: wrong.value }) }) };
    // problemOf found nothing wrong: an entry, with an id and fields
    if (ids.has(/** @type {ReadEntry} */ (entry).id)) return { error: t("importDuplicate", { id: /** @type {ReadEntry} */ (entry).id }) };
    ids.add(/** @type {ReadEntry} */ (entry).id);
  }
  const markup = entries.filter((entry) =>
    Object.values(/** @type {ReadEntry} */ (entry).fields).some((v) => typeof v === "string" && MARKUP.test(v)),
  ).length;
  return { entries, markup, choices: data.lists[CHOICES] }; // checked as they are kept (storage.js)
}
