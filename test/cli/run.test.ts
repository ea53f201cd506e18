import { describe, expect, it } from 'vitest';
import { checkExitCode } from '../../src/cli/exit-code.js';
import type { Io } from '../../src/cli/io.js';
import { COMMANDS, invokedCommand } from '../../src/cli/command-list.js';
import { reportError, runCli } from '../../src/cli/run.js';
import { Help } from 'commander';
import { PromiseError, RegistryError, UsageError } from '../../src/model/errors.js';

function memoryIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd: process.cwd(), env: { NO_COLOR: '1' }, stdout: { write: (t) => void out.push(t), isTTY: false }, stderr: { write: (t) => void err.push(t), isTTY: false }, out, err };
}

describe('the error boundary', () => {
  it('prints an unknown error as an internal error, with the stack only under --debug', async () => {
    const io = memoryIo();
    expect(await reportError(new TypeError('boom'), io, false)).toBe(2);
    expect(io.err.join('')).toMatch(/^promise: internal error: boom\nThis is a bug/);
    expect(io.err.join('')).not.toMatch(/\n\s+at /);
    const debug = memoryIo();
    await reportError(new TypeError('boom'), debug, true);
    expect(debug.err.join('')).toMatch(/\n\s+at /);
  });

  it('prints a known error as one line and a hint', async () => {
    const io = memoryIo();
    expect(await reportError(new UsageError('bad flag', 'try --help'), io, false)).toBe(2);
    expect(io.err.join('')).toBe('promise: bad flag\nhint: try --help\n');
    expect(await reportError(new PromiseError('x', { exitCode: 1 }), memoryIo(), false)).toBe(1);
  });

  it('prints the diagnostics of a registry error', async () => {
    const io = memoryIo();
    const d = { rule: 'unknown-ref', severity: 'error' as const, messageId: 'undeclared', data: {}, message: 'm', file: 'a.yaml', line: 2, column: 3, endLine: 2, endColumn: 4 };
    expect(await reportError(new RegistryError('the registry has an error', [d]), io, false)).toBe(2);
    expect(io.err.join('')).toContain('a.yaml:2:3  error  unknown-ref  m');
  });

  it('runs in-process and returns the exit code without exiting', async () => {
    const io = memoryIo();
    expect(await runCli(['rules', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toHaveProperty('rules');
    expect(await runCli(['nope'], memoryIo())).toBe(2);
  });
});

describe('the command list', () => {
  it("lists each command as the command's own module defines it", async () => {
    const ctx = { io: memoryIo(), chalk: () => { throw new Error('unused'); }, width: () => 80, tool: { name: 'promise', version: '0' }, now: () => new Date(0), note: () => undefined, quiet: () => false, setExitCode: () => undefined };
    for (const entry of COMMANDS) {
      const cmd = (await entry.load())(ctx);
      expect([cmd.name(), new Help().subcommandTerm(cmd), cmd.description()]).toEqual([entry.name, entry.term, entry.description]);
    }
  });

  it('finds the command argv runs, or whose help it asks for', () => {
    expect(invokedCommand(['gaps', '--period', '2026-Q3'])).toBe('gaps');
    expect(invokedCommand(['-q', '--debug', 'check'])).toBe('check');
    expect(invokedCommand(['help', 'report'])).toBe('report');
    expect(invokedCommand(['--', 'list'])).toBe('list');
    expect(invokedCommand(['--version'])).toBeUndefined();
    expect(invokedCommand(['help'])).toBeUndefined();
  });

  it('shows the help of a command named after help, and suggests a command for a misspelt one', async () => {
    const io = memoryIo();
    expect(await runCli(['help', 'sql'], io)).toBe(0);
    expect(io.out.join('')).toContain('--dialect <name>');
    const typo = memoryIo();
    expect(await runCli(['chek'], typo)).toBe(2);
    expect(typo.err.join('')).toContain('(Did you mean check?)');
  });
});

describe('checkExitCode', () => {
  const s = (errors: number, warnings: number, infos: number) => ({ errors, warnings, infos });
  it.each([
    [s(0, 0, 0), 'error', undefined, 0],
    [s(1, 0, 0), 'error', undefined, 1],
    [s(0, 3, 1), 'error', undefined, 0],
    [s(0, 3, 1), 'warning', undefined, 1],
    [s(0, 0, 1), 'warning', undefined, 0],
    [s(0, 0, 1), 'info', undefined, 1],
    [s(0, 3, 0), 'error', 3, 0],
    [s(0, 4, 0), 'error', 3, 1],
    [s(0, 0, 0), 'info', 0, 0],
  ] as const)('%j fail-on %s max-warnings %s -> %i', (summary, failOn, maxWarnings, code) => {
    expect(checkExitCode(summary, { failOn, maxWarnings })).toBe(code);
  });
});
