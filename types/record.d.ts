// The record the browser keeps in localStorage, written and read by the runtime alone (no Python
// writes it, so it is declared here by hand, not generated into spec.d.ts with the spec and the
// results). Global, for the JSDoc of the runtime's modules; checked by `tsc`, never shipped.

/** The record kept in localStorage for one questionnaire (store.js reads and writes it; record.js
 * merges two). Lists hold objects with an id of their own (lists.js); `times` stamps each answer
 * and list item with the moment it last changed. */
interface StoredRecord {
  version?: string;
  answers: Answers;
  lists?: Record<string, Array<{ id: string } & Record<string, unknown>>>;
  times?: { answers?: Record<string, number>; lists?: Record<string, Record<string, number>> };
  saved?: string;
}
