// Put first into every page the engine tier's server sends (watch.py): what the page itself would
// otherwise keep to its console, told to that server, the same way in every engine. A script error,
// a promise nobody caught, a request the site's policy blocked (the only way one to another origin
// would show), a resource that failed to load, and anything the page writes as an error.
//
// A page asked for with ?without=NAME,... is also made to lack those features before any of its own
// scripts run, as an older engine lacks them: a global removed (CompressionStream, say), or storage
// that throws as a browser blocking it does.
(() => {
  const without = new URLSearchParams(location.search).get("without");
  for (const name of without ? without.split(",") : []) {
    if (name === "localStorage" || name === "sessionStorage") {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException("blocked", "SecurityError");
        },
      });
    } else {
      delete window[name];
      if (name in window) window[name] = undefined;
    }
  }
  const tell = (kind, text) => {
    const body = JSON.stringify({ kind, text: String(text).slice(0, 500), page: location.pathname });
    if (!navigator.sendBeacon("/__engine/report", new Blob([body], { type: "text/plain" }))) {
      fetch("/__engine/report", { method: "POST", body, keepalive: true }).catch(() => {});
    }
  };
  addEventListener(
    "error",
    (event) => {
      const failed = event.target !== window && event.target?.tagName;
      // A prefetch is a hint the engine may cancel when the page changes first, as Firefox does, for
      // Material's (a link the pointer rests on) and for the page's rel="next" (which Firefox prefetches
      // of its own accord): nothing a reader misses.
      if (failed && ["prefetch", "next"].includes(event.target.rel)) return;
      if (failed) tell("resource", `${failed} ${event.target.rel || ""} ${event.target.src || event.target.href || ""}`);
      else tell("script error", `${event.message} (${event.filename}:${event.lineno}:${event.colno})`);
    },
    true,
  );
  addEventListener("unhandledrejection", (event) => tell("unhandled rejection", event.reason?.stack || event.reason));
  document.addEventListener("securitypolicyviolation", (event) =>
    tell("blocked by the policy", `${event.effectiveDirective} ${event.blockedURI}`),
  );
  const error = console.error;
  console.error = (...args) => {
    tell("console error", args.map(String).join(" "));
    error.apply(console, args);
  };
})();
