/**
 * The registry as it was at a git revision: a RegistryReader over `git ls-tree` and one
 * `git cat-file --batch`, run with argument arrays (never through a shell), relative to the
 * registry root's path inside the repository. The same loader reads it as it reads the disk.
 */
import { spawn } from 'node:child_process';
import type { Diagnostic } from '../model/diagnostic.js';
import { PromiseError, UsageError } from '../model/errors.js';
import type { ListResult, RegistryReader } from './load.js';
import { ROOT_FILE } from './load.js';
import { locOfFile } from './locate.js';
import { MAX_FILE_BYTES } from './parse.js';
import { unreadableFinding } from './rule-messages.js';

const YAML_FILE = /\.ya?ml$/i;

interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** What a git command needs: where to run, and the environment (PATH finds git). */
export interface GitOptions {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

function gitMissing(): PromiseError {
  return new PromiseError('git is not installed, or not on PATH: promise diff reads the registry as it was at REV through git', {
    hint: 'install git (https://git-scm.com), or run promise diff where git is on PATH',
  });
}

/** Runs git with an argument array; stdout as bytes, stderr as text. */
function git(args: readonly string[], options: GitOptions, input?: string, onStdout?: (chunk: Buffer) => void): Promise<GitRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
    const child = spawn('git', [...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => (onStdout === undefined ? out.push(chunk) : onStdout(chunk)));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? gitMissing() : new PromiseError(`cannot run git: ${e.message}`)));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    // git may exit before reading all of its input (an unknown object); that is reported by its exit code
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** git's own one-line reason, without its `fatal: ` and the usage lines after it. */
function reasonOf(stderr: string): string {
  const line = stderr.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.replace(/^(fatal|error): /, '').trim();
}

/** The registry root's path inside its repository: '' at the top, else ending in `/`. */
async function repositoryPrefix(options: GitOptions, display: string): Promise<string> {
  const r = await git(['rev-parse', '--show-prefix'], options);
  if (r.code === 0) return r.stdout.toString('utf8').trim();
  const reason = reasonOf(r.stderr);
  if (/not a git repository/i.test(r.stderr)) {
    const folder = display === '.' ? 'the registry folder' : `the registry folder ${display}`;
    throw new PromiseError(`${folder} is not in a git repository, so it has no revision to compare with`, {
      hint: 'run promise diff in a clone of the repository that holds the registry (`git init` and a first commit make one)',
    });
  }
  throw new PromiseError(`git cannot read the repository of the registry ${display}: ${reason}`);
}

async function remotes(options: GitOptions): Promise<string[]> {
  const r = await git(['remote'], options);
  return r.code === 0 ? r.stdout.toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '') : [];
}

/** Resolves REV to a commit id, or says in git's words why it cannot. */
async function resolveCommit(rev: string, options: GitOptions): Promise<string> {
  if (rev === '' || rev.startsWith('-')) throw new UsageError(`"${rev}" is not a revision`, 'name a commit, branch or tag, e.g. origin/main or HEAD~1');
  const r = await git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], options);
  if (r.code === 0) return r.stdout.toString('utf8').trim();
  const object = await git(['cat-file', '-t', rev], options);
  if (object.code === 0) {
    throw new PromiseError(`revision ${rev} names a ${object.stdout.toString('utf8').trim()}, not a commit`, { hint: 'name a commit, branch or tag, e.g. origin/main or HEAD~1' });
  }
  const why = reasonOf((await git(['rev-parse', rev], options)).stderr) || 'unknown revision';
  const slash = rev.indexOf('/');
  const remote = slash > 0 ? rev.slice(0, slash) : undefined;
  const known = await remotes(options);
  const hint =
    remote !== undefined && (known.includes(remote) || remote === 'origin' || remote === 'upstream')
      ? `fetch it first: git fetch ${remote} ${rev.slice(slash + 1)} (a CI checkout needs the history too: fetch-depth: 0)`
      : `name a commit, branch or tag of this repository (git log --oneline, git branch -a); a remote's branch must be fetched first, e.g. git fetch origin main`;
  throw new PromiseError(`unknown revision ${rev}: ${why}`, { hint });
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  /** path inside the repository */
  path: string;
}

