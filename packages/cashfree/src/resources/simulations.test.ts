import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../../test/support.js';

test('simulations.create: POST /simulate with the body', async () => {
  const { client, fetch } = testClient();
  const body = {
    entity: 'PAYMENTS' as const,
    entity_id: '14934289844',
    entity_simulation: { payment_status: 'FAILED' as const, payment_error_code: 'ISSUER_NOT_AVAILABLE' },
  };
  await client.simulations.create(body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/simulate');
  assert.deepEqual(fetch.lastCall?.json, body);
});

test('simulations.get: GET /simulate/{simulation_id}', async () => {
  const { client, fetch } = testClient();
  await client.simulations.get('sim_2900842gV18Lhh7owswLj5XF0uHHUn1CX');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/simulate/sim_2900842gV18Lhh7owswLj5XF0uHHUn1CX');
});
