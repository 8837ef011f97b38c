// The runtime of a journal (its page) and of prompts (questions to consider, whose answers become
// the journal's entries): in a bundle of their own, loaded only on those pages (the build names it
// in data-runtime), so that questionnaire pages keep their budget.
import { enhanceJournal } from "../journal/view.js";
import { enhancePrompts } from "../journal/prompts.js";

export const enhance = (root, signal, base) =>
  (root.dataset.method === "journal" ? enhanceJournal : enhancePrompts)(root, { signal, base });
