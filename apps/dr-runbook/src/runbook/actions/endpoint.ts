import type { Topology } from '@xyz/topology';
import { isServingPrimary } from '../../aws/instance-view';
import { BRIEF_RETRY } from '../../aws/retry-policy';
import { writerEndpointPutInput } from '../../aws/writer-endpoint';
import { StepError } from '../../core/errors';
import type { Step } from '../step';
import type { InstanceRef } from './promote';
import { STEP } from '../step-ids';
import { z } from 'zod';
import { epochMs, fact } from '../facts';

export const ENDPOINT_FACTS = {
  /** When the last region's parameter was written: the end of the failover's RTO. */
  switchedAt: fact('endpointSwitchedAt', epochMs),
  address: fact('writerEndpoint', z.string()),
};

interface RegionResult {
  readonly region: string;
  readonly ok: boolean;
  readonly at: number;
  readonly detail?: string;
}

/**
 * Applications find the writer through an SSM String parameter in their own region
 * (names.writerEndpointParameter). Switching the endpoint is a PutParameter (Overwrite) in every
 * platform region, in parallel; a region that does not answer is reported and retried on --resume.
 */
export function switchEndpointStep(target: InstanceRef, plannedAddress: string | undefined, topology: Topology): Step {
  const regions = topology.regions.map((region) => region.region);
  const parameter = (region: string) => topology.regions.find((entry) => entry.region === region)?.names.writerEndpointParameter ?? '';
  return {
    id: STEP.switchEndpoint,
    title: `Point the writer endpoint parameter at ${target.id} in every region`,
    timeoutMs: 10 * 60_000,
    calls: regions.map((region) => ({ service: 'ssm' as const, region, operation: 'PutParameter', input: writerEndpointPutInput(parameter(region), plannedAddress ?? `<endpoint address of ${target.id}>`) })),
    facts: Object.values(ENDPOINT_FACTS),
    ifItFails: `${target.id} is the primary, but applications in the regions listed above may still read the old writer address. Resume; or set the parameter by hand (aws ssm put-parameter --overwrite).`,
    async run(ctx) {
      const view = await ctx.aws.rds.describe(target.region, target.id, { deadline: ctx.deadline });
      if (!view || !isServingPrimary(view) || !view.endpointAddress) {
        throw new StepError(`refusing to point writers at ${target.id}: it is not a writable standalone instance with an endpoint (${view ? `status ${view.status}${view.sourceArn ? ', still a replica' : ''}` : 'not found'})`);
      }
      const address = view.endpointAddress;
      const results = await Promise.all(
        regions.map(async (region): Promise<RegionResult> => {
          try {
            await ctx.aws.endpoints.put(region, parameter(region), address, { retry: BRIEF_RETRY, deadline: ctx.deadline });
            ctx.progress(`${region}: ${parameter(region)} = ${address}`);
            return { region, ok: true, at: ctx.clock.now() };
          } catch (error) {
            return { region, ok: false, at: ctx.clock.now(), detail: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const own = results.find((result) => result.region === target.region);
      if (own && !own.ok) throw new StepError(`could not update the writer endpoint in ${target.region}, the new primary's own region: ${own.detail}`);
      const succeeded = results.filter((result) => result.ok);
      ctx.memory.setFact(ENDPOINT_FACTS.switchedAt, Math.max(...succeeded.map((result) => result.at)));
      ctx.memory.setFact(ENDPOINT_FACTS.address, address);
      const warnings = results
        .filter((result) => !result.ok)
        .map((result) => `${result.region}: could not update ${parameter(result.region)} (${result.detail}); applications there still read the old writer address. Resume when the region answers.`);
      return { summary: `writer endpoint is ${address} in ${succeeded.length} of ${regions.length} regions`, warnings };
    },
  };
}
