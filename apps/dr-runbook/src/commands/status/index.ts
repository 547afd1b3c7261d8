export { statusCommand } from './command';
export type { Finding, RegionStatus, Severity, StatusReport } from './model';
export { renderStatus } from './render';
export { statusReport } from './report';
