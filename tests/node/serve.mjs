// How the runtime's Node tests are asked: a JSON request a line on stdin, answered in order by a JSON
// line on stdout, { ok: true, ...what `answer` gives } or, when it throws, { ok: false, error } with
// the stack, so that the Python test says what went wrong in the runtime's code.
import { createInterface } from "node:readline";

/** @param {(request: any) => object | undefined | Promise<object | undefined>} answer */
export async function serve(answer) {
  for await (const line of createInterface({ input: process.stdin })) {
    let outcome;
    try {
      outcome = { ok: true, ...(await answer(JSON.parse(line))) };
    } catch (error) {
      outcome = { ok: false, error: String(error?.stack ?? error) };
    }
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
  }
}
