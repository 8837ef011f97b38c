// The browser's storage, reached safely: every module that keeps something goes through here.
// A browser may refuse storage (a privacy setting, a sandboxed frame): even reading the property
// can throw, and a write can throw when storage is full. Imports nothing, so that the smallest
// bundles (language.js) can use it.

/** localStorage or sessionStorage, or null where the browser refuses it.
 * @param {"localStorage" | "sessionStorage"} kind
 * @returns {Storage | null} */
export function reach(kind) {
  try {
    const storage = window[kind];
    storage.getItem("mentorkit:");
    return storage;
  } catch {
    return null;
  }
}

/** Run a storage action; false when the browser refused it (full, or blocked). @param {() => unknown} action */
export function attempt(action) {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}
