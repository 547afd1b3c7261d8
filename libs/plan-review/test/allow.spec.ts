import { PlanReviewError } from '../src/errors';
import { parseAllowFile, parseAllowOption } from '../src/guard/allow';

describe('allow file', () => {
  const entry = { address: 'replica-west:aws_db_instance.database_instance_D7FC2283', reason: 'rebuild after failover (OPS-42)' };

  it('reads entries with an exact address and a reason', () => {
    expect(parseAllowFile({ $comment: 'why this file exists', allow: [entry] }, 'allow.json')).toEqual([entry]);
  });

  it.each([
    [{ allow: [{ ...entry, address: 'aws_db_instance.x' }] }, 'allow.json: allow.0.address: must be "<stack>:<resource address>"'],
    [{ allow: [{ ...entry, reason: 'yes' }] }, 'allow.json: allow.0.reason: say why'],
    [{ allow: [entry, entry] }, `allow.json: ${entry.address} is listed twice`],
    [{ allow: [entry], extra: true }, 'allow.json: (root): Unrecognized key: "extra"'],
    [{}, 'allow.json: allow: '],
  ])('refuses %j with a message naming the field', (raw, message) => {
    expect(() => parseAllowFile(raw, 'allow.json')).toThrow(PlanReviewError);
    expect(() => parseAllowFile(raw, 'allow.json')).toThrow(message);
  });

  it('reads a command-line entry as <stack>:<address>=<reason>', () => {
    expect(parseAllowOption('primary-east:aws_kms_key.key_F64E54E4=rotate to a new key (SEC-7)')).toEqual({ address: 'primary-east:aws_kms_key.key_F64E54E4', reason: 'rotate to a new key (SEC-7)' });
    expect(() => parseAllowOption('primary-east:aws_kms_key.key')).toThrow('reason');
  });
});
