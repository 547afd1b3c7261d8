import { readProcessorConfig } from './processor-environment';

describe('readProcessorConfig', () => {
  it('reads the table name and the optional retention', () => {
    expect(readProcessorConfig({ TABLE_NAME: 't', EVENT_RETENTION_DAYS: '90' })).toEqual({ tableName: 't', retentionDays: 90 });
    expect(readProcessorConfig({ TABLE_NAME: 't' })).toEqual({ tableName: 't' });
  });

  it('names the variable at fault', () => {
    expect(() => readProcessorConfig({})).toThrow(/^TABLE_NAME is not set/);
    expect(() => readProcessorConfig({ TABLE_NAME: 't', EVENT_RETENTION_DAYS: '1.5' })).toThrow(/^EVENT_RETENTION_DAYS must be a whole number.*"1.5"/);
    expect(() => readProcessorConfig({ TABLE_NAME: 't', EVENT_RETENTION_DAYS: '0' })).toThrow(/EVENT_RETENTION_DAYS/);
  });
});
