// What a questionnaire's page does when another tab (or another block of this questionnaire)
// saved: it shows their answers here rather than keep a stale copy that would hide them, and
// writes back what this page knows that the other's write lost (store.js sync). A tab still open
// on an earlier version of the questionnaire saved: its answers and kept items are merged into
// this version's (store.js takeEarlier).

import { synced } from "./answering.js";
import { fill } from "./answers.js";
import { t } from "./messages.js";
import { earlierKey } from "./store.js";

/** @param {import("./questionnaire.js").Page} page */
export function otherTabs({ spec, items, form, store, scope, state, signal, say, show, update }) {
  window.addEventListener(
    "storage",
    (event) => {
      if (event.key !== store.key && event.key !== null) {
        if (!earlierKey(spec, scope, event.key)) return;
        const came = store.takeEarlier();
        if (!came.answers && !came.items) return;
        show();
        return say(t("mergedEarlier", came));
      }
      const sync = store.sync();
      const told = synced(state, store, sync, items);
      if (sync.changed) fill(form, spec, state.answers, true);
      if (sync.changed || sync.listsChanged) update(); // attempts or views kept elsewhere: drawn with the results
      if (told) say(...told);
    },
    { signal },
  );
}
