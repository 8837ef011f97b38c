// Export answers to a file the reader keeps (JSON to import again, Markdown to
// read and share), and read a JSON file back. An imported file is data, never
// code: only answers that fit the questionnaire survive.

import { displayAnswer } from "./answers.js";
import { formatDate, formatList, today } from "./format.js";
import { arrivingProblem, readableItem } from "./kept.js";
import { openLists, validList } from "./lists.js";
import { t } from "./messages.js";
import { summary as bands } from "./results/bands.js";
import { summary as levels } from "./results/levels.js";
import { summary as profile } from "./results/profile.js";
import { validAnswers } from "./scoring.js";
import { isObject } from "./util.js";

// Loaded by itself when the reader first exports or imports (a page's runtime need not carry
// it): in its own bundle it has its own copy of the sentences, which the page hands it here.
export { useCatalogue } from "./messages.js";

/** @typedef {import("./lists.js").Item} Item */

export const FORMAT = "mentorkit-answers";
// 2: the lists the reader keeps beside the answers travel too. Files of version 1 still import.
export const FORMAT_VERSION = 2;
const MAX_BYTES = 1024 * 1024;
const MAX_DEPTH = 100;

/**
 * The answers and their results: what a reader hands in (a programme lead's cohort report reads
 * these), holding nothing of anyone else's. With `backup`, every list kept with them too (attempts,
 * other people's views with their names, entries), to carry to another browser: the reader's own
 * copy, never what they hand in (scope: the site's, see store.js).
 * @param {Spec} spec @param {Answers} answers @param {Result} result @param {string} scope @param {{ backup?: boolean }} [options]
 */
export function exportRecord(spec, answers, result, scope, { backup = false } = {}) {
  /** @type {Record<string, Item[]>} */
  const lists = {};
  if (backup) {
    // storage is read only for a backup, each list once
    const kept = openLists(spec, scope);
    for (const name of LIST_NAMES) {
      const items = kept.all(name);
      if (items.length) lists[name] = items;
    }
  }
  return {
    format: FORMAT,
    format_version: FORMAT_VERSION,
    questionnaire: spec.id,
    version: spec.version,
    title: spec.title,
    exported_at: new Date().toISOString(),
    answers: { ...answers },
    results: result,
    lists,
  };
}

// The lists a record may hold; a file's other keys are not read.
export const LIST_NAMES = ["attempts", "views", "entries"];

/** Merge a file's lists into those kept here, by id (an item already here stays as it is).
 * @param {Spec} spec @param {string} scope @param {Record<string, unknown[]>} lists */
export function importLists(spec, scope, lists) {
  const kept = openLists(spec, scope);
  let added = 0;
  let saved = true;
  /** @type {Record<string, number>} */
  const each = {}; // list name -> how many of its items were added
  for (const [name, items] of Object.entries(lists)) {
    const done = kept.merge(name, items);
    added += done.added;
    if (done.added) each[name] = done.added;
    saved &&= done.saved;
  }
  return { added, saved, each };
}

// What one kept item of each list is called in a sentence (candidates: attempts side by side).
/** @type {Record<string, string>} */
const ADDED = { attempts: "addedAttempts", views: "addedViews", entries: "addedEntries" };

/** "2 attempts and 1 other person's view": what an import added, each list by its own name.
 * @param {Spec} spec @param {Record<string, number>} each */
export function addedWords(spec, each) {
  /** @param {string} name */
  const words = (name) => (name === "attempts" && spec.attempts?.compare === "side-by-side" ? "addedCandidates" : ADDED[name]);
  return formatList(
    Object.entries(each)
      .filter(([name]) => words(name))
      .map(([name, n]) => t(words(name), { n })),
  );
}

// Each method's summary takes its own spec and result: the spec's method picks the one that fits.
const SUMMARIES = /** @type {Record<string, (spec: Spec, result: Result, root?: ParentNode) => string[]>} */ ({
  levels,
  bands,
  profile,
  none: () => [],
});

/** The results as Markdown lines, by the questionnaire's scoring method (root: the page's questionnaire,
 * whose build-rendered next steps a levels summary carries). @param {Spec} spec @param {Result} result @param {ParentNode} [root] */
export const summary = (spec, result, root) => SUMMARIES[spec.scoring.method](spec, result, root);

