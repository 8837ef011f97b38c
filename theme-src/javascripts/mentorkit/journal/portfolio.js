// The journal on paper, as a portfolio to hand to a supervisor, a review or an accreditor: a front
// page (who, their role, the programme, the period; entries and hours by kind and by tag), then
// every entry of the period in date order, one table each; a link to another entry is written as
// that entry's date and name (paper cannot be clicked). Built just before printing.

import { displayAnswer } from "../answers.js";
import { el, table } from "../dom.js";
import { formatDate, today } from "../format.js";
import { t } from "../messages.js";
import { dateOf, nameOf, newestFirst, shownFields, tagTitles, titleOf } from "./entries.js";
import { periodText } from "./exports.js";
import { amount, hoursOf, summaryView } from "./summary.js";

/** The programme's name, as the site's header shows it (an element's textContent is text), or the
 * title's last part (split: never empty). @returns {string} */
const programme = () =>
  /** @type {{ textContent: string } | null} */ (
    document.querySelector(".md-header__topic:first-child .md-ellipsis")
  )?.textContent.trim() || /** @type {string} */ (document.title.split(" - ").pop());

/** A field's answer on paper: a link as the date and name of the entry it names.
 * @param {Journal} journal @param {SpecItem} item @param {Answer} raw @param {Map<string, Entry>} byId */
function value(journal, item, raw, byId) {
  if (item.type === "link") {
    const target = byId.get(/** @type {string} */ (raw)); // a link's answer: an entry's id
    return target ? `${formatDate(dateOf(journal, target))}, ${nameOf(journal, target)}` : t("linkGone");
  }
  return String(displayAnswer(journal.spec, item, raw));
}

/** One entry as a table: its date, kind and whole title as the caption, then each answered field.
 * @param {Journal} journal @param {Entry} entry @param {Map<string, Entry>} byId */
function entryTable(journal, entry, byId) {
  const kind = journal.kinds.get(entry.kind);
  const title = titleOf(journal, entry, Number.POSITIVE_INFINITY);
  const rows = shownFields(journal, entry)
    .filter(([item]) => item.id !== kind.entry.title)
    .map(([item, raw]) => [item.text, value(journal, item, raw, byId)]);
  if (entry.prompt) rows.unshift([t("portfolioAnswering"), journal.prompts.get(entry.prompt).item.text]);
  if (entry.tags.length) rows.push([t("portfolioTags"), tagTitles(journal, entry)]);
  const caption = `${formatDate(dateOf(journal, entry))} · ${kind.title}${title ? `: ${title}` : ""}`;
  const shown = table(caption, [t("portfolioField"), t("portfolioAnswer")], rows);
  shown.classList.add("mk-portfolio__entry");
  return shown;
}

/**
 * The portfolio's parts. `entries`: the period's; `all`: every entry (what a link may name);
 * `who`: { name, role } as the reader gave them; `targets`: the reader keeps the journal as a mentor.
 * @param {Journal} journal @param {Entry[]} entries @param {Entry[]} all
 * @param {{ period: JournalPeriod, who: { name: string, role: string }, targets: boolean }} options
 */
export function portfolioView(journal, entries, all, { period, who, targets }) {
  const byId = new Map(all.map((entry) => [entry.id, entry]));
  const dated = newestFirst(journal, entries).reverse();
  const hours = dated.reduce((sum, entry) => sum + hoursOf(journal, entry), 0);
  const front = el(
    "section",
    { class: "mk-portfolio__front" },
    el("h2", {}, t("portfolioTitle")),
    who.name ? el("p", { class: "mk-portfolio__name" }, who.name) : "",
    who.role ? el("p", { class: "mk-portfolio__role" }, who.role) : "",
    el(
      "dl",
      { class: "mk-portfolio__facts" },
      el("dt", {}, t("portfolioProgramme")),
      el("dd", {}, programme()),
      el("dt", {}, t("portfolioPeriod")),
      el("dd", {}, periodText(period)),
      el("dt", {}, t("portfolioCounts")),
      el("dd", {}, t("portfolioCountsText", { count: dated.length, hours: amount(hours, "h") })),
      el("dt", {}, t("portfolioPrinted")),
      el("dd", {}, formatDate(today())),
    ),
    ...summaryView(journal, dated, period, { targets }),
  );
  const list = el(
    "section",
    { class: "mk-portfolio__entries" },
    el("h2", {}, t("portfolioEntries", { count: dated.length })),
    ...dated.map((entry) => entryTable(journal, entry, byId)),
  );
  return [front, list];
}
