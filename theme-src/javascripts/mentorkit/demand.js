// Code loaded on demand, begun the moment the reader shows intent (a pointer over the controls
// that need it, focus on one, a touch) rather than on the click itself: on a slow connection
// the click then seldom waits, and a download started by it keeps the click's user activation
// (which lapses after a few seconds; transfer.js's download says so when it has).

/**
 * @param {string} url the module's address
 * @param {Array<Element | null>} where the elements whose use needs it (one absent is passed by)
 * @param {AbortSignal} [signal] ends the watching with the page
 * @returns {() => Promise<any>} the module, loaded once (any: an address has no type; a caller names its module's)
 */
export function onDemand(url, where, signal) {
  const load = once(url);
  const ahead = () => load().catch(() => {}); // loading ahead of a use fails quietly
  for (const element of where) {
    for (const type of ["pointerover", "focusin", "touchstart"])
      element?.addEventListener(type, ahead, { once: true, passive: true, signal });
  }
  return load;
}

/**
 * A module, loaded once. A load that failed (the connection dropped, or the page was left while it
 * loaded, which WebKit reports as a failure) is tried again at the next call, under another address
 * (?retry=n, the same file): the page keeps a module's failure under its address for its life.
 * @param {string} url
 * @returns {() => Promise<any>} (any, as import() of an address gives: a caller names its module's type)
 */
export function once(url) {
  let loading = null;
  let failures = 0;
  return () =>
    (loading ||= import(failures ? `${url}${url.includes("?") ? "&" : "?"}retry=${failures}` : url).catch((error) => {
      loading = null;
      failures += 1;
      throw error;
    }));
}
