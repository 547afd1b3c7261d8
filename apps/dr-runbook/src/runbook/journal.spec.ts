import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@xyz/dr-simulator';
import { PROMOTE_FACTS } from './actions/promote';
import { Journal } from './journal';
import { acquireRunLock } from './lock';

function newJournal(dir: string, clock: FakeClock, runId: string, command = 'failover') {
  return Journal.create(dir, { runId, command, environment: 'production', target: 'us-west-2', request: { to: 'us-west-2' }, plan: { toId: 'x' }, startedAt: new Date(clock.now()).toISOString(), steps: [{ id: 'promote', title: 'Promote' }] }, clock);
}

describe('Journal', () => {
  it('records steps, intents and facts on disk after every change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const clock = new FakeClock();
    const journal = newJournal(dir, clock, 'failover-1');
    journal.stepStarted('promote');
    journal.memoryFor('promote').recordIntent('promote');
    journal.memoryFor('promote').setFact(PROMOTE_FACTS.lagAtPromotionSeconds, 3);
    const onDisk = JSON.parse(readFileSync(journal.file, 'utf8')) as { steps: { status: string; intents: Record<string, string> }[]; facts: Record<string, number> };
    expect(onDisk.steps[0]).toMatchObject({ status: 'running', intents: { promote: new Date(clock.now()).toISOString() } });
    expect(onDisk.facts.lagAtPromotionSeconds).toBe(3);
    expect(Journal.load(journal.dir, clock).memoryFor('promote').intent('promote')).toBe(clock.now());
  });

  it('finds the newest run of a command and environment, and tells how it ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const clock = new FakeClock();
    newJournal(dir, clock, 'failover-old');
    await clock.advance(60_000);
    const warned = newJournal(dir, clock, 'failover-warned');
    warned.finish('warnings');
    await clock.advance(60_000);
    newJournal(dir, clock, 'failback-other', 'failback').finish('failed');
    const latest = Journal.latest(dir, 'failover', 'production', clock);
    expect(latest?.doc.runId).toBe('failover-warned');
    expect(latest?.unfinished).toBe(true);
    expect(latest?.stoppedPartWay).toBe(false);
    expect(Journal.latest(dir, 'failback', 'production', clock)?.stoppedPartWay).toBe(true);
    expect(Journal.latest(dir, 'failover', 'staging', clock)).toBeUndefined();
    expect(() => newJournal(dir, clock, 'failover-old')).toThrow('a run named failover-old already exists');
  });
});

describe('acquireRunLock', () => {
  it('refuses a second run while a live process holds the lock, and takes over a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const release = acquireRunLock(dir, 'run-a');
    release();
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: process.ppid, runId: 'other-run' }));
    expect(() => acquireRunLock(dir, 'run-b')).toThrow('another dr-runbook run (other-run, pid');
    writeFileSync(join(dir, 'run.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, runId: 'dead-run' }));
    const again = acquireRunLock(dir, 'run-c');
    expect(JSON.parse(readFileSync(join(dir, 'run.lock'), 'utf8'))).toMatchObject({ runId: 'run-c', pid: process.pid });
    again();
  });
});
