// A journal as the runtime works on it: its spec with what the site adds to it
// (generator/site/journal.py, journal_spec: the tags, their noun, the prompts and the page's
// address, none of which runtime_spec writes, so they are declared here and not in spec.d.ts,
// which tests/unit/test_spec_types.py holds to runtime_spec), the lookups entries.js makes of it,
// and an entry as the page shows it. Global, for the JSDoc of journal/*.js; never shipped.

/** A tag an entry may carry: a group of the questionnaire the journal tags with. */
interface JournalTag {
  id: string;
  title: string;
  guidance: string | null; // the group's guidance page, as a link from the journal's page
}

/** A prompts questionnaire: its spec, and in a journal's spec its page (null: none on this site).
 * On a prompts page, the journal's spec holds its prompts' groups as ids only ({ id, items: [{ id }] }). */
interface PromptsSpec extends Spec {
  scoring: PromptsScoring;
  url?: string | null;
}

/** A kind of entry of a journal: a group that names its date, title, due date and status. */
interface JournalGroup extends SpecGroup {
  entry: SpecEntry;
}

interface JournalSiteScoring extends JournalScoring {
  tags: JournalTag[];
  tag_noun: GroupNoun | null; // what the tags are called; null without a questionnaire to tag with
  prompts: PromptsSpec[];
}

/** A journal's spec, as its page (or, in `journal`, a prompts page) gets it. */
interface JournalSpec extends Spec {
  scoring: JournalSiteScoring;
  groups: JournalGroup[];
  url?: string | null;
}

/** A kind of entry as entries.js looks it up: its items by id, the kind alone as validAnswers
 * reads a spec (`own`), and its link items. */
interface JournalKind extends Omit<JournalGroup, "items"> {
  items: JournalLookup<SpecItem>;
  own: Pick<Spec, "scale" | "groups">;
  links: SpecItem[];
}

/** A question an entry may answer ("<prompts id>/<item id>"), and the kind of entry its answers are. */
interface JournalPrompt {
  source: PromptsSpec;
  group: SpecGroup;
  item: SpecItem;
  kind: string | undefined;
}

/** A lookup of a journal read with the keys a shown entry holds or its spec names: an entry's kind,
 * fields, tags and prompt are the journal's (entries.js, clean, keeps no other), and a kind's date,
 * title or status names one of its items, so `get` finds them. A key from anywhere else (a stored
 * entry, a file, the page) is checked first, with `has` or the truth of what `get` gives. */
interface JournalLookup<V> extends Map<string, V> {
  get(key: string): V;
}

/** A journal's kinds, tags and prompts as lookups (entries.js, journalOf). */
interface Journal {
  spec: JournalSpec;
  kinds: JournalLookup<JournalKind>;
  tags: JournalLookup<JournalTag>;
  prompts: JournalLookup<JournalPrompt>;
}

/** A period the reader chooses: its first and last days ("YYYY-MM-DD", both included), "" where open. */
interface JournalPeriod {
  from: string;
  to: string;
}

/** An entry as the page shows it, cleaned (entries.js, clean): only what the journal still has and
 * what fits; or as the page writes it (created and updated always set). A type, not an interface:
 * an item of a kept list (lists.js, Item), which an interface would not be. */
type Entry = {
  id: string;
  kind: string;
  fields: Answers; // by item id
  tags: string[];
  prompt?: string; // "<prompts id>/<item id>": the question it answers
  created: string; // ISO times; "" in an entry stored without them
  updated: string;
};
