// Written by `python -m mentorkit.site.spec_dts` (make regen) from the TypedDicts of
//   generator/site/spec_types.py
//   generator/scoring/result_types.py
// Change those and write it again, never this file (tests/unit/test_spec_types.py fails while
// the two differ).
//
// The data the runtime works on: the spec the build writes into each questionnaire page
// (generator/site/spec.py, runtime_spec) and the result scoring.js computes from it (the same
// fields as generator/scoring/scoring.py's). Global, for the JSDoc of the runtime's modules;
// checked by `tsc` (tsconfig.json), never shipped. The record the browser keeps, which Python never
// writes, is declared by hand in types/record.d.ts.

// From generator/site/spec_types.py.

interface ScalePoint {
  value: number;
  label: string;
}

interface ChoiceOption {
  value: string;
  label: string;
}

/** How a journal's date goes into a calendar, as the YAML words it. */
interface CalendarSpec {
  button?: string; // the button's words
  event?: string; // the event's title, {item-id} put in from the entry's answers
  remind?: number; // minutes before the event that its alarm rings
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
  label: string | null;
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

// From generator/scoring/result_types.py.

type Answer = number | string; // a scale value, "na", a choice's value, a number, a text or a date

type Answers = Record<string, Answer>;

interface LevelDetail {
  met: number;
  applicable: number;
  needed: number;
  counts: boolean;
}

interface GroupResult {
  id: string;
  answered: number;
  total: number;
  missing: number; // scale statements not answered
  not_applicable: number;
  status: "complete" | "incomplete";
  levels?: Record<string, LevelDetail>; // levels: each level's statements, by its id
  level?: string | null; // levels: the level reached; null while incomplete
  next_level?: string | null;
  evidence?: boolean | null; // levels: whether enough of its statements apply
  plan?: string[]; // levels: the statements that would move it up, lowest level first
  mean?: number | null; // bands and profile: the mean of its applicable answers
  band?: string | null;
  /** bands: the critical statements answered at the scale's lowest (a warning sign), which cap
   * the band */
  flags?: string[];
}

interface OverallResult {
  status: "complete" | "incomplete";
  level?: string | null; // levels: the highest level reached in enough groups
  next_level?: string | null;
  evidence?: boolean;
  short?: number | null; // groups missing to reach next_level
  mean?: number | null; // bands: the mean of the group means
  band?: string | null;
  /** bands: the critical statements answered at the scale's lowest (a warning sign), which cap
   * the band */
  flags?: string[];
}

interface Result {
  answered: number;
  total: number;
  not_applicable: number;
  groups: GroupResult[];
  overall?: OverallResult;
  focus?: string[]; // bands and profile: the groups to work on
  ranking?: string[]; // profile: the groups, most used first
}
