import { providerRegion, type ResourceChange, type TerraformPlan, type TerraformState } from '@xyz/terraform-schema';
import type { BlockSchema } from './provider-schemas';
import { sensitivePaths } from './sensitive-paths';
import type { Lookup } from './templates';
import { fillUnknown, isObject, referencesOf } from './unknown-values';

/**
 * A Terraform state (format 4) of a create plan as if it had been applied, so that real plans of
 * changes can be made against it offline with `terraform plan -refresh=false`: the provider then
 * decides, as it would against AWS, which change updates in place and which forces a replacement.
 * Used by the plan-review fixture generator and the terraform-cli tests.
 *
 * Values the create plan knows are kept. Values known only after apply get stand-ins of their
 * schema type (a null would read as "not set yet" and show up as a change): references
 * (`kms_key_id = aws_kms_key.data.arn`) get the referenced value, and so do the `${...}` templates
 * of a JSON configuration (cdktf's cdk.tf.json: lists of ids, policies naming an ARN); a read
 * replica inherits its source's engine, version, storage and master user name as RDS does;
 * everything else gets a typed placeholder.
 */

type Json = Record<string, unknown>;

/** What the builder reads of a plan: its resource changes and its configuration (expressions, providers). */
export type CreatePlan = Pick<TerraformPlan, 'resource_changes' | 'configuration'>;

/**
 * What an RDS read replica takes from its source rather than from its own configuration: it is
 * created without an engine, engine version, storage size or master user name of its own.
 */
export const INHERITED_FROM_SOURCE: readonly string[] = ['engine', 'engine_version', 'allocated_storage', 'username'];

export interface AppliedStateOptions {
  /** The attributes a read replica takes from its source. @default INHERITED_FROM_SOURCE */
  readonly inheritedFromSource?: readonly string[];
  /**
   * Applied values of replication sources that live in another stack, by ARN (a replica whose
   * `replicate_source_db` comes from remote state): what the replica inherits is taken from them.
   */
  readonly externalSources?: Readonly<Record<string, Json>>;
}

const ACCOUNT = '111122223333';

function arnOf(change: ResourceChange, values: Json, region: string): string {
  if (change.type === 'aws_db_instance') return `arn:aws:rds:${region}:${ACCOUNT}:db:${String(values['identifier'])}`;
  if (change.type === 'aws_kms_key') return `arn:aws:kms:${region}:${ACCOUNT}:key/${change.name}`;
  return `arn:aws:${change.type.split('_')[1]}:${region}:${ACCOUNT}:${change.name}`;
}

/**
 * Computed attributes that AWS leaves empty on the resources these stacks create, and that the
 * provider refuses to see set (a standard SNS topic has no FIFO throughput scope).
 */
const EMPTY_IN_AWS: Readonly<Record<string, readonly string[]>> = { aws_sns_topic: ['fifo_throughput_scope'] };

type ConfigResource = NonNullable<NonNullable<NonNullable<TerraformPlan['configuration']>['root_module']>['resources']>[number];

/**
 * The ARN a read replica names as its source: the planned value when the plan knows it (a source
 * in another stack, read from remote state), else the resource its configuration refers to.
 */
function sourceArn(change: ResourceChange, config: ReadonlyMap<string, ConfigResource>, lookup: Lookup): unknown {
  const planned = isObject(change.change.after) ? change.change.after['replicate_source_db'] : undefined;
  if (typeof planned === 'string') return planned;
  const references = referencesOf(config.get(change.address)?.expressions?.['replicate_source_db']);
  return references.length > 0 ? lookup(references[0]) : undefined;
}

/** The state a create plan leaves behind once applied. */
export function appliedState(plan: CreatePlan, schemas: Readonly<Record<string, BlockSchema>>, options: AppliedStateOptions = {}): TerraformState {
  const providers = plan.configuration?.provider_config ?? {};
  const config = new Map((plan.configuration?.root_module?.resources ?? []).map((resource) => [resource.address, resource]));
  const managed = plan.resource_changes.filter((change) => change.mode === 'managed');
  const values = new Map<string, Json>();
  for (const change of managed) {
    const region = providerRegion(plan, change) ?? 'us-east-1';
    const state: Json = { ...(change.change.after as Json) };
    state['id'] = `${change.name}-id`;
    if (schemas[change.type]?.attributes?.['arn']) state['arn'] = arnOf(change, state, region);
    values.set(change.address, state);
  }
  const changes = new Map(managed.map((change) => [change.address, change]));
  const unknownOf = (change: ResourceChange) => (change.change.after_unknown ?? {}) as Json;
  const filled = new Set<string>();
  // A value can refer to another resource's value that is itself known only after apply
  // (`aws_kms_key.x.key_id`): that resource is filled first.
  const lookup: Lookup = (reference) => {
    const [type, name, ...path] = reference.split('.');
    const address = `${type}.${name}`;
    const pending = changes.get(address);
    if (values.get(address)?.[path.join('.')] === undefined && pending && !filled.has(address)) fill(pending);
    const found = values.get(address)?.[path.join('.')];
    if (found === undefined) throw new Error(`cannot resolve the reference ${reference} in the applied state`);
    return found;
  };
  const findSource = (arn: unknown): Json | undefined => {
    if (typeof arn !== 'string') return undefined;
    const local = managed.find((other) => values.get(other.address)?.['arn'] === arn);
    if (local) {
      fill(local);
      return values.get(local.address);
    }
    const external = options.externalSources?.[arn];
    if (!external) throw new Error(`the replication source ${arn} is neither in the plan nor among the external sources`);
    return external;
  };
  function fill(change: ResourceChange): void {
    if (filled.has(change.address)) return;
    filled.add(change.address);
    const schema = schemas[change.type];
    if (!schema) throw new Error(`no provider schema for ${change.type}`);
    const state = values.get(change.address);
    if (!state) throw new Error(`${change.address} is not a managed resource of the plan`);
    const source = change.type === 'aws_db_instance' ? findSource(sourceArn(change, config, lookup)) : undefined;
    for (const key of options.inheritedFromSource ?? INHERITED_FROM_SOURCE) {
      if (source && unknownOf(change)[key] === true) state[key] = source[key];
    }
    for (const key of EMPTY_IN_AWS[change.type] ?? []) {
      if (unknownOf(change)[key] === true) state[key] = '';
    }
    fillUnknown(state, unknownOf(change), config.get(change.address)?.expressions, schema, change.name, lookup);
  }
  for (const change of managed) fill(change);
  return {
    version: 4,
    terraform_version: '1.11.4',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: managed.map((change) => {
      const resource = config.get(change.address);
      const alias = providers[resource?.provider_config_key ?? 'aws']?.alias;
      const attributes = values.get(change.address) ?? {};
      return {
        mode: 'managed' as const,
        type: change.type,
        name: change.name,
        provider: `provider["${String(change.provider_name)}"]${alias ? `.${alias}` : ''}`,
        instances: [{ schema_version: resource?.schema_version ?? 0, attributes, sensitive_attributes: sensitivePaths(schemas[change.type], attributes) }],
      };
    }),
  };
}
