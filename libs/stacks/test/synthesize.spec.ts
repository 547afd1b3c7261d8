import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTopology, topologyFile, TopologyError } from '@xyz/topology';
import { synthesizeStack } from '../src/synthesize';
import { testProcessorBundle } from './synth-helpers';

function capture(run: () => number): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    return { code: run(), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('synthesizeStack', () => {
  const production = () => JSON.parse(readFileSync(topologyFile('production'), 'utf8'));

  it('writes the stack and says where', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'synth-'));
    const result = capture(() => synthesizeStack({ stackName: 'replica-ohio', loadTopology: () => resolveTopology(production()), outdir }));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^synthesized replica-ohio \(production\) to .*\/stacks\/replica-ohio\/cdk\.tf\.json in [\d.]+s$/);
    expect(existsSync(join(outdir, 'stacks', 'replica-ohio', 'cdk.tf.json'))).toBe(true);
  });

  it('reports an invalid topology as one line and exit code 2', () => {
    const result = capture(() =>
      synthesizeStack({
        stackName: 'primary-east',
        loadTopology: () => {
          throw new TopologyError('regions[0].availabilityZones', 'needs at least 2 availability zones for Multi-AZ, got 1');
        },
        outdir: mkdtempSync(join(tmpdir(), 'synth-')),
      }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: invalid topology: regions[0].availabilityZones: needs at least 2 availability zones for Multi-AZ, got 1');
  });

  it('explains a missing processor bundle in the pipeline region as one line and exit code 2', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'synth-'));
    const result = capture(() =>
      synthesizeStack({
        stackName: 'primary-east',
        loadTopology: () => resolveTopology(production()),
        outdir,
        loadProcessorBundle: () => {
          throw new Error('dist/stream-processor/processor-bundle.json does not exist. Build the stream processor first: npx nx run stream:bundle');
        },
      }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: dist/stream-processor/processor-bundle.json does not exist. Build the stream processor first: npx nx run stream:bundle');
    expect(existsSync(join(outdir, 'stacks', 'primary-east', 'cdk.tf.json'))).toBe(false);
  });

  it('does not need the processor bundle outside the pipeline region', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'synth-'));
    const loadProcessorBundle = jest.fn(testProcessorBundle);
    const result = capture(() => synthesizeStack({ stackName: 'replica-west', loadTopology: () => resolveTopology(production()), outdir, loadProcessorBundle }));
    expect(result.code).toBe(0);
    expect(loadProcessorBundle).not.toHaveBeenCalled();
  });

  it('refuses a stack that breaks a guardrail, names the resource and writes nothing', () => {
    const doc = production();
    doc.regions = doc.regions.slice(0, 1);
    doc.database.backupRetentionDays = 0;
    const outdir = mkdtempSync(join(tmpdir(), 'synth-'));
    const result = capture(() =>
      synthesizeStack({ stackName: 'primary-east', loadTopology: () => resolveTopology(doc), outdir, loadProcessorBundle: testProcessorBundle }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: primary-east fails its guardrails; nothing was written:\n {2}primary-east: aws_db_instance\.database_instance_[0-9A-F]+: \S+ /);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(join(outdir, 'stacks', 'primary-east', 'cdk.tf.json'))).toBe(false);
  });
});
