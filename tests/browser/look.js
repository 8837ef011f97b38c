// What a person sees, checked by rule on the page as it is drawn now (the part in the window, and
// the whole page for what does not depend on scrolling). Evaluated by tests/browser/test_look.py
// and by `make look` (tests/look.py); returns one readable line per problem, [] when none:
//   - nothing makes the page scroll sideways; no text overflows the page or is cut off;
//   - no text that should be said only to screen readers takes room on screen;
//   - no heading ends on an empty line (its invisible ¶ wrapped alone);
//   - every field a reader types in or picks from has a boundary of at least 3:1 (WCAG 1.4.11);
//   - every table is styled by the theme (borders, headings aligned with their cells);
//   - nothing of the page covers text in the window, and no chart's marks or labels cover each other;
//   - on a phone, bars fixed to the window leave at least 75% of its height to the page.
// Axe-core checks none of these (it does not judge a field's border, nor overlap).
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  const height = window.innerHeight;
  const style = (element) => getComputedStyle(element);
  const shown = (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const text = (element) => (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);
  const name = (element) => {
    const id = element.id ? `#${element.id}` : "";
    const classes = [...element.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join("");
    return `<${element.tagName.toLowerCase()}${id}${classes}> "${text(element)}"`;
  };
  const ownText = (element) => [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  // Where content may be wider than its box on purpose: it scrolls (a wide table), or it is clipped
  // on purpose and says so (a visually hidden text is checked on its own below).
  const scrolls = (element) => /auto|scroll/.test(style(element).overflowX);
  const inScroller = (element) => {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) if (scrolls(e)) return true;
    return false;
  };
  const hidden = /visually-hidden|sr-only/;

  // --- nothing scrolls sideways, no text overflows or is cut off ------------------------------
  const all = [...document.body.querySelectorAll("*")];
  if (root.scrollWidth > width + 1) {
    const widest = all.filter((e) => !inScroller(e)).sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in ${width} px, widest ${widest ? name(widest) : "?"}`);
  }
  for (const element of all) {
    if (!ownText(element) || hidden.test(element.className) || !shown(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.right > width + 1 && !inScroller(element) && box.width > 0) {
      problems.push(`text runs off the page (${Math.round(box.right)} px in ${width} px): ${name(element)}`);
    }
    const s = style(element);
    const clipped = /hidden|clip/.test(s.overflowX) || /hidden|clip/.test(s.overflowY);
    if (clipped && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 2)) {
      // Material's own navigation and header cut long titles with an ellipsis, by design.
      if (!element.closest(".md-header, .md-nav, .md-tabs, .md-search")) problems.push(`text is cut off: ${name(element)}`);
    }
  }
  // A closed select draws its chosen option as its own text, which no overflow measure sees: an
  // engine cuts a long one at its arrow, with no ellipsis ("Toutes les catégor"). How wide the select
  // must be to show it whole is the engine's own answer: a copy of the select (its classes, font,
  // padding and arrow) holding that option alone, at its own width, out of the flow and unseen.
  for (const select of document.querySelectorAll("select")) {
    const chosen = select.selectedOptions[0];
    if (!chosen || !shown(select) || select.multiple || select.size > 1) continue;
    const copy = select.cloneNode(false);
    copy.removeAttribute("id");
    copy.append(chosen.cloneNode(true));
    copy.style.cssText = "position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none";
    select.after(copy);
    const needed = copy.getBoundingClientRect().width;
    copy.remove();
    const wide = select.getBoundingClientRect().width;
    if (needed > wide + 1) {
      problems.push(
        `a select shows its choice cut off (${Math.round(needed)} px needed, ${Math.round(wide)} px wide): ${name(select.labels?.[0] || select)} "${chosen.text.trim()}"`,
      );
    }
  }

  // --- screen-reader text takes no room --------------------------------------------------------
  for (const element of document.querySelectorAll("[class*='visually-hidden'], [class*='sr-only']")) {
    const box = element.getBoundingClientRect();
    if ((box.width > 1 || box.height > 1) && text(element)) problems.push(`text meant for screen readers is on screen: ${name(element)}`);
  }

  // --- no heading ends on an empty line ------------------------------------------------------
  // Material's ¶ after a heading is invisible until hovered or focused: wrapped onto a line of its
  // own, it leaves what reads as an empty line under the heading.
  for (const link of document.querySelectorAll(".md-content .headerlink")) {
    if (!link.getClientRects().length || style(link).opacity !== "0") continue; // shown: hovered, targeted or focused
    const words = document.createRange();
    words.setStart(link.parentElement, 0);
    words.setEndBefore(link);
    const lines = [...words.getClientRects()];
    if (!lines.length) continue; // a heading of no words but its ¶
    const lastLine = Math.max(...lines.map((line) => line.bottom));
    if (link.getBoundingClientRect().top >= lastLine - 1)
      problems.push(`a heading's invisible ¶ takes a line of its own: ${name(link.parentElement)}`);
  }

  // --- fields: a boundary of at least 3:1 ------------------------------------------------------
  const rgba = (value) => {
    const [r, g, b, a = 1] = (value.match(/[\d.]+/g) || [0, 0, 0, 0]).map(Number);
    return [r, g, b, a];
  };
  const over = (fg, bg) => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat(1);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const behind = (element) => {
    let colour = [0, 0, 0, 0];
    for (let e = element; e; e = e.parentElement) {
      const own = rgba(style(e).backgroundColor);
      if (own[3] > 0) colour = colour[3] === 0 ? own : over(colour, own);
      if (colour[3] >= 1) return colour;
    }
    return over(colour, [255, 255, 255, 1]);
  };
  const fields =
    "textarea, select, input:not([type=radio], [type=checkbox], [type=hidden], [type=file], [type=submit], [type=button], [type=range], [type=color])";
  for (const field of document.querySelectorAll(fields)) {
    if (!shown(field) || field.closest(".md-search, .md-header")) continue;
    const s = style(field);
    const around = behind(field.parentElement);
    const inside = over(rgba(s.backgroundColor), around);
    let best = ratio(inside, around); // a filled field stands out by its fill
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      if (parseFloat(s[`border${side}Width`]) >= 1 && s[`border${side}Style`] !== "none") {
        best = Math.max(best, ratio(over(rgba(s[`border${side}Color`]), inside), around));
      }
    }
    if (best < 3)
      problems.push(
        `a field's boundary is ${best.toFixed(2)}:1 against what is around it (3:1 needed): ${name(field.labels?.[0] || field)}`,
      );
  }

  // --- tables: styled by the theme -------------------------------------------------------------
  for (const table of document.querySelectorAll(".md-content table")) {
    if (!shown(table)) continue;
    const head = table.querySelector("th");
    const s = style(table);
    const ruled =
      parseFloat(s.borderTopWidth) > 0 || [...table.querySelectorAll("td")].some((td) => parseFloat(style(td).borderTopWidth) > 0);
    if (!ruled || (head && style(head).textAlign === "center") || (head && parseFloat(style(head).paddingLeft) < 4)) {
      problems.push(
        `a table the theme does not style (no rules, centred or unpadded headings): ${name(table.querySelector("caption") || table)}`,
      );
    }
  }

  // --- nothing covers text in the window ---------------------------------------------------------
  // Bars fixed to the window's edges (the header, the questionnaire's progress bar) have text slide
  // under them as the page scrolls, by design: the band they take is left out here, and their
  // height is held to a share of a phone's window below.
  const bars = all.filter((element) => {
    const position = style(element).position;
    if ((position !== "fixed" && position !== "sticky") || !shown(element)) return false;
    const box = element.getBoundingClientRect();
    const inWindow = box.right > 0 && box.left < width && box.bottom > 0 && box.top < height; // a closed drawer waits beside it
    return (
      inWindow &&
      box.width >= width * 0.5 &&
      box.height > 0 &&
      (box.top <= 1 ||
        box.bottom >= height - 1 ||
        (position === "sticky" && Math.abs(box.top - (parseFloat(style(element).top) || 0)) <= 1))
    );
  });
  const barBoxes = bars.map((bar) => bar.getBoundingClientRect());
  const underBar = (y) => barBoxes.some((box) => y >= box.top - 1 && y <= box.bottom + 1);
  // A button floating in a corner of the window (Zensical's table of contents on a phone) is
  // passed over, by design, by the lines that scroll under it; one over the reading area is not
  // (Material's "back to top", turned off for that).
  const floaters = all.filter((element) => {
    if (style(element).position !== "fixed" || !shown(element)) return false;
    const box = element.getBoundingClientRect();
    const corner = (box.left < 40 || box.right > width - 40) && (box.top < 40 || box.bottom > height - 40);
    return box.width > 0 && box.width <= 64 && box.height <= 64 && corner;
  });
  // Text scrolled out of a region that scrolls or clips (the sidebars' lists) is not on screen.
  const outOfItsRegion = (element, x, y) => {
    for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
      if (style(e).overflow === "visible") continue;
      const box = e.getBoundingClientRect();
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) return true;
    }
    return false;
  };
  for (const element of all) {
    if (
      !ownText(element) ||
      !shown(element) ||
      hidden.test(element.className) ||
      element.closest("svg") ||
      bars.some((bar) => bar.contains(element))
    )
      continue;
    const range = document.createRange();
    range.selectNodeContents(element);
    // Near each line's start and near its end: a button floating at the window's edge covers the
    // end of the lines that pass under it.
    const lines = [...range.getClientRects()].slice(0, 3).filter((line) => line.width >= 2 && line.height >= 2);
    const points = lines.flatMap((line) => {
      const inset = Math.min(line.width / 2, 12);
      const y = line.top + line.height / 2;
      return [
        [line.left + inset, y],
        [line.right - inset, y],
      ];
    });
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= width || y >= height || underBar(y) || outOfItsRegion(element, x, y)) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== element && !element.contains(hit) && !hit.contains(element) && !floaters.some((f) => f.contains(hit))) {
        problems.push(`${name(hit)} covers text: ${name(element)}`);
        break;
      }
    }
  }
  // In a chart, what is drawn later is drawn over: no mark or label over a label or a value.
  for (const svg of document.querySelectorAll("svg.mk-chart")) {
    if (!shown(svg)) continue;
    const marks = [...svg.querySelectorAll("text, rect, line")];
    const boxes = marks.map((mark) => mark.getBoundingClientRect());
    marks.forEach((mark, i) => {
      if (mark.tagName !== "text") return;
      const a = boxes[i];
      for (let j = i + 1; j < marks.length; j++) {
        const b = boxes[j];
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        if (overlap) problems.push(`in a chart, ${marks[j].tagName} "${text(marks[j])}" is drawn over "${text(mark)}"`);
      }
    });
  }

  // --- on a phone, fixed bars leave 75% of the window --------------------------------------------
  if (width < 600) {
    const spans = barBoxes.map((box) => [Math.max(0, box.top), Math.min(height, box.bottom)]).sort((a, b) => a[0] - b[0]);
    let taken = 0;
    let end = 0;
    for (const [top, bottom] of spans) {
      if (bottom <= end) continue;
      taken += bottom - Math.max(top, end);
      end = bottom;
    }
    if (taken > height * 0.25) {
      problems.push(
        `bars fixed to the window take ${Math.round((100 * taken) / height)}% of a phone's window (at most 25%): ${bars.map(name).join(", ")}`,
      );
    }
  }
  return [...new Set(problems)];
};
