/** Environment variables the processor Lambda reads; the construct sets them. */
export const PROCESSOR_ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  retentionDays: 'EVENT_RETENTION_DAYS',
} as const;

export interface ProcessorConfig {
  readonly tableName: string;
  readonly retentionDays?: number;
}

/** Reads the processor's configuration; throws a message naming the variable at fault. */
export function readProcessorConfig(env: Readonly<Record<string, string | undefined>>): ProcessorConfig {
  const tableName = env[PROCESSOR_ENVIRONMENT.tableName];
  if (!tableName) throw new Error(`${PROCESSOR_ENVIRONMENT.tableName} is not set: the processor does not know which table to write`);
  const retention = env[PROCESSOR_ENVIRONMENT.retentionDays];
  if (retention === undefined || retention === '') return { tableName };
  const retentionDays = Number(retention);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(`${PROCESSOR_ENVIRONMENT.retentionDays} must be a whole number of days of at least 1, got "${retention}"`);
  }
  return { tableName, retentionDays };
}
