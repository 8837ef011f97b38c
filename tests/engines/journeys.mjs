// The journeys every engine must carry a reader through (run.mjs runs them in one engine; the
// Chromium suite in tests/browser covers each part in depth). Each is a reader's errand, from a
// page load to what they see at the end; each throws, saying what it saw, when the page fails them.
//
// A journey is `async (session, site, kinds) => notes`: `session` is drivers.mjs's, `site` the
// address the site is served at, `kinds` a page of each kind (home, guidance, each scoring method,
// the journal, French). What it returns is shown beside the result (what the engine did that the
// others may not).

const MENTOR = "assessments/mentor-competence/";
const JOURNAL = "journal/";

// In the page: every questionnaire on it set up by the runtime.
export const enhanced = () => {
  const all = [...document.querySelectorAll("[data-questionnaire]")];
  return all.length > 0 && all.every((q) => q.dataset.enhanced !== undefined);
};

// In the page: answer statements through the form's own controls (a radio's click, a field's
// input and change), in the form's order; `pick(i)` chooses the i-th option of each scale. The
// results are drawn off the answers' path: settled when nothing is busy and every part is drawn.
export const answerAll = async (shift) => {
  const items = [...document.querySelectorAll("[data-form] [data-item]")].filter((i) => !i.closest("[hidden]"));
  items.forEach((item, i) => {
    const radios = [...item.querySelectorAll('input[type="radio"]:not([value="na"])')];
    if (radios.length) radios[(i + shift) % radios.length].click();
  });
  for (let frame = 0; frame < 600 && document.querySelector("[data-results][aria-busy], [data-growth]:empty"); frame++) {
    await new Promise(requestAnimationFrame);
  }
  return items.length;
};

const checked = () => document.querySelectorAll('[data-form] input[type="radio"]:checked').length;

/** The results table once drawn for the latest answers and unchanged for a moment (it is drawn off
 * the answers' path, so a table seen as soon as one exists may be an earlier answer's). */
async function settledResults(tab, what) {
  let last = "";
  for (;;) {
    const now = await tab.until(
      what,
      () =>
        !document.querySelector("[data-results][aria-busy]") &&
        /Practitioner|Foundation/.test(document.querySelector("[data-results] table")?.textContent ?? "") &&
        document.querySelector("[data-results] table").textContent.replace(/\s+/g, " ").trim(),
    );
    if (now === last) return now;
    last = now;
    await new Promise((done) => setTimeout(done, 300));
  }
}

/** Waits until the page has fetched nothing more for a quarter of a second (Material fetches the
 * sitemap and the search index after a page loads): a reader who stays on a page lets those reads
 * finish, and leaving during one makes WebKit throw NotReadableError in Material's code. */
