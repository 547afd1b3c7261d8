// npm run bench:stream -- --help
import { CommanderError } from 'commander';
import { loadTopology, TopologyError } from '@xyz/topology';
import { benchCommand, type BenchOptions } from './src/bench-options';
import { formatSummary } from './src/format-summary';
import { runStreamBench } from './src/run-bench';

// The SDK warns once per process that its 2027 releases will need Node 22; it says nothing about this run.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

const EXIT_LOSS_OR_DUPLICATES = 1;
const EXIT_CANNOT_RUN = 2;

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = benchCommand().exitOverride().parse(process.argv).opts<BenchOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_CANNOT_RUN;
    throw error;
  }
  const topology = loadTopology();
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const result = await runStreamBench(options, topology.stream, print);
  formatSummary(result).forEach(print);
  print(JSON.stringify(result));
  return result.lost > 0 || result.duplicated > 0 || result.deadLetteredRecords > 0 ? EXIT_LOSS_OR_DUPLICATES : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof TopologyError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench:stream: ${message}\n`);
    process.exitCode = EXIT_CANNOT_RUN;
  },
);
