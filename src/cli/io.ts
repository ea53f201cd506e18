/** What a command may touch of the process: streams, environment, working folder. */
export interface Stream {
  write(text: string): void;
  isTTY: boolean;
  /** the terminal's width in columns, when the stream is one */
  columns?: number | undefined;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Stream;
  stderr: Stream;
}

/** A reader that stops reading (`promise gaps | head`) closes the pipe: the rest of the output has nowhere to go, and that is no error. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export function processIo(): Io {
  ignoreClosedPipe(process.stdout);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true, columns: process.stdout.columns },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true, columns: process.stderr.columns },
  };
}
