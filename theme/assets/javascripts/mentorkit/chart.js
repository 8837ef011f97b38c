// A horizontal bar chart as SVG, one row per group. Colours come from CSS classes
// (see mentorkit.css), so it follows the light and dark palettes and prints in
// black and white. Every chart has a table beside it as its text alternative.

const SVG = "http://www.w3.org/2000/svg";
const LABEL_WIDTH = 230;
const BAR_AREA = 400;
const ROW = 34;
const AXIS = 44;
const NARROW_AREA = 300; // about the width of a phone's column: its 12 px text stays 12 px
const NARROW_ROW = 44;

export function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Multi-word labels on two lines so that long tick names do not collide. */
function wrappedText(attributes, text) {
  const element = node("text", attributes);
  const words = text.split(" ");
  const lines = words.length > 1 ? [words.slice(0, -1).join(" "), words[words.length - 1]] : [text];
  lines.forEach((line, index) => element.append(node("tspan", { x: attributes.x, dy: index === 0 ? 0 : "1.15em" }, line)));
  return element;
}

/**
 * rows: [{ label, value (null: no bar, its text or `incomplete` instead), text }]; the bar runs from min to value.
 * ticks: [{ at, label }] drawn as gridlines with their labels above.
 * Two drawings, of which the stylesheet shows one: labels beside the bars where there is room,
 * above them on a narrow screen, where text drawn beside would shrink below 12 px.
 */
export function barChart(options) {
  const figure = document.createDocumentFragment();
  figure.append(drawing(options, false), drawing(options, true));
  return figure;
}

/** Where a drawing (wide or narrow) puts a value, and the top and height of row `index`'s bar:
 * what marks drawn over a chart (an earlier attempt's outline, growth.js) line up with. The same
 * geometry as drawing() below, kept apart so that pages which draw no such mark do not carry it.
 * @returns {[(value: number) => number, (index: number) => number, number]} */
export const place = (narrow, min, max) => [
  (value) => (narrow ? 0 : LABEL_WIDTH) + ((value - min) / (max - min || 1)) * (narrow ? NARROW_AREA : BAR_AREA),
  (index) => (narrow ? 8 : AXIS) + index * (narrow ? NARROW_ROW : ROW) + (narrow ? 16 : 7),
  narrow ? 16 : ROW - 14,
];

function drawing({ id, title, rows, min, max, ticks, incomplete }, narrow) {
  const labelWidth = narrow ? 0 : LABEL_WIDTH;
  const area = narrow ? NARROW_AREA : BAR_AREA;
  const row = narrow ? NARROW_ROW : ROW;
  const top = narrow ? 8 : AXIS;
  const x = (value) => labelWidth + ((value - min) / (max - min || 1)) * area;
  const height = top + row * rows.length + 8;
  const name = `${id}-title${narrow ? "-narrow" : ""}`;
  const svg = node("svg", {
    class: `mk-chart mk-chart--${narrow ? "narrow" : "wide"}`, viewBox: `0 0 ${labelWidth + area + 12} ${height}`,
    role: "img", "aria-labelledby": name, preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(node("title", { id: name }, title));
  for (const tick of ticks) {
    svg.append(node("line", { class: "mk-chart__grid", x1: x(tick.at), x2: x(tick.at), y1: top - 4, y2: height - 8 }));
    if (!narrow) svg.append(wrappedText({ class: "mk-chart__axis", x: x(tick.at), y: 14, "text-anchor": "end" }, tick.label));
  }
  rows.forEach((entry, index) => {
    const y = top + index * row + (narrow ? 16 : 0); // narrow: the label takes the first line of the row
    const bar = narrow ? 16 : ROW - 14;
    const middle = y + (narrow ? bar / 2 + 4 : ROW / 2 + 4);
    const barTop = narrow ? y : y + 7;
    if (narrow) svg.append(node("text", { class: "mk-chart__label", x: 0, y: y - 5 }, entry.label));
    else svg.append(node("text", { class: "mk-chart__label", x: labelWidth - 8, y: middle, "text-anchor": "end" }, entry.label));
    if (entry.value === null) {
      svg.append(node("rect", { class: "mk-chart__bar mk-chart__bar--incomplete", x: labelWidth, y: barTop, width: area, height: bar }));
      svg.append(node("text", { class: "mk-chart__value", x: labelWidth + 8, y: middle }, entry.text || incomplete));
      return;
    }
    const width = x(entry.value) - labelWidth;
    if (width > 0) svg.append(node("rect", { class: "mk-chart__bar", x: labelWidth, y: barTop, width, height: bar }));
    const inside = width > area * 0.6; // no room after a long bar: write inside it
    svg.append(node("text", {
      class: inside ? "mk-chart__value mk-chart__value--inside" : "mk-chart__value",
      x: inside ? labelWidth + width - 6 : labelWidth + width + 6, y: middle, "text-anchor": inside ? "end" : "start",
    }, entry.text));
  });
  return svg;
}
