// The months, quarters and years that a journal's evidence targets are counted in, over days as a
// journal keeps them ("YYYY-MM-DD"; reading and writing them is format.js's), and when an open
// entry is due, in words.

import { formatDate, formatMonth } from "../format.js";
import { t } from "../messages.js";
import { dueOf, statusOf } from "./entries.js";

/** @param {number} n @param {number} [width] */
const pad = (n, width = 2) => String(n).padStart(width, "0");

/** @type {Record<string, number>} */
const SPANS = { month: 1, quarter: 3, year: 12 };

/** @param {string} day @param {string} per */
function startOf(day, per) {
  const [year, month] = day.split("-").map(Number);
  const first = per === "year" ? 1 : per === "quarter" ? month - ((month - 1) % 3) : month;
  return `${pad(year, 4)}-${pad(first)}-01`;
}

/** @param {string} day @param {number} months */
function addMonths(day, months) {
  const [year, month] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/** @param {string} start @param {string} per */
function label(start, per) {
  const [year, month] = start.split("-").map(Number);
  if (per === "year") return String(year);
  if (per === "quarter") return t("quarterLabel", { quarter: (month + 2) / 3, year: String(year) });
  return formatMonth(start);
}

/** The months, quarters or years that meet the days from `from` to `to` (both included), oldest first:
 * { start, end (the first day after it), label }. At most `most` of them, the latest.
 * @param {string} from @param {string} to @param {string} per a target's: "month", "quarter" or "year" @param {number} [most] */
export function periods(from, to, per, most = 60) {
  /** @type {Array<{ start: string, end: string, label: string }>} */
  const found = [];
  for (let start = startOf(from, per); start <= to; start = addMonths(start, SPANS[per])) {
    found.push({ start, end: addMonths(start, SPANS[per]), label: label(start, per) });
  }
  return found.slice(-most);
}

/** Whole days from `day` to `other` ("YYYY-MM-DD", or with a time, read as its day): 3 for three days later, -2 for two days before.
 * @param {string} day @param {string} other */
export function daysFrom(day, other) {
  /** @param {string} value */
  const utc = (value) => {
    const [year, month, date] = value.slice(0, 10).split("-").map(Number);
    return Date.UTC(year, month - 1, date); // days as days, whatever the clocks did between them
  };
  return Math.round((utc(other) - utc(day)) / 86_400_000);
}

const SOON = 14; // days: a due date nearer than this is also said as "in 3 days"

/** When an open entry is due, in words: "2 days overdue (due 3 December 2026)", "Due in 3 days (…)".
 * On its row (`row`), an overdue entry's badge says how late it is, and this says "Due 3 December 2026".
 * @param {Journal} journal @param {Entry} entry @param {string} day @param {boolean} [row] */
export function dueText(journal, entry, day, row = false) {
  const due = dueOf(journal, entry);
  if (!due || statusOf(journal, entry) !== "open") return "";
  const days = daysFrom(day, due);
  const date = formatDate(due, row ? "medium" : "long");
  if (days < 0) return row ? t("dueOn", { date }) : t("overdueBy", { days: -days, date });
  if (days === 0) return t("dueToday", { date });
  if (days === 1) return t("dueTomorrow", { date });
  return days < SOON ? t("dueIn", { days, date }) : t("dueOn", { date });
}
