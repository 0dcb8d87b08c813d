/** The command line: stdio by default, --http with or without a port, the production flag. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_HTTP_PORT } from './http.js';
import { parseArguments } from './serve.js';

test('arguments', () => {
  assert.deepEqual(parseArguments([]), { allowProductionWrites: false, help: false });
  assert.deepEqual(parseArguments(['--http']), {
    http: DEFAULT_HTTP_PORT,
    allowProductionWrites: false,
    help: false,
  });
  assert.deepEqual(parseArguments(['--http', '0', '--allow-production-writes']), {
    http: 0,
    allowProductionWrites: true,
    help: false,
  });
  assert.equal(parseArguments(['--http=9000']).http, 9000);
  assert.equal(parseArguments(['--http', '--allow-production-writes']).allowProductionWrites, true);
  assert.throws(() => parseArguments(['--http=70000']), /--http.*0 to 65535/);
  assert.throws(() => parseArguments(['--port']), /Unknown argument "--port"/);
});
