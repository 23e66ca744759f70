// Preloaded (`node -r`) by the bench into a command whose peak memory it measures: prints the
// process's peak resident set size on stderr as it exits.
'use strict';
const fs = require('fs');

process.on('exit', () => {
  fs.writeSync(2, `\nMPWR_BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
