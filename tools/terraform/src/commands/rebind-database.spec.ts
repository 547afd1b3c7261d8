import { databaseAddress } from './rebind-database';

describe('databaseAddress', () => {
  it("names the stack's one database instance", () => {
    expect(databaseAddress('replica-ohio', { aws_db_instance: { database_instance_D7FC2283: {} } })).toBe('aws_db_instance.database_instance_D7FC2283');
  });

  it('refuses a stack without exactly one database instance, rather than guessing', () => {
    expect(() => databaseAddress('state-backend', {})).toThrow('state-backend has 0 aws_db_instance resources; expected exactly one');
    expect(() => databaseAddress('x', { aws_db_instance: { a: {}, b: {} } })).toThrow('x has 2 aws_db_instance resources');
  });
});
