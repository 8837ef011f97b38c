// Drives the runtime's readers of stored and imported data (store.js, transfer.js) in Node,
// one case per line of stdin, one outcome per line of stdout; test_runtime_readers.py feeds it
// hostile data. With no catalogue loaded, t() returns a sentence's key: outcomes are keys.
// Usage: node readers.mjs SPEC.json (beside a copy of theme/.../mentorkit/ as ./mentorkit/).

import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** localStorage as browsers have it, over a plain object; setItem throws past `quota` characters. */
class FakeStorage {
  constructor(entries = {}, quota = Infinity) {
    this.entries = new Map(Object.entries(entries));
    this.quota = quota;
  }
  get length() { return this.entries.size; }
  key(n) { return [...this.entries.keys()][n] ?? null; }
  getItem(key) { return this.entries.has(String(key)) ? this.entries.get(String(key)) : null; }
  removeItem(key) { this.entries.delete(String(key)); }
  setItem(key, value) {
    const used = [...this.entries].reduce((n, [k, v]) => (k === key ? n : n + k.length + v.length), 0);
    if (used + String(key).length + String(value).length > this.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.entries.set(String(key), String(value));
  }
}

globalThis.window = globalThis;
globalThis.location = { href: "http://127.0.0.1/a/page/", origin: "http://127.0.0.1" };
globalThis.document = { querySelectorAll: () => [] };
const { openStore } = await import("./mentorkit/store.js");
const { readAnswersFile } = await import("./mentorkit/transfer.js");
const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));

async function run(c) {
  if (c.kind === "import") {
    const bytes = Buffer.from(c.base64, "base64");
    const file = {  // a File as browsers make one: text() decodes UTF-8, dropping a byte order mark
      size: bytes.length,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      text: async () => new TextDecoder().decode(bytes),
    };
    return { result: await readAnswersFile(spec, file) };
  }
  const blocked = { get() { throw new DOMException("blocked", "SecurityError"); }, configurable: true };
  for (const [kind, entries] of [["localStorage", c.local], ["sessionStorage", c.session]]) {
    if (entries === null) Object.defineProperty(globalThis, kind, blocked);
    else Object.defineProperty(globalThis, kind, { value: new FakeStorage(entries, c.quota ?? Infinity), configurable: true });
  }
  const store = openStore(spec, c.scope);
  const opened = store.read();
  const where = store.update(c.changes);
  const updated = store.read();
  const cleared = store.clear();
  const reopened = openStore(spec, c.scope);
  return {
    notices: store.notices, opened, where, updated, cleared,
    after: { read: reopened.read(), notices: reopened.notices },
    local: c.local === null ? null : Object.fromEntries(globalThis.localStorage.entries),
  };
}

for await (const line of createInterface({ input: process.stdin })) {
  let outcome;
  try {
    outcome = { ok: true, ...(await run(JSON.parse(line))) };
  } catch (error) {
    outcome = { ok: false, error: String(error?.stack ?? error) };
  }
  process.stdout.write(JSON.stringify(outcome) + "\n");
}
