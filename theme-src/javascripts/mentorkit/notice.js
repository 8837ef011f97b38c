// The notice of a questionnaire's page (its [data-status] line): what the reader is told, with the
// buttons it offers beside it, or a file to save in its place. Drawn from what it is given
// (answering.js decides what is said and offered); it keeps nothing.

import { el } from "./dom.js";
import { t } from "./messages.js";

/** The words of each button the notice may offer, by its data-action (what it does: actions.js). */
const OFFERED = /** @type {Record<string, string>} */ ({ "export-backup": "exportBackup", "download-unreadable": "downloadUnreadable" });

/** The notice says `sentences` (those empty left out), then offers a button for each of `offered`.
 * @param {HTMLElement} status @param {string[]} sentences @param {string[]} offered data-actions */
export function notice(status, sentences, offered) {
  status.textContent = sentences.filter(Boolean).join(" ");
  for (const action of offered)
    status.append(" ", el("button", { type: "button", class: "md-button", "data-action": action }, t(OFFERED[action])));
}

/** A file the click's moment has passed for: a link in the notice, in focus, to save it by.
 * @param {HTMLElement} status @param {HTMLAnchorElement} link */
export function offer(status, link) {
  status.replaceChildren(link);
  link.focus();
}
