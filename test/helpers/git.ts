/** Git repositories made by tests: fixed names and dates, so that commit ids, and the golden files that show them, never change. */
import { execFileSync } from 'node:child_process';
import { devNull } from 'node:os';

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z',
  LC_ALL: 'C',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
}

export function init(dir: string): void {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'Registry Tests');
  git(dir, 'config', 'user.email', 'registry-tests@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

export function commit(dir: string, message: string): void {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', message);
}
