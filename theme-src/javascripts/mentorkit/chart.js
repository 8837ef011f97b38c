// A horizontal bar chart as SVG, one row per group. Colours come from CSS classes
// (see mentorkit.css), so it follows the light and dark palettes and prints in
// black and white. Every chart has a table beside it as its text alternative.

const SVG = "http://www.w3.org/2000/svg";
const LABEL_WIDTH = 230;
const BAR_AREA = 400;
const ROW = 34;
const NARROW_AREA = 300; // about the width of a phone's column: its 12 px text stays 12 px
const NARROW_ROW = 48;

/** @typedef {Record<string, string | number>} Attributes an SVG element's attributes, each written as text */

/**
 * A row of a chart: a bar, whose `value` a row always has (null: no bar, its `text` or the chart's
 * `incomplete` instead), or a heading (`heading: true`, a label alone) that names the rows under it.
 * One shape, not a union of the two: tsc without strictNullChecks (tsconfig.json) does not narrow
 * a union by `if (entry.heading)`.
 * @typedef {{ label: string, heading?: boolean, value?: number | null, text?: string, earlier?: number | null }} ChartRow
 */

/**
 * What barChart draws: its rows, on a scale from `min` to `max` with `ticks` as gridlines.
 * @typedef {{ id: string, title: string, rows: ChartRow[], min: number, max: number, ticks: { at: number, label: string }[], incomplete?: string }} ChartOptions
 */

/** @param {string} name @param {Attributes} [attributes] @param {string} [text] @returns {SVGElement} */
function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A label in lines of at most `width` characters (a word longer stays whole), so that the names
 * of neighbouring ticks do not run into each other: the text and how many lines it takes.
 * @param {Attributes} attributes @param {string} text @param {number} width @returns {[SVGElement, number]} */
function wrappedText(attributes, text, width) {
  const element = node("text", attributes);
  /** @type {string[]} */
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  lines.forEach((line, index) => {
    element.append(node("tspan", { x: attributes.x, dy: index === 0 ? 0 : "1.15em" }, line));
  });
  return [element, lines.length];
}

/**
 * rows: [{ label, value (null: no bar, its text or `incomplete` instead), text, earlier (optional:
 * an earlier value, drawn as a dashed outline over the bar) }]; the bar runs from min to value.
 * A row { label, heading: true } names the rows under it (a group, with a bar for each person).
 * ticks: [{ at, label }] drawn as gridlines with their labels above.
 * Two drawings, of which the stylesheet shows one: labels beside the bars where there is room,
 * above them on a narrow screen, where text drawn beside would shrink below 12 px.
 * @param {ChartOptions} options @returns {DocumentFragment}
 */
export function barChart(options) {
  const figure = document.createDocumentFragment();
  figure.append(drawing(options, false), drawing(options, true));
  return figure;
}

const TICK_LINE = 14; // px between the lines of a tick's label

/** @param {ChartOptions} options @param {boolean} narrow @returns {SVGElement} */
function drawing({ id, title, rows, min, max, ticks, incomplete }, narrow) {
  const labelWidth = narrow ? 0 : LABEL_WIDTH;
  const area = narrow ? NARROW_AREA : BAR_AREA;
  const row = narrow ? NARROW_ROW : ROW;
  /** @param {number} value */
  const x = (value) => labelWidth + ((value - min) / (max - min || 1)) * area;
  const name = `${id}-title${narrow ? "-narrow" : ""}`;
  const svg = node("svg", {
    class: `mk-chart mk-chart--${narrow ? "narrow" : "wide"}`,
    role: "img",
    "aria-labelledby": name,
    preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(node("title", { id: name }, title));
  // The ticks' names above the grid, on as many lines as the longest needs.
  const labels = ticks.map((tick) =>
    wrappedText({ class: "mk-chart__axis", x: x(tick.at), y: 14, "text-anchor": "end" }, tick.label, narrow ? 11 : 16),
  );
  const top = Math.max(...labels.map(([, lines]) => lines), 1) * TICK_LINE + 16; // narrow too: its first label is above its bar
  const height = top + row * rows.length + 8;
  svg.setAttribute("viewBox", `0 0 ${labelWidth + area + 12} ${height}`);
  ticks.forEach((tick, n) => {
    svg.append(node("line", { class: "mk-chart__grid", x1: x(tick.at), x2: x(tick.at), y1: top - 4, y2: height - 8 }), labels[n][0]);
  });
  /** @type {SVGElement[]} */
  const texts = []; // written last, over every bar and outline, each with a halo of what lies under it
  rows.forEach((entry, index) => {
    const y = top + index * row + (narrow ? 16 : 0); // narrow: the label takes the first line of the row
    const bar = narrow ? 16 : ROW - 14;
    const middle = y + (narrow ? bar / 2 + 4 : ROW / 2 + 4);
    const barTop = narrow ? y : y + 7;
    if (entry.heading) {
      // over the gridlines, with the values' halo: it may run into the bars' area
      texts.push(node("text", { class: "mk-chart__value mk-chart__label", x: 0, y: narrow ? y + 4 : middle }, entry.label));
      return;
    }
    // Its baseline 10 px above the bar: clear of the bar and of the value's halo drawn in it, in the
    // box Firefox gives a text (the font's whole line, about 5 px below the baseline at 12 px,
    // where Chromium's is tighter).
    if (narrow) svg.append(node("text", { class: "mk-chart__label", x: 0, y: y - 10 }, entry.label));
    else svg.append(node("text", { class: "mk-chart__label", x: labelWidth - 8, y: middle, "text-anchor": "end" }, entry.label));
    if (entry.value === null) {
      svg.append(node("rect", { class: "mk-chart__bar mk-chart__bar--incomplete", x: labelWidth, y: barTop, width: area, height: bar }));
      texts.push(node("text", { class: "mk-chart__value", x: labelWidth + 8, y: middle }, entry.text || incomplete));
    } else {
      const width = x(/** @type {number} a bar's, not null */ (entry.value)) - labelWidth;
      if (width > 0) svg.append(node("rect", { class: "mk-chart__bar", x: labelWidth, y: barTop, width, height: bar }));
      // After the bar, or after an earlier value's outline where that ends later; with no room left
      // there, inside a bar long enough to hold it, else just after the bar, within the outline.
      const end = Math.max(width, entry.earlier == null ? 0 : x(entry.earlier) - labelWidth);
      const inside = end > area * 0.6 && width > area * 0.4;
      const from = end > area * 0.6 ? width : end;
      texts.push(
        node(
          "text",
          {
            class: inside ? "mk-chart__value mk-chart__value--inside" : "mk-chart__value",
            x: inside ? labelWidth + width - 6 : labelWidth + from + 6,
            y: middle,
            "text-anchor": inside ? "end" : "start",
          },
          entry.text,
        ),
      );
    }
    // At the bottom of the scale ("not yet"), a stub: the outline still shows where it was.
    if (entry.earlier != null) {
      svg.append(
        node("rect", {
          class: "mk-chart__bar mk-chart__bar--earlier",
          x: labelWidth,
          y: barTop,
          width: Math.max(x(entry.earlier) - labelWidth, 4),
          height: bar,
        }),
      );
    }
  });
  svg.append(...texts);
  return svg;
}
