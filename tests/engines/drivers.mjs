// One way to drive a tab in each engine readers use, so that the journeys (journeys.mjs) are
// written once: Chromium and Firefox through puppeteer-core (Chromium over CDP, Firefox over
// WebDriver BiDi, no geckodriver), WebKit through Selenium and WebKitGTK's own WebKitWebDriver,
// under Xvfb (run.mjs starts it). Every engine is Debian's own; nothing is downloaded.
//
// A control is found the way a reader finds it, by what it says (a button's text, a field's
// label), then acted on by the engine's own input: a real click or real key presses, so that
// user activation, focus and the events that follow are the engine's.

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ENGINES = ["chromium", "firefox", "webkit"];

// Chromium's headless build, as the rest of the suite drives it: the same engine as the browser,
// without the browser's own windows, and about a fifth less processor time for the journeys
// (34-40 s against 45-48 s, measured alone).
const CHROMIUM = "/usr/bin/chromium-headless-shell";
const FIREFOX = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const SMALL_BUTTONS =
  "button, button * { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; -gtk-icon-transform: scale(0.1); }";
export const WIDTH = 1280;
export const HEIGHT = 900;
const WAIT = 15000;

// Marks the element a reader would act on, so that the engine's own input can reach it by a
// selector. The finder (one of FINDERS) runs in the page and returns the element, or a sentence
// saying what it found instead; it is written into the script's text, as the site's policy allows
// no eval (and WebKit holds a driver's scripts to it).
const MARK = "data-engine-target";
const marking = (find) => `(...args) => {
  document.querySelectorAll("[${MARK}]").forEach((e) => e.removeAttribute("${MARK}"));
  const found = (${find})(...args);
  if (!(found instanceof Element)) return typeof found === "string" ? found : "not found";
  found.setAttribute("${MARK}", "");
  found.scrollIntoView({ block: "center" });
  return "";
}`;

// What a reader reads as a control's name: its label, its aria-label, or its text.
const FINDERS = {
  button: (text, within) => {
    const scope = within ? document.querySelector(within) : document;
    if (!scope) return `nothing matches ${within}`;
    const wanted = text.replace(/\s+/g, " ").trim();
    const named = (e) => (e.getAttribute("aria-label") || e.textContent).replace(/\s+/g, " ").trim();
    const all = [...scope.querySelectorAll("button, a, [role=button], label.md-button")].filter(
      (e) => e.getClientRects().length && !e.closest("[hidden]"),
    );
    return (
      all.find((e) => named(e) === wanted) ||
      all.find((e) => named(e).startsWith(wanted)) ||
      `no button "${wanted}" among: ${all.map(named).filter(Boolean).slice(0, 40).join(" | ")}`
    );
  },
  field: (text, within) => {
    const scope = within ? document.querySelector(within) : document;
    if (!scope) return `nothing matches ${within}`;
    const wanted = text.replace(/\s+/g, " ").trim();
    const labels = [...scope.querySelectorAll("label")];
    const label =
      labels.find((l) => l.textContent.replace(/\s+/g, " ").trim() === wanted) ||
      labels.find((l) => l.textContent.replace(/\s+/g, " ").trim().startsWith(wanted));
    const control = label && (label.control || label.querySelector("input, select, textarea"));
    return (
      control ||
      [...scope.querySelectorAll("[aria-label]")].find((e) => e.getAttribute("aria-label") === wanted) ||
      `no field "${wanted}" among: ${labels
        .map((l) => l.textContent.trim())
        .slice(0, 40)
        .join(" | ")}`
    );
  },
  css: (selector) => document.querySelector(selector) || `nothing matches ${selector}`,
};

/** A function's source as a file holds it (look.js ends its expression with ";", as a formatter
 * writes it), as an expression that can be called. */
const callable = (source) => source.trim().replace(/;$/, "");

