// Every sentence the runtime shows, in one place, so that it can be translated.
// Placeholders in braces are filled by format().

export const messages = {
  progress: "{answered} of {total} answered",
  storageUnavailable: "Your browser is not letting this site save anything, so your answers last only until you leave this page. Export them to keep a copy.",
  storageFull: "Your answers could not be saved: the browser's storage is full or blocked. They last only until you leave this page. Export them to keep a copy.",
  storageCorrupt: "Saved answers for this questionnaire could not be read and were set aside. You can start afresh.",
  migrated: "This questionnaire has changed since you last answered it. {kept} of your answers still apply and were kept; {dropped} no longer fit (a statement was removed or the scale changed) and were dropped.",
  confirmReset: "Clear all your answers to this questionnaire? This cannot be undone (export first if you want a copy).",
  cleared: "All answers cleared.",
  importTooBig: "That file is too large to be an answers file (over 1 MB). Nothing was changed.",
  importUnreadable: "That file is not an answers file from this site (it could not be read as JSON). Nothing was changed.",
  importWrongFormat: "That file is not an answers file from this site. Nothing was changed.",
  importWrongQuestionnaire: "That file holds answers to another questionnaire (\u201c{other}\u201d). Nothing was changed.",
  importEmpty: "That file holds no answers that fit this questionnaire. Nothing was changed.",
  confirmImport: "Replace your {current} current answers with the {incoming} answers in the file?",
  importCancelled: "Import cancelled. Your answers are unchanged.",
  imported: "Imported {incoming} answers.",
  importIgnored: " {ignored} entries in the file did not fit this questionnaire and were ignored.",
  resultsIncomplete: "Answer every statement to see your overall level: {left} still to go.",
  overallLevel: "Your overall level: {level}",
  overallNone: "Your overall level: not yet {first}",
  overallRule: "Your overall level is the highest level you reached in at least {count} of the {total} {noun}.",
  notYet: "Not yet {first}",
  incomplete: "Incomplete",
  incompleteDetail: "Incomplete: {answered} of {total} answered",
  chartTitle: "Level reached in each of the {noun}",
  tableCaption: "Your level in each of the {noun}",
  columnLevel: "Level reached",
  columnAnswered: "Answered",
  planTitle: "Your development plan",
  planIntro: "For each of the {noun}, the statements of the next level up that you do not yet meet.",
  planIncomplete: "Answer the remaining {left} statements here to get a plan.",
  planTop: "You reached the highest level here. Keep reflecting on your practice with supervision.",
  planNext: "Towards {level}:",
  guidanceLink: "Guidance on {title}",
};

export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

export function t(key, values) {
  return format(messages[key], values);
}
