// What the runtime finds on the page that is not its own: the theme's globals. Checked by
// `tsc` (tsconfig.json) with the runtime's modules; never shipped.

interface Window {
  /** Material's site root, set by its templates before any script runs. */
  __md_scope?: URL;
  /** Material's instant navigation: emits each page it shows (absent without instant navigation). */
  document$?: { subscribe(next: () => void): unknown };
}
