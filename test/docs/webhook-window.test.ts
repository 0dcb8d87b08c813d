/**
 * The replay window the docs describe is the verifier's, in the direction it really is: deliveries
 * signed up to `DEFAULT_MAX_AGE_SECONDS` ago are accepted, and up to `DEFAULT_TOLERANCE_SECONDS`
 * ahead of the server's clock. So a server clock behind Cashfree's by more than the tolerance
 * refuses every webhook, while one ahead fails only past the maximum age. A change to either
 * default fails here until the pages say the new numbers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_MAX_AGE_SECONDS, DEFAULT_TOLERANCE_SECONDS } from 'cashfree-kit/webhooks';
import { REPO_ROOT } from '../../scripts/docs/check-snippets.ts';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8').replace(/\s+/g, ' ');

/** How the pages write a number of seconds: `5 minutes`, `a day`. */
function words(seconds: number): string {
  if (seconds === 86_400) return 'a day';
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} s`;
}

test('the pages quote the verifier’s window: a day back, 5 minutes ahead', () => {
  const back = words(DEFAULT_MAX_AGE_SECONDS);
  const ahead = words(DEFAULT_TOLERANCE_SECONDS);
  assert.ok(
    read('docs/webhooks.md').includes(`signed more than ${back} ago or more than ${ahead} ahead`),
    'docs/webhooks.md',
  );
  assert.ok(
    read('README.md').includes(`within a replay window (${back} old at most`),
    'README.md, ## Webhooks',
  );
  assert.ok(
    read('docs/guides/going-to-production.md').includes(
      `more than ${ahead} behind Cashfree's, every webhook is refused as signed in the future; ahead, only beyond ${back}`,
    ),
    'docs/guides/going-to-production.md, the doctor paragraph',
  );
});
