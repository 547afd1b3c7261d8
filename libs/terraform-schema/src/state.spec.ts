import { firstIssue } from './issues';
import { stateSchema } from './state';

describe('stateSchema', () => {
  it('accepts a format 4 state with its resources', () => {
    const state = {
      version: 4,
      serial: 1,
      lineage: 'l',
      outputs: { db: { value: 'arn', type: 'string' } },
      resources: [{ mode: 'managed', type: 'aws_kms_key', name: 'key', provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances: [{ attributes: { id: 'k' } }] }],
    };
    expect(stateSchema.parse(state).resources[0].instances[0].attributes).toEqual({ id: 'k' });
  });

  it('refuses a state of an older format, naming the field', () => {
    const parsed = stateSchema.safeParse({ version: 3, modules: [] });
    expect(parsed.success).toBe(false);
    expect(firstIssue(parsed.error!)).toMatch(/^version: /);
  });
});
