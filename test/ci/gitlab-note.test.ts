/**
 * The GitLab job keeps one merge-request note with the diff: its script, as written in
 * examples/ci/gitlab-ci.yml, runs against a stand-in of GitLab's notes API on the loopback
 * address. The first pipeline creates the note; every later one finds it (by its marker and
 * its author, past the first page of notes) and updates it.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { CI, lines, readYaml, record } from './recipe-commands.js';

// Each test runs the job script (bash, curl, node) several times: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const TOKEN = 'glpat-test-token';
const ME = 7;
const MARKER = '<!-- promise-registry diff -->';

interface Note {
  id: number;
  body: string;
  author: { id: number };
}

let server: Server;
let base = '';
let notes: Note[] = [];
const calls: string[] = [];

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8'))).on('end', () => resolve(s));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      calls.push(`${req.method} ${url.pathname}`);
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.headers['private-token'] !== TOKEN) return send(401, { message: '401 Unauthorized' });
      if (req.method === 'GET' && url.pathname === '/api/v4/user') return send(200, { id: ME, username: 'project_42_bot' });
      const notesPath = '/api/v4/projects/42/merge_requests/5/notes';
      if (url.pathname === notesPath && req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 20);
        const page = Number(url.searchParams.get('page') ?? 1);
        return send(200, notes.slice((page - 1) * perPage, page * perPage));
      }
      if (url.pathname === notesPath && req.method === 'POST') {
        const note = { id: 1000 + notes.length, body: new URLSearchParams(await body(req)).get('body') ?? '', author: { id: ME } };
        notes.push(note);
        return send(201, note);
      }
      const one = new RegExp(`^${notesPath}/(\\d+)$`).exec(url.pathname);
      if (one && req.method === 'PUT') {
        const note = notes.find((n) => n.id === Number(one[1]));
        if (note === undefined) return send(404, { message: '404 Not found' });
        if (note.author.id !== ME) return send(403, { message: '403 Forbidden' });
        note.body = new URLSearchParams(await body(req)).get('body') ?? '';
        return send(200, note);
      }
      return send(404, { message: '404 Not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The note-posting entry of the promises-diff job's script. */
const noteScript = lines(record(record(readYaml(join(CI, 'gitlab-ci.yml')))['promises-diff']).script).find((s) => s.includes('PROMISE_NOTE_TOKEN')) ?? '';

async function pipeline(diff: string, token: string | undefined): Promise<void> {
  const dir = tempDir('promise-note-');
  writeFileSync(join(dir, 'promise-diff.md'), diff);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CI_API_V4_URL: base, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '5' };
  if (token !== undefined) env.PROMISE_NOTE_TOKEN = token;
  // GitLab runs a job's script in bash, stopping at the first failing command
  await promisify(execFile)('bash', ['-e', '-o', 'pipefail', '-c', noteScript], { cwd: dir, env });
}

describe('the GitLab merge-request note', () => {
  it('is created once, then updated in place on every pipeline', async () => {
    // 150 notes of a discussion, one of them quoting the marker: ours is not on the first page
    notes = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: i === 3 ? `${MARKER} quoted by a reviewer` : `comment ${i}`, author: { id: 100 + (i % 3) } }));
    calls.length = 0;
    await pipeline('**1 loosened**\n', TOKEN);
    expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    const ours = () => notes.filter((n) => n.author.id === ME);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toBe(`${MARKER}\n\n**1 loosened**\n`);

    calls.length = 0;
    await pipeline('**nothing changed**\n', TOKEN);
    await pipeline('**1 tightened**\n', TOKEN);
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('PUT'))).toHaveLength(2);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).toBe(`${MARKER}\n\n**1 tightened**\n`);
    expect(notes).toHaveLength(151);
    expect(notes[3]?.body).toBe(`${MARKER} quoted by a reviewer`);
  });

  it('is not posted without the token, and a wrong token fails the job', async () => {
    calls.length = 0;
    await pipeline('x\n', undefined);
    expect(calls).toEqual([]);
    await expect(pipeline('x\n', 'wrong')).rejects.toThrow(/401/);
  });
});
