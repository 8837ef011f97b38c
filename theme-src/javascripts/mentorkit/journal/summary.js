// The evidence a journal adds up to, for a period the reader chooses: entries and the totals of
// their numbers (hours) by kind, entries by tag, and progress towards the targets the programme
// declares per month, quarter or year. Every figure is in a table with a caption; a target's
// progress bar repeats what its cells say.

import { el, table } from "../dom.js";
import { formatNumber, today } from "../format.js";
import { t } from "../messages.js";
import { periods } from "./dates.js";
import { dateOf } from "./entries.js";

/** A total as the page writes numbers, with its unit. @param {number} value @param {string | null | undefined} unit */
export const amount = (value, unit) => `${formatNumber(value)}${unit ? ` ${unit}` : ""}`;

/** @param {JournalKind} kind */
const numbersOf = (kind) => [...kind.items.values()].filter((item) => item.type === "number");

/** Per kind: how many entries, and the total of each of its number fields.
 * @param {Journal} journal @param {Entry[]} entries */
export function totals(journal, entries) {
  return [...journal.kinds.values()].map((kind) => {
    const own = entries.filter((entry) => entry.kind === kind.id);
    return {
      kind,
      count: own.length,
      sums: numbersOf(kind).map((item) => ({
        item,
        total: own.reduce((sum, entry) => sum + /** @type {number} */ (entry.fields[item.id] ?? 0), 0),
      })), // a number item's
    };
  });
}

/** Progress towards each target, in each month, quarter or year the period meets.
 * @param {Journal} journal @param {Entry[]} entries @param {JournalPeriod} period */
export function progress(journal, entries, { from, to }) {
  const targets = journal.spec.scoring.targets || [];
  if (!targets.length) return [];
  const dates = entries.map((entry) => dateOf(journal, entry)).sort();
  const first = from || dates[0] || today();
  const last = /** @type {string} */ (to || [dates[dates.length - 1], today()].filter(Boolean).sort().pop()); // today() at least
  return targets
    .filter((target) => journal.kinds.has(target.kind))
    .flatMap((target) =>
      periods(first, last, target.per).map((span) => {
        const counted = entries.filter(
          (entry) => entry.kind === target.kind && dateOf(journal, entry) >= span.start && dateOf(journal, entry) < span.end,
        );
        const reached = target.sum
          ? counted.reduce((sum, entry) => sum + /** @type {number} */ (entry.fields[/** @type {string} */ (target.sum)] ?? 0), 0)
          : counted.length;
        return { target, span, reached, met: reached >= target.at_least };
      }),
    );
}

/** @param {Journal} journal @param {EvidenceTarget} target */
function unitOf(journal, target) {
  return target.sum ? journal.kinds.get(target.kind).items.get(target.sum).unit : "";
}

/** The summary of the entries of a period, as the page and the portfolio show it; the progress
 * towards the targets only for a reader who keeps the journal as a mentor (``targets``).
 * @param {Journal} journal @param {Entry[]} entries @param {JournalPeriod} period
 * @param {{ targets?: boolean }} [options] */
export function summaryView(journal, entries, period, { targets = false } = {}) {
  const parts = [];
  const byKind = totals(journal, entries);
  parts.push(
    table(
      t("summaryByKind", { count: entries.length }),
      [t("columnKind"), t("columnEntries"), t("columnTotals")],
      byKind.map(({ kind, count, sums }) => [
        kind.title,
        String(count),
        sums.map(({ item, total }) => t("labelled", { label: item.text, value: amount(total, item.unit) })).join(t("alongside")) || "–",
      ]),
    ),
  );
  const tags = [...journal.tags.values()];
  if (tags.length) {
    const noun = /** @type {GroupNoun} */ (journal.spec.scoring.tag_noun); // tags: those of a questionnaire, with its noun
    const kinds = [...journal.kinds.values()];
    parts.push(
      table(
        t("summaryByTag", { noun: noun.singular }),
        [noun.singular.charAt(0).toUpperCase() + noun.singular.slice(1), t("columnEntries"), t("columnKinds")],
        tags.map((tag) => {
          const own = entries.filter((entry) => entry.tags.includes(tag.id));
          const counts = kinds
            .map((kind) => /** @type {[JournalKind, number]} */ ([kind, own.filter((entry) => entry.kind === kind.id).length]))
            .filter(([, n]) => n);
          return [
            tag.title,
            String(own.length),
            counts.map(([kind, n]) => t("labelled", { label: kind.title, value: String(n) })).join(t("alongside")) || "–",
          ];
        }),
      ),
    );
  }
  const reached = targets ? progress(journal, entries, period) : [];
  if (reached.length) {
    const rows = reached.map(({ target, span, reached: value, met }) => {
      const unit = unitOf(journal, target);
      const bar = el("progress", {
        max: String(target.at_least),
        value: String(Math.min(value, target.at_least)),
        "aria-label": `${target.title}, ${span.label}`,
      });
      return [
        target.title,
        span.label,
        el(
          "span",
          { class: "mk-journal__progress" },
          t("targetReached", { reached: amount(value, unit), target: amount(target.at_least, unit) }),
          bar,
        ),
        t(met ? "targetMet" : "targetNotYet"),
      ];
    });
    // Four columns: on a phone each target is a block of its own, each cell named (common.js).
    parts.push(
      table(t("summaryTargets"), [t("columnTarget"), t("columnPeriod"), t("columnProgress"), t("columnMet")], rows, undefined, {
        stack: true,
      }),
    );
  }
  return parts;
}

/** The hours an entry counts: its numbers whose unit is hours ("h"), such as a meeting's length.
 * @param {Journal} journal @param {Entry} entry */
export const hoursOf = (journal, entry) =>
  numbersOf(journal.kinds.get(entry.kind))
    .filter((item) => item.unit === "h")
    .reduce((sum, item) => sum + /** @type {number} */ (entry.fields[item.id] ?? 0), 0); // a number item's

/** Each tag, open at a glance: how many entries are evidence for it and their hours. The count is
 * a button that shows those entries in the list (filtered there, where they open in place), and
 * the tag's name leads to its guidance. Three short columns, a line each: they fit a phone.
 * @param {Journal} journal @param {Entry[]} entries */
export function byTagView(journal, entries) {
  const noun = /** @type {GroupNoun} */ (journal.spec.scoring.tag_noun); // the page shows tags only for a journal that has them
  const rows = [...journal.tags.values()].map((tag) => {
    const own = entries.filter((entry) => entry.tags.includes(tag.id));
    const hours = own.reduce((sum, entry) => sum + hoursOf(journal, entry), 0);
    return [
      tag.guidance ? el("a", { href: tag.guidance }, tag.title) : tag.title,
      own.length
        ? el(
            "button",
            {
              type: "button",
              class: "mk-journal__show",
              "data-show-tag": tag.id,
              "aria-label": t("showTagged", { count: own.length, title: tag.title }),
            },
            String(own.length),
          )
        : "0",
      hours ? amount(hours, "h") : "–",
    ];
  });
  return [
    table(
      t("journalByTag", { noun: noun.singular }),
      [noun.singular.charAt(0).toUpperCase() + noun.singular.slice(1), t("columnEntries"), t("columnHours")],
      rows,
      undefined,
      { headed: true }, // under the section's heading, which says the same
    ),
  ];
}
