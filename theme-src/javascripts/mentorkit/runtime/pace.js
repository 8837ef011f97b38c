// One group at a time, in a bundle of its own: loaded by pacing.js only when the reader takes
// a questionnaire that way.
export * from "../pace.js";
