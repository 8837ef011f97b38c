// Loaded on every page, tiny (served minified as assets/javascripts/mentorkit.js): fetches
// the questionnaire runtime and its styles only when the page holds a questionnaire.
// Material's document$ emits on every page change under instant navigation, so set-up
// runs for each page shown.

// The minified runtime of mentorkit/*.js (scripts/bundle), one bundle per scoring method so that
// a page loads only its own method's code; cached like any asset. Addresses are those of the
// served loader, assets/javascripts/mentorkit.js.
// A page names its bundle in data-runtime: its method's, or another's (a journal's prompts use the journal's).
const runtime = (name) => new URL(`./mentorkit-runtime/${name}.js`, import.meta.url).href;
const styles = new URL("../stylesheets/mentorkit.min.css", import.meta.url).href;
// The loader is at <site>/assets/javascripts/ in any generator: the site's base path scopes saved answers.
const base = new URL("../../", import.meta.url).pathname;

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
  for (const root of found) import(runtime(root.dataset.runtime)).then(({ enhance }) => enhance(root, signal, base));
}

if (window.document$) window.document$.subscribe(setUp);
else setUp();
