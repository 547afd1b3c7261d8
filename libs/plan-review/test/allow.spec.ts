import { PlanReviewError } from '../src/errors';
import { parseAllowFile, parseAllowOption } from '../src/guard/allow';

describe('allow file', () => {
  const entry = { address: 'replica-west:aws_db_instance.database_instance_D7FC2283', reason: 'rebuild after failover (OPS-42)', action: 'replace' };

  it('reads entries with an exact address, the action they allow and a reason', () => {
    expect(parseAllowFile({ $comment: 'why this file exists', allow: [entry] }, 'allow.json')).toEqual([entry]);
  });

  it('takes the same address once per action', () => {
    expect(parseAllowFile({ allow: [entry, { ...entry, action: 'weaken' }] }, 'allow.json')).toHaveLength(2);
  });

  it.each([
    [{ allow: [{ address: entry.address, reason: entry.reason }] }, 'allow.json: allow.0.action: is missing; name the action this entry allows: one of "replace", "delete", "forget", "rename", "weaken", "open"'],
    [{ allow: [{ ...entry, action: 'destroy' }] }, 'allow.json: allow.0.action: "destroy" is not an action; name the action this entry allows: one of "replace"'],
    [{ allow: [{ ...entry, address: 'aws_db_instance.x' }] }, 'allow.json: allow.0.address: must be "<stack>:<resource address>"'],
    [{ allow: [{ ...entry, reason: 'yes' }] }, 'allow.json: allow.0.reason: say why'],
    [{ allow: [entry, entry] }, `allow.json: ${entry.address} is listed twice for replace`],
    [{ allow: [entry], extra: true }, 'allow.json: (root): Unrecognized key: "extra"'],
    [{}, 'allow.json: allow: '],
  ])('refuses %j with a message naming the field', (raw, message) => {
    expect(() => parseAllowFile(raw, 'allow.json')).toThrow(PlanReviewError);
    expect(() => parseAllowFile(raw, 'allow.json')).toThrow(message);
  });

  it('reads a command-line entry as <action>:<stack>:<address>=<reason>', () => {
    expect(parseAllowOption('replace:primary-east:aws_kms_key.key_F64E54E4=rotate to a new key (SEC-7)')).toEqual({ address: 'primary-east:aws_kms_key.key_F64E54E4', reason: 'rotate to a new key (SEC-7)', action: 'replace' });
    expect(() => parseAllowOption('primary-east:aws_kms_key.key=rotate to a new key (SEC-7)')).toThrow('--allow primary-east:aws_kms_key.key=rotate to a new key (SEC-7): write it as <action>:<stack>:<address>=<reason>; name the action');
    expect(() => parseAllowOption('replace:primary-east:aws_kms_key.key')).toThrow('reason');
  });
});
