/**
 * Keeps secrets out of everything the server says: tool results, errors and stderr log lines.
 * The SDK already scrubs its own errors; this also covers the webhook tools, which take a secret
 * as input, and any echo of one by a server the tools talk to.
 */

const REDACTED = '[redacted]';

/** Replaces every known secret (and common encodings of it) in text. */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Adds secrets to hide; blank or very short values are ignored (they would hide ordinary text). */
  add(...secrets: (string | undefined)[]): void {
    for (const secret of secrets) {
      const value = secret?.trim();
      if (!value || value.length < 6) continue;
      this.#secrets.add(value);
      this.#secrets.add(encodeURIComponent(value));
      this.#secrets.add(JSON.stringify(value).slice(1, -1));
    }
  }

  /** `text` with each secret replaced by `[redacted]`, longest first. */
  text(text: string): string {
    let out = text;
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A JSON value with every string run through {@link Redactor.text}. */
  json<T>(value: T): T {
    return JSON.parse(this.text(JSON.stringify(value) ?? 'null')) as T;
  }
}