/** A tab of any engine: what the journeys may do, each step a reader's. */
class Tab {
  async mark(kind, ...args) {
    const problem = await this.run(marking(FINDERS[kind]), ...args);
    if (problem) throw new Error(problem);
    // Acted on once it stands still, as a reader's pointer is: the page may still be scrolling
    // (a smooth scroll the last answer started), and a click where the element was lands elsewhere.
    let last = "";
    for (let polls = 0; polls < 30; polls++) {
      const where = await this.evaluate((s) => {
        const box = document.querySelector(s)?.getBoundingClientRect();
        return box ? `${Math.round(box.top)},${Math.round(box.left)},${Math.round(scrollY)}` : "";
      }, `[${MARK}]`);
      if (where === last) break;
      last = where;
      await new Promise((done) => setTimeout(done, 100));
    }
    return `[${MARK}]`;
  }

  /** Waits until `fn` (run in the page with `args`) returns something truthy, and returns it. */
  async until(what, fn, ...args) {
    const deadline = Date.now() + WAIT;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, ...args);
        if (last) return last;
      } catch (error) {
        last = error.message; // a page between two documents: try again
      }
      if (Date.now() > deadline) {
        // What the page said meanwhile, to tell a slow engine from a reader left without an answer.
        const said = await this.evaluate(
          () =>
            `${location.pathname}${location.hash.slice(0, 24)}: ${
              [...document.querySelectorAll("[role=status]")]
                .map((s) => s.textContent.trim())
                .filter(Boolean)
                .join(" / ") || "no status"
            }`,
        ).catch((error) => error.message);
        throw new Error(`waited ${WAIT / 1000} s for ${what}; last seen: ${JSON.stringify(last)}; the page at ${said}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** The text of the first element matching `selector` (empty when there is none). */
  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent.replace(/\s+/g, " ").trim() ?? "", selector);
  }

  /** Waits until the element matching `selector` contains `wanted`. */
  async sees(selector, wanted) {
    return this.until(
      `"${wanted}" in ${selector}`,
      (s, w) => {
        const text = document.querySelector(s)?.textContent.replace(/\s+/g, " ") ?? "";
        return text.includes(w) && text;
      },
      selector,
      wanted,
    );
  }

  /** The list labelled `label`, and which of its options reads `option` (or begins so). */
  async option(label, option, within) {
    const target = await this.mark("field", label, within);
    const found = await this.evaluate(
      (s, o) => {
        const options = [...document.querySelector(s).options];
        const index = Math.max(
          options.findIndex((x) => x.text.trim() === o),
          options.findIndex((x) => x.text.trim().startsWith(o)),
        );
        return index < 0 ? options.map((x) => x.text.trim()).join(" | ") : { index, value: options[index].value };
      },
      target,
      option,
    );
    if (typeof found === "string") throw new Error(`no option "${option}" in "${label}", only: ${found}`);
    return { target, ...found };
  }

  clickButton(text, within) {
    return this.mark("button", text, within).then((target) => this.click(target));
  }

  async fill(label, value, within) {
    const target = await this.mark("field", label, within);
    await this.clear(target);
    await this.type(target, value);
  }
}

class PuppeteerTab extends Tab {
  constructor(page) {
    super();
    this.page = page;
  }
  goto(url) {
    return this.page.goto(url, { waitUntil: "load" });
  }
  url() {
    return this.page.url();
  }
  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }
  run(source, ...args) {
    return this.page.evaluate(`(${callable(source)})(...${JSON.stringify(args)})`);
  }
  click(selector) {
    return this.page.click(selector);
  }
  async clear(selector) {
    await this.page.$eval(selector, (e) => e.select?.());
    await this.page.keyboard.press("Backspace");
  }
  type(selector, text) {
    return this.page.type(selector, text);
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  keys(text) {
    return this.page.keyboard.type(text);
  }
  async choose(label, option, within) {
    const { target, value } = await this.option(label, option, within);
    await this.page.select(target, value);
  }
  async upload(selector, file) {
    const input = await this.page.$(selector);
    await input.uploadFile(file);
  }
  reload() {
    return this.page.reload({ waitUntil: "load" });
  }
  async screenshot(path, width, height) {
    await this.page.setViewport({ width, height });
    await this.page.screenshot({ path });
  }
  size(width, height) {
    return this.page.setViewport({ width, height });
  }
  close() {
    return this.page.close();
  }
}

class WebDriverTab extends Tab {
  constructor(driver, handle, By, Key) {
    super();
    Object.assign(this, { driver, handle, By, Key });
  }
  async focus() {
    if ((await this.driver.getWindowHandle()) !== this.handle) await this.driver.switchTo().window(this.handle);
  }
  async goto(url) {
    await this.focus();
    await this.driver.get(url);
  }
  async url() {
    await this.focus();
    return this.driver.getCurrentUrl();
  }
  async evaluate(fn, ...args) {
    await this.focus();
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }
  async run(source, ...args) {
    await this.focus();
    return this.driver.executeScript(`return (${callable(source)}).apply(null, arguments)`, ...args);
  }
  async click(selector) {
    await this.focus();
    await this.driver.findElement(this.By.css(selector)).click();
  }
  async clear(selector) {
    await this.focus();
    await this.driver.findElement(this.By.css(selector)).clear();
  }
  async type(selector, text) {
    await this.focus();
    await this.driver.findElement(this.By.css(selector)).sendKeys(text);
  }
  async press(key) {
    await this.focus();
    const named = {
      Enter: this.Key.ENTER,
      Tab: this.Key.TAB,
      Backspace: this.Key.BACK_SPACE,
      Escape: this.Key.ESCAPE,
      ArrowRight: this.Key.ARROW_RIGHT,
      ArrowLeft: this.Key.ARROW_LEFT,
      ArrowUp: this.Key.ARROW_UP,
      ArrowDown: this.Key.ARROW_DOWN,
    };
    await this.driver
      .actions()
      .sendKeys(named[key] ?? key)
      .perform();
  }
  async keys(text) {
    await this.focus();
    await this.driver.actions().sendKeys(text).perform();
  }
  async choose(label, option, within) {
    const { target, index } = await this.option(label, option, within);
    await this.driver.findElement(this.By.css(`${target} option:nth-child(${index + 1})`)).click();
  }
  async upload(selector, file) {
    await this.focus();
    await this.driver.findElement(this.By.css(selector)).sendKeys(file);
  }
  async reload() {
    await this.focus();
    await this.driver.navigate().refresh();
  }
  async screenshot(path, width, height) {
    await this.size(width, height);
    writeFileSync(path, Buffer.from(await this.driver.takeScreenshot(), "base64"));
  }
  async size(width, height) {
    await this.focus();
    // The window's outer size is set so that the page's own viewport is width × height (the window
    // adds its frame). The page sees a resize a moment later, perhaps one side at a time: each
    // correction waits until what the page reports has settled. A window already right is left
    // alone (a resize just before a screenshot is photographed half-drawn).
    const inner = () => this.driver.executeScript("return [window.innerWidth, window.innerHeight]");
    const frame = this.driver.manage().window();
    let [innerWidth, innerHeight] = await inner();
    for (let tries = 0; tries < 3 && (innerWidth !== width || innerHeight !== height); tries++) {
      const outer = await frame.getRect();
      await frame.setRect({ width: outer.width + width - innerWidth, height: outer.height + height - innerHeight });
      for (let polls = 0, steady = 0; polls < 40 && steady < 3; polls++) {
        await new Promise((wait) => setTimeout(wait, 25));
        const [nowWidth, nowHeight] = await inner();
        steady = nowWidth === innerWidth && nowHeight === innerHeight ? steady + 1 : 0;
        [innerWidth, innerHeight] = [nowWidth, nowHeight];
      }
    }
    if (innerWidth !== width || innerHeight !== height)
      throw new Error(`the window shows the page at ${innerWidth} × ${innerHeight}, not ${width} × ${height}`);
  }
  async close() {
    await this.focus();
    await this.driver.close();
    const [first] = await this.driver.getAllWindowHandles();
    if (first) await this.driver.switchTo().window(first);
  }
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** A browser of `engine` with a profile of its own, whose downloads land in a folder of its own. */
export async function launch(engine) {
  const downloads = mkdtempSync(join(tmpdir(), `mentorkit-${engine}-downloads-`));
  const session = engine === "webkit" ? await webdriverSession(downloads) : await puppeteerSession(engine, downloads);
  session.engine = engine;
  session.downloads = downloads;
  /** The file a download just saved, once complete: its name and text. */
  session.downloaded = async (pattern, since) => {
    const deadline = Date.now() + WAIT;
    for (;;) {
      const done = readdirSync(downloads).filter(
        (name) => pattern.test(name) && !/\.(part|crdownload|download)$/.test(name) && statSync(join(downloads, name)).mtimeMs >= since,
      );
      if (done.length) {
        const path = join(downloads, done[0]);
        await new Promise((wait) => setTimeout(wait, 200)); // a file the engine is still writing
        return { name: done[0], path, text: readFileSync(path, "utf-8") };
      }
      if (Date.now() > deadline) {
        const there = readdirSync(downloads).filter((name) => !name.startsWith(".")); // not the browser's own configuration
        throw new Error(`no download matching ${pattern} in ${WAIT / 1000} s (folder: ${there.join(", ") || "empty"})`);
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
  };
  const close = session.close;
  session.close = async () => {
    await close();
    rmSync(downloads, { recursive: true, force: true });
  };
  return session;
}

async function puppeteerSession(engine, downloads) {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({
    browser: engine === "firefox" ? "firefox" : "chrome",
    executablePath: engine === "firefox" ? FIREFOX : CHROMIUM,
    args: engine === "firefox" ? [] : CHROMIUM_ARGS,
    headless: engine === "firefox" ? true : "shell",
    defaultViewport: { width: WIDTH, height: HEIGHT },
    downloadBehavior: { policy: "allow", downloadPath: downloads },
    // Firefox: no first-run pages, no requests of its own to the outside world.
    extraPrefsFirefox: { "browser.download.folderList": 2, "browser.download.dir": downloads },
  });
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  return {
    tab: new PuppeteerTab(page),
    newTab: async () => new PuppeteerTab(await browser.newPage()),
    // A second reader's browser: storage of its own, nothing shared with the first.
    otherProfile: async () => {
      const context = await browser.createBrowserContext({ downloadBehavior: { policy: "allow", downloadPath: downloads } });
      const other = await context.newPage();
      await other.setViewport({ width: WIDTH, height: HEIGHT });
      return { tab: new PuppeteerTab(other), close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

async function webdriverSession(downloads) {
  const { Builder, By, Key } = await import("selenium-webdriver");
  const start = async () => {
    const port = await freePort();
    // MiniBrowser saves a download in its home folder, whatever the page's user asks.
    // Its toolbar's buttons hold its window at least 447 px wide, wider than a phone: GTK's style
    // sheet in that home draws them small, so that a page can be 360 or 390 px wide (make look).
    mkdirSync(join(downloads, ".config", "gtk-3.0"), { recursive: true });
    writeFileSync(join(downloads, ".config", "gtk-3.0", "gtk.css"), SMALL_BUTTONS);
    const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: "ignore", env: { ...process.env, HOME: downloads } });
    const capabilities = {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    };
    let driver;
    for (let attempt = 0; ; attempt++) {
      try {
        driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
        break;
      } catch (error) {
        if (attempt > 50) throw error; // the driver is not listening yet
        await new Promise((wait) => setTimeout(wait, 100));
      }
    }
    const tab = new WebDriverTab(driver, await driver.getWindowHandle(), By, Key);
    await tab.size(WIDTH, HEIGHT);
    return {
      driver,
      tab,
      newTab: async () => {
        await driver.switchTo().newWindow("tab");
        return new WebDriverTab(driver, await driver.getWindowHandle(), By, Key);
      },
      close: async () => {
        await driver.quit().catch(() => {});
        service.kill();
      },
    };
  };
  const first = await start();
  return {
    ...first,
    // A second MiniBrowser with its own ephemeral profile: as separate as another person's browser.
    otherProfile: async () => start(),
  };
}
