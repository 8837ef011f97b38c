// Search that costs a reader nothing until they search.
//
// Material for MkDocs starts its search worker on every page load, and the worker loads Lunr and
// builds the index of the whole site: measured in Chromium on this site, a third of the processor
// time a page costs (0.18 s of 0.48 s a load), on every page, for a search few readers use there.
// Material lets a site name its own worker (`search` in the page's configuration); theme/main.html
// names this one, with Material's worker in `?worker=`. It keeps Material's protocol (the message
// types of Material's worker/message module): it says at once that the index is ready, answers the
// empty query the search box sends when it opens as Material's worker would (no results), and loads
// Material's worker and hands it the index only when a reader first types something. Material's
// worker then answers every message itself. A worker whose index it does not know (Zensical's has
// no `docs`) is started at once, as without this file.
const SETUP = 0;
const READY = 1;
const QUERY = 2;
const RESULT = 3;

const theirs = new URL(new URLSearchParams(location.search).get("worker") || "", location.href).href;
const send = self.postMessage.bind(self);
let setup = null; // Material's setup message, held until a query needs the index
let started = false; // Material's worker loaded and building
let ready = false; // Material's worker built the index: it has every message from now on
let handing = false; // a message this file hands on, which its own listener lets through
const waiting = []; // queries that came before the index was built, in order

function hand(data) {
  handing = true;
  try {
    dispatchEvent(new MessageEvent("message", { data }));
  } finally {
    handing = false;
  }
}

function start(first) {
  started = true;
  // Synchronous in a worker; a promise under Material's iframe shim for file:// pages.
  Promise.resolve(importScripts(theirs)).then(() => hand(first));
}

addEventListener("message", (event) => {
  if (ready || handing) return;
  event.stopImmediatePropagation();
  const message = event.data;
  if (message.type === SETUP && !Array.isArray(message.data?.docs)) {
    ready = true;
    start(message);
  } else if (message.type === SETUP) {
    setup = message;
    send({ type: READY });
  } else if (message.type === QUERY && message.data === "" && !started) {
    send({ type: RESULT, data: { items: [] } });
  } else {
    waiting.push(message);
    if (started) return;
    // Material's worker says it is ready once the index is built, which the page was told long
    // ago: the queries held meanwhile go to it then, in the order they came.
    self.postMessage = (reply) => {
      if (reply?.type !== READY) return send(reply);
      self.postMessage = send;
      ready = true;
      for (const data of waiting.splice(0)) hand(data);
    };
    start(setup);
  }
});
