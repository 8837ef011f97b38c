// Data in a link's fragment (after "#"), which browsers never send to any server: JSON,
// compressed (deflate-raw) and written in base64url. Reading one never throws and never
// inflates more than MAX_JSON characters, whatever the link holds: anyone can craft one.

export const MAX_LINK = 60000; // characters after the prefix: far above any real questionnaire's
const MAX_JSON = 400000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function toBase64url(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The value, as the text to put after a link's prefix. */
export async function pack(value) {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The value a link's text holds, or undefined when it holds none that this site wrote. */
export async function unpack(text) {
  if (typeof text !== "string" || text.length > MAX_LINK || !BASE64URL.test(text)) return undefined;
  try {
    const bytes = Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
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

/** The text after `prefix` in a link (or a fragment), or undefined. */
export function after(prefix, link) {
  const at = typeof link === "string" ? link.indexOf(`#${prefix}`) : -1;
  return at < 0 ? undefined : link.slice(at + prefix.length + 1).trim();
}
