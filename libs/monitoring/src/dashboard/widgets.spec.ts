import { flowLayout, metricLine, type UnplacedWidget } from './widgets';

const text = (width: number, height = 1): UnplacedWidget => ({ type: 'text', width, height, properties: { markdown: 'x' } });

describe('dashboard widgets', () => {
  it('flows widgets left to right and wraps below the tallest of the row', () => {
    const placed = flowLayout([text(8, 6), text(8, 3), text(8, 6), text(12, 2), text(24)]);
    expect(placed.map(({ x, y }) => [x, y])).toEqual([
      [0, 0],
      [8, 0],
      [16, 0],
      [0, 6],
      [0, 8],
    ]);
  });

  it('writes metric lines in the positional dashboard form', () => {
    const metric = { namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: 'dlq' }, statistic: 'Maximum' as const };
    expect(metricLine(metric)).toEqual(['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'dlq']);
    expect(metricLine(metric, { label: 'depth' })).toEqual(['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'dlq', { label: 'depth' }]);
  });
});
