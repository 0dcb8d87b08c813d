/** The public methods of a client's resources, the way the request-conformance tests count cases. */

/** `orders.create`, `transfers.create`, … for every public method of every resource field on `client`, sorted. */
export function resourceMethods(client: object): string[] {
  const methods: string[] = [];
  for (const [field, resource] of Object.entries(client)) {
    if (typeof resource !== 'object' || resource === null) continue;
    const prototype = Object.getPrototypeOf(resource) as object;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      if (name !== 'constructor' && typeof (resource as Record<string, unknown>)[name] === 'function') {
        methods.push(`${field}.${name}`);
      }
    }
  }
  return methods.sort();
}
