// Switching language (language.js), in a bundle of its own: loaded only when used.
export * from "../language.js";
