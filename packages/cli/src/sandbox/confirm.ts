/**
 * A yes/no question on the terminal for destructive commands (`sandbox reset`): the question goes
 * to stderr, so JSON on stdout stays clean, and the answer is the first line of stdin. No answer
 * (stdin closed, as in CI) is a no.
 */
import type { Runtime } from '../runtime.js';

/** Asks `question` and resolves true only for `y` or `yes`. */
export async function confirm(runtime: Runtime, question: string): Promise<boolean> {
  runtime.stderr.write(`${question} [y/N] `);
  let answer = '';
  for await (const chunk of runtime.stdin) {
    answer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (answer.includes('\n')) break;
  }
  return /^\s*y(es)?\s*$/i.test(answer.split('\n')[0] ?? '');
}
