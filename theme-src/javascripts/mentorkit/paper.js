// A questionnaire's page on paper: links show where they lead (an address a reader can type),
// folded parts unfold, and the results are drawn as they are now; or the results alone, printed
// from their own button.

/**
 * @param {HTMLElement} root
 * @param {{ draw: () => void, signal?: AbortSignal }} options `draw`: the results due, drawn now
 *   (results-drawing.js); `signal` ends the listening with the page
 * @returns {(resultsOnly: boolean) => void} prints the page, or its results only
 */
export function paper(root, { draw, signal }) {
  window.addEventListener(
    "beforeprint",
    () => {
      draw();
      for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (root.querySelectorAll("[data-results] a[href]")))
        link.dataset.printUrl = link.href;
      for (const part of /** @type {NodeListOf<HTMLDetailsElement>} */ (root.querySelectorAll("[data-results] details"))) part.open = true;
    },
    { signal },
  );
  window.addEventListener("afterprint", () => root.classList.remove("mk-print-results"), { signal });
  return (resultsOnly) => {
    root.classList.toggle("mk-print-results", resultsOnly);
    window.print();
  };
}
