// Kept lists (lists.js) beside the answers (store.js), with a fake localStorage shared by two
// "tabs": prints what each step left, for tests/unit/test_lists.py to check.
import { readFileSync } from "node:fs";

const data = new Map();
globalThis.window = {
  localStorage: {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => {
      data.set(k, String(v));
    },
    removeItem: (k) => {
      data.delete(k);
    },
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  },
};
const { openStore, storageKey } = await import("../../theme-src/javascripts/mentorkit/store.js");
const { openLists } = await import("../../theme-src/javascripts/mentorkit/lists.js");

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const scope = "/a/";
const out = {};
const first = spec.groups[0].items[0].id;

const store = openStore(spec, scope);
const tabA = openLists(spec, scope);
const tabB = openLists(spec, scope);
tabA.put("attempts", { id: "a1", label: "before" });
tabB.put("attempts", { id: "b1", label: "after" }); // another tab, not knowing of a1
store.update({ [first]: 3 }); // a save of answers
out.afterSaves = tabA.all("attempts").map((i) => i.id);
tabA.put("attempts", { id: "a1", label: "renamed" });
out.renamed = tabB.all("attempts").map((i) => `${i.id}:${i.label}`);
out.merged = tabA.merge("attempts", [{ id: "b1", label: "other" }, { id: "c1" }, { id: "bad id!" }, "x", null]);
out.afterMerge = tabA.all("attempts").map((i) => `${i.id}:${i.label ?? ""}`);
tabA.remove("attempts", "b1");
out.afterRemove = tabA.all("attempts").map((i) => i.id);
out.cleared = store.clear();
const kept = JSON.parse(data.get(storageKey(spec, scope)));
out.afterClear = { answers: Object.keys(kept.answers).length, attempts: kept.lists.attempts.length };
// A record found unreadable by a mere read (the results drawn again, say) stays where it is, for
// a save (which tells the reader) or the next page opened to move aside; never moved silently.
const key = storageKey(spec, scope);
data.set(key, "{not json");
const answersRead = store.read();
out.afterUnreadableRead = {
  kept: data.get(key),
  aside: [...data.keys()].filter((k) => k.includes(":unreadable:")).length,
  told: store.unreadable?.text ?? null,
  answers: Object.keys(answersRead).length,
};
store.update({ [first]: 2 });
out.afterUnreadableSave = {
  aside: [...data.keys()].filter((k) => k.includes(":unreadable:")).map((k) => data.get(k)),
  told: store.unreadable?.text ?? null,
  saved: JSON.parse(data.get(key)).answers[first],
};
for (const hostile of [
  '{"answers": {}, "lists": {"attempts": "nope"}}',
  '{"answers": {}, "lists": [1]}',
  "not json",
  '{"answers": {}, "lists": {"attempts": [{"id": 5}, {"id": "ok"}, {"id": "ok"}]}}',
]) {
  data.set(storageKey(spec, scope), hostile);
  out[`hostile ${hostile.slice(0, 40)}`] = openLists(spec, scope)
    .all("attempts")
    .map((i) => i.id);
}
process.stdout.write(JSON.stringify(out));
