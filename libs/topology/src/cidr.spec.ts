import { parseCidr, rangesOverlap, subnetCidr } from './cidr';

describe('cidr', () => {
  it('parses canonical CIDRs and refuses host bits or bad octets', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ first: 167772160, last: 167837695 });
    expect(parseCidr('10.0.0.1/16')).toBeUndefined();
    expect(parseCidr('10.0.300.0/24')).toBeUndefined();
    expect(parseCidr('10.0.0.0')).toBeUndefined();
  });

  it('detects overlap including containment', () => {
    expect(rangesOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.0.128.0/17')!)).toBe(true);
    expect(rangesOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.1.0.0/16')!)).toBe(false);
  });

  it('carves subnets like terraform cidrsubnet()', () => {
    expect(subnetCidr('10.20.0.0/16', 20, 2)).toBe('10.20.32.0/20');
    expect(() => subnetCidr('10.20.0.0/24', 28, 16)).toThrow('does not fit');
  });
});
