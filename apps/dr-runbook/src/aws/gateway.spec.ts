import { RDSServiceException } from '@aws-sdk/client-rds';
import { FakeClock } from '@xyz/dr-simulator';
import { AbortedError } from '../core/errors';
import type { Logger } from '../core/logger';
import { AwsCallError, AwsGateway } from './gateway';

const throttling = () => new RDSServiceException({ name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' });

function failingThen<T>(failures: (() => Error)[], value: T) {
  let calls = 0;
  const send = async () => {
    calls++;
    const failure = failures.shift();
    if (failure) throw failure();
    return value;
  };
  return { send, calls: () => calls };
}

describe('AwsGateway.call', () => {
  const lines: string[] = [];
  const log: Logger = { log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })) };

  it('retries throttling with exponential backoff on the injected clock', async () => {
    const clock = new FakeClock();
    const gateway = new AwsGateway({ clock, log, random: () => 1 });
    const call = failingThen([throttling, throttling, throttling], 'ok');
    const start = clock.now();
    await expect(gateway.call('rds', 'us-west-2', 'DescribeDBInstances', call.send)).resolves.toBe('ok');
    expect(call.calls()).toBe(4);
    expect(clock.now() - start).toBe(1000 + 2000 + 4000);
    expect(lines.some((line) => line.includes('"outcome":"throttling"'))).toBe(true);
  });

  it('gives up after the policy attempts with an error that names the call', async () => {
    const gateway = new AwsGateway({ clock: new FakeClock(), log, random: () => 0.5 });
    const call = failingThen(Array(10).fill(throttling), 'never');
    const error = await gateway.call('rds', 'us-west-2', 'PromoteReadReplica', call.send, { retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 100 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as AwsCallError).message).toBe('rds:PromoteReadReplica in us-west-2 failed after 3 attempts: Throttling: Rate exceeded');
    expect(call.calls()).toBe(3);
  });

  it('does not retry an error that retrying cannot fix', async () => {
    const gateway = new AwsGateway({ clock: new FakeClock(), log });
    const denied = () => new RDSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: 'not allowed' });
    const call = failingThen([denied], 'never');
    await expect(gateway.call('rds', 'us-east-1', 'ModifyDBInstance', call.send)).rejects.toMatchObject({ kind: 'fatal', attempts: 1 });
    expect(call.calls()).toBe(1);
  });

  it('does not start a backoff that would end after the step deadline', async () => {
    const clock = new FakeClock();
    const gateway = new AwsGateway({ clock, log, random: () => 1 });
    const call = failingThen(Array(10).fill(throttling), 'never');
    await expect(gateway.call('rds', 'us-east-1', 'DescribeDBInstances', call.send, { deadline: clock.now() + 2500 })).rejects.toMatchObject({ kind: 'throttling', attempts: 2 });
  });

  it('stops at once when the run is interrupted', async () => {
    const controller = new AbortController();
    const gateway = new AwsGateway({ clock: new FakeClock(), log, signal: controller.signal });
    controller.abort();
    await expect(gateway.call('rds', 'us-east-1', 'DescribeDBInstances', async () => 'ok')).rejects.toBeInstanceOf(AbortedError);
  });
});
