// Minifies scripts with terser, as its command line does with --module --compress --mangle, in
// one process: starting terser's command line once for each bundle took most of `scripts/bundle`'s
// time, and the test that keeps the committed bundles current runs it in every suite.
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
  const { code } = await minify(await readFile(pairs[i], "utf8"), { module: true, compress: {}, mangle: {} });
  await writeFile(pairs[i + 1], code);
}