async function quiet(tab) {
  let last = -1;
  for (let polls = 0; polls < 40; polls++) {
    const now = await tab.evaluate(() => performance.getEntriesByType("resource").length);
    if (now === last) return;
    last = now;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The link a reader makes to ask for a view, from the page's growth part. */
async function askForAView(tab) {
  await tab.clickButton("Make a link to ask for their view", "[data-growth]");
  return tab.until("the link to send", () => document.querySelector("[data-growth-ask] input, [data-growth-link] input")?.value);
}

/** The link an observer sends back: `ask` opened in a second, separate browser and answered there. */
async function giveAView(session, ask, asked, name = "") {
  const other = await session.otherProfile();
  try {
    await other.tab.goto(ask);
    await other.tab.sees("[data-observer]", asked);
    await other.tab.until("the observer's form set up", enhanced);
    await other.tab.evaluate(answerAll, 0);
    if (name) await other.tab.fill("Your name (optional)", name);
    await other.tab.clickButton("Make a link to send back");
    return await other.tab.until(
      "the link to send back",
      () =>
        [...document.querySelectorAll("[data-observer] input, [data-questionnaire] input")].find((i) => i.value.includes("#mk-view="))
          ?.value,
    );
  } finally {
    await other.close();
  }
}

async function openQuestionnaire(tab, url) {
  await tab.goto(url);
  await tab.until(`the questionnaire at ${url} set up`, enhanced);
}

/** The first radio of the first statements, answered with the engine's own clicks and keys. */
async function answerByHand(tab) {
  await tab.click(await tab.mark("css", '[data-form] [data-item] input[type="radio"]'));
  await tab.press("ArrowRight"); // the next option of the same statement, as a keyboard reader moves
  const chosen = await tab.evaluate(() => document.activeElement?.checked && document.activeElement.value);
  if (!chosen) throw new Error("a radio chosen with the arrow key was not checked");
  return chosen;
}

/** Fills the page's localStorage with as much as still fits (halving what it tries each time it is
 * refused); the characters it added. Run in the page. */
function fill() {
  let size = 1 << 20;
  let total = 0;
  for (let n = localStorage.length; size >= 1; ) {
    try {
      localStorage.setItem(`fill:${n}`, "x".repeat(size));
      n += 1;
      total += size;
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return total;
}

export const JOURNEYS = {
  async "every page kind loads"(session, site, kinds) {
    const { tab } = session;
    const seen = [];
    for (const [kind, path] of Object.entries(kinds)) {
      await tab.goto(site + path);
      const lang = await tab.until(
        `the ${kind} page (${path}) to load`,
        () => document.readyState === "complete" && document.documentElement.lang,
      );
      if (await tab.evaluate(() => document.querySelector("[data-questionnaire]") !== null)) {
        await tab.until(`the questionnaire on the ${kind} page (${path}) set up`, enhanced);
      }
      await quiet(tab);
      const title = await tab.evaluate(() => document.querySelector("h1")?.textContent.trim() ?? "");
      if (!title) throw new Error(`the ${kind} page (${path}) shows no heading`);
      seen.push(`${kind} (${lang})`);
    }
    return seen.join(", ");
  },

  async "the self-assessment is answered, scored, reloaded and restored"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, site + MENTOR);
    await answerByHand(tab);
    const count = await tab.evaluate(answerAll, 1);
    const progress = await tab.text("[data-progress-text]");
    if (!progress.startsWith(`${count} of ${count}`) && !progress.includes(`${count} of ${count}`)) {
      throw new Error(`after answering ${count} statements the progress says "${progress}"`);
    }
    const results = await settledResults(tab, "the results drawn");
    await tab.reload();
    await tab.until("the questionnaire set up again after a reload", enhanced);
    const restored = await tab.until("the answers restored", checked);
    if (restored !== count) throw new Error(`${restored} of ${count} answers restored after a reload`);
    const again = await settledResults(tab, "the results drawn again");
    if (again !== results)
      throw new Error(`the results after a reload differ from before it: "${results.slice(0, 160)}" then "${again.slice(0, 160)}"`);
    // Back at the top, the reader goes straight to the results from the progress bar. Groups laid
    // out on the way there take their real height and move what follows them: the results must
    // still be in view a moment later, not a screen further down.
    await tab.evaluate(() => window.scrollTo(0, 0));
    await tab.evaluate(() => document.querySelector("[data-progress] [data-action='see-results']").focus());
    await tab.press("Enter");
    // Run in the page: true once the results' title is in the top half of the window, where the
    // link puts it (under the header), or (told) where it is instead.
    const resultsInView = (tell) => {
      const link = document.querySelector("[data-progress] [data-action='see-results']");
      const top = document.getElementById(new URL(link.href).hash.slice(1)).getBoundingClientRect().top;
      const there = top >= 0 && top < window.innerHeight / 2;
      if (!tell) return there;
      return there ? "" : `${Math.round(top)} px down a ${window.innerHeight} px window`;
    };
    await tab.until("the results in view after See your results", resultsInView, false);
    await new Promise((wait) => setTimeout(wait, 1000));
    const off = await tab.evaluate(resultsInView, true);
    if (off) throw new Error(`a second after See your results, their title is ${off}`);
    return `${count} statements`;
  },

  async "an attempt is kept and compared"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, site + MENTOR);
    await tab.evaluate(answerAll, 0);
    await tab.fill("Label (optional)", "before the programme", "[data-growth]");
    await tab.clickButton("Keep as an attempt", "[data-growth]");
    await tab.sees("[data-status]", "before the programme");
    await tab.evaluate(answerAll, 2);
    await tab.choose("Compare your results now with", "before the programme", "[data-growth]");
    const moved = await tab.until("what moved since the attempt", () => document.querySelectorAll("[data-growth-moved] li").length);
    const table = await tab.until("the table of then and now", () =>
      [...document.querySelectorAll("[data-growth] table caption")].some((c) => /then and now/i.test(c.textContent)),
    );
    if (!table) throw new Error("no table of then and now");
    return `${moved} categories moved`;
  },

  async "a view is asked for in one browser, given in another and comes back"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, site + MENTOR);
    await tab.evaluate(answerAll, 2);
    await tab.choose("Who you are asking", "Your mentee", "[data-growth]");
    await tab.fill("Your name, as they know you", "Sam", "[data-growth]");
    const ask = await askForAView(tab);
    if (!ask.startsWith(site) || !ask.includes("#mk-ask=")) throw new Error(`the link to send is ${ask}`);
    const back = await giveAView(session, ask, "Sam asked for your view", "Alex");

    // Opened in the tab that shows the page already, as a reader who has come back to it finds it,
    // through the engine's own navigation (as from the address bar), while the page may still be
    // setting up (where the engines raced before): only the fragment changes, so the engine keeps
    // the document. The mark set on the window tells that apart from a page loaded again.
    await openQuestionnaire(tab, site + MENTOR);
    await tab.evaluate(() => {
      window.mkSameDocument = true;
      return 1;
    });
    await tab.goto(back);
    await tab.sees("[data-status]", "Added: the view of Your mentee (Alex)");
    if (!(await tab.evaluate(() => window.mkSameDocument === true))) {
      throw new Error("the page was loaded again to take the link in; a change of fragment keeps the document");
    }
    await tab.until("the view taken out of the address", () => !location.hash && 1);
    const columns = await tab.until(
      "the table of views",
      () =>
        [...document.querySelectorAll("[data-growth] table")]
          .find((t) => /other people/i.test(t.querySelector("caption")?.textContent ?? ""))
          ?.querySelectorAll("thead th").length,
    );
    if (columns !== 3) throw new Error(`the table of views has ${columns} columns, not 3 (groups, you, Alex)`);

    // Opened again in a new tab: kept already, and said so.
    const second = await session.newTab();
    try {
      await second.goto(back);
      await second.sees("[data-status]", "Already kept: the view of Your mentee (Alex)");
    } finally {
      await second.close();
    }
    return `links of ${ask.length} and ${back.length} characters`;
  },

  async "answers are exported to a file and imported in another browser"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, site + MENTOR);
    const count = await tab.evaluate(answerAll, 3);
    const since = Date.now() - 1000;
    await tab.clickButton("Export answers to hand in (JSON)");
    const file = await session.downloaded(/^mentor-competence-answers-.*\.json$/, since);
    const record = JSON.parse(file.text);
    if (Object.keys(record.answers).length !== count)
      throw new Error(`the file holds ${Object.keys(record.answers).length} answers of ${count}`);

    const other = await session.otherProfile();
    try {
      await openQuestionnaire(other.tab, site + MENTOR);
      await other.tab.upload('[data-action="import"]', file.path);
      await other.tab.sees("[data-status]", "answers");
      const restored = await other.tab.until("the imported answers shown", checked);
      if (restored !== count) throw new Error(`${restored} of ${count} answers imported`);
    } finally {
      await other.close();
    }
    return `${file.name}, ${file.text.length} characters`;
  },

  async "a journal entry is added, reloaded and put in a calendar"(session, site) {
    const { tab } = session;
    await tab.goto(site + JOURNAL);
    await tab.until("the journal set up", enhanced);
    await tab.clickButton("Meeting");
    await tab.until("the entry form", () => document.querySelector("[data-entry-form]") && 1);
    const when = new Date(Date.now() + 14 * 86400000);
    const pad = (n) => String(n).padStart(2, "0");
    const iso = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
    await tab.fill("Who I met", "Jordan", "[data-entry-form]");
    const typed = await typeDateTime(tab, session.engine, "Next meeting", when, "09:30");
    if (typed.value !== `${iso}T09:30`) throw new Error(`giving ${iso} 09:30 to "Next meeting" (${typed.how}) left "${typed.value}"`);
    await tab.clickButton("Save entry", "[data-entry-form]");
    await tab.until(
      "the entry listed",
      () => !document.querySelector("[data-entry-form]") && document.querySelectorAll("[data-list] > li").length === 1,
    );
    await tab.reload();
    await tab.until("the journal set up again", enhanced);
    const listed = await tab.until("the entry listed after a reload", () =>
      document.querySelector("[data-list] > li")?.textContent.includes("Jordan"),
    );
    if (!listed) throw new Error("the entry is gone after a reload");
    // The entry is a row: a tap opens its card, where the calendar button is, beside the date.
    await tab.click(await tab.mark("css", "[data-list] [data-toggle]"));
    await tab.until("the entry opened", () => document.querySelector("[data-list] [data-toggle]").ariaExpanded === "true");
    const since = Date.now() - 1000;
    await tab.clickButton("Add our next meeting to my calendar", "[data-list]");
    const file = await session.downloaded(/\.ics$/, since);
    const start = file.text.match(/^DTSTART[^:\r\n]*:(\S+)/m)?.[1];
    if (!file.text.startsWith("BEGIN:VCALENDAR") || start !== `${iso.replace(/-/g, "")}T093000` || !/^TRIGGER:-PT1H\r$/m.test(file.text)) {
      throw new Error(`the calendar file ${file.name} starts ${JSON.stringify(file.text.slice(0, 40))}, its event at ${start}`);
    }
    return `next meeting ${typed.how}; ${file.name}`;
  },

  async "the French home page"(session, site) {
    const { tab } = session;
    await tab.goto(`${site}fr/`);
    const lang = await tab.until("the French home page", () => document.readyState === "complete" && document.documentElement.lang);
    if (lang !== "fr") throw new Error(`the French home page says lang="${lang}"`);
    const heading = await tab.evaluate(() => document.querySelector("h1")?.textContent.trim());
    if (!/mentorat/i.test(heading ?? "")) throw new Error(`the French home page's heading is "${heading}"`);
    // Searched: the site's search worker loads Material's (and Lunr's French stemmer, found
    // beside it) only now, when a reader first types.
    await tab.click(await tab.mark("field", "Rechercher"));
    await tab.keys("mentor");
    const found = await tab.until("results of a search", () => {
      const meta = document.querySelector(".md-search-result__meta")?.textContent ?? "";
      return document.querySelectorAll(".md-search-result__item").length && /trouvés?$/.test(meta.trim()) && meta.trim();
    });
    return `${heading}; ${found}`;
  },
};

