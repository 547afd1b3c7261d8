import { percentile, summarise } from './percentiles';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the value at the rank, not an interpolation', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30], 99)).toBe(30);
  });

  it('is NaN for no values rather than a made-up zero', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(summarise([]).max).toBeNaN();
  });

  it('summarises unsorted input', () => {
    expect(summarise([5, 1, 4, 2, 3])).toEqual({ count: 5, p50: 3, p90: 5, p99: 5, max: 5 });
  });
});
