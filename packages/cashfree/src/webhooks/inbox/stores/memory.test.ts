import { describeInboxStore } from '../../../../../../test/support/inbox-conformance.ts';
import { createMemoryInboxStore } from './memory.js';

describeInboxStore('the memory store', async () => {
  const store = createMemoryInboxStore();
  return { store, reopen: async () => store };
});
