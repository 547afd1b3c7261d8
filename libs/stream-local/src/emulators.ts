import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

/** An emulator listening on 127.0.0.1 at a port the OS chose. */
export interface RunningEmulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

async function listen(server: Server): Promise<RunningEmulator> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from the SDK clients would otherwise hold the server open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * DynamoDB (dynalite, in memory) on this thread. Tables are ACTIVE as soon as they are created.
 * @param maxItemSizeKb DynamoDB's item size limit. @default 400
 */
export function startDynalite(maxItemSizeKb = 400): Promise<RunningEmulator> {
  return listen(dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, maxItemSizeKb }));
}
