import { processIo } from './io.js';
import { runCli } from './run.js';

// The only place that sets the process's exit code.
process.exitCode = await runCli(process.argv.slice(2), processIo());
