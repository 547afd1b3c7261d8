import { firstIssue } from './issues';
import { planSchema } from './plan';

const change = (actions: string[]) => ({ address: 'aws_kms_key.key', mode: 'managed', type: 'aws_kms_key', name: 'key', change: { actions, before: null, after: {} } });
const plan = (changes: unknown[], extra: Record<string, unknown> = {}) => ({ format_version: '1.2', terraform_version: '1.11.4', planned_values: {}, resource_changes: changes, ...extra });

function problem(document: unknown): string {
  const parsed = planSchema.safeParse(document);
  if (parsed.success) throw new Error('the schema accepted the document');
  return firstIssue(parsed.error);
}

describe('planSchema', () => {
  it('accepts a plan and keeps what the applied-state builder reads from its configuration', () => {
    const parsed = planSchema.parse(
      plan([change(['create'])], {
        configuration: {
          provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-west-2' } } } },
          root_module: { resources: [{ address: 'aws_kms_key.key', provider_config_key: 'aws', schema_version: 0, expressions: { description: { constant_value: 'k' } } }] },
        },
      }),
    );
    expect(parsed.resource_drift).toEqual([]);
    expect(parsed.configuration?.root_module?.resources?.[0]).toEqual({ address: 'aws_kms_key.key', provider_config_key: 'aws', schema_version: 0, expressions: { description: { constant_value: 'k' } } });
  });

  it('accepts a replacement in either order', () => {
    expect(planSchema.safeParse(plan([change(['delete', 'create']), change(['create', 'delete'])])).success).toBe(true);
  });

  it.each([
    ['an action list Terraform never writes', plan([change(['update', 'delete'])]), 'resource_changes[0].change.actions: unexpected action list ["update","delete"]'],
    ['an unknown action', plan([change(['destroy'])]), 'resource_changes[0].change.actions[0]: Invalid option'],
    ['a plan format of another major version', { ...plan([]), format_version: '2.0' }, 'format_version: only plan format 1.x (terraform >= 0.12) is supported'],
    ['a document without resource changes', { format_version: '1.2', terraform_version: '1.11.4', planned_values: {} }, 'resource_changes: Invalid input'],
  ])('refuses %s and says where', (_case, document, message) => {
    expect(problem(document)).toContain(message);
  });
});
