import { offlinePrimaryOutputs } from '@xyz/stacks';
import { loadTopology, regionForStack, type Topology } from '@xyz/topology';
import { prepareOfflineWorkdir, type RemoteStateStandIn, type TerraformJson, UserError } from '@xyz/terraform-toolkit';
import { offlineDir, stackDir } from '../paths';

function stackNameFromStateKey(topology: Topology, key: string): string {
  const match = new RegExp(`^${topology.environment}/(.+)\\.tfstate$`).exec(key);
  if (!match) throw new UserError(`remote state key "${key}" is not a state key of environment ${topology.environment}`);
  return match[1];
}

/** A remote state of this platform offline: the outputs the topology says the stack at that key has. */
function remoteStateStandIn(topology: Topology, key: string): RemoteStateStandIn {
  const source = regionForStack(topology, stackNameFromStateKey(topology, key));
  return { stack: source.stackName, outputs: offlinePrimaryOutputs(topology, source) };
}

/**
 * The stack's offline working directory (cdktf.out/offline/<stack>), prepared by the toolkit. The
 * local backend starts empty, or from `priorState` (the text of a state file) when one is given.
 */
export function prepareStackWorkdir(stack: string, synthesized: TerraformJson, secretsEndpoint: string | undefined, priorState?: string): string {
  const topology = loadTopology();
  return prepareOfflineWorkdir({
    stackDir: stackDir(stack),
    workdir: offlineDir(stack),
    synthesized,
    remoteState: (key) => remoteStateStandIn(topology, key),
    secretsEndpoint,
    priorState,
  });
}
