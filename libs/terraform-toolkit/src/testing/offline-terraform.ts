import { type PlanAction, planSchema } from '@xyz/terraform-schema';
import { terraformOutput } from '../captured-run';

/** Tests have no credentials; a provider configured with the skip flags accepts these. */
function testEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: process.env['AWS_ACCESS_KEY_ID'] ?? 'mock',
    AWS_SECRET_ACCESS_KEY: process.env['AWS_SECRET_ACCESS_KEY'] ?? 'mock',
  };
}

/** Runs terraform in dir, initialised the project's way; returns stdout, throws with terraform's messages. */
export function terraform(dir: string, args: readonly string[]): string {
  return terraformOutput(dir, args, testEnvironment());
}

/** terraform init from the local provider mirror when there is one, else the registry (the project's CLI config). */
export function initOffline(dir: string): void {
  terraform(dir, ['init', '-input=false', '-no-color']);
}

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface OfflinePlan {
  readonly resources: PlannedResource[];
  readonly actions: PlanAction[][];
}

/** terraform plan (the provider validates every argument) and its JSON form. */
export function planOffline(dir: string): OfflinePlan {
  terraform(dir, ['plan', '-input=false', '-no-color', '-lock=false', '-out=tfplan']);
  const shown = planSchema.parse(JSON.parse(terraform(dir, ['show', '-json', 'tfplan'])));
  return {
    resources: (shown.planned_values.root_module?.resources ?? []).map((resource) => ({ ...resource, values: resource.values ?? {} })),
    actions: shown.resource_changes.map((change) => change.change.actions),
  };
}
