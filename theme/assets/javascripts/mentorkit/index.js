// The runtime's public face, bundled into mentorkit.runtime.js (npm run bundle):
// enhance() for pages, score() and validAnswers() for the parity tests.

export { enhance } from "./questionnaire.js";
export { score, validAnswers } from "./scoring.js";
