import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalDocument } from '../../src/runbook/journal';
import type { RunReport } from '../../src/runbook/report';

function runDirs(journalDir: string): string[] {
  if (!existsSync(journalDir)) return [];
  return readdirSync(journalDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(journalDir, entry.name))
    .sort();
}

/** The newest run's journal and report in a journal directory. */
export function latestRun(journalDir: string): { journal: JournalDocument; report?: RunReport; markdown?: string; dir: string } {
  const runs = runDirs(journalDir).map((dir) => ({ dir, journal: JSON.parse(readFileSync(join(dir, 'journal.json'), 'utf8')) as JournalDocument }));
  runs.sort((a, b) => a.journal.startedAt.localeCompare(b.journal.startedAt));
  const latest = runs.pop();
  if (!latest) throw new Error(`no run in ${journalDir}`);
  const { dir, journal } = latest;
  const reportFile = join(dir, 'report.json');
  return {
    dir,
    journal,
    report: existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as RunReport) : undefined,
    markdown: existsSync(join(dir, 'report.md')) ? readFileSync(join(dir, 'report.md'), 'utf8') : undefined,
  };
}

export function runCount(journalDir: string): number {
  return runDirs(journalDir).length;
}
