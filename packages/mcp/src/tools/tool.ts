/**
 * The shape every tool of the server has: what `tools/list` shows, and what a call runs.
 */
import type { JsonSchema } from './json-schema.js';

/** What a tool call answers: Cashfree's (or the sandbox's) JSON and one line for a reader. */
export interface ToolResult {
  /** One line: what happened. */
  readonly line: string;
  /** The JSON object answered, the tool's `structuredContent`. */
  readonly data: Record<string, unknown>;
}

/** The hints `tools/list` carries, as MCP names them. */
export interface ToolAnnotations {
  readonly title?: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** One tool: its listing, whether it writes (refused in production unless allowed), and its work. */
export interface Tool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: JsonSchema;
  readonly outputSchema?: JsonSchema;
  readonly annotations: ToolAnnotations;
  /** True when the call creates, changes or moves something at Cashfree. */
  readonly writes: boolean;
  run(args: Record<string, unknown>): Promise<ToolResult>;
}

/** A call the tool itself refuses, with what to do instead; shown to the agent as a tool error. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/** `args[name]` as a non-empty string, or a ToolInputError naming it. */
export function stringArgument(args: Record<string, unknown>, name: string, what: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ToolInputError(`${name}: is required, ${what}. Pass it as a non-empty string.`);
  }
  return value;
}
