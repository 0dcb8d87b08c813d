import type { Cashfree } from '../client.js';

/** The base of every resource: it holds the client whose `get`/`post`/`patch` its methods call. */
export abstract class ApiResource {
  declare protected readonly client: Cashfree;

  constructor(client: Cashfree) {
    // Not enumerable, so that logging or JSON.stringify of the client does not walk back into it.
    Object.defineProperty(this, 'client', { value: client, enumerable: false });
  }
}
