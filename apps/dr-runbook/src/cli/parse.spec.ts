import { InvalidArgumentError } from 'commander';
import { dbIdentifier, parseIsoTime, positiveSeconds } from './parse';

describe('parseIsoTime', () => {
  it.each([
    ['2025-03-01T02:15:00Z', '2025-03-01T02:15:00.000Z'],
    ['2025-03-01T02:15Z', '2025-03-01T02:15:00.000Z'],
    ['2025-03-01T04:15:00.250+02:00', '2025-03-01T02:15:00.250Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('accepts %s as %s', (input, iso) => {
    expect(parseIsoTime(input)).toBe(iso);
  });

  it.each(['2025-03-01', '2025-03-01T02:15:00', '2025-03-01 02:15:00Z', '2025-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T02:60:00Z', 'now', ''])('refuses %p', (input) => {
    expect(() => parseIsoTime(input)).toThrow(InvalidArgumentError);
  });
});

describe('dbIdentifier and positiveSeconds', () => {
  it('follow the RDS and CLI rules', () => {
    expect(dbIdentifier('Inspect-Orders-1')).toBe('inspect-orders-1');
    ['1abc', 'a--b', 'a-', 'a_b', 'a'.repeat(64)].forEach((bad) => expect(() => dbIdentifier(bad)).toThrow(InvalidArgumentError));
    expect(positiveSeconds('0.5')).toBe(0.5);
    ['0', '-1', 'ten', '1e3'].forEach((bad) => expect(() => positiveSeconds(bad)).toThrow(InvalidArgumentError));
  });
});
