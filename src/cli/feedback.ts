/** What a run says while it reads: its notes in words on stderr, and the progress bar. */
import type { RunNote, RunOptions } from '../run/engine.js';
import type { CommandContext } from './context.js';
import { startProgress } from './progress.js';

function noteText(note: RunNote): string {
  switch (note.kind) {
    case 'no-log-files':
      return `promise: source "${note.source}" has no log files (${note.patterns.join(', ')} matches nothing); its standards have no data\n`;
    case 'empty-log':
      return `promise: ${note.message}; it adds no records\n`;
  }
}

/** `machineOutput`: the output is for machines (JSON), or --quiet: no progress bar. */
export function runFeedback(ctx: CommandContext, machineOutput: boolean): Required<Pick<RunOptions, 'note' | 'progress'>> {
  return {
    note: (note) => ctx.note(noteText(note)),
    progress: (totalBytes) => startProgress(ctx.io, totalBytes, machineOutput || ctx.quiet()),
  };
}
