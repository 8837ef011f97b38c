// The sentences the runtime shows come from the page, in its language: the build
// writes the catalogue (generator/messages/<language>.yml) into a template element.
// {name} is filled in; {n:one|other} picks the word that agrees with n, by the
// language's own plural rules ({n:one=…|few=…|other=…} for languages with more forms); a number
// is written as the page's locale writes numbers (format.js).

import { formatNumber, useLocale } from "./format.js";

/** @type {Record<string, string>} */
let messages = Object.create(null);
let plurals = new Intl.PluralRules("en");

/** Read the catalogue that the build wrote into this questionnaire's markup. @param {ParentNode} root */
export function useCatalogue(root) {
  const template = /** @type {HTMLTemplateElement | null} */ (root.querySelector("template[data-messages]"));
  if (!template) return;
  const { language, locale, messages: found } = JSON.parse(template.content.textContent ?? "{}");
  messages = Object.assign(Object.create(null), found);
  plurals = new Intl.PluralRules(language);
  useLocale(locale || language);
}

// {n:one=…|few=…|other=…}: a form per CLDR category, for languages with more than two (as catalogue.py;
// choices by the group noun's gender were made when the page was built).
const KEYED = /^(zero|one|two|few|many|other)=/;

/** @typedef {Record<string, unknown>} Values what fills a sentence's places, by name (others are left alone) */

/** A sentence with its places filled. @param {string} template @param {Values} [values] */
export function format(template, values = {}) {
  return template.replace(
    /\{(\w+)(?::([^}]*))?\}/g,
    (/** @type {string} */ whole, /** @type {string} */ name, /** @type {string | undefined} */ choice) => {
      if (!(name in values)) return whole;
      if (choice === undefined) return typeof values[name] === "number" ? formatNumber(values[name]) : String(values[name]);
      const options = choice.split("|");
      const category = plurals.select(Number(values[name]));
      if (!KEYED.test(options[0])) return category === "one" ? options[0] : options[1];
      const form = options.find((o) => o.startsWith(`${category}=`)) ?? options.find((o) => o.startsWith("other="));
      return form ? form.slice(form.indexOf("=") + 1) : "";
    },
  );
}

/** The word that agrees with n, by the page language's plural rules.
 * @param {number} n @param {string} one @param {string} other */
export const plural = (n, one, other) => (plurals.select(n) === "one" ? one : other);

/** The catalogue's sentence `key`, filled in (the key itself where the catalogue lacks it). @param {string} key @param {Values} [values] */
export function t(key, values) {
  return format(messages[key] ?? key, values);
}
