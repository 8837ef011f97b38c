// Data in a link's fragment (after "#"), which browsers never send to any server: JSON,
// compressed (deflate-raw) and written in base64url. Reading one never throws and never
// inflates more than MAX_JSON characters, whatever the link holds: anyone can craft one.
// A browser without CompressionStream (Safari before 16.4, Firefox before 113) writes the JSON
// uncompressed after a "." (not a base64url character), longer but readable by every browser;
// one without DecompressionStream cannot read a compressed link, and is told so (readableHere).

// What a link's fragment begins with: a request for someone's view, and the view sent back.
export const ASK = "mk-ask=";
export const VIEW = "mk-view=";

export const MAX_LINK = 60000; // characters after the prefix: far above any real questionnaire's
const MAX_JSON = 400000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** @param {Uint8Array} bytes @returns {string} */
function toBase64url(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const PLAIN = ".";
const compressing = () => typeof CompressionStream === "function";

/** The value, as the text to put after a link's prefix.
 * @param {unknown} value @returns {Promise<string>} */
export async function pack(value) {
  const json = JSON.stringify(value);
  if (!compressing()) return PLAIN + toBase64url(new TextEncoder().encode(json));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Whether this browser can read a link's text: false only for a compressed link in a browser
 * that cannot inflate it (whose reader is then told to open it elsewhere, not that it is broken).
 * @param {unknown} text @returns {boolean} */
export const readableHere = (text) => typeof text !== "string" || text.startsWith(PLAIN) || typeof DecompressionStream === "function";

/** @param {string} text */
const fromBase64url = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** The value a link's text holds, or undefined when it holds none that this site wrote. Whatever
 * JSON holds, as JSON.parse gives it (any), for its readers to check.
 * @param {unknown} text @returns {Promise<any>} */
export async function unpack(text) {
  if (typeof text !== "string" || text.length > MAX_LINK) return undefined;
  const plain = text.startsWith(PLAIN);
  const body = plain ? text.slice(PLAIN.length) : text;
  if (!BASE64URL.test(body)) return undefined;
  try {
    const bytes = fromBase64url(body);
    if (plain) return bytes.length > MAX_JSON ? undefined : JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    /** @type {Uint8Array[]} */
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON) {
        reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.length;
    }
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(whole));
  } catch {
    return undefined;
  }
}

/** The text after `prefix` in a link (or a fragment), or undefined.
 * @param {string} prefix @param {unknown} link @returns {string | undefined} */
export function after(prefix, link) {
  const at = typeof link === "string" ? link.indexOf(`#${prefix}`) : -1;
  return at < 0 ? undefined : /** @type {string} found in it */ (link).slice(at + prefix.length + 1).trim();
}
