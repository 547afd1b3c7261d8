/**
 * A Terraform state (format 4) of a create plan as if it had been applied, so that real plans of
 * changes can be made against it offline with `terraform plan -refresh=false`: the provider then
 * decides, as it would against AWS, which change updates in place and which forces a replacement.
 * Shared by the plan-review fixture generator and the terraform-cli tests.
 *
 * Values the create plan knows are kept. Values known only after apply get stand-ins of their
 * schema type (a null would read as "not set yet" and show up as a change): references
 * (`kms_key_id = aws_kms_key.data.arn`) get the referenced value, and so do the `${...}` templates
 * of a JSON configuration (cdktf's cdk.tf.json: lists of ids, policies naming an ARN); a read
 * replica inherits its source's engine, version, storage and master user name as RDS does;
 * everything else gets a typed placeholder.
 */

type Json = Record<string, unknown>;

/** The part of `terraform providers schema -json` used here: one resource type's block. */
export interface BlockSchema {
  readonly attributes?: Record<string, { readonly type?: unknown; readonly sensitive?: boolean }>;
  readonly block_types?: Record<string, { readonly nesting_mode: string; readonly block: BlockSchema }>;
}

/** The part of `terraform show -json` for one planned resource that the state is built from. */
export interface PlannedResourceChange {
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly provider_name?: string;
  readonly change: { readonly after?: unknown; readonly after_unknown?: unknown };
}

interface ConfigResource {
  readonly address: string;
  readonly provider_config_key?: string;
  readonly schema_version?: number;
  readonly expressions?: Json;
}

