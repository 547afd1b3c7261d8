export {
  type AlarmRule,
  type AlarmSource,
  type AlarmSpec,
  alarmSpec,
  type Comparison,
  type InsightsQuery,
  type MetricRef,
  metricSource,
  type MissingData,
  type Statistic,
} from './alarm-spec';
export { AlertTopic, type AlertTopicProps, alertTopicPolicy } from './alert-topic';
export { cacheAlarms, type MonitoredCache } from './cache-alarms';
export { type RegionalDashboardInput, regionalDashboardBody } from './dashboard/regional-dashboard';
export type { DashboardBody, MetricLine, Widget } from './dashboard/widgets';
export { databaseAlarms, type MonitoredDatabase } from './database-alarms';
export { alarmConfig, RegionalMonitoring, type RegionalMonitoringProps } from './regional-monitoring';
export { type MonitoredStream, streamAlarms, tableOperationsExpression } from './stream-alarms';
