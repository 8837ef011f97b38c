// The sentences the runtime shows come from the page, in its language: the build
// writes the catalogue (generator/messages/<language>.yml) into a template element.
// {name} is filled in; {n:one|other} picks the word that agrees with n, by the
// language's own plural rules ({n:one=…|few=…|other=…} for languages with more forms); a number
// is written as the page's locale writes numbers (format.js).

import { formatNumber, useLocale } from "./format.js";

let messages = Object.create(null);
let plurals = new Intl.PluralRules("en");

/** Read the catalogue that the build wrote into this questionnaire's markup. */
export function useCatalogue(root) {
  const template = root.querySelector("template[data-messages]");
  if (!template) return;
  const { language, locale, messages: found } = JSON.parse(template.content.textContent);
  messages = Object.assign(Object.create(null), found);
  plurals = new Intl.PluralRules(language);
  useLocale(locale || language);
}

// {n:one=…|few=…|other=…}: a form per CLDR category, for languages with more than two (as catalogue.py;
// choices by the group noun's gender were made when the page was built).
const KEYED = /^(zero|one|two|few|many|other)=/;

export function format(template, values = {}) {
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name, choice) => {
    if (!(name in values)) return whole;
    if (choice === undefined) return typeof values[name] === "number" ? formatNumber(values[name]) : String(values[name]);
    const options = choice.split("|");
    const category = plurals.select(values[name]);
    if (!KEYED.test(options[0])) return category === "one" ? options[0] : options[1];
    const form = options.find((o) => o.startsWith(`${category}=`)) ?? options.find((o) => o.startsWith("other="));
    return form ? form.slice(form.indexOf("=") + 1) : "";
  });
}

/** The word that agrees with n, by the page language's plural rules. */
export const plural = (n, one, other) => (plurals.select(n) === "one" ? one : other);

export function t(key, values) {
  return format(messages[key] ?? key, values);
}
