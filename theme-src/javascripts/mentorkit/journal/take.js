// What the reader takes away from the journal (Markdown, the JSON record, the agenda for the next
// meeting, the printed portfolio with the name and role its front page shows) and brings back (a
// JSON file, merged entry by entry). Wired to the page's "Take it with you" section.

import { today } from "../format.js";
import { t } from "../messages.js";
import { download } from "../transfer.js";
import { agenda, readEntriesFile, record, toMarkdown } from "./exports.js";
import { portfolioView } from "./portfolio.js";

/** `view`: the page's parts and what it knows (view.js). @param {import("./view.js").JournalView} view */
export function takeAway({ journal, kept, spec, part, say, show, period, inPeriod, targets, signal }) {
  const stamp = () => today();
  const takeActions = {
    "export-markdown"() {
      const { entries } = kept.read();
      download(`${spec.id}-${stamp()}.md`, toMarkdown(journal, inPeriod(entries), entries, period()), "text/markdown");
    },
    export() {
      const { entries } = kept.read();
      download(
        `${spec.id}-entries-${stamp()}.json`,
        JSON.stringify(record(journal, inPeriod(entries), period(), kept.choices()), null, 2),
        "application/json",
      );
    },
    print() {
      window.print();
    },
    agenda() {
      download(`agenda-${stamp()}.md`, agenda(journal, kept.read().entries, today()), "text/markdown");
    },
  };
  part("actions").addEventListener("click", (event) => {
    // The target: an element, or perhaps a node without closest (hence its ?.).
    const action = /** @type {HTMLElement | null | undefined} */ (/** @type {Element} */ (event.target).closest?.("button[data-action]"))
      ?.dataset.action;
    // An action of this section (hasOwn), or another's (import: a file input), left alone.
    if (Object.hasOwn(takeActions, /** @type {string} */ (action))) takeActions[/** @type {keyof typeof takeActions} */ (action)]();
  });

  const importInput = /** @type {HTMLInputElement} */ (part("actions").querySelector('[data-action="import"]'));
  importInput.addEventListener("change", async () => {
    const file = /** @type {FileList} */ (importInput.files)[0]; // a file input's
    importInput.value = ""; // the same file can be chosen again
    if (!file) return;
    const { entries, unreadable } = kept.read();
    const read = await readEntriesFile(journal, file, entries.length + unreadable);
    if (read.error) return say(read.error);
    const merged = kept.merge(/** @type {unknown[]} */ (read.entries)); // no error: the entries read
    if (!merged.saved) return say(t("importNotSaved"));
    kept.mergeChoices(read.choices);
    fillWho();
    show();
    say(
      t("importedEntries", { added: merged.added, already: /** @type {unknown[]} */ (read.entries).length - merged.added }),
      read.markup ? t("importMarkup", { count: read.markup }) : "",
    );
  });

  // On paper, the journal is a portfolio: a front page, then the period's entries in date order.
  // The form of the portfolio's name and role, where the page has one.
  const who = /** @type {(HTMLFormElement & { elements: { name: HTMLInputElement, role: HTMLInputElement } }) | null} */ (part("who"));
  const whoIs = () => ({ name: who?.elements.name.value.trim() ?? "", role: who?.elements.role.value.trim() ?? "" });
  function fillWho() {
    if (!who) return;
    const given = kept.portfolioWho();
    who.elements.name.value = given.name;
    who.elements.role.value = given.role;
  }
  fillWho();
  if (who) {
    who.addEventListener("change", () => {
      if (kept.keepPortfolioWho(whoIs()) === false) say(t("journalFull"));
    });
    who.addEventListener("submit", (event) => event.preventDefault());
  }
  window.addEventListener(
    "beforeprint",
    () => {
      const { entries } = kept.read();
      part("portfolio").replaceChildren(
        ...portfolioView(journal, inPeriod(entries), entries, { period: period(), who: whoIs(), targets: targets() }),
      );
    },
    { signal },
  );
}
