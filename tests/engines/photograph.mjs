// A photograph of each page kind in one engine, on a phone's screen, for `make look` (tests/look.py)
// to set beside the other engines': a difference between engines is then seen, not guessed. Each
// page is also held to the rules of what a person sees (tests/browser/look.js), in this engine.
//
//   node tests/engines/photograph.mjs ENGINE SITE_URL VIEWS_JSON OUT_DIR
//
// VIEWS_JSON: the views of tests/browser/journeys.py's engine_views, each {kind, path, storage,
// answer, spot}.
//
// Prints one JSON line per picture: {kind, engine, shot, problems}. WebKit: under `xvfb-run -a`.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./drivers.mjs";
import { answerAll, enhanced } from "./journeys.mjs";

const [engine, site, viewsJson, out] = process.argv.slice(2);
const WIDTH = 390;
const HEIGHT = 844;
const LOOK = readFileSync(new URL("../browser/look.js", import.meta.url), "utf-8");
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const views = JSON.parse(viewsJson);
const session = await launch(engine);
try {
  const { tab } = session;
  await tab.size(WIDTH, HEIGHT);
  for (const { kind, path, storage, answer, spot } of views) {
    await tab.goto(site + path);
    if (storage) {
      // Kept items, written as the runtime keeps them, then read by the page as it loads again.
      await tab.evaluate((kept) => {
        for (const [key, text] of Object.entries(kept)) localStorage.setItem(key, text);
      }, storage);
      await tab.reload();
    }
    await tab.until(`the ${kind} page loaded`, () => document.readyState === "complete");
    if (await tab.evaluate(() => document.querySelector("[data-questionnaire]") !== null))
      await tab.until(`the ${kind} page set up`, enhanced);
    if (answer) await tab.evaluate(answerAll, 0);
    if (spot) {
      // Brought into view, then drawn (a part whose code loads as the reader nears it), then in view again.
      const toSpot = () => tab.evaluate((selector) => document.querySelector(selector)?.scrollIntoView({ block: "start" }), spot);
      await toSpot();
      await tab.until(`${spot} drawn on the ${kind} page`, (selector) => document.querySelector(selector)?.childElementCount, spot);
      await toSpot();
    }
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
