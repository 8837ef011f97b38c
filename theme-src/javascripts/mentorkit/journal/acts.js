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
 * `save`, `reveal`: the page's form, its saving and its bringing an entry into view.
 */
export function entryActs({ journal, kept, part, say, show }, { edit, save, reveal }) {
  return {
    edit(entry, button) {
      edit(entry.kind, entry, {}, button);
    },
    delete(entry) {
      if (!window.confirm(t("confirmDeleteEntry", { name: nameOf(journal, entry), date: formatDate(dateOf(journal, entry)) }))) return;
      if (!kept.remove(entry.id)) return say(t("entryNotDeleted"));
      show();
      say(t("entryDeleted", { name: nameOf(journal, entry) }));
      part("list").closest("section").querySelector("h2").focus?.();
    },
    status(entry, button) {
      const { item } = journal.kinds.get(entry.kind).entry.status;
      const changed = { ...entry, fields: { ...entry.fields, [item]: button.dataset.value }, updated: new Date().toISOString() };
      if (!save(changed)) return say(t("entryNotSaved"));
      show();
      say(
        t("statusChanged", {
          name: nameOf(journal, entry),
          status: journal.kinds
            .get(entry.kind)
            .items.get(item)
            .options.find((o) => o.value === button.dataset.value).label,
        }),
      );
      reveal(entry.id);
    },
    calendar(entry, button) {
      const item = journal.kinds.get(entry.kind).items.get(button.dataset.item);
      const event = calendarOf(journal, entry, item);
      const text = calendar({
        uid: `${entry.id}-${item.id}@${location.host || "mentorkit"}`,
        start: entry.fields[item.id],
        summary: event.summary,
        description: t("calendarFrom", { name: nameOf(journal, entry), date: formatDate(dateOf(journal, entry)) }),
        url: new URL(`#${cardId(entry)}`, location.href).href,
        remind: event.remind,
      });
      download(event.file, text, "text/calendar");
    },
    "add-linked"(entry, button) {
      edit(button.dataset.kind, null, { fields: { [button.dataset.item]: entry.id }, tags: entry.tags }, button);
    },
  };
}
