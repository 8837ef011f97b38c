// "Add to calendar" without a server: an iCalendar file (RFC 5545) that the reader's calendar
// application imports. Lines end in CRLF and are folded at 75 octets (never inside a character's
// UTF-8 bytes); text escapes backslash, semicolon, comma and line breaks. A date alone is an
// all-day event (DTEND the day after: it is exclusive); a date with a time is a timed event of an
// hour in the reader's own time zone ("floating" time: no zone is named, so none can be wrong).
// What the button says, the event's title and its alarm come from the journal's YAML (calendarOf).

import { displayAnswer } from "../answers.js";
import { formatDate } from "../format.js";
import { t } from "../messages.js";
import { nameOf } from "./entries.js";

const encoder = new TextEncoder();

/** TEXT as RFC 5545 writes it (3.3.11): control characters other than a tab and a line break
 * are not allowed in it (3.1, CONTROL), and are left out. @param {string} text */
export const escapeText = (text) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a calendar line may hold none (RFC 5545)
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");

/** One content line, folded: no line longer than 75 octets, each continuation starting with a space (3.1).
 * @param {string} line */
export function fold(line) {
  const lines = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    // by code point: a character's bytes are never split
    const size = encoder.encode(character).length;
    if (octets + size > 75) {
      lines.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join("\r\n");
}

/** @param {string} day */
const compact = (day) => day.replaceAll("-", "");

/** @param {string} day */
function nextDay(day) {
  // a journal's years have four digits (scoring.js): Date.UTC reads them as they are
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** "20260302T101500Z": an instant in UTC, as DTSTAMP wants it. @param {Date} date */
export const utcStamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

/** Minutes as an RFC 5545 duration (3.3.6), in the largest unit that says them whole: P1W, P2D, PT1H, PT90M.
 * @param {number} minutes */
export function duration(minutes) {
  if (minutes % 10080 === 0) return `P${minutes / 10080}W`;
  if (minutes % 1440 === 0) return `P${minutes / 1440}D`;
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/**
 * A calendar of one event. start: "YYYY-MM-DD" (all day) or "YYYY-MM-DDTHH:MM" (an hour from then).
 * uid: unique and stable for this event (the same event exported twice updates, not duplicates).
 * @param {{ uid: string, start: string, summary: string, description?: string, url?: string, remind?: number, now?: Date }} event
 */
export function calendar({ uid, start, summary, description = "", url = "", remind = 0, now = new Date() }) {
  const [day, time] = start.split("T");
  const when = time
    ? [`DTSTART:${compact(day)}T${time.replace(":", "")}00`, "DURATION:PT1H"]
    : [`DTSTART;VALUE=DATE:${compact(day)}`, `DTEND;VALUE=DATE:${compact(nextDay(day))}`];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//mentorkit//journal//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(now)}`,
    ...when,
    `SUMMARY:${escapeText(summary)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    ...(remind
      ? ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(summary)}`, `TRIGGER:-${duration(remind)}`, "END:VALARM"]
      : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

const PLACE = /\{([^{}]*)\}/g;

/** A file name from an event's title and day: "mentoring-with-jordan-2026-12-08.ics".
 * @param {string} summary @param {string} start */
export function fileName(summary, start) {
  const words = summary
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  // at most 60 characters, cut between words: a file's name is read, never a word's half
  const short = words.length > 60 ? words.slice(0, 61).replace(/-[^-]*$/, "") : words;
  return `${short ? `${short}-` : ""}${start.slice(0, 10)}.ics`;
}

/**
 * How the date `item` of `entry` goes into a calendar, as the journal's YAML words it: the button's
 * words, the event's title (its {item-id} filled in from the entry's answers; when one is not
 * answered, the entry's kind and title instead), the alarm's minutes before it, and a file name.
 * @param {Journal} journal @param {Entry} entry @param {SpecItem} item a date item of the entry's kind, offered as a calendar event
 */
export function calendarOf(journal, entry, item) {
  const words = /** @type {CalendarSpec} */ (item.calendar === true ? {} : item.calendar); // a calendar item: one or the other
  const kind = journal.kinds.get(entry.kind);
  /** @param {string} id @returns {string | null} */
  const answer = (id) => {
    const raw = entry.fields[id];
    if (raw === undefined || raw === "") return null;
    const own = kind.items.get(id); // answered: an item of the kind (clean keeps no other field)
    return own.type === "date"
      ? formatDate(/** @type {string} */ (raw))
      : String(displayAnswer(journal.spec, own, raw))
          .trim()
          .split("\n")[0];
  };
  const names = words.event ? [...words.event.matchAll(PLACE)].map((match) => answer(match[1])) : [];
  // Each place filled (none null: just checked), or the entry's name.
  const summary =
    words.event && !names.includes(null)
      ? words.event.replace(PLACE, (_, /** @type {string} */ id) => /** @type {string} */ (answer(id)))
      : nameOf(journal, entry);
  const start = /** @type {string | undefined} */ (entry.fields[item.id]); // a date: text
  return {
    button: words.button || t("addToCalendar", { what: nameOf(journal, entry) }),
    summary,
    remind: words.remind || 0,
    file: fileName(summary, start || ""),
  };
}
