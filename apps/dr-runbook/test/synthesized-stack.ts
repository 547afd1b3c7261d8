import { runStackApp } from '../../../tools/jest/synth-app';

type Block = Record<string, unknown>;

export interface SynthesizedStack {
  readonly provider: { aws: { region: string; allowed_account_ids: string[]; default_tags: { tags: Record<string, string> }[] }[] };
  readonly resource: Record<string, Record<string, Block>>;
  readonly data: Record<string, Record<string, Block>>;
}

/**
 * A region stack synthesized exactly as its `synth` target does (tools/synth/run-app.cjs), from the
 * committed production topology, with the references in it resolved the way Terraform would.
 */
export class Synthesized {
  private constructor(readonly json: SynthesizedStack) {}

  static stack(stackName: string): Synthesized {
    // Pinned to the committed production topology, whatever the shell running the tests selects.
    const run = runStackApp(stackName, { XYZ_ENVIRONMENT: 'production', XYZ_TOPOLOGY_DIR: '' });
    if (run.status !== 0 || !run.stack) throw new Error(`synth of ${stackName} failed (exit ${run.status}):\n${run.stderr}`);
    return new Synthesized(run.stack as unknown as SynthesizedStack);
  }

  /** The one resource of a type. */
  single(type: string): Block {
    const found = Object.values(this.json.resource[type] ?? {});
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0];
  }

  /** `${type.name.attribute}` -> the resource it points at, and the attribute. */
  referenced(reference: unknown): { type: string; name: string; attribute: string; block: Block } {
    const match = typeof reference === 'string' ? /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/.exec(reference) : null;
    if (!match) throw new Error(`not a resource reference: ${JSON.stringify(reference)}`);
    const [, type, name, attribute] = match;
    const block = this.json.resource[type]?.[name];
    if (!block) throw new Error(`${reference} points at nothing`);
    return { type, name, attribute, block };
  }

  /** A reference to a resource's name attribute (`${aws_db_parameter_group.x.name}`) -> the name. */
  nameOf(reference: unknown): unknown {
    const target = this.referenced(reference);
    if (target.attribute !== 'name') throw new Error(`${String(reference)} is not a name`);
    return target.block.name;
  }

  /** A reference to a KMS key -> the alias the stack gives that key. */
  kmsAliasOf(reference: unknown): unknown {
    const key = this.referenced(reference);
    if (key.type !== 'aws_kms_key') throw new Error(`${String(reference)} is not a KMS key`);
    const aliases = Object.values(this.json.resource.aws_kms_alias ?? {}).filter((alias) => String(alias.target_key_id).startsWith(`\${aws_kms_key.${key.name}.`));
    if (aliases.length !== 1) throw new Error(`expected one alias of ${key.name}, found ${aliases.length}`);
    return aliases[0].name;
  }

  /** A reference to an IAM role's ARN -> the ARN it will have (default path, the account the provider allows). */
  roleArnOf(reference: unknown): string {
    const role = this.referenced(reference);
    if (role.type !== 'aws_iam_role' || role.attribute !== 'arn') throw new Error(`${String(reference)} is not a role ARN`);
    return `arn:aws:iam::${this.json.provider.aws[0].allowed_account_ids[0]}:role${String(role.block.path ?? '/')}${String(role.block.name)}`;
  }

  /** The tags AWS gives a resource: the provider's default tags, then its own. */
  tagsOf(block: Block): Record<string, string> {
    return { ...this.json.provider.aws[0].default_tags[0].tags, ...(block.tags as Record<string, string> | undefined) };
  }
}
