// Loaded on every page, tiny: fetches the questionnaire runtime and its styles
// only when the page holds a questionnaire. Material's document$ emits on every
// page change under instant navigation, so set-up runs for each page shown.

// One minified bundle of mentorkit/*.js (npm run bundle), cached like any asset.
const runtime = new URL("./mentorkit.runtime.js", import.meta.url).href;
const styles = new URL("../stylesheets/mentorkit.min.css", import.meta.url).href;

function ensureStyles() {
  if (document.querySelector("link[data-mentorkit-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = styles;
  link.dataset.mentorkitStyles = "";
  document.head.append(link);
}

// The listeners a page's questionnaires put on window go once the reader has moved to another
// page (document$ may also emit again for the page still shown: its questionnaires keep theirs).
let page = { controller: new AbortController(), roots: [] };

function setUp() {
  if (!page.roots.some((root) => root.isConnected)) {
    page.controller.abort();
    page = { controller: new AbortController(), roots: [] };
  }
  const found = [...document.querySelectorAll("[data-questionnaire]:not([data-enhanced])")];
  if (!found.length) return;
  page.roots.push(...found);
  const { signal } = page.controller;
  ensureStyles();
  import(runtime).then(({ enhance }) => found.forEach((root) => enhance(root, signal)));
}

if (window.document$) window.document$.subscribe(setUp);
else setUp();
