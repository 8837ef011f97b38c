// Loaded on every page, tiny: fetches the questionnaire runtime and its styles
// only when the page holds a questionnaire. Material's document$ emits on every
// page change under instant navigation, so set-up runs for each page shown.

// One minified bundle of mentorkit/*.js (npm run bundle), cached like any asset.
const runtime = new URL("./mentorkit.runtime.js", import.meta.url).href;
const styles = new URL("../stylesheets/mentorkit.min.css", import.meta.url).href;
// This file is at <site>/assets/javascripts/ in any generator: the site's base path scopes saved answers.
const base = new URL("../../", import.meta.url).pathname;

function ensureStyles() {
  if (document.querySelector("link[data-mentorkit-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = styles;
  link.dataset.mentorkitStyles = "";
  document.head.append(link);
}

function setUp() {
  const found = document.querySelectorAll("[data-questionnaire]:not([data-enhanced])");
  if (!found.length) return;
  ensureStyles();
  import(runtime).then(({ enhance }) => found.forEach((root) => enhance(root, base)));
}

if (window.document$) window.document$.subscribe(setUp);
else setUp();
