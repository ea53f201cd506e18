// Reads a log through the product's CSV reader and does nothing else: the parsing share of an
// evaluation. `node scripts/bench/read-only.mjs LOG`
import { openCsv } from '../../dist/logs/csv.js';

const file = await openCsv(process.argv[2], 'log');
let rows = 0;
for await (const batch of file.batches()) rows += batch.length;
process.stdout.write(`${rows}\n`);
