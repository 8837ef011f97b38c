// Runs the journeys (journeys.mjs) in one engine, against a site served with a watch
// (tests/engines/watch.py), and prints one JSON line per journey: its name, whether the reader got
// through, what the engine did (notes) or what failed, and what the page itself reported meanwhile.
//
//   node tests/engines/run.mjs ENGINE SITE_URL KINDS_JSON [JOURNEY ...]
//
// WebKit needs a display: run it under `xvfb-run -a` (test_engines.py does).

import { ENGINES, launch } from "./drivers.mjs";
import { EXPECTED_REPORTS, JOURNEYS } from "./journeys.mjs";

const [engine, site, kindsJson, ...only] = process.argv.slice(2);
if (!ENGINES.includes(engine) || !site || !kindsJson) {
  console.error(`usage: run.mjs ${ENGINES.join("|")} SITE_URL KINDS_JSON [JOURNEY ...]`);
  process.exit(2);
}
const kinds = JSON.parse(kindsJson);
// Engines report a ResizeObserver whose callbacks changed sizes again in the same frame as an error
// event, though nothing failed: the observations left over are delivered in the next frame (the
// specification's "undelivered notifications"). Material's own observers (header, sidebars) do it
// now and then while a page settles, in WebKit; noted, not failed. (Our own forms did it on every
// page in Firefox, through content-visibility, and no longer do: mentorkit.css.)
const DEFERRED = /^ResizeObserver loop (completed with undelivered notifications|limit exceeded)/;
const seen = async () => (await fetch(`${site}__engine/seen`)).json();

const chosen = Object.keys(JOURNEYS).filter((name) => !only.length || only.includes(name));
console.log(JSON.stringify({ declared: chosen }));
let session = await launch(engine);
/** What `promise` gives, or `otherwise` once `ms` have passed without it. */
const within = (promise, ms, otherwise) => Promise.race([promise, new Promise((done) => setTimeout(() => done(otherwise), ms))]);
/** Whether the engine still answers: a page that crashed or hung ends its driver's session. */
const alive = () =>
  within(
    session.tab.evaluate(() => 1).then(() => true),
    10_000,
    false,
  ).catch(() => false);
try {
  for (const name of chosen) {
    const journey = JOURNEYS[name];
    await seen(); // what came before this journey is not this journey's
    const started = Date.now();
    let outcome;
    try {
      outcome = { ok: true, notes: (await journey(session, site, kinds)) ?? "" };
    } catch (error) {
      outcome = { ok: false, error: String(error?.message || error?.name || error).split("\n")[0] || String(error?.stack) };
    }
    // A crash fails the journey it happened in, not every journey after it: a new session for the rest.
    if (!outcome.ok && !(await alive())) {
      await within(
        session.close().catch(() => {}),
        15_000,
      );
      session = await launch(engine);
      outcome.error = `${outcome.error} (the engine's session ended; a new one runs the journeys after this one)`;
    }
    // Back to a page of the site with nothing kept, as a reader new to it, for the next journey.
    await session.tab.goto(`${site}404.html`).catch(() => {});
    await session.tab
      .evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      })
      .catch(() => {});
    await new Promise((done) => setTimeout(done, 300)); // reports the page sent as it went
    const expected = EXPECTED_REPORTS[name];
    const all = (await seen()).filter((report) => !(expected && report.kind === "script error" && expected.test(report.text)));
    const reported = all.filter((report) => !DEFERRED.test(report.text));
    const deferred = all.length - reported.length;
    if (deferred) outcome.notes = `${outcome.notes ?? ""}; ${deferred} size observation(s) deferred to the next frame`;
    console.log(JSON.stringify({ engine, journey: name, ms: Date.now() - started, ...outcome, reported }));
  }
} finally {
  await session.close();
}
