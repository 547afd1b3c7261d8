import type { Topology } from '@xyz/topology';
import { REPLICA_FACTS } from '../runbook/actions/replica';
import { readFact } from '../runbook/facts';
import type { StateRebind } from '../runbook/report';
import type { JsonValue } from '../runbook/step';

function reasonFor(instance: string, staleInstance: string | undefined): string {
  if (staleInstance) {
    return `Its Terraform state still tracks ${staleInstance} (the AWS provider follows an aws_db_instance by its resource id, not its name), so the next plan would rename that instance back to ${instance}, colliding with the new replica, and leave the new ${instance} unmanaged.`;
  }
  return `Its Terraform state still tracks the instance ${instance} replaced, which no longer exists, so the next plan would try to create ${instance} again (and fail: the name is taken) while the new ${instance} stays unmanaged.`;
}

/**
 * The stacks whose database this run replaced under its standard identifier, in topology order.
 * Only regions where the new replica is ready count: a region whose rebuild did not finish is left
 * to `--resume`, and a reused replica is the instance its state already tracks.
 */
export function stateRebinds(topology: Topology, facts: Readonly<Record<string, JsonValue>>): StateRebind[] {
  return topology.regions.flatMap((region) => {
    const instance = readFact(facts, REPLICA_FACTS.replaced.of(region.region));
    if (instance === undefined) return [];
    const staleInstance = readFact(facts, REPLICA_FACTS.stale.of(region.region));
    const stack = region.stackName;
    return [
      {
        region: region.region,
        stack,
        instance,
        ...(staleInstance ? { staleInstance } : {}),
        reason: reasonFor(instance, staleInstance),
        commands: [`npx nx run ${stack}:synth`, `npm run terraform -- rebind-database ${stack}`],
      },
    ];
  });
}

/** One next step per rebound stack: the commands in order, and why. */
export function stateRebindSteps(rebinds: readonly StateRebind[]): string[] {
  return rebinds.map(
    (rebind) =>
      `Rebind the Terraform state of ${rebind.stack} (${rebind.region}) before any plan or apply of it, once the topology change is in place: ${rebind.commands.map((command) => `\`${command}\``).join(', then ')}. ${rebind.reason}`,
  );
}

/** For the dry run: which stacks will need it, so nobody is surprised afterwards. */
export function stateRebindNote(topology: Topology, regions: readonly string[]): string | undefined {
  if (regions.length === 0) return undefined;
  const stacks = topology.regions.filter((region) => regions.includes(region.region)).map((region) => region.stackName);
  return `a replica rebuilt under its standard identifier leaves its stack's Terraform state on the old instance: afterwards rebind ${stacks.join(', ')} with \`npx nx run <stack>:synth\` then \`npm run terraform -- rebind-database <stack>\` (the report lists the exact commands)`;
}
