/**
 * The MCP server: the operation tools (one per row of the SDK's operation table), the local
 * sandbox's tools when no keys are set, the helper tools, the docs as resources and the
 * integration prompt; every call logged to stderr with its secrets redacted, and in production
 * every tool that writes refused unless the server was started with `--allow-production-writes`.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { isCashfreeError, isConnectionError, isValidationError, PRODUCTS } from 'cashfree-kit';
import { Clients } from './clients.js';
import { listDocResources, readDocResource } from './docs-resources.js';
import { INTEGRATE_PROMPT, integratePromptListing, integratePromptMessages } from './integrate-prompt.js';
import { LocalSandbox } from './local-sandbox.js';
import { decideMode, loopbackSandboxOrigin, type Mode, productionWriteRefusal } from './mode.js';
import { Redactor } from './redact.js';
import { helperTools } from './tools/helper-tools.js';
import { operationTools } from './tools/operation-tools.js';
import { SandboxAdmin } from './tools/sandbox-admin.js';
import { sandboxTools } from './tools/sandbox-tools.js';
import type { Tool } from './tools/tool.js';
import { ToolInputError } from './tools/tool.js';
import { MCP_VERSION } from './version.js';

/** How the server is started. */
export interface CashfreeMcpOptions {
  /** The environment keys are read from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where the local sandbox keeps its state (`.cashfree-sandbox/` under it); default `process.cwd()`. */
  cwd?: string;
  /** Let tools that write run with production keys. Default false: they are refused. */
  allowProductionWrites?: boolean;
  /** Where log lines go; default stderr (stdout is the MCP channel on stdio). */
  log?: (line: string) => void;
}

/**
 * What every connection of one server process shares: the mode, the SDK clients and the local
 * sandbox (one sandbox however many HTTP sessions connect).
 */
export class CashfreeMcp {
  readonly mode: Mode;
  readonly tools: readonly Tool[];
  readonly #sandbox: LocalSandbox;
  readonly #redactor = new Redactor();
  readonly #log: (line: string) => void;

