// A horizontal bar chart of the level reached per group, as SVG. Colours come
// from CSS classes (see mentorkit.css), so it follows the light and dark
// palettes and prints in black and white.

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

/** Multi-word labels on two lines so that long level names do not collide. */
function wrappedText(attributes, text) {
  const element = node("text", attributes);
  const words = text.split(" ");
  const lines = words.length > 1 ? [words.slice(0, -1).join(" "), words[words.length - 1]] : [text];
  lines.forEach((line, index) => {
    element.append(node("tspan", { x: attributes.x, dy: index === 0 ? 0 : "1.15em" }, line));
  });
  return element;
}

export function levelChart(spec, result, { title, notYet, incomplete }) {
  const levels = spec.scoring.levels;
  const step = BAR_AREA / levels.length;
  const height = AXIS + ROW * spec.groups.length + 8;
  const width = LABEL_WIDTH + BAR_AREA + 12;
  const id = `${spec.id}-chart-title`;
  const svg = node("svg", {
    class: "mk-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": id,
    preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(node("title", { id }, title));

  levels.forEach((level, index) => {
    const x = LABEL_WIDTH + step * (index + 1);
    svg.append(node("line", { class: "mk-chart__grid", x1: x, x2: x, y1: AXIS - 4, y2: height - 8 }));
    svg.append(wrappedText({ class: "mk-chart__axis", x, y: 14, "text-anchor": "end" }, level.name));
  });

  const rank = new Map(levels.map((level, index) => [level.id, index + 1]));
  result.groups.forEach((group, row) => {
    const y = AXIS + row * ROW;
    const title = spec.groups[row].title;
    svg.append(node("text", { class: "mk-chart__label", x: LABEL_WIDTH - 8, y: y + ROW / 2 + 4, "text-anchor": "end" }, title));
    if (group.status !== "complete") {
      svg.append(node("rect", { class: "mk-chart__bar mk-chart__bar--incomplete", x: LABEL_WIDTH, y: y + 7, width: BAR_AREA, height: ROW - 14 }));
      svg.append(node("text", { class: "mk-chart__value", x: LABEL_WIDTH + 8, y: y + ROW / 2 + 4 }, incomplete));
      return;
    }
    const reached = group.level ? rank.get(group.level) : 0;
    const barWidth = step * reached;
    if (barWidth > 0) svg.append(node("rect", { class: "mk-chart__bar", x: LABEL_WIDTH, y: y + 7, width: barWidth, height: ROW - 14 }));
    const label = group.level ? levels[reached - 1].name : notYet;
    const full = reached === levels.length; // no room after the bar: write inside it
    svg.append(node("text", {
      class: full ? "mk-chart__value mk-chart__value--inside" : "mk-chart__value",
      x: full ? LABEL_WIDTH + barWidth - 6 : LABEL_WIDTH + barWidth + 6,
      y: y + ROW / 2 + 4,
      "text-anchor": full ? "end" : "start",
    }, label));
  });
  return svg;
}
