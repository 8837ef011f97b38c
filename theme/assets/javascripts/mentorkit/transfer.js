// Export answers to a JSON file the reader keeps, and read such a file back.
// An imported file is data, never code: only answers that fit the questionnaire survive.

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
    answers,
    results: result,
  };
}

export function download(spec, record) {
  const blob = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${spec.id}-answers-${record.exported_at.slice(0, 10)}.json`;
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
  if (!record || typeof record !== "object" || record.format !== FORMAT || !record.answers || typeof record.answers !== "object" || Array.isArray(record.answers)) {
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
