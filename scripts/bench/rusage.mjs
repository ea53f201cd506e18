// Preloaded into a measured process (node --import): when it exits, it writes its own CPU time
// and peak resident memory to the file named by BENCH_RUSAGE, so the bench needs no tool
// beyond Node.js to measure a whole process.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ userSeconds: u.userCPUTime / 1e6, systemSeconds: u.systemCPUTime / 1e6, maxRssKiB: u.maxRSS }));
  });
}
