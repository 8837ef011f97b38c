// A horizontal bar chart as SVG, one row per group. Colours come from CSS classes
// (see mentorkit.css), so it follows the light and dark palettes and prints in
// black and white. Every chart has a table beside it as its text alternative.

const SVG = "http://www.w3.org/2000/svg";
const LABEL_WIDTH = 230;
const BAR_AREA = 400;
const ROW = 34;
const AXIS = 44;

function node(name, attributes = {}, text) {
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
 */
export function barChart({ id, title, rows, min, max, ticks, incomplete }) {
  const x = (value) => LABEL_WIDTH + ((value - min) / (max - min || 1)) * BAR_AREA;
  const height = AXIS + ROW * rows.length + 8;
  const svg = node("svg", {
    class: "mk-chart", viewBox: `0 0 ${LABEL_WIDTH + BAR_AREA + 12} ${height}`, role: "img",
    "aria-labelledby": `${id}-title`, preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(node("title", { id: `${id}-title` }, title));
  for (const tick of ticks) {
    svg.append(node("line", { class: "mk-chart__grid", x1: x(tick.at), x2: x(tick.at), y1: AXIS - 4, y2: height - 8 }));
    svg.append(wrappedText({ class: "mk-chart__axis", x: x(tick.at), y: 14, "text-anchor": "end" }, tick.label));
  }
  rows.forEach((row, index) => {
    const y = AXIS + index * ROW;
    const middle = y + ROW / 2 + 4;
    svg.append(node("text", { class: "mk-chart__label", x: LABEL_WIDTH - 8, y: middle, "text-anchor": "end" }, row.label));
    if (row.value === null) {
      svg.append(node("rect", { class: "mk-chart__bar mk-chart__bar--incomplete", x: LABEL_WIDTH, y: y + 7, width: BAR_AREA, height: ROW - 14 }));
      svg.append(node("text", { class: "mk-chart__value", x: LABEL_WIDTH + 8, y: middle }, row.text || incomplete));
      return;
    }
    const width = x(row.value) - LABEL_WIDTH;
    if (width > 0) svg.append(node("rect", { class: "mk-chart__bar", x: LABEL_WIDTH, y: y + 7, width, height: ROW - 14 }));
    const inside = width > BAR_AREA * 0.6; // no room after a long bar: write inside it
    svg.append(node("text", {
      class: inside ? "mk-chart__value mk-chart__value--inside" : "mk-chart__value",
      x: inside ? LABEL_WIDTH + width - 6 : LABEL_WIDTH + width + 6, y: middle, "text-anchor": inside ? "end" : "start",
    }, row.text));
  });
  return svg;
}
