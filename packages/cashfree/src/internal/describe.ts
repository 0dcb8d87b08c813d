/** How a received value is shown in error messages: strings quoted (long ones cut), the rest by type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 80 ? `'${value.slice(0, 80)}…' (${value.length} characters)` : `'${value}'`;
  if (value === undefined || value === null) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${String(value)} (a ${typeof value})`;
  }
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
