// Export answers to a file the reader keeps (JSON to import again, Markdown to
// read and share), and read a JSON file back. An imported file is data, never
// code: only answers that fit the questionnaire survive.

import { displayAnswer } from "./answers.js";
import { validAnswers } from "./scoring.js";
import { t } from "./messages.js";

export const FORMAT = "mentorkit-answers";
const MAX_BYTES = 1024 * 1024;

export function exportRecord(spec, answers, result) {
  return {
    format: FORMAT,
    format_version: 1,
    questionnaire: spec.id,
    version: spec.version,
    title: spec.title,
    exported_at: new Date().toISOString(),
    answers: { ...answers },
    results: result,
  };
}

/** The answers as a Markdown document: a diary entry, an agreement, a record of results. */
export function toMarkdown(spec, answers, summaryLines) {
  const lines = [`# ${spec.title}`, "", t("exportedOn", { date: new Date().toISOString().slice(0, 10) }), ""];
  if (summaryLines.length) lines.push(...summaryLines, "");
  for (const group of spec.groups) {
    lines.push(`## ${group.title}`, "");
    for (const item of group.items) {
      lines.push(`**${item.text}**`, "", displayAnswer(spec, item, answers[item.id]) ?? `_${t("notAnswered")}_`, "");
    }
  }
  return lines.join("\n");
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Read an answers file. Resolves to { answers, ignored } or { error } with a
 * sentence for the reader; never throws.
 */
export async function readAnswersFile(spec, file) {
  if (file.size > MAX_BYTES) return { error: t("importTooBig") };
  let record;
  try {
    record = JSON.parse(await file.text());
  } catch {
    return { error: t("importUnreadable") };
  }
  if (!record || typeof record !== "object" || record.format !== FORMAT || !record.answers
      || typeof record.answers !== "object" || Array.isArray(record.answers)) {
    return { error: t("importWrongFormat") };
  }
  if (record.questionnaire !== spec.id) {
    return { error: t("importWrongQuestionnaire", { other: String(record.questionnaire).slice(0, 80) }) };
  }
  const answers = validAnswers(spec, record.answers);
  const incoming = Object.keys(answers).length;
  if (!incoming) return { error: t("importEmpty") };
  return { answers, ignored: Object.keys(record.answers).length - incoming };
}
