// Loaded on every page, tiny (served minified as assets/javascripts/mentorkit.js): fetches
// the questionnaire runtime and its styles only when the page holds a questionnaire.
// Material's document$ emits on every page change under instant navigation, so set-up
// runs for each page shown.

// The minified runtime of mentorkit/*.js (scripts/bundle), one bundle per scoring method so that
// a page loads only its own method's code; cached like any asset. Addresses are those of the
// served loader, assets/javascripts/mentorkit.js.
// A page names its bundle in data-runtime: its method's, or another's (a journal's prompts use the journal's).
/** @param {string} name */
const runtime = (name) => new URL(`./mentorkit-runtime/${name}.js`, import.meta.url).href;
const styles = new URL("../stylesheets/mentorkit.min.css", import.meta.url).href;
const paper = new URL("../stylesheets/mentorkit-print.min.css", import.meta.url).href;
// The loader is at <site>/assets/javascripts/ in any generator: the site's base path scopes saved answers.
const base = new URL("../../", import.meta.url).pathname;

function ensureStyles() {
  if (document.querySelector("link[data-mentorkit-styles]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = styles;
  link.dataset.mentorkitStyles = "";
  const print = /** @type {HTMLLinkElement} */ (link.cloneNode());
  print.href = paper;
  print.media = "print"; // for paper only: it holds back no paint on screen
  document.head.append(link, print);
}

// The listeners a page's questionnaires put on window go once the reader has moved to another
// page (document$ may also emit again for the page still shown: its questionnaires keep theirs).
/** @type {string | null} */
let shown = null;
/** @type {AbortController | null} */
let page = null;

function setUp() {
  if (location.pathname !== shown) {
    page?.abort();
    page = new AbortController();
    shown = location.pathname;
  }
  const found = document.querySelectorAll("[data-questionnaire]:not([data-enhanced])");
  if (!found.length) return;
  const { signal } = /** @type {AbortController} */ (page); // made on the page's first set-up, just above or earlier
  ensureStyles();
  // A link asking for someone's view (#mk-ask=...), or bringing one back (#mk-view=...): observer.js.
  for (const root of /** @type {NodeListOf<HTMLElement>} */ (found)) {
    // The build names each questionnaire's bundle (data-runtime, generator/templates).
    import(runtime(location.hash.startsWith("#mk-") ? "observer" : /** @type {string} */ (root.dataset.runtime))).then(({ enhance }) =>
      enhance(root, signal, base),
    );
  }
}

// Switching language leads to the same page in the other language (language.js, loaded when
// the reader uses the theme's language selector, or lands from it). Caught before the theme's
// instant navigation sees the click.
/** @type {() => Promise<typeof import("./runtime/language.js")>} */
const language = () => import(runtime("language"));

window.addEventListener(
  "click",
  (event) => {
    const target = /** @type {Element} */ (event.target); // closest is absent on a text node or the document
    const link = /** @type {HTMLAnchorElement | null} */ (target.closest?.(".md-select__link[hreflang]"));
    if (!link || link.origin !== location.origin) return;
    event.preventDefault();
    event.stopPropagation();
    language().then((module) => module.follow(link, base));
  },
  { capture: true },
);

function onPage() {
  if (location.hash.startsWith("#mentorkit-untranslated")) language().then((module) => module.landed());
  setUp();
}

if (window.document$) window.document$.subscribe(onPage);
else onPage();