/** The answers as a Markdown document: a diary entry, an agreement, a record of results.
 * @param {Spec} spec @param {Answers} answers @param {string[]} summaryLines */
export function toMarkdown(spec, answers, summaryLines) {
  const lines = [`# ${spec.title}`, "", t("exportedOn", { date: formatDate(today()) }), ""];
  if (summaryLines.length) lines.push(...summaryLines, "");
  for (const group of spec.groups) {
    lines.push(`## ${group.title}`, "");
    for (const item of group.items) {
      lines.push(`**${item.text}**`, "", displayAnswer(spec, item, answers[item.id]) ?? `_${t("notAnswered")}_`, "");
    }
  }
  return lines.join("\n");
}

/**
 * Save a file the page made. A browser lets a page start a download only shortly after the
 * reader's click (user activation): where the code arrived after that had lapsed (a slow
 * connection, a busy phone), the click is not dropped but the file is offered as a link to
 * click, through `offer`, which places it where the reader is told.
 * @param {string} filename @param {string} text @param {string} type
 * @param {(link: HTMLAnchorElement) => void} [offer]
 */
export function download(filename, text, type, offer) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  if (offer && navigator.userActivation && !navigator.userActivation.isActive) {
    link.className = "md-button";
    link.textContent = t("fileReady", { name: filename });
    link.addEventListener("click", () => setTimeout(() => link.remove(), 0), { once: true }); // one file, once
    offer(link);
    return;
  }
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** More than MAX_DEPTH arrays and objects inside each other: mentorkit report refuses such a file (Python's reader recurses). */
/** @param {string} json */
function tooDeep(json) {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      while (++i < json.length && json[i] !== '"') if (json[i] === "\\") i++; // a string's brackets are text
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === "]" || c === "}") depth--;
  }
  return false;
}

/**
 * Read an answers file as mentorkit report does: UTF-8 (with or without a byte order mark),
 * JSON, format version 1 or 2. Resolves to { answers, lists, ignored } or { error } with a
 * sentence for the reader; never throws, whatever the file holds.
 * @param {Spec} spec @param {File} file
 */
export async function readAnswersFile(spec, file) {
  if (file.size > MAX_BYTES) return { error: t("importTooBig") };
  let record, text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    record = JSON.parse(text);
  } catch {
    return { error: t("importUnreadable") };
  }
  if (
    !isObject(record) ||
    record.format !== FORMAT ||
    !isObject(record.answers) ||
    typeof record.questionnaire !== "string" ||
    tooDeep(text)
  ) {
    return { error: t("importWrongFormat") };
  }
  const version = record.format_version === undefined ? 1 : record.format_version;
  if (version !== 1 && version !== FORMAT_VERSION) return { error: t("importWrongVersion") };
  if (record.questionnaire !== spec.id) {
    return { error: t("importWrongQuestionnaire", { other: record.questionnaire.slice(0, 80) }) };
  }
  const answers = validAnswers(spec, record.answers);
  const incoming = Object.keys(answers).length;
  /** @type {Record<string, Item[]>} */
  const lists = {};
  if (version === 2 && isObject(record.lists)) {
    for (const name of LIST_NAMES) {
      // Names and labels arrive readable (their format characters removed), then are checked.
      const items = validList(record.lists[name]).map((item) => readableItem(name, item));
      if (items.length) lists[name] = items;
    }
  }
  // Attempts and other views are checked for content too: one that does not fit refuses the file.
  // Only the lists this page keeps and shows are taken: a questionnaire page keeps no journal
  // entries (the journal's page imports those), and one without attempts or other views keeps
  // neither. The rest is left out and counted, and the answers still import.
  /** @type {Record<string, boolean>} */
  const shown = { attempts: Boolean(spec.attempts), views: Boolean(spec.observer) };
  let refused = 0;
  for (const name of Object.keys(lists).filter((name) => !shown[name])) {
    refused += lists[name].length;
    delete lists[name];
  }
  const problem = arrivingProblem(spec, lists);
  if (problem) return { error: t(problem) };
  if (!incoming && !Object.keys(lists).length) return { error: t("importEmpty") };
  return { answers, lists, ignored: Object.keys(record.answers).length - incoming, refused };
}
