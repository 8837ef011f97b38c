// A photograph of each page kind in one engine, on a phone's screen, for `make look` (tests/look.py)
// to set beside the other engines': a difference between engines is then seen, not guessed. Each
// page is also held to the rules of what a person sees (tests/browser/look.js), in this engine.
//
//   node tests/engines/photograph.mjs ENGINE SITE_URL KINDS_JSON OUT_DIR
//
// Prints one JSON line per picture: {kind, engine, shot, problems}. WebKit: under `xvfb-run -a`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./drivers.mjs";
import { answerAll, enhanced } from "./journeys.mjs";

const [engine, site, kindsJson, out] = process.argv.slice(2);
const WIDTH = 390;
const HEIGHT = 844;
const LOOK = readFileSync(new URL("../browser/look.js", import.meta.url), "utf-8");
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// The self-assessment answered, at its results: the kind of view where engines differ most
// (charts, tables, the sticky bar).
const answered = async (tab) => {
  await tab.evaluate(answerAll, 0);
  await tab.evaluate(() => document.querySelector("[data-results]")?.scrollIntoView({ block: "start" }));
};

const kinds = Object.entries(JSON.parse(kindsJson));
const session = await launch(engine);
try {
  const { tab } = session;
  await tab.size(WIDTH, HEIGHT);
  for (const [kind, path, then] of [...kinds, ["self-assessment, with results", "assessments/mentor-competence/", answered]]) {
    await tab.goto(site + path);
    await tab.until(`the ${kind} page loaded`, () => document.readyState === "complete");
    if (await tab.evaluate(() => document.querySelector("[data-questionnaire]") !== null))
      await tab.until(`the ${kind} page set up`, enhanced);
    if (then) await then(tab);
    await new Promise((done) => setTimeout(done, 400)); // Material's header fades its title in after a scroll
    const shot = join(out, `${slug(kind)}-${engine}.png`);
    await tab.screenshot(shot, WIDTH, HEIGHT);
    const problems = await tab.run(LOOK);
    console.log(JSON.stringify({ kind, engine, shot, problems }));
    await tab.evaluate(() => localStorage.clear());
  }
} finally {
  await session.close();
}
