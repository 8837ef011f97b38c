// Attempts, other people's views and the cohort, in a bundle of their own: loaded by
// results-drawing.js only when the reader reaches the results of a questionnaire that declares them.
export * from "../growth/part.js";
