// Dates as a journal keeps them ("YYYY-MM-DD", with "THH:MM" where an item asks for a time of day),
// read as dates in the reader's own time zone and shown in the reader's own format, and the
// months, quarters and years that evidence targets are counted in.

import { t } from "../messages.js";

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The reader's date today, as the journal writes dates. */
export function today(now = new Date()) {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The reader's local date of an instant written as an ISO time (a record's "saved"). */
export const localDay = (stamp) => today(new Date(stamp));

/** A journal date (with or without a time) as a Date in the reader's time zone. */
export function asDate(value) {
  const [day, time = "00:00"] = value.split("T");
  const [year, month, date] = day.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(year, month - 1, date, hours, minutes); // four-digit years (scoring.js): read as they are
}

let longDate = null;
let longDateTime = null;

/** A date as the reader's browser writes dates ("2 March 2026", "March 2, 2026", "2 mars 2026"). */
export function formatDate(value) {
  if (!value) return "";
  longDate ??= new Intl.DateTimeFormat(undefined, { dateStyle: "long" });
  longDateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });
  return (value.includes("T") ? longDateTime : longDate).format(asDate(value));
}

const SPANS = { month: 1, quarter: 3, year: 12 };

function startOf(day, per) {
  const [year, month] = day.split("-").map(Number);
  const first = per === "year" ? 1 : per === "quarter" ? month - ((month - 1) % 3) : month;
  return `${pad(year, 4)}-${pad(first)}-01`;
}

function addMonths(day, months) {
  const [year, month] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

function label(start, per) {
  const [year, month] = start.split("-").map(Number);
  if (per === "year") return String(year);
  if (per === "quarter") return t("quarterLabel", { quarter: (month + 2) / 3, year });
  return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" }).format(asDate(start));
}

/** The months, quarters or years that meet the days from `from` to `to` (both included), oldest first:
 * { start, end (the first day after it), label }. At most `most` of them, the latest. */
export function periods(from, to, per, most = 60) {
  const found = [];
  for (let start = startOf(from, per); start <= to; start = addMonths(start, SPANS[per])) {
    found.push({ start, end: addMonths(start, SPANS[per]), label: label(start, per) });
  }
  return found.slice(-most);
}
