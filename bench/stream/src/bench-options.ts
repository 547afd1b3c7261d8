import { Command, InvalidArgumentError } from 'commander';

export interface BenchOptions {
  readonly rate: number;
  readonly duration: number;
  readonly warmup: number;
  readonly devices: number;
  readonly branches: number;
  readonly shards?: number;
  readonly pollInterval: number;
  readonly drainTimeout: number;
  readonly faultRate: number;
  readonly malformedRate: number;
}

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}, got "${value}"`);
    return number;
  };
}

function nonNegativeInteger(name: string, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0 || number > max) throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}, got "${value}"`);
    return number;
  };
}

function fraction(name: string) {
  return (value: string): number => {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number >= 1) throw new InvalidArgumentError(`${name} must be a fraction from 0 up to (not including) 1, got "${value}"`);
    return number;
  };
}

export function benchCommand(): Command {
  return new Command('bench:stream')
    .description(
      'Drive the local device event pipeline (kinesalite -> emulated Lambda event source mapping -> the real processor -> dynalite, ' +
        'all in this process) at a steady offered load, and report throughput, put-to-visible latency (from the PutRecords call to ' +
        'DynamoDB acknowledging the item) and records lost or duplicated. The stream settings (shards, batch size, batching window, ' +
        'retries) come from the topology (XYZ_ENVIRONMENT, default production).',
    )
    .option('--rate <records/s>', 'offered load', positiveInteger('--rate', 20_000), 1000)
    .option('--duration <seconds>', 'how long the measured load runs', positiveInteger('--duration', 3600), 30)
    .option('--warmup <seconds>', 'load at the same rate before measuring (JIT warm-up); its records are still checked for loss and duplicates', nonNegativeInteger('--warmup', 600), 5)
    .option('--devices <n>', 'devices sending events (the partition keys)', positiveInteger('--devices', 1_000_000), 1000)
    .option('--branches <n>', 'branches the devices belong to', positiveInteger('--branches', 100_000), 50)
    .option('--shards <n>', 'override the topology\'s shard count', positiveInteger('--shards', 50))
    .option('--poll-interval <ms>', 'pause between GetRecords calls on a caught-up shard (Lambda: about 1000)', positiveInteger('--poll-interval', 60_000), 1000)
    .option('--drain-timeout <seconds>', 'how long to wait after the load for the last items', positiveInteger('--drain-timeout', 3600), 60)
    .option('--fault-rate <fraction>', 'fraction of the processor\'s BatchWriteItem calls that fail (exercises retries)', fraction('--fault-rate'), 0)
    .option('--malformed-rate <fraction>', 'fraction of records that are malformed (must be quarantined)', fraction('--malformed-rate'), 0)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npm run bench:stream                              1,000 records/s for 30 s\n' +
        '  npm run bench:stream -- --rate 2000 --duration 60\n' +
        '  npm run bench:stream -- --fault-rate 0.05 --malformed-rate 0.01\n' +
        '\nThe last line printed is one JSON object with the figures. Exit code 0: no loss, no duplicates;\n' +
        '1: records were lost, duplicated or dead-lettered; 2: bad arguments or the bench could not run.',
    );
}
