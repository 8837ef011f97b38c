// What a part of a questionnaire's page tells the page it sits in, as events on the part's own
// element (the ground floor: both sides import the names, neither imports the other).

/** A notice for the page to say: `detail` holds its sentences. */
export const SAY = "mentorkit:say";
/** The stored answers were replaced (an attempt taken back, answers cleared): the page reads them again. */
export const ANSWERS_REPLACED = "mentorkit:answers-replaced";
/** What the part shows, as Markdown lines for the page's export: `detail` holds them. */
export const LINES = "mentorkit:lines";

/** Tell the page `name` (one of the above) on `part`, with `detail`.
 * @param {EventTarget} part @param {string} name @param {unknown} [detail] */
export const emit = (part, name, detail) => part.dispatchEvent(new CustomEvent(name, { detail }));
