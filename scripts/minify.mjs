// Minifies scripts with terser, as its command line does with --module --compress --mangle, in
// one process: starting terser's command line once for each bundle took most of `scripts/bundle`'s
// time, and the test that keeps the committed bundles current runs it in every suite. Three passes
// of compression, not one: each finds what the last made possible (gzip -9, measured: the
// questionnaire page 10,104 to 10,094 B, the journal 16,921 to 16,895 B, growth 13,566 to
// 13,411 B, the observer 12,564 to 12,453 B), with nothing changed in what the code does.
//
//   node scripts/minify.mjs IN OUT [IN OUT ...]
import { readFile, writeFile } from "node:fs/promises";
import { minify } from "terser";

const pairs = process.argv.slice(2);
if (!pairs.length || pairs.length % 2) {
  console.error("usage: minify.mjs IN OUT [IN OUT ...]");
  process.exit(2);
}
for (let i = 0; i < pairs.length; i += 2) {
  const { code } = await minify(await readFile(pairs[i], "utf8"), { module: true, compress: { passes: 3 }, mangle: {} });
  await writeFile(pairs[i + 1], code);
}
