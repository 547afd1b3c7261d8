import { InvalidArgumentError } from 'commander';
import { MAX_LAG_BOUNDS } from '../commands/request-fields';
import { POLL_INTERVAL_BOUNDS } from '../runbook/step';
import { dbIdentifier, parseIsoTime, secondsIn } from './parse';

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

describe('dbIdentifier', () => {
  it('follows the RDS rules', () => {
    expect(dbIdentifier('Inspect-Orders-1')).toBe('inspect-orders-1');
    ['1abc', 'a--b', 'a-', 'a_b', 'a'.repeat(64)].forEach((bad) => expect(() => dbIdentifier(bad)).toThrow(InvalidArgumentError));
  });
});

describe('secondsIn', () => {
  it('takes a poll interval from 1 s to 5 min and nothing that would starve or flood a wait', () => {
    const pollInterval = secondsIn(POLL_INTERVAL_BOUNDS);
    expect(pollInterval('1')).toBe(1);
    expect(pollInterval('2.5')).toBe(2.5);
    expect(pollInterval('300')).toBe(300);
    expect(() => pollInterval('0.5')).toThrow('"0.5" is out of range: between 1 and 300 seconds (5 min)');
    expect(() => pollInterval('301')).toThrow('"301" is out of range: between 1 and 300 seconds (5 min)');
    ['-1', 'ten', '1e3', ''].forEach((bad) => expect(() => pollInterval(bad)).toThrow('is not a number of seconds'));
  });

  it('takes a lag from 0 s to 24 h', () => {
    const lag = secondsIn(MAX_LAG_BOUNDS);
    expect(lag('0')).toBe(0);
    expect(lag('86400')).toBe(86_400);
    expect(() => lag('86401')).toThrow('"86401" is out of range: between 0 and 86400 seconds (24 h)');
    expect(() => lag('9'.repeat(400))).toThrow(InvalidArgumentError);
  });
});