async function listTree(commit: string, prefix: string, options: GitOptions): Promise<TreeEntry[]> {
  const args = ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit];
  if (prefix !== '') args.push('--', prefix);
  const r = await git(args, options);
  if (r.code !== 0) throw new PromiseError(`git cannot list the files of ${commit}: ${reasonOf(r.stderr)}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', oid = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/** One answer of `git cat-file --batch`, its content cut one byte past the registry's file limit. */
interface BatchAnswer {
  /** blob, tree, ...; missing; or, following a link, dangling, loop, notdir, symlink (leads outside) */
  kind: string;
  bytes: Uint8Array;
}

/** Parses `git cat-file --batch` output as it streams, keeping at most MAX_FILE_BYTES + 1 bytes of each object. */
class BatchParser {
  readonly answers: BatchAnswer[] = [];
  private head: Buffer = Buffer.alloc(0);
  private current: { kind: string; parts: Buffer[]; kept: number; remaining: number } | undefined;
  private newlineDue = false;

  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      const cur = this.current;
      if (cur !== undefined) {
        const take = Math.min(cur.remaining, chunk.length - i);
        const keep = Math.min(take, MAX_FILE_BYTES + 1 - cur.kept);
        if (keep > 0) {
          cur.parts.push(chunk.subarray(i, i + keep));
          cur.kept += keep;
        }
        cur.remaining -= take;
        i += take;
        if (cur.remaining === 0) this.finish();
        continue;
      }
      if (this.newlineDue) {
        this.newlineDue = false;
        i++;
        continue;
      }
      const nl = chunk.indexOf(10, i);
      if (nl < 0) {
        this.head = Buffer.concat([this.head, chunk.subarray(i)]);
        return;
      }
      const line = Buffer.concat([this.head, chunk.subarray(i, nl)]).toString('utf8');
      this.head = Buffer.alloc(0);
      i = nl + 1;
      this.header(line);
    }
  }

  private header(line: string): void {
    if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
      this.answers.push({ kind: 'missing', bytes: new Uint8Array() });
      return;
    }
    const link = /^(dangling|loop|notdir|symlink) (\d+)$/.exec(line);
    const object = /^\S+ (\S+) (\d+)$/.exec(line);
    const kind = link?.[1] ?? object?.[1];
    const size = Number(link?.[2] ?? object?.[2]);
    if (kind === undefined || !Number.isFinite(size)) throw new PromiseError(`git cat-file answered something unexpected: ${line}`);
    this.current = { kind, parts: [], kept: 0, remaining: size };
    if (size === 0) this.finish();
  }

  private finish(): void {
    const cur = this.current as NonNullable<BatchParser['current']>;
    this.answers.push({ kind: cur.kind, bytes: new Uint8Array(Buffer.concat(cur.parts)) });
    this.current = undefined;
    this.newlineDue = true;
  }
}

/** The objects named, through one `git cat-file --batch`; a `commit:path` request follows links inside the tree. */
async function catFiles(commit: string, requests: readonly string[], options: GitOptions): Promise<BatchAnswer[]> {
  if (requests.length === 0) return [];
  const parser = new BatchParser();
  const r = await git(['cat-file', '--batch', '--follow-symlinks'], options, requests.map((q) => `${q}\n`).join(''), (chunk) => parser.push(chunk));
  if (r.code !== 0) throw new PromiseError(`git cannot read the files of ${commit}: ${reasonOf(r.stderr)}`);
  return parser.answers;
}

/** SPEC §1: hidden folders and files, and node_modules, are not part of the registry; `skip` prunes ignored ones. */
function skipped(path: string, skip: (path: string) => boolean): boolean {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] as string;
    if (name.startsWith('.')) return true;
    if (i < parts.length - 1) {
      const folder = parts.slice(0, i + 1).join('/');
      if (name === 'node_modules' || skip(`${folder}/`) || skip(folder)) return true;
    }
  }
  return false;
}

function readerAt(commit: string, prefix: string, entries: readonly TreeEntry[], options: GitOptions): RegistryReader {
  const contents = new Map<string, Uint8Array>();
  return {
    async list(skip): Promise<ListResult> {
      const wanted: { path: string; request: string; link: boolean }[] = [];
      const problems: Diagnostic[] = [];
      for (const e of entries) {
        if (!e.path.startsWith(prefix)) continue;
        const path = e.path.slice(prefix.length);
        if (!YAML_FILE.test(path) || skipped(path, skip) || e.type !== 'blob') continue;
        const link = e.mode === '120000';
        if (link && e.path.includes('\n')) {
          problems.push(unreadableFinding('gitLinkName', { commit: commit.slice(0, 7) }, locOfFile(path)));
          continue;
        }
        // a link is followed inside the commit's tree, as the disk would follow it
        wanted.push({ path, request: link ? `${commit}:${e.path}` : e.oid, link });
      }
      const answers = await catFiles(commit, wanted.map((w) => w.request), options);
      const files: string[] = [];
      wanted.forEach((w, i) => {
        const answer = answers[i];
        if (answer?.kind === 'blob') {
          contents.set(w.path, answer.bytes);
          files.push(w.path);
          return;
        }
        if (!w.link) {
          problems.push(unreadableFinding('gitCannotRead', { commit: commit.slice(0, 7), answer: answer?.kind ?? 'nothing' }, locOfFile(w.path)));
          return;
        }
        problems.push(unreadableFinding('gitCannotFollow', { commit: commit.slice(0, 7), answer: answer?.kind ?? 'nothing' }, locOfFile(w.path)));
      });
      return { files: files.sort(), problems };
    },
    async read(path: string): Promise<Uint8Array> {
      // promise.yaml is read before the listing; anything else was fetched with it
      const listed = contents.get(path);
      if (listed !== undefined) return listed;
      const [answer] = await catFiles(commit, [`${commit}:${prefix}${path}`], options);
      if (answer?.kind !== 'blob') throw Object.assign(new Error(`${path} is not in ${commit.slice(0, 7)}`), { code: 'ENOENT' });
      return answer.bytes;
    },
  };
}

export interface GitRevision {
  /** the commit the revision resolved to */
  commit: string;
  /** the registry root's path inside the repository: '' at the top, else ending in `/` */
  prefix: string;
  /** false when there was no promise.yaml at the registry's path in that commit */
  exists: boolean;
  /** the registry's files as they were in that commit */
  reader: RegistryReader;
}

/**
 * The registry rooted at `root` (a folder of a git working tree) as it was at `rev`. Throws a
 * PromiseError (exit 2) when git is missing, `root` is not in a repository, or `rev` is unknown.
 */
export async function openGitRevision(root: string, rev: string, display: string, env: GitOptions['env']): Promise<GitRevision> {
  const options: GitOptions = { cwd: root, env };
  const prefix = await repositoryPrefix(options, display);
  const commit = await resolveCommit(rev, options);
  const entries = await listTree(commit, prefix, options);
  const rootEntry = entries.find((e) => e.path === `${prefix}${ROOT_FILE}`);
  return { commit, prefix, exists: rootEntry !== undefined && rootEntry.type === 'blob', reader: readerAt(commit, prefix, entries, options) };
}
