import { Harness } from './support/harness';

/** Every input error is refused with exit 2 and a clear message, before any AWS call. */
const cases: [string, string[], string, { raw?: boolean }?][] = [
  ['failover: unknown region', ['failover', '--to', 'us-west-9'], '--to us-west-9: not a known AWS region (this platform\'s regions: us-east-1, us-west-2, us-east-2)'],
  ['failover: region outside the platform', ['failover', '--to', 'eu-west-1'], '--to eu-west-1: not a region of the production platform'],
  ['failover: target that is the current primary', ['failover', '--to', 'us-east-1'], '--to us-east-1: us-east-1 is already the primary region in the topology (xyz-prod-mysql-use1)'],
  ['failover: no target', ['failover'], 'failover: --to <region> is required (or --resume to continue an unfinished run)'],
  ['failover: bad --max-lag', ['failover', '--to', 'us-west-2', '--max-lag', 'ten'], `option '--max-lag <seconds>' argument 'ten' is invalid. "ten" is not a number of seconds`],
  ['failover: bad --poll-interval', ['failover', '--to', 'us-west-2', '--poll-interval', '0'], `option '--poll-interval <seconds>' argument '0' is invalid. "0" is out of range: between 1 and 300 seconds (5 min)`],
  ['failover: --poll-interval so long no wait would notice a change', ['failover', '--to', 'us-west-2', '--poll-interval', '86400'], '"86400" is out of range: between 1 and 300 seconds (5 min)'],
  ['failover: --max-lag that would switch the lag check off', ['failover', '--to', 'us-west-2', '--max-lag', '1000000000'], `option '--max-lag <seconds>' argument '1000000000' is invalid. "1000000000" is out of range: between 0 and 86400 seconds (24 h)`],
  ['failback: --catch-up-lag that would keep writes fenced for long', ['failback', '--to', 'us-west-2', '--catch-up-lag', '3600'], '"3600" is out of range: between 0 and 300 seconds (5 min)'],
  ['failover: --yes without --execute', ['failover', '--to', 'us-west-2', '--yes'], '--yes only makes sense with --execute'],
  ['failover: unknown option', ['failover', '--to', 'us-west-2', '--now'], `unknown option '--now'`],
  ['failover: unknown environment', ['failover', '--to', 'us-west-2', '--env', 'staging'], 'XYZ_ENVIRONMENT: unknown environment "staging" (known: production)'],
  ['failback: target that is the current primary', ['failback', '--to', 'us-east-1'], '--to us-east-1: us-east-1 is already the primary region in the topology'],
  ['failback: unknown region', ['failback', '--to', 'atlantis'], '--to atlantis: not a known AWS region'],
  ['restore: malformed time', ['restore', '--time', 'yesterday'], '"yesterday" is not an ISO-8601 time with a zone, such as 2025-03-01T02:15:00Z'],
  ['restore: impossible date', ['restore', '--time', '2025-02-30T01:00:00Z'], '"2025-02-30T01:00:00Z" is not an ISO-8601 time with a zone'],
  ['restore: month 13', ['restore', '--time', '2025-13-01T01:00:00Z'], '"2025-13-01T01:00:00Z" is not an ISO-8601 time with a zone'],
  ['restore: time without a zone', ['restore', '--time', '2025-03-01T01:00:00'], '"2025-03-01T01:00:00" is not an ISO-8601 time with a zone'],
  ['restore: date only', ['restore', '--time', '2025-03-01'], '"2025-03-01" is not an ISO-8601 time with a zone'],
  ['restore: time in the future', ['restore', '--time', '2025-03-02T00:00:00+01:00'], '--time 2025-03-01T23:00:00.000Z: in the future (it is 2025-03-01T03:00:00.000Z now)'],
  ['restore: a source that is not a database of the platform', ['restore', '--latest', '--source', 'billing-db'], '--source billing-db: not a database of the platform in us-east-1 (xyz-prod-mysql-use1, or one kept aside as xyz-prod-mysql-use1-...)'],
  ['restore: a target that is the source', ['restore', '--latest', '--target-id', 'xyz-prod-mysql-use1'], '--target-id xyz-prod-mysql-use1: the source itself; the restore goes into a new instance'],
  ['restore: a target named like another platform database', ['restore', '--latest', '--target-id', 'xyz-prod-mysql-usw2'], '--target-id xyz-prod-mysql-usw2: the identifier of a platform database; choose a new name'],
  ['restore: --time and --latest', ['restore', '--time', '2025-03-01T01:00:00Z', '--latest'], `option '--time <iso-8601>' cannot be used with option '--latest'`],
  ['restore: neither --time nor --latest', ['restore'], 'restore: give --time <ISO-8601> or --latest'],
  ['restore: region outside the platform', ['restore', '--latest', '--region', 'ap-south-1'], '--region ap-south-1: not a region of the production platform'],
  ['restore: invalid target identifier', ['restore', '--latest', '--target-id', 'restore--1'], '"restore--1" is not a valid RDS instance identifier'],
  ['status: unknown environment', ['status', '--env', 'prod'], 'XYZ_ENVIRONMENT: unknown environment "prod"'],
  ['unknown command', ['promote'], `unknown command 'promote'`],
  ['drill without a drill', ['drill'], 'Usage: dr-runbook drill', { raw: true }],
];

describe('input errors', () => {
  let h: Harness;
  beforeAll(() => (h = new Harness()));
  afterAll(() => h.cleanup());

  // Every row gets its options object: jest treats a missing trailing argument as a `done` callback.
  it.each(cases.map(([name, args, message, options]) => [name, args, message, options ?? {}] as const))('%s: exit 2 before any AWS call', async (_name, args, message, options) => {
    const before = h.sim.calls.length;
    const result = await h.run(args, options);
    expect(result.stderr + result.stdout).toContain(message);
    expect(result.code).toBe(2);
    expect(h.sim.calls.length).toBe(before);
    expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });
});
