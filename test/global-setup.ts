/** Before any test: the CLI must be built (npm test builds it first) and the example logs generated. */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds the CLI first');
  }
  const generator = join(root, 'scripts', 'generate-example-logs.ts');
  if (existsSync(generator)) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), generator], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
