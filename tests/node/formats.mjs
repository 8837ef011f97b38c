// The runtime's format module (and the messages that use it) on each case given as JSON: [locale, call,
// argument]. tests/unit/test_formats.py runs it in several time zones (TZ) and reads what it printed.
import {
  fileSlug,
  formatDate,
  formatList,
  formatMean,
  formatMoment,
  formatMonth,
  formatNumber,
  formatShare,
  localDay,
  today,
  useLocale,
} from "../../theme-src/javascripts/mentorkit/format.js";
import { format, useCatalogue } from "../../theme-src/javascripts/mentorkit/messages.js";

const calls = {
  fileSlug,
  formatDate,
  formatList,
  formatMean,
  formatMoment,
  formatMonth,
  formatNumber,
  formatShare,
  localDay,
  today: (instant) => today(new Date(instant)),
  // A sentence with a number in it, as the page's catalogue (with its locale) fills it.
  sentence: (n) => format("{n} {n:hour|hours}", { n }),
};
const page = (locale) => ({
  querySelector: () => ({ content: { textContent: JSON.stringify({ language: locale.split("-")[0], locale, messages: {} }) } }),
});
const cases = JSON.parse(process.argv[2]);
process.stdout.write(
  JSON.stringify(
    cases.map(([locale, call, argument]) => {
      useCatalogue(page(locale));
      useLocale(locale);
      return calls[call](argument);
    }),
  ),
);
