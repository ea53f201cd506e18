/**
 * A progress bar on stderr for long evaluations (rows and MB read, rate, time left from the
 * file sizes). Shown only when stderr is a terminal and not in CI, never for machine-readable
 * output, and only once a run has taken long enough to need one.
 */
import type { RunProgress } from '../run/engine.js';
import type { Io } from './io.js';

export interface ProgressState {
  bytes: number;
  totalBytes: number;
  rows: number;
  /** seconds since the start */
  elapsed: number;
}

const WIDTH = 24;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line of progress: `[#######-----]  42%  1,234,567 rows  123.4 MB  310,000 rows/s  0:12 left`. */
export function formatProgress(p: ProgressState): string {
  const share = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const filled = Math.round(share * WIDTH);
  const rate = p.elapsed > 0 ? p.rows / p.elapsed : 0;
  const left = share > 0 && share < 1 ? (p.elapsed / share) * (1 - share) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${p.rows.toLocaleString('en')} rows  ${(p.bytes / 1e6).toFixed(1)} MB  ${Math.round(rate).toLocaleString('en')} rows/s  ${clock(left)} left`;
}

const QUIET: RunProgress = { bytes: () => undefined, rows: () => undefined, done: () => undefined };

/** Show nothing for the first half second, then redraw at most ten times a second. */
const DELAY_MS = 500;
const EVERY_MS = 100;

export function startProgress(io: Io, totalBytes: number, machineOutput: boolean, now: () => number = () => performance.now()): RunProgress {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  if (!io.stderr.isTTY || ci || machineOutput || io.env.TERM === 'dumb') return QUIET;
  const start = now();
  const state: ProgressState = { bytes: 0, totalBytes, rows: 0, elapsed: 0 };
  let drawn = 0;
  let shown = false;
  const draw = (): void => {
    const t = now();
    if (t - start < DELAY_MS || t - drawn < EVERY_MS) return;
    drawn = t;
    shown = true;
    state.elapsed = (t - start) / 1000;
    io.stderr.write(`\r${formatProgress(state)}\u001b[K`);
  };
  return {
    bytes(n) {
      state.bytes += n;
      draw();
    },
    rows(n) {
      state.rows += n;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}
