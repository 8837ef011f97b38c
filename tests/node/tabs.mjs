// Tabs of one browser, as Chromium has them: each tab reads and writes its own copy of
// localStorage, and another tab's write reaches it only when delivered, with a storage event.
// Driven one step a line by tests/unit/test_tabs.py (a hypothesis state machine), which keeps a
// model of what the reader kept and checks the stores against it.
// Usage: node tabs.mjs SPEC_V1.json SPEC_V2.json

import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";

const size = (map, except) => [...map].reduce((n, [k, v]) => (k === except ? n : n + k.length + v.length), 0);

class Browser {
  constructor() {
    this.truth = new Map(); // what the browser process holds
    this.queue = []; // writes made in a tab, not delivered yet
    this.quota = Infinity; // for localStorage; a tab's sessionStorage is never full here
  }
}

/** One tab's copy of localStorage. */
class Replica {
  constructor(browser, tab) {
    this.browser = browser;
    this.tab = tab;
    this.map = new Map(browser.truth);
  }
  get length() {
    return this.map.size;
  }
  key(n) {
    return [...this.map.keys()][n] ?? null;
  }
  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }
  setItem(key, value) {
    value = String(value);
    if (size(this.map, key) + key.length + value.length > this.browser.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.map.set(key, value);
    this.browser.queue.push({ tab: this.tab, key, value });
  }
  removeItem(key) {
    this.map.delete(key);
    this.browser.queue.push({ tab: this.tab, key, value: null });
  }
}

class Session {
  constructor() {
    this.map = new Map();
  }
  get length() {
    return this.map.size;
  }
  key(n) {
    return [...this.map.keys()][n] ?? null;
  }
  getItem(key) {
    return this.map.has(key) ? this.map.get(key) : null;
  }
  setItem(key, value) {
    this.map.set(key, String(value));
  }
  removeItem(key) {
    this.map.delete(key);
  }
}

const events = new EventTarget();
setMaxListeners(1000, events); // a page's store listens until the page goes: many pages, one window here
globalThis.window = globalThis;
globalThis.addEventListener = events.addEventListener.bind(events);
globalThis.dispatchEvent = events.dispatchEvent.bind(events);
globalThis.location = { href: "http://127.0.0.1/a/page/", origin: "http://127.0.0.1" };
globalThis.document = { querySelectorAll: () => [] };
const { earlierKey, openStore } = await import("../../theme-src/javascripts/mentorkit/store.js");
const { openLists } = await import("../../theme-src/javascripts/mentorkit/lists.js");

const specs = [JSON.parse(readFileSync(process.argv[2], "utf8")), JSON.parse(readFileSync(process.argv[3], "utf8"))];
const scope = "/a/";
let browser = new Browser();
const tabs = new Map(); // tab -> { local, session, store, lists, controller }
const sessions = new Map(); // tab -> its sessionStorage, which outlives its pages

/** Open (or reload) a tab's page of one version: storage as the tab has it, a new page. */
function open(tab, version) {
  // A page that goes has sent its writes (those its last events made too): the new one starts
  // from the browser's copy after them.
  for (
    let last = browser.queue.findLastIndex((write) => write.tab === tab);
    last >= 0;
    last = browser.queue.findLastIndex((write) => write.tab === tab)
  ) {
    deliver(last + 1);
  }
  tabs.get(tab)?.controller.abort();
  tabs.delete(tab); // the page that went hears nothing more
  const local = new Replica(browser, tab);
  const session = sessions.get(tab) ?? new Session();
  sessions.set(tab, session);
  Object.defineProperty(globalThis, "localStorage", { value: local, configurable: true });
  Object.defineProperty(globalThis, "sessionStorage", { value: session, configurable: true });
  const controller = new AbortController();
  const spec = specs[version];
  const store = openStore(spec, scope, { signal: controller.signal });
  tabs.set(tab, { local, session, store, lists: openLists(spec, scope), controller, version });
  return { notices: store.notices, where: store.where };
}

/** Deliver the first `count` writes: the browser applies each, every other tab's copy follows
 * and gets its storage event (its page syncs, and may write back). */
function deliver(count) {
  for (let n = 0; n < count && browser.queue.length; n++) {
    if (n > 10000) throw new Error("the tabs never agree: they write back and forth for ever");
    const { tab: writer, key, value } = browser.queue.shift();
    if (value === null) browser.truth.delete(key);
    else browser.truth.set(key, value);
    for (const [tab, state] of tabs) {
      if (tab === writer) continue;
      if (value === null) state.local.map.delete(key);
      else state.local.map.set(key, value);
      // As the page's own storage listener does (tabs.js).
      if (key === state.store.key) state.store.sync();
      else if (earlierKey(specs[state.version], scope, key)) state.store.takeEarlier();
    }
  }
}

function run(step) {
  const state = tabs.get(step.tab);
  switch (step.op) {
    case "reset":
      browser = new Browser();
      for (const s of tabs.values()) s.controller.abort();
      tabs.clear();
      sessions.clear();
      for (const [key, value] of Object.entries(step.stored || {})) browser.truth.set(key, value);
      return {};
    case "open":
      return open(step.tab, step.version);
    case "answer":
      return { where: state.store.update({ [step.id]: step.value ?? undefined }) };
    case "keep":
      return { kept: state.lists.put("attempts", { id: step.id, label: step.id }) };
    case "drop":
      return { kept: state.lists.remove("attempts", step.id) };
    case "deliver":
      deliver(step.count ?? Infinity);
      return {};
    case "quota":
      browser.quota = step.quota ?? Infinity;
      return {};
    case "sync":
      state.store.sync();
      return { where: state.store.where };
    case "read": {
      const answers = state.store.read();
      const attempts = state.lists.all("attempts").map((item) => item.id);
      return { answers: { ...answers }, attempts, where: state.store.where };
    }
    case "session":
      return { session: Object.fromEntries(sessions.get(step.tab)?.map ?? []) };
    case "truth":
      return {
        stored: Object.fromEntries(browser.truth),
        queued: browser.queue.map((w) => `${w.tab}:${w.key.slice(-12)}:${w.value === null ? "removed" : "set"}`),
      };
    default:
      throw new Error(`unknown step ${step.op}`);
  }
}

await serve(run);
