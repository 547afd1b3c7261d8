import { parseDbInstanceArn } from '../../aws/arn';
import type { StatusReport } from './model';

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

export function renderStatus(report: StatusReport): string[] {
  const header = ['REGION', 'TOPOLOGY', 'AWS', 'INSTANCE', 'STATUS', 'MULTI-AZ', 'BACKUPS', 'LATEST RESTORABLE', 'SOURCE', 'LAG', 'WRITER ENDPOINT'];
  const primaryAddress = report.regions.find((entry) => entry.expectedRole === 'primary')?.instance?.endpoint;
  const rows = report.regions.map((entry) => {
    const instance = entry.instance;
    const source = instance?.source ? parseDbInstanceArn(instance.source) : undefined;
    const endpoint = entry.writerEndpoint === undefined ? 'unreadable' : entry.writerEndpoint === null ? 'missing' : entry.writerEndpoint === primaryAddress ? 'ok' : entry.writerEndpoint;
    return [
      entry.region,
      entry.expectedRole,
      !entry.reachable ? 'unreadable' : instance ? instance.role : 'missing',
      instance?.id ?? entry.expectedInstance,
      instance?.status ?? '-',
      instance ? (instance.multiAZ ? 'yes' : instance.pendingMultiAZ ? 'pending' : 'no') : '-',
      instance ? `${instance.backupRetentionDays} d` : '-',
      instance?.latestRestorableTime ?? '-',
      source ? source.region : instance?.source ?? '-',
      instance?.role === 'replica' ? (entry.lagSeconds === null ? '?' : `${entry.lagSeconds} s`) : '-',
      endpoint,
    ];
  });
  const lines = [`Environment ${report.environment}: primary per topology ${report.primaryRegion} (${report.topologyFile}); read at ${report.generatedAt}`, '', ...pad([header, ...rows]), ''];
  if (report.findings.length === 0) lines.push('No findings: AWS matches the topology.');
  else {
    lines.push('Findings:');
    report.findings.forEach((finding) => lines.push(`  ${finding.severity === 'error' ? '✖' : '⚠'} ${finding.region}: ${finding.message}`));
  }
  lines.push('', report.healthy ? 'Platform: HEALTHY' : `Platform: UNHEALTHY (${report.findings.filter((finding) => finding.severity === 'error').length} error(s))`);
  return lines;
}
