import { createServer } from 'node:net';

/** A port that was free on 127.0.0.1 a moment ago, for servers that cannot pick their own. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not find a free loopback port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
