// The data the runtime works on: the spec the build writes into each questionnaire page
// (generator/site/spec.py, runtime_spec) and the result scoring.js computes from it (the same
// fields as generator/scoring/scoring.py's). Global, for the JSDoc of the runtime's modules; checked
// by `tsc` (tsconfig.json), never shipped.

type Answer = number | string; // a scale value, "na", a choice's value, a number, a text or a date
type Answers = Record<string, Answer>;

// The spec, as runtime_spec writes it: one property per line, each named object shape an
// interface of its own, so that tests/unit/test_spec_types.py can hold every questionnaire's spec
// against these declarations (a property written but not declared, or declared but never written,
// fails there).

interface ScalePoint {
  value: number;
  label: string;
}

interface ChoiceOption {
  value: string;
  label: string;
}

interface SpecItem {
  id: string;
  type: "scale" | "text" | "choice" | "number" | "date" | "link";
  text: string;
  level?: string; // scale statements of a levels questionnaire
  not_applicable?: true; // offers "not applicable"
  scored?: false; // a scale statement answered and exported, outside the scoring
  critical?: true; // bands: a warning sign, whose lowest answer caps its band
  observer?: string | null; // the statement worded for someone giving their view
  options?: ChoiceOption[];
  min?: number | null;
  max?: number | null;
  unit?: string | null;
  unit_one?: string; // the unit's singular, where the page's language takes it
  max_length?: number;
  time?: true; // a date with a time of day
  calendar?: true | CalendarSpec; // a date offered as a calendar event
  kinds?: string[]; // a link: the entry kinds it may point to
}

/** How a journal's date goes into a calendar, as the YAML words it. */
interface CalendarSpec {
  button?: string; // the button's words
  event?: string; // the event's title, {item-id} put in from the entry's answers
  remind?: number; // minutes before the event that its alarm rings
}

interface EntryStatus {
  item: string;
  open: string[];
  done: string[];
}

/** A kind of entry of a journal: which of its items are its date, title, due date and status. */
interface SpecEntry {
  date: string;
  title: string | null;
  due: string | null;
  status: EntryStatus | null;
  agenda: string[];
}

interface SpecGroup {
  id: string;
  title: string;
  guidance: string | null;
  guidanceLanguage?: string; // the guidance page's language, when it is the main site's page, not this site's
  scored?: false; // an "About you": outside the scoring
  items: SpecItem[];
  entry?: SpecEntry; // a journal's kind of entry
  roles?: string[]; // prompts: who the questions are for
}

interface SpecLevel {
  id: string;
  name: string;
  summary: string;
  meets: number;
  share: number;
}

interface SpecBand {
  id: string;
  name: string;
  from: number;
  summary: string;
}

interface OverallRule {
  at_least: number;
}

interface LevelsScoring {
  method: "levels";
  evidence: number;
  overall: OverallRule;
  levels: SpecLevel[];
}

interface BandsScoring {
  method: "bands";
  focus_below: string;
  bands: SpecBand[];
}

interface ProfileScoring {
  method: "profile";
  focus: number;
}

interface DocumentParty {
  item: string;
  label: string;
}

interface SpecDocument {
  title: string;
  parties: DocumentParty[];
}

interface NoScoring {
  method: "none";
  document?: SpecDocument; // a printed document: its title and the parties who sign it
}

interface EvidenceTarget {
  id: string;
  title: string;
  kind: string;
  sum: string | null;
  at_least: number;
  per: string;
}

interface JournalScoring {
  method: "journal";
  targets: EvidenceTarget[];
}

interface PromptRole {
  id: string;
  label: string;
}

interface PromptsScoring {
  method: "prompts";
  journal: string;
  kind: string;
  answer: string;
  roles: PromptRole[];
}

type SpecScoring = LevelsScoring | BandsScoring | ProfileScoring | NoScoring | JournalScoring | PromptsScoring;

interface GroupNoun {
  singular: string;
  plural: string;
}

interface SpecAttempts {
  compare: "over-time" | "side-by-side";
  title: string | null;
  label: string;
}

interface ObserverRole {
  id: string;
  name: string;
  view: string;
  who: string;
}

interface SpecObserver {
  roles: ObserverRole[];
  intro: string;
  scale_hint: string;
  about: "person" | "relationship"; // what the statements are about: the reader, or the two of them
}

interface Spec {
  id: string;
  version: string; // changes when saved answers may no longer fit
  title: string;
  group_noun: GroupNoun;
  scale: ScalePoint[];
  not_applicable: string | null;
  scoring: SpecScoring;
  groups: SpecGroup[];
  attempts?: SpecAttempts; // kept attempts, compared over time or side by side
  observer?: SpecObserver; // another person's view, asked for by link
  cohort?: string; // the address of the published cohort summary, relative to the page
}

interface LevelDetail { met: number; applicable: number; needed: number; counts: boolean }

interface GroupResult {
  id: string;
  answered: number;
  total: number;
  missing: number; // scale statements not answered
  not_applicable: number;
  status: "complete" | "incomplete";
  // levels
  levels?: Record<string, LevelDetail>;
  level?: string | null;
  next_level?: string | null;
  evidence?: boolean | null;
  plan?: string[];
  // bands and profile
  mean?: number | null;
  band?: string | null;
  /** bands: the critical statements answered at the scale's lowest (a warning sign), which cap the band. */
  flags?: string[];
}

interface OverallResult {
  status: "complete" | "incomplete";
  level?: string | null;
  next_level?: string | null;
  evidence?: boolean;
  short?: number | null; // groups missing to reach next_level
  mean?: number | null;
  band?: string | null;
  /** bands: the critical statements answered at the scale's lowest (a warning sign), which cap the band. */
  flags?: string[];
}

interface Result {
  answered: number;
  total: number;
  not_applicable: number;
  groups: GroupResult[];
  overall?: OverallResult;
  focus?: string[];
  ranking?: string[];
}

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
