// The ground floor of every view: elements built from names, attributes and children, so that
// text only ever goes in as text (never as HTML), and the one table every view draws.

/**
 * An element with these attributes and children (strings become text; null and undefined are left out).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} name @param {Record<string, string>} [attributes] @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/**
 * Every table the runtime draws: a caption, a row of column headings, rows that each begin with
 * their own heading. Without a class of its own, so that the theme styles it as it styles the
 * tables of the pages; in a region that scrolls sideways when it is wider than the screen, which
 * takes focus so that a keyboard can scroll it too (axe: scrollable-region-focusable).
 * rowAttributes: the attributes of each body row, by its index. stack: on a phone, each row is
 * shown as a block, each cell under its column's name (a table of many columns, such as candidates
 * side by side, that would otherwise scroll sideways); its roles are said outright, since a table
 * shown as blocks loses them in some browsers. headed: the heading just above says what the caption
 * says, so the caption is kept as the table's name for screen readers and not shown twice.
 * @param {string} caption @param {string[]} head @param {any[][]} rows
 * @param {(index: number) => Record<string, string>} [rowAttributes]
 * @param {{ stack?: boolean, headed?: boolean }} [options]
 */
export function table(caption, head, rows, rowAttributes = () => ({}), { stack = false, headed = false } = {}) {
  /** @param {string} name @returns {Record<string, string>} */
  const role = (name) => (stack ? { role: name } : {});
  return el(
    "div",
    { class: stack ? "mk-table mk-table--stack" : "mk-table", role: "region", tabindex: "0", "aria-label": caption },
    el(
      "table",
      role("table"),
      el("caption", headed ? { class: "mk-visually-hidden" } : {}, caption),
      el(
        "thead",
        role("rowgroup"),
        el("tr", role("row"), ...head.map((text) => el("th", { scope: "col", ...role("columnheader") }, text))),
      ),
      el(
        "tbody",
        role("rowgroup"),
        ...rows.map(([first, ...cells], n) =>
          el(
            "tr",
            { ...rowAttributes(n), ...role("row") },
            el("th", { scope: "row", ...role("rowheader") }, first),
            ...cells.map((cell, i) => el("td", { ...role("cell"), ...(stack ? { "data-label": head[i + 1] } : {}) }, cell)),
          ),
        ),
      ),
    ),
  );
}
