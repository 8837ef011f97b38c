// Bringing the reader to a place in a long questionnaire (wayfinding.js decides where): focus
// goes there and the view follows, clear of the sticky progress bar. Where groups off screen skip
// layout (content-visibility, in Chromium: mentorkit.css) they take their real height only as they
// come near, moving what follows them: a place scrolled to once may not stay in view, so the view is
// set again until it does.

/** The first control of an item: what takes focus when the reader is sent to it. @param {Element} element */
export const firstControl = (element) => /** @type {HTMLElement | null} */ (element.querySelector("input, textarea"));

/** Focus `focusable` and bring `target` into view, again each time it moved as groups were laid out.
 * @param {Element} target @param {HTMLElement} focusable */
export function bringTo(target, focusable) {
  focusable.focus({ preventScroll: true });
  let tries = 0;
  /** @param {number | null} was */
  const settle = (was) => {
    const now = target.getBoundingClientRect().top;
    if (tries++ < 6 && (was === null || Math.abs(now - was) > 1)) {
      target.scrollIntoView({ block: target.hasAttribute("data-item") ? "nearest" : "start" });
      requestAnimationFrame(() => requestAnimationFrame(() => settle(target.getBoundingClientRect().top)));
    }
  };
  settle(null);
}

/** After starting again: `notice` in view above the first statement, whose control takes focus.
 * @param {HTMLElement} notice @param {Element} first */
export function backTo(notice, first) {
  notice.scrollIntoView({ block: "start" });
  /** @type {HTMLElement} */ (firstControl(first)).focus({ preventScroll: true });
  first.scrollIntoView({ block: "nearest" });
}

/** The sticky bar's height kept in --mk-bar, for what takes focus to scroll clear of it
 * (scroll-padding-top): it wraps to two lines on a phone. @param {HTMLElement} bar @param {AbortSignal} [signal] */
export function clearOf(bar, signal) {
  const sizer = new ResizeObserver(() => document.documentElement.style.setProperty("--mk-bar", `${bar.offsetHeight}px`));
  sizer.observe(bar);
  signal?.addEventListener("abort", () => sizer.disconnect());
}
