// Export and import, in a bundle of their own: loaded when the reader first uses them.
export * from "../files.js";
export * from "../transfer.js";
