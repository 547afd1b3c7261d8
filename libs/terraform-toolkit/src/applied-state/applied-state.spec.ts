import { planSchema, type TerraformState } from '@xyz/terraform-schema';
import { appliedState, type CreatePlan } from './applied-state';
import { awsResourceSchemas, type BlockSchema } from './provider-schemas';

type Json = Record<string, unknown>;

/** Planned resources in the shape of `terraform show -json`, with the JSON-syntax expressions cdktf produces. */
function planOf(resources: Array<{ address: string; after: Json; unknown?: Json; expressions?: Json }>): CreatePlan {
  return planSchema.parse({
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: {},
    resource_changes: resources.map(({ address, after, unknown }) => {
      const [type, name] = address.split('.');
      return { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], after, after_unknown: unknown ?? {} } };
    }),
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-west-2' } } } },
      root_module: { resources: resources.map(({ address, expressions }) => ({ address, provider_config_key: 'aws', expressions: expressions ?? {} })) },
    },
  });
}

const schemas: Record<string, BlockSchema> = {
  aws_kms_key: { attributes: { arn: { type: 'string' }, key_id: { type: 'string' } } },
  aws_subnet: { attributes: { arn: { type: 'string' }, id: { type: 'string' } } },
  aws_db_subnet_group: { attributes: { arn: { type: 'string' }, subnet_ids: { type: ['set', 'string'] } } },
  aws_iam_role_policy: { attributes: { policy: { type: 'string' } } },
  aws_db_instance: {
    attributes: { arn: { type: 'string' }, identifier: { type: 'string' }, username: { type: 'string' }, engine: { type: 'string' }, kms_key_id: { type: 'string' }, replicate_source_db: { type: 'string' }, password: { type: 'string', sensitive: true } },
  },
  aws_elasticache_user: {
    attributes: { arn: { type: 'string' } },
    block_types: { authentication_mode: { nesting_mode: 'list', block: { attributes: { passwords: { type: ['set', 'string'], sensitive: true } } } } },
  },
};

const resourcesOf = (state: TerraformState) => state.resources;
const attributesOf = (state: TerraformState, address: string) => resourcesOf(state).find((resource) => `${resource.type}.${resource.name}` === address)!.instances[0].attributes;

describe('appliedState', () => {
  it("evaluates cdk.tf.json templates: a lone reference keeps the value's type, text around references stays text", () => {
    const plan = planOf([
      { address: 'aws_subnet.a', after: {}, unknown: { id: true } },
      { address: 'aws_subnet.b', after: {}, unknown: { id: true } },
      { address: 'aws_db_subnet_group.g', after: {}, unknown: { subnet_ids: true }, expressions: { subnet_ids: { constant_value: ['${aws_subnet.a.id}', '${aws_subnet.b.id}'], references: ['aws_subnet.a.id', 'aws_subnet.a', 'aws_subnet.b.id', 'aws_subnet.b'] } } },
      { address: 'aws_iam_role_policy.p', after: {}, unknown: { policy: true }, expressions: { policy: { constant_value: '{"Resource":"${aws_subnet.b.arn}:*"}', references: ['aws_subnet.b.arn', 'aws_subnet.b'] } } },
    ]);
    const state = appliedState(plan, schemas);
    expect(attributesOf(state, 'aws_db_subnet_group.g')['subnet_ids']).toEqual(['a-id', 'b-id']);
    expect(attributesOf(state, 'aws_iam_role_policy.p')['policy']).toBe('{"Resource":"arn:aws:subnet:us-west-2:111122223333:b:*"}');
  });

  it('fills a referenced resource first when the referenced value is itself known only after apply', () => {
    const plan = planOf([
      { address: 'aws_db_instance.db', after: { identifier: 'db' }, unknown: { kms_key_id: true }, expressions: { kms_key_id: { references: ['aws_kms_key.z.key_id', 'aws_kms_key.z'] } } },
      { address: 'aws_kms_key.z', after: {}, unknown: { key_id: true } },
    ]);
    expect(attributesOf(appliedState(plan, schemas), 'aws_db_instance.db')['kms_key_id']).toBe('z-key_id');
  });

  it('gives a replica whose source is in another stack what it inherits from that source', () => {
    const sourceArn = 'arn:aws:rds:us-east-1:111122223333:db:primary';
    const externalSources = { [sourceArn]: { engine: 'mysql', username: 'admin' } };
    const plan = planOf([{ address: 'aws_db_instance.replica', after: { identifier: 'replica', replicate_source_db: sourceArn }, unknown: { engine: true, username: true } }]);
    expect(attributesOf(appliedState(plan, schemas, { externalSources }), 'aws_db_instance.replica')).toMatchObject({ engine: 'mysql', username: 'admin', replicate_source_db: sourceArn });
    const engineOnly = appliedState(plan, schemas, { externalSources, inheritedFromSource: ['engine'] });
    expect(attributesOf(engineOnly, 'aws_db_instance.replica')).toMatchObject({ engine: 'mysql', username: 'replica-username' });
    expect(() => appliedState(plan, schemas)).toThrow(`the replication source ${sourceArn} is neither in the plan nor among the external sources`);
  });

  it("records sensitive attributes inside list blocks, and sets an ARN only where the type's schema has one", () => {
    const plan = planOf([
      { address: 'aws_elasticache_user.u', after: { authentication_mode: [{ passwords: ['x'] }] } },
      { address: 'aws_iam_role_policy.p', after: { policy: '{}' } },
    ]);
    const state = appliedState(plan, schemas);
    const user = resourcesOf(state).find((resource) => resource.type === 'aws_elasticache_user')!;
    expect(user.instances[0].sensitive_attributes).toEqual([
      [
        { type: 'get_attr', value: 'authentication_mode' },
        { type: 'index', value: { value: 0, type: 'number' } },
        { type: 'get_attr', value: 'passwords' },
      ],
    ]);
    expect(attributesOf(state, 'aws_iam_role_policy.p')).not.toHaveProperty('arn');
  });
});

describe('awsResourceSchemas', () => {
  const output = JSON.stringify({ provider_schemas: { 'registry.terraform.io/hashicorp/aws': { resource_schemas: { aws_kms_key: { block: schemas['aws_kms_key'] } } } } });

  it('picks the blocks of the requested types and names a type the provider lacks', () => {
    expect(awsResourceSchemas(output, ['aws_kms_key'])).toEqual({ aws_kms_key: schemas['aws_kms_key'] });
    expect(() => awsResourceSchemas(output, ['aws_nothing'])).toThrow('registry.terraform.io/hashicorp/aws has no resource type aws_nothing');
  });
});
