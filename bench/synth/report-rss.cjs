// Preloaded into every Node process of a measured command (tsx starts a child): each appends its
// peak resident set size in bytes when it exits, and the bench takes the largest.
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS * 1024}\n`);
});
