// Code loaded on demand, begun the moment the reader shows intent (a pointer over the controls
// that need it, focus on one, a touch) rather than on the click itself: on a slow connection
// the click then seldom waits, and a download started by it keeps the click's user activation
// (which lapses after a few seconds; transfer.js's download says so when it has).

/**
 * @param {string} url the module's address
 * @param {Element[]} where the elements whose use needs it
 * @param {AbortSignal} [signal] ends the watching with the page
 * @returns {() => Promise<any>} the module, loaded once
 */
export function onDemand(url, where, signal) {
  let loading = null;
  const load = () => (loading ||= import(url));
  for (const element of where) {
    for (const type of ["pointerover", "focusin", "touchstart"]) element?.addEventListener(type, load, { once: true, passive: true, signal });
  }
  return load;
}
