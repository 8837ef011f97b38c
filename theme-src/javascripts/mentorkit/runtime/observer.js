// A page opened from a link that asks for someone's view (#mk-ask=...): loaded by the loader
// instead of the method's runtime, for such links only.
export * from "../observer.js";
