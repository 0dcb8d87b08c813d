import type { Transport } from '../internal/transport.js';

/** The base of every resource: it holds the transport whose `get`/`post`/`patch` its methods call. */
export abstract class ApiResource {
  declare protected readonly transport: Transport;

  constructor(transport: Transport) {
    // Not enumerable, so that logging or JSON.stringify of the client does not walk into it.
    Object.defineProperty(this, 'transport', { value: transport, enumerable: false });
  }
}
