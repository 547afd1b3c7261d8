import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { DashboardBody, Widget } from '../src';
import { only, primaryRegion, replicaRegion, synthMonitoring, topology } from './fixture';

type MetricWidget = Extract<Widget, { type: 'metric' }>;

function bodyOf(resources: ReturnType<typeof synthMonitoring>['resources']): DashboardBody {
  const [, dashboard] = only(resources, 'aws_cloudwatch_dashboard');
  return JSON.parse(dashboard['dashboard_body'] as string) as DashboardBody;
}

const graphs = (body: DashboardBody) => body.widgets.filter((w): w is MetricWidget => w.type === 'metric');
const titles = (body: DashboardBody) => graphs(body).map((w) => w.properties.title);

describe('dashboard', () => {
  const primary = synthMonitoring('primary');
  const replica = synthMonitoring('replica');
  const primaryBody = bodyOf(primary.resources);
  const replicaBody = bodyOf(replica.resources);

  it('is one per region, named from the topology', () => {
    expect(primary.synth).toHaveResourceWithProperties(CloudwatchDashboard, { dashboard_name: primaryRegion.names.dashboard });
    expect(replica.synth).toHaveResourceWithProperties(CloudwatchDashboard, { dashboard_name: replicaRegion.names.dashboard });
  });

  it('opens with the state of every alarm of the region', () => {
    const alarmWidget = primaryBody.widgets.find((w) => w.type === 'alarm');
    const alarmIds = Object.keys(primary.resources['aws_cloudwatch_metric_alarm']);
    expect(alarmWidget?.y).toBeLessThan(Math.min(...graphs(primaryBody).map((w) => w.y)));
    const shown = alarmWidget?.type === 'alarm' ? [...alarmWidget.properties.alarms].sort() : [];
    expect(shown).toEqual(alarmIds.map((id) => `\${aws_cloudwatch_metric_alarm.${id}.arn}`).sort());
  });

  it('graphs every alarmed metric in the region the alarm watches', () => {
    const graphed = JSON.stringify(graphs(primaryBody).map((w) => w.properties.metrics));
    primary.monitoring.alarmSpecs.forEach((spec) => {
      const needle = spec.source.kind === 'metric' ? JSON.stringify([spec.source.metric.namespace, spec.source.metric.metricName, ...Object.entries(spec.source.metric.dimensions).flat()]).slice(1, -1) : JSON.stringify(spec.source.query.expression);
      expect(graphed).toContain(needle);
    });
    graphs(primaryBody).forEach((w) => expect(w.properties.region).toBe('us-east-1'));
  });

  it('draws the alarm thresholds of the topology on the graphs', () => {
    const annotated = new Map(graphs(primaryBody).map((w) => [w.properties.title, w.properties.annotations?.horizontal[0]?.value]));
    expect(annotated.get('MySQL CPU %')).toBe(topology.alarms.rdsCpuPercent);
    expect(annotated.get('Redis engine CPU %')).toBe(topology.alarms.redisEngineCpuPercent);
    expect(annotated.get('Kinesis iterator age (ms)')).toBe(topology.alarms.kinesisIteratorAgeMs);
    expect(annotated.get('Dead-letter queue depth')).toBe(topology.alarms.dlqDepth);
  });

  it('shows replica lag on a replica and the pipeline only in the primary region', () => {
    expect(titles(replicaBody)).toContain('MySQL replica lag (s)');
    expect(titles(primaryBody)).not.toContain('MySQL replica lag (s)');
    expect(titles(primaryBody)).toEqual(expect.arrayContaining(['Kinesis records in', 'Processor iterator age (ms)', 'Dead-letter queue depth']));
    expect(titles(replicaBody).filter((t) => /Kinesis|Processor|DynamoDB|Dead-letter/.test(t))).toEqual([]);
  });

  it('lays the widgets out on the 24-column grid without overlaps', () => {
    [primaryBody, replicaBody].forEach((body) => {
      const cells = new Set<string>();
      body.widgets.forEach((w) => {
        expect(w.x + w.width).toBeLessThanOrEqual(24);
        for (let x = w.x; x < w.x + w.width; x++) {
          for (let y = w.y; y < w.y + w.height; y++) {
            const cell = `${x},${y}`;
            expect(cells.has(cell)).toBe(false);
            cells.add(cell);
          }
        }
      });
    });
  });

  it('keeps each widget period, so summed alarms and their graphs agree', () => {
    expect(primaryBody.periodOverride).toBe('inherit');
    const evictions = graphs(primaryBody).find((w) => w.properties.title === 'Redis evictions');
    expect(evictions?.properties).toMatchObject({ stat: 'Sum', period: 300 });
  });
});
