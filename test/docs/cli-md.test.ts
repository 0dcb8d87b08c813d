/**
 * docs/cli.md (linked from the README's `## CLI` section) documents every command the program has,
 * every global flag and every exit code, so adding a command or a code without documenting it
 * fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { EXIT_CODE_TABLE } from '@cashfree-kit/cli';
// The command tree is internal to the CLI package: read from its source, as its own tests do.
import { createProgram } from '../../packages/cli/src/program.ts';

const section = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8');

/** The part of commander's Command this test reads (the CLI has its own commander version). */
interface CommandTree {
  name(): string;
  readonly commands: readonly CommandTree[];
}

function runnable(command: CommandTree, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    if (sub.name() === 'help') return [];
    const path = [...prefix, sub.name()];
    return sub.commands.length > 0 ? runnable(sub, path) : [path.join(' ')];
  });
}

test('docs/cli.md documents every command', () => {
  assert.ok(section.startsWith('# CLI\n') && section.length > 1000, 'docs/cli.md is the CLI reference');
  const program = createProgram({
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
  const commands = runnable(program);
  assert.ok(commands.length >= 20);
  for (const command of commands)
    assert.ok(section.includes(`\`${command}`), `docs/cli.md documents \`${command}\``);
});

test('docs/cli.md documents the global flags and every exit code', () => {
  for (const flag of ['--json', '--no-json', '--env', '--base-url']) assert.ok(section.includes(flag), flag);
  for (const [code, meaning] of EXIT_CODE_TABLE) {
    const escaped = meaning.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(
      section,
      new RegExp(`^\\|\\s*${code}\\s*\\|\\s*${escaped}\\s*\\|$`, 'm'),
      `exit code ${code}: ${meaning}`,
    );
  }
});
