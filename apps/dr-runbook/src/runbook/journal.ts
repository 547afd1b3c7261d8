import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock';
import { isoTime } from '../core/format';
import { readFact } from './facts';
import type { JsonValue, StepMemory } from './step';
import { JournalError, validated } from './validate';

export type RunStatus = 'running' | 'succeeded' | 'warnings' | 'failed' | 'interrupted';
export type StepStatus = 'pending' | 'running' | 'done' | 'warnings' | 'failed';

export interface StepRecord {
  readonly id: string;
  readonly title: string;
  status: StepStatus;
  startedAt?: string;
  finishedAt?: string;
  durationMs?: number;
  summary?: string;
  warnings?: string[];
  error?: string;
  /** Requests this step was about to send (ISO time), so a resumed run does not send them twice. */
  intents: Record<string, string>;
}

export interface JournalDocument {
  readonly version: 1;
  readonly runId: string;
  readonly command: string;
  readonly environment: string;
  /** The thing the run acts on, e.g. the target region or instance. */
  readonly target: string;
  /** The command's options, normalised (what --resume continues with). */
  readonly request: unknown;
  /** The command's plan, computed by the pre-checks of the first attempt. */
  readonly plan: unknown;
  status: RunStatus;
  readonly startedAt: string;
  finishedAt?: string;
  attempts: { startedAt: string; pid: number }[];
  steps: StepRecord[];
  facts: Record<string, JsonValue>;
}

const JOURNAL_FILE = 'journal.json';
const RUN_STATUSES = ['running', 'succeeded', 'warnings', 'failed', 'interrupted'] as const satisfies readonly RunStatus[];
const STEP_STATUSES = ['pending', 'running', 'done', 'warnings', 'failed'] as const satisfies readonly StepStatus[];
const isoString = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a time');

/** The journal's own fields. The command's request, plan and facts are checked by the command (see run-changing.ts). */
const journalSchema = z.object({
  version: z.literal(1),
  runId: z.string().min(1),
  command: z.string().min(1),
  environment: z.string().min(1),
  target: z.string(),
  request: z.unknown(),
  plan: z.unknown(),
  status: z.enum(RUN_STATUSES),
  startedAt: isoString,
  finishedAt: isoString.optional(),
  attempts: z.array(z.object({ startedAt: isoString, pid: z.number() })),
  steps: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      status: z.enum(STEP_STATUSES),
      startedAt: isoString.optional(),
      finishedAt: isoString.optional(),
      durationMs: z.number().optional(),
      summary: z.string().optional(),
      warnings: z.array(z.string()).optional(),
      error: z.string().optional(),
      intents: z.record(z.string(), isoString),
    }),
  ),
  facts: z.record(z.string(), z.json()),
});

/** Reads and checks a journal file; anything unusable is a JournalError that names the file. */
function readJournal(file: string): JournalDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new JournalError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new JournalError(file, `is not valid JSON (${(error as Error).message}): it was cut short or edited. Repair it, or move its run directory away to start over.`);
  }
  return validated(journalSchema, raw, { kind: 'journal', file, root: 'journal' }) as JournalDocument;
}
const UNFINISHED: readonly RunStatus[] = ['running', 'failed', 'interrupted', 'warnings'];

/**
 * The record of one run: the plan, each step's status and the facts measured on the way. Written
 * atomically (temp file + rename) after every change, so a run killed at any point leaves a
 * readable journal behind.
 */
export class Journal {
  private constructor(
    readonly dir: string,
    private readonly document: JournalDocument,
    private readonly clock: Clock,
  ) {}

