/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON column written by the store. */
export function parseColumn<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
