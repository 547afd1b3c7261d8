import { readFileSync } from 'node:fs';
import { countChanges, firstIssue, planSchema } from '@xyz/terraform-schema';
import { fixturePath } from './fixtures';

/**
 * The plan schema plan review reads with is @xyz/terraform-schema's, shared with the terraform
 * runner: it must accept the real offline plans of this repository's stacks. (The test lives here,
 * beside the fixtures, so that regenerating them marks only plan review affected.)
 */
const STACKS = ['state-backend', 'primary-east', 'replica-west', 'replica-ohio'];
const raw = (stack: string) => JSON.parse(readFileSync(fixturePath('stacks', stack), 'utf8')) as Record<string, unknown>;

describe("@xyz/terraform-schema's plan schema on real plans", () => {
  it.each(STACKS)('accepts the real offline plan of %s, a first deploy that only creates', (stack) => {
    const plan = planSchema.parse(raw(stack));
    const counts = countChanges(plan.resource_changes);
    expect(counts.create).toBeGreaterThan(0);
    expect(counts.create).toBe(plan.resource_changes.filter((change) => change.mode === 'managed').length);
  });

  it('refuses the same plan with a malformed change and says which field of which change', () => {
    const document = raw('primary-east');
    const changes = document['resource_changes'] as Array<{ change: Record<string, unknown> }>;
    changes[2].change['actions'] = 'create';
    const parsed = planSchema.safeParse(document);
    expect(parsed.success).toBe(false);
    expect(firstIssue(parsed.error!)).toBe('resource_changes[2].change.actions: Invalid input: expected array, received string');
  });
});
