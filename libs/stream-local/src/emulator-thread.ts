import { Worker } from 'node:worker_threads';

export interface EmulatorThreads {
  readonly dynamoDbEndpoint: string;
  readonly kinesisEndpoint: string;
  stop(): Promise<void>;
}

interface RunningWorker {
  readonly endpoint: string;
  stop(): Promise<void>;
}

// Plain JavaScript run on a worker thread: it needs no TypeScript loader, only the emulator package.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const server = require(workerData.module)(workerData.options);
server.once('error', (error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  server.closeAllConnections();
  server.close(() => parentPort.postMessage({ stopped: true }));
});
`;

interface WorkerMessage {
  readonly port?: number;
  readonly error?: string;
  readonly stopped?: boolean;
}

async function startWorker(module: string, options: Record<string, number>): Promise<RunningWorker> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: require.resolve(module), options } });
  const next = () =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: WorkerMessage) => {
        worker.off('error', onError);
        resolve(message);
      });
    });
  const ready = await next();
  if (ready.error || !ready.port) {
    await worker.terminate();
    throw new Error(`${module} did not start: ${ready.error ?? 'no port reported'}`);
  }
  return {
    endpoint: `http://127.0.0.1:${ready.port}`,
    stop: async () => {
      const stopped = next();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}

/**
 * dynalite and kinesalite, each on its own worker thread of this process, on 127.0.0.1 at ports the
 * OS chooses. They then run on the other cores instead of competing with the processor and the
 * producer for the main thread.
 */
export async function startEmulatorThreads(): Promise<EmulatorThreads> {
  const [dynamo, kinesis] = await Promise.allSettled([
    startWorker('dynalite', { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }),
    startWorker('kinesalite', { createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 }),
  ]);
  if (dynamo.status === 'rejected' || kinesis.status === 'rejected') {
    await Promise.all([dynamo, kinesis].map((started) => (started.status === 'fulfilled' ? started.value.stop() : undefined)));
    throw dynamo.status === 'rejected' ? dynamo.reason : (kinesis as PromiseRejectedResult).reason;
  }
  return {
    dynamoDbEndpoint: dynamo.value.endpoint,
    kinesisEndpoint: kinesis.value.endpoint,
    stop: async () => {
      await Promise.all([dynamo.value.stop(), kinesis.value.stop()]);
    },
  };
}
