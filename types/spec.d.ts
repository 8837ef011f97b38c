// The data the runtime works on: the spec the build writes into each questionnaire page
// (generator/site/spec.py, runtime_spec) and the result scoring.js computes from it (the same
// fields as generator/scoring/scoring.py's). Global, for the JSDoc of the runtime's modules; checked
// by `tsc` (tsconfig.json), never shipped.

type Answer = number | string; // a scale value, "na", a choice's value, a number, a text or a date
type Answers = Record<string, Answer>;

interface ScalePoint { value: number; label: string }

interface SpecItem {
  id: string;
  type: "scale" | "text" | "choice" | "number" | "date";
  text: string;
  level?: string; // scale statements of a levels questionnaire
  not_applicable?: true; // offers "not applicable"
  critical?: true; // bands: a warning sign, whose lowest answer caps its band
  options?: { value: string; label: string }[];
  min?: number | null;
  max?: number | null;
  unit?: string | null;
  max_length?: number;
}

interface SpecGroup { id: string; title: string; guidance: string | null; items: SpecItem[] }

interface SpecLevel { id: string; name: string; summary: string; meets: number; share: number }
interface SpecBand { id: string; name: string; from: number; summary: string }

type SpecScoring =
  | { method: "levels"; evidence: number; overall: { at_least: number }; levels: SpecLevel[] }
  | { method: "bands"; focus_below: string; bands: SpecBand[] }
  | { method: "profile"; focus: number }
  | { method: "none" };

interface Spec {
  id: string;
  version: string; // changes when saved answers may no longer fit
  title: string;
  group_noun: { singular: string; plural: string };
  scale: ScalePoint[];
  not_applicable: string | null;
  scoring: SpecScoring;
  groups: SpecGroup[];
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
  times?: Record<string, unknown>;
  saved?: string;
}
