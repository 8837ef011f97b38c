// What the buttons of an entry's card do: edit it, delete it (asked first), change its status,
// put one of its dates in the reader's calendar, add an entry linked to it. The page's one click
// listener (view.js) finds the entry and calls the act its button names.

import { formatDate } from "../format.js";
import { t } from "../messages.js";
import { download } from "../transfer.js";
import { calendar, calendarOf } from "./calendar.js";
import { cardId } from "./cards.js";
import { dateOf, nameOf } from "./entries.js";

/**
 * The acts, by the name a button's data-act gives. `view`: the page's parts (view.js); `edit`,
 * `save`, `reveal`: the page's form, its saving and its bringing an entry into view. Each act is
 * given the entry and the button that asked for it.
 * @param {import("./view.js").JournalView} view
 * @param {{ edit: (kindId: string, entry: Entry | null, presets: { fields?: Answers, tags?: string[] }, from: HTMLElement) => void,
 *   save: (entry: Entry) => boolean, reveal: (id: string) => void }} page
 */
export function entryActs({ journal, kept, part, say, show }, { edit, save, reveal }) {
  return {
    /** @param {Entry} entry @param {HTMLElement} button */
    edit(entry, button) {
      edit(entry.kind, entry, {}, button);
    },
    /** @param {Entry} entry */
    delete(entry) {
      if (!window.confirm(t("confirmDeleteEntry", { name: nameOf(journal, entry), date: formatDate(dateOf(journal, entry)) }))) return;
      if (!kept.remove(entry.id)) return say(t("entryNotDeleted"));
      show();
      say(t("entryDeleted", { name: nameOf(journal, entry) }));
      // the list is in its section, under its heading
      /** @type {HTMLElement} */ (/** @type {Element} */ (part("list").closest("section")).querySelector("h2")).focus?.();
    },
    /** @param {Entry} entry @param {HTMLElement} button */
    status(entry, button) {
      const { item } = /** @type {EntryStatus} */ (journal.kinds.get(entry.kind).entry.status); // a status button: the kind has one
      const changed = {
        ...entry,
        fields: { ...entry.fields, [item]: /** @type {string} */ (button.dataset.value) },
        updated: new Date().toISOString(),
      };
      if (!save(changed)) return say(t("entryNotSaved"));
      show();
      say(
        t("statusChanged", {
          name: nameOf(journal, entry),
          // a status is a choice item; the button's value, one of its options
          status: /** @type {ChoiceOption} */ (
            /** @type {ChoiceOption[]} */ (journal.kinds.get(entry.kind).items.get(item).options).find(
              (o) => o.value === button.dataset.value,
            )
          ).label,
        }),
      );
      reveal(entry.id);
    },
    /** @param {Entry} entry @param {HTMLElement} button */
    calendar(entry, button) {
      const item = journal.kinds.get(entry.kind).items.get(/** @type {string} */ (button.dataset.item)); // the card's: the kind's item
      const event = calendarOf(journal, entry, item);
      const text = calendar({
        uid: `${entry.id}-${item.id}@${location.host || "mentorkit"}`,
        start: /** @type {string} */ (entry.fields[item.id]), // a date: the card offers it only when answered
        summary: event.summary,
        description: t("calendarFrom", { name: nameOf(journal, entry), date: formatDate(dateOf(journal, entry)) }),
        url: new URL(`#${cardId(entry)}`, location.href).href,
        remind: event.remind,
      });
      download(event.file, text, "text/calendar");
    },
    /** @param {Entry} entry @param {HTMLElement} button */
    "add-linked"(entry, button) {
      // the card's button names the linking kind and its link item
      edit(
        /** @type {string} */ (button.dataset.kind),
        null,
        { fields: { [/** @type {string} */ (button.dataset.item)]: entry.id }, tags: entry.tags },
        button,
      );
    },
  };
}