/**
 * Types a date and a time into a datetime-local field as a reader does, key by key, in the way the
 * engine's field takes them, and returns the field's value and how it was given. Chromium shows
 * segments that take digits (month, day, year; an arrow to the time; hour, minute, AM or PM);
 * WebKitGTK's segments move on "/" and take a 24-hour time in the C locale this machine has.
 * Firefox's date widget takes no keys sent by automation at all (mozilla/geckodriver#1070, open
 * since 2017, and the same over BiDi): there the value is given as its picker gives it.
 */
async function typeDateTime(tab, engine, label, date, time) {
  const target = await tab.mark("field", label, "[data-entry-form]");
  const pad = (n) => String(n).padStart(2, "0");
  const [hours, minutes] = time.split(":").map(Number);
  const value = () => tab.evaluate((s) => document.querySelector(s).value, target);
  await tab.click(target);
  await tab.evaluate((s) => {
    const field = document.querySelector(s);
    field.blur();
    field.focus();
  }, target); // its first segment
  if (engine === "chromium") {
    await tab.keys(`${pad(date.getMonth() + 1)}${pad(date.getDate())}${date.getFullYear()}`);
    await tab.press("ArrowRight");
    await tab.keys(`${pad(hours % 12 || 12)}${pad(minutes)}${hours < 12 ? "A" : "P"}`);
    return { value: await value(), how: "typed" };
  }
  if (engine === "webkit") {
    await tab.keys(`${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()}`);
    await tab.press("ArrowRight");
    await tab.keys(time);
    return { value: await value(), how: "typed" };
  }
  await tab.keys("1"); // a key, to show the widget still takes none: the note says if that changes
  const typedSomething = (await value()) !== "";
  const iso = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time}`;
  await tab.evaluate(
    (s, v) => {
      const field = document.querySelector(s);
      field.value = v;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    },
    target,
    iso,
  );
  return { value: await value(), how: typedSomething ? "typed in part, then picked" : "picked (the widget takes no automated keys)" };
}

// What the page itself reports during a journey that provokes it (run.mjs lets these through):
// Material's palette script reads storage without a guard, and throws where it is blocked.
export const EXPECTED_REPORTS = {
  "with storage blocked the page works and says answers last until the reader leaves": /SecurityError|blocked|insecure/i,
};

// The journeys where the engine lacks something: a feature removed before the page's own scripts
// run (?without=, see watch.js), as an older engine lacks it, or the engine's own limit reached.
Object.assign(JOURNEYS, {
  async "without compression a link is still made, and a compressed one is refused with a sentence"(session, site) {
    const { tab } = session;
    const old = `${site}${MENTOR}?without=CompressionStream,DecompressionStream`;
    await openQuestionnaire(tab, old);
    await tab.evaluate(answerAll, 1);
    const ask = await askForAView(tab);
    if (!ask.includes("#mk-ask=.")) throw new Error(`without CompressionStream the link is ${ask}`);
    const back = await giveAView(session, ask, "asked for your view"); // a current browser reads it
    if (back.includes("#mk-view=.")) throw new Error("a browser with CompressionStream sent an uncompressed link");
    await tab.goto(old + back.slice(back.indexOf("#"))); // the fragment only: this page still lacks both
    await tab.sees("[data-status]", "This browser cannot open links of this kind");
    return `request of ${ask.length} characters, uncompressed`;
  },

  async "with storage blocked the page works and says answers last until the reader leaves"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, `${site}${MENTOR}?without=localStorage`);
    await tab.sees("[data-status]", "answers last only until you leave this page");
    const count = await tab.evaluate(answerAll, 1);
    const shown = await tab.evaluate(checked);
    if (shown !== count) throw new Error(`${shown} of ${count} answers shown without storage`);
    await tab.until("the results drawn", () => /Practitioner|Foundation/.test(document.querySelector("[data-results]")?.textContent ?? ""));
    return "";
  },

  async "when the engine's storage is full the reader is told, and nothing is lost once there is room"(session, site) {
    const { tab } = session;
    await openQuestionnaire(tab, site + MENTOR);
    // Filled until nothing more fits, twice over: storage freed meanwhile by what came before (a
    // browser context closed, a clear settling) would otherwise leave room for the answer.
    let filled = 0;
    for (let added = -1; added !== 0; await new Promise((done) => setTimeout(done, 300))) {
      added = await tab.evaluate(fill);
      filled += added;
    }
    const first = '[data-form] [data-item] input[type="radio"][value="2"]';
    await tab.click(await tab.mark("css", first));
    await tab.until("the answer taken", (s) => document.querySelector(s).checked, first);
    await tab.sees("[data-status]", "could not be saved in this browser").catch(async (error) => {
      const stored = await tab.evaluate(
        () =>
          Object.keys(localStorage)
            .filter((k) => !k.startsWith("fill:"))
            .join(", ") || "nothing",
      );
      throw new Error(`${error.message}; besides the filling, storage holds: ${stored}; room left: ${await tab.evaluate(fill)} characters`);
    });
    await tab.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("fill:"))
        .forEach((k) => {
          localStorage.removeItem(k);
        }),
    );
    await tab.click(await tab.mark("css", '[data-form] [data-item]:nth-of-type(2) input[type="radio"][value="3"]'));
    await tab.sees("[data-status]", "saved in this browser again");
    await tab.reload();
    await tab.until("the questionnaire set up again", enhanced);
    const kept = await tab.until("both answers restored", checked);
    if (kept !== 2) throw new Error(`${kept} of 2 answers kept after storage was full, then had room`);
    return `full at ${(filled / 1048576).toFixed(1)} M characters`;
  },
});
