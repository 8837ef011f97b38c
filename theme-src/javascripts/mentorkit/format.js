// Dates, times and numbers as the page's language and region write them: the one place the runtime
// formats either. The build names the page's locale (its language, with the region a site may set:
// "en-GB", "fr-FR") in the catalogue it writes into each questionnaire (messages.js hands it here);
// every formatter is made once per locale and kept. A "day" is the reader's own calendar day,
// written as the journal and file names write it (YYYY-MM-DD); an instant a record keeps (its
// "at", "saved") is an ISO time in UTC, shown as the reader's local day.

let locale = "en";
const made = new Map(); // "kind options" -> its Intl formatter, for the locale in use

/** Set the page's locale; formatters of another locale are dropped. @param {string | undefined} tag */
export function useLocale(tag) {
  if (!tag || tag === locale) return;
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return; // not a locale at all: the build warns of an unknown region, the page keeps its language
  }
  locale = tag;
  made.clear();
}

export const pageLocale = () => locale;

/** @template T @param {string} key @param {() => T} make @returns {T} */
function cached(key, make) {
  if (!made.has(key)) made.set(key, make());
  return made.get(key);
}

// "min2": 12,345 but 2026, so that a year reads as a year (older engines read any string as true).
const grouping = /** @type {any} */ ("min2");
/** @param {number} digits @returns {Intl.NumberFormat} */
const numbers = (digits) =>
  cached(`n${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: grouping }));
/** @returns {Intl.NumberFormat} */
const means = () => cached("m", () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
/** @returns {Intl.NumberFormat} */
const shares = () => cached("p", () => new Intl.NumberFormat(locale, { style: "percent" }));
/** @param {boolean} time @param {"long" | "medium"} style @returns {Intl.DateTimeFormat} */
const dates = (time, style) =>
  cached(`d${time}${style}`, () => new Intl.DateTimeFormat(locale, time ? { dateStyle: style, timeStyle: "short" } : { dateStyle: style }));
/** @returns {Intl.ListFormat} */
const lists = () => cached("l", () => new Intl.ListFormat(locale, { type: "conjunction" }));
/** @returns {Intl.DateTimeFormat} */
const months = () => cached("y", () => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" }));

/** A number as the page writes it: 2.5, 2,5 in French; a four-digit number (a year) ungrouped.
 * @param {number} value @param {number} [digits] */
export const formatNumber = (value, digits = 2) => numbers(digits).format(value);

/** The page's decimal sign: "." in English, "," in French. */
export const decimalSign = () => cached("s", () => numbers(1).format(1.5).charAt(1));

/** A mean, always with one decimal: 2.0, 2,5. @param {number | null} value */
export const formatMean = (value) => (value === null ? "" : means().format(value));

/** A share: 50%, 50 % in French. @param {number} value */
export const formatShare = (value) => shares().format(value);

/** A language's name as the page's language writes it: "anglais" for "en" on a French page.
 * @param {string} code */
export const languageName = (code) => cached("names", () => new Intl.DisplayNames(locale, { type: "language" })).of(code) ?? code;

/** @param {number} n @param {number} [width] */
const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The reader's own calendar day (not the UTC one), as days are written: YYYY-MM-DD. */
export const today = (now = new Date()) => `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** The reader's local day of an instant kept as an ISO time. @param {string} stamp */
export const localDay = (stamp) => today(new Date(stamp));

/** A day, with or without a time of day ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM"), as a Date in the reader's time zone.
 * @param {string} value */
export function asDate(value) {
  const [day, time = "00:00"] = value.split("T");
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(year, month - 1, date, hours, minutes); // four-digit years (scoring.js): read as they are
}

/** A day (with its time, if it has one) as the page writes dates: "12 January 2027, 14:00"; in a
 * list to scan, "medium": "12 Jan 2027", "12 janv. 2027".
 * @param {string | null | undefined} value @param {"long" | "medium"} [style] */
export function formatDate(value, style = "long") {
  if (!value) return "";
  return dates(value.includes("T"), style).format(asDate(value));
}

/** The reader's local day of a kept instant, written as the page writes dates. @param {string} stamp */
export const formatMoment = (stamp) => formatDate(localDay(stamp));

/** Names in a sentence: "A, B and C", "A, B et C". @param {string[]} names */
export const formatList = (names) => lists().format(names);

/** A month and its year: "January 2027", "janvier 2027". @param {string} day */
export const formatMonth = (day) => months().format(asDate(day));

/** A label as part of a file name: accents dropped, lowercase letters and digits joined by single
 * hyphens, at most 40 characters; "" when nothing of it is left. files.file_slug is the same rule.
 * @param {string} label */
export const fileSlug = (label) =>
  label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
