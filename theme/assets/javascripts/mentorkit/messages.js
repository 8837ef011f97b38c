// Every sentence the runtime shows, in one place, so that it can be translated.
// Placeholders in braces are filled by format(); {n:one|other} picks the word
// that agrees with the number n.

export const messages = {
  progress: "{answered} of {total} answered",
  storageUnavailable: "Your browser is not letting this site save anything, so your answers last only until you leave this page. Export them to keep a copy.",
  storageFull: "Your answers could not be saved: the browser's storage is full or blocked. They last only until you leave this page. Export them to keep a copy.",
  storageCorrupt: "Saved answers for this questionnaire could not be read and were set aside. You can start afresh.",
  migrated: "This questionnaire has changed since you last answered it. {kept} of your answers still {kept:applies|apply} and {kept:was|were} kept; {dropped} no longer {dropped:fits|fit} (a question was removed or changed) and {dropped:was|were} dropped.",
  confirmReset: "Clear all your answers to this questionnaire? This cannot be undone (export first if you want a copy).",
  cleared: "All answers cleared.",
  changedElsewhere: "Your answers were changed in another tab or window; this page now shows them.",
  importTooBig: "That file is too large to be an answers file (over 1 MB). Nothing was changed.",
  importUnreadable: "That file is not an answers file from this site (it could not be read as JSON). Nothing was changed.",
  importWrongFormat: "That file is not an answers file from this site. Nothing was changed.",
  importWrongQuestionnaire: "That file holds answers to another questionnaire (\u201c{other}\u201d). Nothing was changed.",
  importEmpty: "That file holds no answers that fit this questionnaire. Nothing was changed.",
  confirmImport: "Replace your {current} current {current:answer|answers} with the {incoming} {incoming:answer|answers} in the file?",
  importCancelled: "Import cancelled. Your answers are unchanged.",
  imported: "Imported {incoming} {incoming:answer|answers}.",
  importIgnored: "{ignored} {ignored:entry|entries} in the file did not fit this questionnaire and {ignored:was|were} ignored.",
  resultsIncomplete: "Answer every statement to see your overall result: {left} still to go.",
  overallLevel: "Your overall level: {level}",
  overallNone: "Your overall level: not yet {first}",
  overallRule: "Your overall level is the highest level you reached in at least {count} of the {total} {noun}.",
  overallBand: "Overall: {band}",
  bandsRule: "Each band comes from the mean of your answers; the overall band from the mean of all {noun}.",
  meanChartTitle: "Mean answer in each of the {noun}",
  rankChartTitle: "The {noun}, from most to least used",
  profileMost: "Used most: {names}",
  profileLeast: "Used least: {names}",
  profileRule: "The {noun} are ranked by the mean of your answers. This is a profile, not a judgement.",
  profileFocusTitle: "Worth trying more often",
  focusTitle: "Where to start",
  focusNone: "Nothing stands out as a weakness here. Keep doing what works.",
  focusSoFar: "Answer every statement to see where to start.",
  columnBand: "Result",
  columnMean: "Mean",
  columnRank: "Rank",
  notAnswered: "Not answered yet",
  numberBetween: "Enter a number from {min} to {max}. This answer is not saved until then.",
  numberFrom: "Enter a number of at least {min}. This answer is not saved until then.",
  numberUpTo: "Enter a number of at most {max}. This answer is not saved until then.",
  dateInvalid: "Enter a real date. This answer is not saved until then.",
  exportedOn: "Exported on {date}",
  notYet: "Not yet {first}",
  incomplete: "Incomplete",
  chartTitle: "Level reached in each of the {noun}",
  tableCaption: "Your results for each of the {noun}",
  columnLevel: "Level reached",
  columnAnswered: "Answered",
  planTitle: "Your development plan",
  planIntro: "For each of the {noun}, the statements of the next level up that you do not yet meet.",
  planIncomplete: "Incomplete: answer the remaining {left} {left:statement|statements} here to get a plan.",
  planTop: "You reached the highest level here. Keep reflecting on your practice with supervision.",
  planNext: "Towards {level}:",
  guidanceLink: "Guidance on {title}",
};

export function format(template, values = {}) {
  return template.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (whole, name, one, other) => {
    if (!(name in values)) return whole;
    if (one === undefined) return String(values[name]);
    return values[name] === 1 ? one : other;
  });
}

export function t(key, values) {
  return format(messages[key], values);
}
