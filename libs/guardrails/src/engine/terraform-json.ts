import { type ProviderConfig, providerBlocks, type ResourceConfig, type TerraformJson } from '@xyz/terraform-schema';

/** The synthesized Terraform JSON of one stack (what `TerraformStack.toTerraform()` returns): the schema's type. */
export type { ProviderConfig, ResourceConfig, TerraformJson };

/** One resource block: `address` is the Terraform address (`<type>.<name>`) that plans and errors use. */
export interface Resource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly config: ResourceConfig;
}

export interface Provider {
  /** `provider.aws`, or `provider.aws.<alias>` for an aliased configuration. */
  readonly address: string;
  readonly config: ProviderConfig;
}

/** cdktf writes construct metadata under this key; it is not configuration. */
export const METADATA_KEY = '//';

/** Read-only lookups over one stack's resources, shared by every rule. */
export class StackIndex {
  private readonly byType = new Map<string, Resource[]>();
  private readonly dataByType = new Map<string, Resource[]>();
  readonly providers: readonly Provider[];

  constructor(readonly json: TerraformJson) {
    for (const [type, blocks] of Object.entries(json.resource ?? {})) {
      const resources = Object.entries(blocks).map(([name, config]) => ({ type, name, address: `${type}.${name}`, config }));
      this.byType.set(type, resources);
    }
    for (const [type, blocks] of Object.entries(json.data ?? {})) {
      this.dataByType.set(type, Object.entries(blocks).map(([name, config]) => ({ type, name, address: `data.${type}.${name}`, config })));
    }
    this.providers = listProviders(json);
  }

  /** A data source of the stack (`data.<type>.<name>`), such as an aws_iam_policy_document. */
  dataSource(type: string, name: string): Resource | undefined {
    return this.dataByType.get(type)?.find((candidate) => candidate.name === name);
  }

  /** Every resource, or those of the given types, in a stable order (type, then name). */
  resources(...types: string[]): Resource[] {
    const selected = types.length === 0 ? [...this.byType.keys()] : types;
    return selected.flatMap((type) => this.byType.get(type) ?? []);
  }

  resource(type: string, name: string): Resource | undefined {
    return this.byType.get(type)?.find((candidate) => candidate.name === name);
  }

  has(address: string): boolean {
    const [type, name] = splitAddress(address);
    return this.resource(type, name) !== undefined;
  }
}

function listProviders(json: TerraformJson): Provider[] {
  return Object.keys(json.provider ?? {}).flatMap((name) =>
    providerBlocks(json, name).map((config) => ({
      address: typeof config['alias'] === 'string' ? `provider.${name}.${config['alias']}` : `provider.${name}`,
      config,
    })),
  );
}

function splitAddress(address: string): [string, string] {
  const dot = address.indexOf('.');
  return dot < 0 ? [address, ''] : [address.slice(0, dot), address.slice(dot + 1)];
}