export interface CreatePlan {
  readonly resource_changes: readonly PlannedResourceChange[];
  readonly configuration: {
    readonly provider_config: Record<string, { readonly alias?: string; readonly expressions?: { readonly region?: { readonly constant_value?: string } } }>;
    readonly root_module: { readonly resources: readonly ConfigResource[] };
  };
}

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
const AWS_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/** The AWS provider's schema of each of `types`, from the output of `terraform providers schema -json`. */
export function awsResourceSchemas(providersSchemaJson: string, types: readonly string[]): Record<string, BlockSchema> {
  const all = JSON.parse(providersSchemaJson) as { provider_schemas: Record<string, { resource_schemas: Record<string, { block: BlockSchema }> }> };
  const resources = all.provider_schemas[AWS_PROVIDER]?.resource_schemas ?? {};
  return Object.fromEntries(
    types.map((type) => {
      if (!resources[type]) throw new Error(`${AWS_PROVIDER} has no resource type ${type}`);
      return [type, resources[type].block];
    }),
  );
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function arnOf(change: PlannedResourceChange, values: Json, region: string): string {
  if (change.type === 'aws_db_instance') return `arn:aws:rds:${region}:${ACCOUNT}:db:${String(values['identifier'])}`;
  if (change.type === 'aws_kms_key') return `arn:aws:kms:${region}:${ACCOUNT}:key/${change.name}`;
  return `arn:aws:${change.type.split('_')[1]}:${region}:${ACCOUNT}:${change.name}`;
}

/**
 * Computed attributes that AWS leaves empty on the resources these stacks create, and that the
 * provider refuses to see set (a standard SNS topic has no FIFO throughput scope).
 */
const EMPTY_IN_AWS: Readonly<Record<string, readonly string[]>> = { aws_sns_topic: ['fifo_throughput_scope'] };

/**
 * A placeholder of the attribute's type: the provider sees a value, so no change is planned for
 * it. Lower case, since the provider lower-cases some values (maintenance windows) and would
 * otherwise plan a change from the placeholder to its lower-case form.
 */
function placeholder(type: unknown, label: string): unknown {
  if (type === 'string') return label.toLowerCase();
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

type Lookup = (reference: string) => unknown;

/** `type.name.attribute` of a managed resource; anything else (functions, data sources, variables) is not evaluated here. */
const RESOURCE_ATTRIBUTE = /^(?!data\.|var\.|local\.|module\.)[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+\.[a-z0-9_]+$/;

/**
 * The value of a JSON-syntax configuration value whose templates only interpolate resource
 * attributes (`"${aws_subnet.a.id}"`, `"...\"Resource\":\"${aws_sns_topic.t.arn}\"..."`), or
 * undefined when it holds anything else (a function call, an escape, a directive).
 */
function evaluateTemplate(template: unknown, lookup: Lookup): unknown {
  if (Array.isArray(template)) {
    const items = template.map((item) => evaluateTemplate(item, lookup));
    return items.some((item) => item === undefined) ? undefined : items;
  }
  if (typeof template !== 'string') return template;
  if (template.includes('$${') || template.includes('%{')) return undefined;
  const whole = /^\$\{([^}]*)\}$/.exec(template);
  if (whole) return RESOURCE_ATTRIBUTE.test(whole[1]) ? lookup(whole[1]) : undefined;
  let evaluable = true;
  const result = template.replace(/\$\{([^}]*)\}/g, (_match, reference: string) => {
    if (RESOURCE_ATTRIBUTE.test(reference)) return String(lookup(reference));
    evaluable = false;
    return '';
  });
  return evaluable ? result : undefined;
}

/** Fills the values marked unknown (also inside nested blocks): references first, else a placeholder. */
function fillUnknown(values: Json, unknown: unknown, expressions: unknown, schema: BlockSchema, label: string, lookup: Lookup): void {
  if (!isObject(unknown)) return;
  for (const [key, marker] of Object.entries(unknown)) {
    const expression = isObject(expressions) ? expressions[key] : undefined;
    const block = schema.block_types?.[key];
    if (marker === true) {
      const references = isObject(expression) && Array.isArray(expression['references']) ? (expression['references'] as string[]) : [];
      const evaluated = isObject(expression) && 'constant_value' in expression ? evaluateTemplate(expression['constant_value'], lookup) : undefined;
      if (evaluated !== undefined) values[key] = evaluated;
      else if (references.length > 0) values[key] = lookup(references[0]);
      else if (!(key in values) || values[key] === null) values[key] = block ? [] : placeholder(schema.attributes?.[key]?.type, `${label}-${key}`);
      continue;
    }
    const nested = values[key];
    if (!block || !Array.isArray(marker) || !Array.isArray(nested)) continue;
    marker.forEach((item, i) => {
      if (isObject(nested[i])) fillUnknown(nested[i] as Json, item, Array.isArray(expression) ? expression[i] : undefined, block.block, label, lookup);
    });
  }
}

/**
 * The ARN a read replica names as its source: the planned value when the plan knows it (a source
 * in another stack, read from remote state), else the resource its configuration refers to.
 */
function sourceArn(change: PlannedResourceChange, config: ReadonlyMap<string, ConfigResource>, lookup: Lookup): unknown {
  const planned = (change.change.after as Json | undefined)?.['replicate_source_db'];
  if (typeof planned === 'string') return planned;
  const expression = config.get(change.address)?.expressions?.['replicate_source_db'];
  const references = isObject(expression) && Array.isArray(expression['references']) ? (expression['references'] as string[]) : [];
  return references.length > 0 ? lookup(references[0]) : undefined;
}

type PathStep = { readonly type: 'get_attr'; readonly value: string } | { readonly type: 'index'; readonly value: { readonly value: number; readonly type: 'number' } };

/**
 * Terraform records the schema's sensitive attributes in state, also inside list blocks
 * (`authentication_mode[0].passwords`); without them every plan would show a change of sensitivity.
 */
function sensitivePaths(schema: BlockSchema | undefined, values: Json | undefined, prefix: readonly PathStep[] = []): PathStep[][] {
  const paths: PathStep[][] = Object.entries(schema?.attributes ?? {})
    .filter(([, attribute]) => attribute.sensitive)
    .map(([name]) => [...prefix, { type: 'get_attr', value: name }]);
  for (const [name, block] of Object.entries(schema?.block_types ?? {})) {
    const instances = values?.[name];
    if (block.nesting_mode !== 'list' || !Array.isArray(instances)) continue;
    instances.forEach((instance, index) => {
      if (!isObject(instance)) return;
      paths.push(...sensitivePaths(block.block, instance, [...prefix, { type: 'get_attr', value: name }, { type: 'index', value: { value: index, type: 'number' } }]));
    });
  }
  return paths;
}

/** The state a create plan leaves behind once applied. */
export function appliedState(plan: CreatePlan, schemas: Readonly<Record<string, BlockSchema>>, options: AppliedStateOptions = {}): Json {
  const config = new Map(plan.configuration.root_module.resources.map((resource) => [resource.address, resource]));
  const managed = plan.resource_changes.filter((change) => change.mode === 'managed');
  const values = new Map<string, Json>();
  for (const change of managed) {
    const providerKey = config.get(change.address)?.provider_config_key ?? 'aws';
    const region = plan.configuration.provider_config[providerKey]?.expressions?.region?.constant_value ?? 'us-east-1';
    const state: Json = { ...(change.change.after as Json) };
    state['id'] = `${change.name}-id`;
    if (schemas[change.type]?.attributes?.['arn']) state['arn'] = arnOf(change, state, region);
    values.set(change.address, state);
  }
  const changes = new Map(managed.map((change) => [change.address, change]));
  const unknownOf = (change: PlannedResourceChange) => (change.change.after_unknown ?? {}) as Json;
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
  function fill(change: PlannedResourceChange): void {
    if (filled.has(change.address)) return;
    filled.add(change.address);
    const schema = schemas[change.type];
    if (!schema) throw new Error(`no provider schema for ${change.type}`);
    const state = values.get(change.address)!;
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
      const alias = plan.configuration.provider_config[resource?.provider_config_key ?? 'aws']?.alias;
      return {
        mode: 'managed',
        type: change.type,
        name: change.name,
        provider: `provider["${String(change.provider_name)}"]${alias ? `.${alias}` : ''}`,
        instances: [{ schema_version: resource?.schema_version ?? 0, attributes: values.get(change.address), sensitive_attributes: sensitivePaths(schemas[change.type], values.get(change.address)) }],
      };
    }),
  };
}
