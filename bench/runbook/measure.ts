import type { SimCall, SimEvent } from '@xyz/dr-simulator';

export interface WaitSpan {
  readonly region: string;
  readonly instance: string;
  readonly start: number;
  readonly end: number;
}

interface LogLine {
  readonly time: string;
  readonly event: string;
  readonly region?: string;
  readonly instance?: string;
}

/** The runbook's wait.begin / wait.end log lines, paired per instance. */
export function waitSpans(logLines: readonly string[]): WaitSpan[] {
  const open = new Map<string, number[]>();
  const spans: WaitSpan[] = [];
  logLines
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine)
    .forEach((entry) => {
      if (!entry.region || !entry.instance) return;
      const key = `${entry.region}/${entry.instance}`;
      const at = Date.parse(entry.time);
      if (entry.event === 'wait.begin') open.set(key, [...(open.get(key) ?? []), at]);
      if (entry.event === 'wait.end') {
        const starts = open.get(key) ?? [];
        const start = starts.pop();
        if (start !== undefined) spans.push({ region: entry.region, instance: entry.instance, start, end: at });
      }
    });
  return spans;
}

function describesOf(calls: readonly SimCall[], span: WaitSpan): number[] {
  return calls
    .filter((call) => call.operation === 'DescribeDBInstances' && call.region === span.region && call.input.DBInstanceIdentifier === span.instance && call.at >= span.start && call.at < span.end)
    .map((call) => call.at);
}

/**
 * Most DescribeDBInstances of one instance in any 60 s window inside one of its waits. A wait ends
 * when its last describe returns, so calls starting at that very moment belong to the next step.
 */
export function maxDescribesPerMinute(calls: readonly SimCall[], spans: readonly WaitSpan[]): number {
  let worst = 0;
  spans.forEach((span) => {
    const times = describesOf(calls, span);
    times.forEach((start, i) => {
      const inWindow = times.slice(i).filter((at) => at < start + 60_000).length;
      worst = Math.max(worst, inWindow);
    });
  });
  return worst;
}

/** Describe calls per minute per instance, averaged over the time spent waiting. */
export function averageDescribesPerMinute(calls: readonly SimCall[], spans: readonly WaitSpan[]): number {
  const long = spans.filter((span) => span.end - span.start >= 60_000);
  const count = long.reduce((sum, span) => sum + describesOf(calls, span).length, 0);
  const minutes = long.reduce((sum, span) => sum + (span.end - span.start) / 60_000, 0);
  return minutes > 0 ? count / minutes : 0;
}

/** Total length of the union of the spans (waits that overlap count once). */
export function unionMs(spans: readonly WaitSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  sorted.forEach((span) => {
    if (span.start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = span.start;
      currentEnd = span.end;
    } else currentEnd = Math.max(currentEnd, span.end);
  });
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

/** All AWS calls made while at least one wait was in progress. */
export function callsWhileWaiting(calls: readonly SimCall[], spans: readonly WaitSpan[]): number {
  return calls.filter((call) => spans.some((span) => call.at >= span.start && call.at < span.end)).length;
}

export function eventTime(events: readonly SimEvent[], kind: string, id?: string): number {
  const found = events.find((event) => event.kind === kind && (id === undefined || event.id === id));
  if (!found) throw new Error(`the simulation recorded no ${kind} event${id ? ` for ${id}` : ''}`);
  return found.at;
}
