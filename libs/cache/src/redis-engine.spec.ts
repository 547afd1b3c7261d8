import { memberClusterIds, parameterGroupFamily, redisMajorVersion, spreadOverZones } from './redis-engine';

describe('redis engine helpers', () => {
  it('derives the parameter group family from the engine version', () => {
    expect(parameterGroupFamily('7.1')).toBe('redis7');
    expect(parameterGroupFamily('7.0')).toBe('redis7');
  });

  it('refuses versions without IAM authentication and malformed versions', () => {
    expect(() => redisMajorVersion('6.2')).toThrow('too old');
    expect(() => redisMajorVersion('seven')).toThrow('not of the form 7.1');
  });

  it('numbers member clusters from 001', () => {
    expect(memberClusterIds('xyz-prod-redis-use1', 3)).toEqual(['xyz-prod-redis-use1-001', 'xyz-prod-redis-use1-002', 'xyz-prod-redis-use1-003']);
  });

  it('spreads nodes round-robin over the zones', () => {
    expect(spreadOverZones(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(spreadOverZones(['a', 'b'], 3)).toEqual(['a', 'b', 'a']);
    expect(() => spreadOverZones([], 2)).toThrow('no availability zones');
  });
});
