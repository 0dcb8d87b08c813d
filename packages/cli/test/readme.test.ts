/**
 * The CLI's README (what npm shows) lists example command lines: each must name a command the
 * program has, with flags that command takes, so a renamed command or flag fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import type { Command } from 'commander';
import { createProgram } from '../src/program.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function program(): Command {
  return createProgram({
    runtime: {
      env: {},
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      untilStopped: () => new Promise(() => {}),
    },
    output: undefined as never,
    config: () => {
      throw new Error('not used');
    },
    client: () => {
      throw new Error('not used');
    },
  });
}

/** The `cashfree …` lines of the README's sh blocks, comments removed. */
function exampleLines(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('cashfree '));
}

/** The command a line runs (the longest chain of sub-command names) and the flags it passes. */
function resolve(root: Command, line: string): { command: Command; path: string[]; flags: string[] } {
  const words = line.split(/\s+/).slice(1);
  let command = root;
  const path: string[] = [];
  for (const word of words) {
    const sub = command.commands.find((candidate) => candidate.name() === word);
    if (!sub) break;
    command = sub;
    path.push(word);
  }
  return { command, path, flags: words.filter((word) => word.startsWith('--')) };
}

test('every command line in the CLI README runs a real command with flags it takes', () => {
  const root = program();
  const lines = exampleLines();
  assert.ok(lines.length >= 10, lines.join('\n'));
  const named = new Set<string>();
  for (const line of lines) {
    const { command, path, flags } = resolve(root, line);
    assert.ok(path.length > 0, `${line}: no such command`);
    assert.equal(command.commands.length, 0, `${line}: '${path.join(' ')}' needs a sub-command`);
    const known = new Set([...command.options, ...root.options].map((option) => option.long));
    for (const flag of flags) assert.ok(known.has(flag), `${line}: '${path.join(' ')}' has no ${flag}`);
    named.add(path[0] ?? '');
  }
  // The README shows each area of the CLI, the agent commands and subscriptions included.
  for (const area of ['sandbox', 'orders', 'plans', 'subscriptions', 'payouts', 'webhooks', 'mcp', 'agent']) {
    assert.ok(named.has(area), `the README shows a 'cashfree ${area} …' line`);
  }
});
