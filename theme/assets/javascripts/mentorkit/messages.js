// The sentences the runtime shows come from the page, in its language: the build
// writes the catalogue (generator/messages/<language>.yml) into a template element.
// {name} is filled in; {n:one|other} picks the word that agrees with n, by the
// language's own plural rules ({n:one=…|few=…|other=…} for languages with more forms).

let messages = Object.create(null);
let plurals = new Intl.PluralRules("en");
let numbers = new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
let percents = new Intl.NumberFormat("en", { style: "percent" });

/** Read the catalogue that the build wrote into this questionnaire's markup. */
export function useCatalogue(root) {
  const template = root.querySelector("template[data-messages]");
  if (!template) return;
  const { language, messages: found } = JSON.parse(template.content.textContent);
  messages = Object.assign(Object.create(null), found);
  plurals = new Intl.PluralRules(language);
  numbers = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  percents = new Intl.NumberFormat(language, { style: "percent" });
}

// {n:one=…|few=…|other=…}: a form per CLDR category, for languages with more than two (as catalogue.py;
// choices by the group noun's gender were made when the page was built).
const KEYED = /^(zero|one|two|few|many|other)=/;

export function format(template, values = {}) {
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (whole, name, choice) => {
    if (!(name in values)) return whole;
    if (choice === undefined) return String(values[name]);
    const options = choice.split("|");
    const category = plurals.select(values[name]);
    if (!KEYED.test(options[0])) return category === "one" ? options[0] : options[1];
    const form = options.find((o) => o.startsWith(category + "=")) ?? options.find((o) => o.startsWith("other="));
    return form ? form.slice(form.indexOf("=") + 1) : "";
  });
}

/** The word that agrees with n, by the page language's plural rules. */
export const plural = (n, one, other) => (plurals.select(n) === "one" ? one : other);

export function t(key, values) {
  return format(messages[key] ?? key, values);
}

/** A mean as the page's language writes it: 2.5, or 2,5 in French. */
export function formatMean(value) {
  return value === null ? "" : numbers.format(value);
}

/** A share as the page's language writes it: 50%, or 50 % in French. */
export const formatShare = (value) => percents.format(value);
