import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTopology, topologyFile, TopologyError } from '@xyz/topology';
import { Aspects, type IAspect, TerraformOutput, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { loadSynthInput, synthesizeWithin } from '../src';

const topology = () => resolveTopology(JSON.parse(readFileSync(topologyFile('production'), 'utf8')));

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

/** A guardrail stand-in: fails validation of every stack it is added to. */
class RefuseEverything implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof TerraformStack) node.node.addValidation({ validate: () => ['aws_thing.example: refused for the test'] });
  }
}

describe('synthesizeWithin', () => {
  const outdir = () => mkdtempSync(join(tmpdir(), 'stack-base-'));

  it('writes the stack and reports where and how long', () => {
    const dir = outdir();
    const result = capture(() =>
      synthesizeWithin({ stackName: 'tiny', loadTopology: topology, outdir: dir }, (app) => {
        new TerraformOutput(new TerraformStack(app, 'tiny'), 'answer', { value: 42 });
      }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^synthesized tiny \(production\) to .*\/stacks\/tiny\/cdk\.tf\.json in [\d.]+s$/);
    expect(JSON.parse(readFileSync(join(dir, 'stacks', 'tiny', 'cdk.tf.json'), 'utf8')).output.answer.value).toBe(42);
  });

  it('turns an invalid topology into one line and exit 2', () => {
    const result = capture(() =>
      synthesizeWithin(
        {
          stackName: 'tiny',
          loadTopology: () => {
            throw new TopologyError('primaryRegion', '"eu-west-9" is not a known AWS region');
          },
          outdir: outdir(),
        },
        () => undefined,
      ),
    );
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: invalid topology: primaryRegion: "eu-west-9" is not a known AWS region' });
  });

  it('turns a missing input into one line and exit 2, and writes nothing', () => {
    const dir = outdir();
    const result = capture(() =>
      synthesizeWithin({ stackName: 'tiny', loadTopology: topology, outdir: dir }, (app) => {
        new TerraformStack(app, 'tiny');
        loadSynthInput(() => {
          throw new Error('dist/thing.json does not exist');
        });
      }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: dist/thing.json does not exist');
    expect(existsSync(join(dir, 'stacks', 'tiny'))).toBe(false);
  });

  it('lists failed guardrails one line per finding, exit 1, nothing written', () => {
    const dir = outdir();
    const result = capture(() =>
      synthesizeWithin({ stackName: 'tiny', loadTopology: topology, outdir: dir }, (app) => {
        const stack = new TerraformStack(app, 'tiny');
        Aspects.of(stack).add(new RefuseEverything());
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: tiny fails its guardrails; nothing was written:\n  aws_thing.example: refused for the test');
    expect(existsSync(join(dir, 'stacks', 'tiny', 'cdk.tf.json'))).toBe(false);
  });

  it('lets an unexpected error through, as a bug', () => {
    expect(() =>
      capture(() =>
        synthesizeWithin({ stackName: 'tiny', loadTopology: topology, outdir: outdir() }, () => {
          throw new RangeError('a bug');
        }),
      ),
    ).toThrow(RangeError);
  });
});