  constructor(options: CashfreeMcpOptions = {}) {
    const env = options.env ?? process.env;
    this.mode = decideMode(env, options.allowProductionWrites ?? false);
    this.#log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.#sandbox = new LocalSandbox(options.cwd ?? process.cwd());
    for (const product of Object.values(PRODUCTS))
      this.#redactor.add(env[product.credentials.secretVariable]);
    const clients = new Clients(this.mode, this.#sandbox);
    const local = this.mode.target === 'local';
    // The sandbox tools need a sandbox: the one this server runs, or one the keys point at on loopback.
    const external = loopbackSandboxOrigin(this.mode);
    const sandboxOrigin = local
      ? async () => (await this.#startedSandbox()).url
      : external
        ? async () => external
        : undefined;
    this.tools = [
      ...operationTools((product) => clients.for(product)),
      ...(sandboxOrigin
        ? sandboxTools({ pg: () => clients.pg(), admin: async () => new SandboxAdmin(await sandboxOrigin()) })
        : []),
      ...helperTools(async (product) => {
        if (local) return (await this.#startedSandbox()).secretKey;
        const secret = env[PRODUCTS[product].credentials.secretVariable]?.trim();
        if (!secret) {
          throw new ToolInputError(
            `secret: no ${PRODUCTS[product].credentials.secretVariable} is set; pass the client secret as secret.`,
          );
        }
        return secret;
      }),
    ];
  }

  /** A line for stderr at start: where calls go, and whether writes are allowed. */
  describe(): string {
    const where =
      this.mode.target === 'local'
        ? 'the local sandbox (no keys set; it starts on first use, state in .cashfree-sandbox/)'
        : this.mode.target === 'sandbox'
          ? "Cashfree's TEST environment"
          : `Cashfree PRODUCTION (${this.mode.writesAllowed ? 'writes ALLOWED by --allow-production-writes' : 'tools that write are refused'})`;
    return `[cashfree-mcp] ${this.tools.length} tools; calls go to ${where}`;
  }

  /** Runs a tool as `tools/call` does: refused, failed or answered, logged and redacted. */
  async call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    const started = Date.now();
    const tool = this.tools.find((candidate) => candidate.name === name);
    const finish = (outcome: string, result: CallToolResult): CallToolResult => {
      const keys = Object.keys(args).join(',');
      this.#log(this.#redactor.text(`[cashfree-mcp] ${name}(${keys}) ${outcome} ${Date.now() - started}ms`));
      return this.#redactor.json(result);
    };
    if (!tool) return finish('unknown', failure(`No tool named ${name}; tools/list shows them.`));
    if (tool.writes && !this.mode.writesAllowed)
      return finish('refused', failure(productionWriteRefusal(name)));
    if (typeof args['secret'] === 'string') this.#redactor.add(args['secret']);
    try {
      const { line, data } = await tool.run(args);
      return finish('ok', { content: [{ type: 'text', text: line }], structuredContent: data });
    } catch (error) {
      // A client of the local sandbox sees its failed start as a failed connection.
      const notStarted = this.#sandbox.failure;
      if (notStarted && isConnectionError(error)) {
        return finish('error', failure(`The local sandbox could not start: ${notStarted.message}`));
      }
      return finish('error', failure(describeError(error)));
    }
  }

  /** Closes the local sandbox if it was started. */
  close(): Promise<void> {
    return this.#sandbox.close();
  }

  async #startedSandbox() {
    const sandbox = await this.#sandbox.get();
    this.#redactor.add(sandbox.secretKey);
    return sandbox;
  }

  /** A new MCP `Server` over this shared state: one per stdio process, one per HTTP session. */
  createServer(): Server {
    const server = new Server(
      { name: 'cashfree-kit', title: 'Cashfree (cashfree-kit)', version: MCP_VERSION },
      {
        capabilities: { tools: {}, resources: {}, prompts: {} },
        instructions: instructions(this.mode),
      },
    );
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: this.tools.map(({ name, description, inputSchema, outputSchema, annotations }) => ({
        name,
        description,
        inputSchema: inputSchema as { type: 'object' },
        ...(outputSchema ? { outputSchema: outputSchema as { type: 'object' } } : {}),
        annotations,
      })),
    }));
    server.setRequestHandler(CallToolRequestSchema, (request) =>
      this.call(request.params.name, request.params.arguments ?? {}),
    );
    server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listDocResources() }));
    server.setRequestHandler(ReadResourceRequestSchema, (request) => {
      const text = readDocResource(request.params.uri);
      if (text === undefined)
        throw new Error(`No resource ${request.params.uri}; resources/list shows them.`);
      return { contents: [{ uri: request.params.uri, mimeType: 'text/markdown', text }] };
    });
    server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [integratePromptListing] }));
    server.setRequestHandler(GetPromptRequestSchema, (request) => {
      if (request.params.name !== INTEGRATE_PROMPT) {
        throw new Error(`No prompt ${request.params.name}; the prompt is ${INTEGRATE_PROMPT}.`);
      }
      return {
        description: integratePromptListing.description,
        messages: integratePromptMessages(request.params.arguments?.['framework']),
      };
    });
    return server;
  }
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * An error as the agent should read it: a validation error names the field and the fix (the
 * SDK's message says both), an API error its code and status, anything else its message.
 */
function describeError(error: unknown): string {
  if (isValidationError(error)) return `Not sent: ${error.message}`;
  if (error instanceof ToolInputError) return error.message;
  if (isCashfreeError(error)) {
    const { code, status } = error as { code?: unknown; status?: unknown };
    const tags = [status ? `HTTP ${String(status)}` : '', code ? `code ${String(code)}` : ''].filter(Boolean);
    const hint = code ? ` Run errors_explain with code ${String(code)} for the cause and fix.` : '';
    return `${error.name}${tags.length ? ` (${tags.join(', ')})` : ''}: ${error.message}${hint}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function instructions(mode: Mode): string {
  const target =
    mode.target === 'local'
      ? 'No keys are set, so every tool talks to a local Cashfree sandbox run by this server: nothing real is charged. Pay orders with sandbox_pay_order, move time with sandbox_advance_clock and watch webhooks with sandbox_webhook_deliveries.'
      : mode.target === 'sandbox'
        ? "Tools talk to Cashfree's TEST environment with the keys in the server's environment."
        : `Tools talk to Cashfree PRODUCTION. ${mode.writesAllowed ? 'Writes are allowed: they move real money.' : 'Tools that write are refused.'}`;
  return `cashfree-kit: one tool per Cashfree API operation (orders_create, orders_get, refunds_create, …), named after the SDK call, with each field's rule in its input schema. ${target} errors_explain explains any error code; the docs are resources.`;
}
