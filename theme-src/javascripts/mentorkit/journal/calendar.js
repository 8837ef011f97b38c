// "Add to calendar" without a server: an iCalendar file (RFC 5545) that the reader's calendar
// application imports. Lines end in CRLF and are folded at 75 octets (never inside a character's
// UTF-8 bytes); text escapes backslash, semicolon, comma and line breaks. A date alone is an
// all-day event (DTEND the day after: it is exclusive); a date with a time is a timed event of an
// hour in the reader's own time zone ("floating" time: no zone is named, so none can be wrong).

const encoder = new TextEncoder();

/** TEXT as RFC 5545 writes it (3.3.11): control characters other than a tab and a line break
 * are not allowed in it (3.1, CONTROL), and are left out. */
export const escapeText = (text) =>
  text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a calendar line may hold none (RFC 5545)
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");

/** One content line, folded: no line longer than 75 octets, each continuation starting with a space (3.1). */
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

const compact = (day) => day.replaceAll("-", "");

function nextDay(day) {
  // a journal's years have four digits (scoring.js): Date.UTC reads them as they are
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** "20260302T101500Z": an instant in UTC, as DTSTAMP wants it. */
export const utcStamp = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");

/**
 * A calendar of one event. start: "YYYY-MM-DD" (all day) or "YYYY-MM-DDTHH:MM" (an hour from then).
 * uid: unique and stable for this event (the same event exported twice updates, not duplicates).
 */
export function calendar({ uid, start, summary, description = "", url = "", now = new Date() }) {
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
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
