import { parseDbInstanceArn } from '../../aws/arn';
import type { Severity, StatusReport } from './model';
import { servicesTable } from './render-services';

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

const MARKS: Record<Severity, string> = { error: '✖', warning: '⚠', 'cannot-check': '?' };

function verdict(report: StatusReport): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const unchecked = report.cannotCheck.join(', ');
  switch (report.health) {
    case 'healthy':
      return 'Platform: HEALTHY';
    case 'unhealthy':
      return `Platform: UNHEALTHY (${errors} error(s))${unchecked ? `; could not check: ${unchecked}` : ''}`;
    default:
      return report.regions.every((entry) => !entry.reachable)
        ? `Platform: CANNOT CHECK (no region could be read: ${unchecked}); nothing is known about its health`
        : `Platform: CANNOT CHECK ${unchecked}; no problem in what could be checked`;
  }
}

export function renderStatus(report: StatusReport): string[] {
  const header = ['REGION', 'TOPOLOGY', 'AWS', 'INSTANCE', 'STATUS', 'MULTI-AZ', 'BACKUPS', 'LATEST RESTORABLE', 'SOURCE', 'LAG', 'WRITER ENDPOINT'];
  const primaryAddress = report.regions.find((entry) => entry.expectedRole === 'primary')?.instance?.endpoint;
  const rows = report.regions.map((entry) => {
    const instance = entry.instance;
    const source = instance?.source ? parseDbInstanceArn(instance.source) : undefined;
    const endpoint = entry.writerEndpoint === undefined ? 'cannot check' : entry.writerEndpoint === null ? 'missing' : entry.writerEndpoint === primaryAddress ? 'ok' : entry.writerEndpoint;
    return [
      entry.region,
      entry.expectedRole,
      !entry.reachable ? 'cannot check' : instance ? instance.role : 'missing',
      instance?.id ?? entry.expectedInstance,
      instance?.status ?? '-',
      instance ? (instance.multiAZ ? 'yes' : instance.pendingMultiAZ ? 'pending' : 'no') : '-',
      instance ? `${instance.backupRetentionDays} d` : '-',
      instance?.latestRestorableTime ?? '-',
      source ? source.region : instance?.source ?? '-',
      instance?.role === 'replica' ? (entry.lagSeconds !== null ? `${entry.lagSeconds} s` : entry.lagError ? 'cannot check' : '?') : '-',
      endpoint,
    ];
  });
  const lines = [`Environment ${report.environment}: primary per topology ${report.primaryRegion} (${report.topologyFile}); read at ${report.generatedAt}`, '', ...pad([header, ...rows]), '', 'Services:', ...pad(servicesTable(report)), ''];
  if (report.findings.length === 0) lines.push('No findings: AWS matches the topology.');
  else {
    lines.push('Findings:');
    report.findings.forEach((finding) => lines.push(`  ${MARKS[finding.severity]} ${finding.region}: ${finding.message}`));
  }
  lines.push('', verdict(report));
  return lines;
}