  static create(runsDir: string, doc: Omit<JournalDocument, 'version' | 'status' | 'attempts' | 'facts' | 'steps'> & { steps: { id: string; title: string }[] }, clock: Clock): Journal {
    const dir = join(runsDir, doc.runId);
    if (existsSync(join(dir, JOURNAL_FILE))) throw new Error(`a run named ${doc.runId} already exists in ${runsDir}`);
    mkdirSync(dir, { recursive: true });
    const journal = new Journal(
      dir,
      {
        ...doc,
        version: 1,
        status: 'running',
        attempts: [{ startedAt: doc.startedAt, pid: process.pid }],
        facts: {},
        steps: doc.steps.map((step) => ({ id: step.id, title: step.title, status: 'pending', intents: {} })),
      },
      clock,
    );
    journal.save();
    return journal;
  }

  static load(dir: string, clock: Clock): Journal {
    return new Journal(dir, readJournal(join(dir, JOURNAL_FILE)), clock);
  }

  /** The newest run of this command and environment, whatever its status. */
  static latest(runsDir: string, command: string, environment: string, clock: Clock): Journal | undefined {
    if (!existsSync(runsDir)) return undefined;
    const runs = readdirSync(runsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(runsDir, entry.name, JOURNAL_FILE)))
      .map((entry) => Journal.load(join(runsDir, entry.name), clock))
      .filter((journal) => journal.doc.command === command && journal.doc.environment === environment);
    runs.sort((a, b) => b.doc.startedAt.localeCompare(a.doc.startedAt));
    return runs[0];
  }

  /** Not finished cleanly: `--resume` continues it (a run with warnings retries what is left). */
  get unfinished(): boolean {
    return UNFINISHED.includes(this.document.status);
  }

  /** Stopped part-way: a new run of the same command must not start over it. */
  get stoppedPartWay(): boolean {
    return this.document.status !== 'succeeded' && this.document.status !== 'warnings';
  }

  get doc(): Readonly<JournalDocument> {
    return this.document;
  }

  get file(): string {
    return join(this.dir, JOURNAL_FILE);
  }

  step(id: string): StepRecord {
    const record = this.document.steps.find((step) => step.id === id);
    if (!record) throw new Error(`journal ${this.file} has no step "${id}"`);
    return record;
  }

  beginAttempt(): void {
    this.document.attempts.push({ startedAt: isoTime(this.clock.now()), pid: process.pid });
    this.document.status = 'running';
    this.save();
  }

  stepStarted(id: string): void {
    const record = this.step(id);
    Object.assign(record, { status: 'running', startedAt: isoTime(this.clock.now()), finishedAt: undefined, error: undefined });
    this.save();
  }

  stepFinished(id: string, summary: string, warnings: readonly string[]): void {
    const record = this.step(id);
    const now = this.clock.now();
    Object.assign(record, {
      status: warnings.length > 0 ? 'warnings' : 'done',
      finishedAt: isoTime(now),
      durationMs: record.startedAt ? now - Date.parse(record.startedAt) : undefined,
      summary,
      warnings: warnings.length > 0 ? [...warnings] : undefined,
    });
    this.save();
  }

  stepFailed(id: string, error: string): void {
    const record = this.step(id);
    const now = this.clock.now();
    Object.assign(record, { status: 'failed', finishedAt: isoTime(now), durationMs: record.startedAt ? now - Date.parse(record.startedAt) : undefined, error });
    this.save();
  }

  finish(status: RunStatus): void {
    this.document.status = status;
    this.document.finishedAt = isoTime(this.clock.now());
    this.save();
  }

  memoryFor(stepId: string): StepMemory {
    return {
      intent: (key) => {
        const at = this.step(stepId).intents[key];
        return at ? Date.parse(at) : undefined;
      },
      recordIntent: (key) => {
        this.step(stepId).intents[key] = isoTime(this.clock.now());
        this.save();
      },
      fact: (declared) => readFact(this.document.facts, declared),
      setFact: (declared, value) => {
        this.document.facts[declared.key] = value;
        this.save();
      },
    };
  }

  private save(): void {
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.document, null, 2)}\n`);
    renameSync(temp, this.file);
  }
}
