// A link one person sends another by hand (a request for a view, a view sent back): shown in a
// field a reader can select, with a Copy button and, where the device has a share sheet, Share.
// A line under them says what happened, in words: on a phone, a 700-character field is fiddly
// to select, and a copy that silently failed would be pasted as whatever was copied before.
// Nothing here sends anything: the reader's own mail or chat does, once they choose.

import { el } from "../dom.js";
import { t } from "../messages.js";

/**
 * The field, its buttons, the note under them and the status line, for `link`.
 * @param {{ id: string, label: string, link: string, note: string, title: string, data: string }} options
 *   `data` names the field's data attribute (tests and the engines' journeys find it by its label).
 */
export function linkToSend({ id, label, link, note, title, data }) {
  const field = el("input", { type: "url", readonly: "", id, value: link, [data]: "" });
  const said = el("p", { class: "mk-handover__status", role: "status" });
  /** @param {string} text @param {() => Promise<void>} action */
  const button = (text, action) => {
    const made = el("button", { type: "button", class: "md-button" }, text);
    made.addEventListener("click", action);
    return made;
  };
  const copy = button(t("linkCopy"), async () => {
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = t("linkCopied");
    } catch {
      // no clipboard here (an insecure origin, a browser that refuses): the reader copies it
      field.focus();
      field.select();
      said.textContent = t("linkNotCopied");
    }
  });
  // The share sheet, where the device has one for links (phones, Safari, Edge): mail, chat, AirDrop.
  const canShare = typeof navigator.share === "function" && (navigator.canShare?.({ url: link }) ?? true);
  const share =
    canShare &&
    button(t("linkShare"), async () => {
      try {
        await navigator.share({ title, url: link });
        said.textContent = t("linkShared");
      } catch (error) {
        // an AbortError (share rejects with DOMExceptions): closed without choosing, nothing was sent, and nothing needs saying
        if (/** @type {DOMException | undefined} */ (error)?.name !== "AbortError") said.textContent = t("linkNotShared");
      }
    });
  return el(
    "div",
    { class: "mk-handover" },
    el("div", { class: "mk-growth__field" }, el("label", { for: id }, label), field),
    el("p", { class: "mk-handover__actions" }, copy, share ? " " : null, share || null),
    said,
    el("p", {}, note),
  );
}
