import { after, test } from 'node:test';
import { startRedis } from '../../../test/support/redis.ts';
import { backendCases } from './backend-cases.ts';
import { RedisBackend } from './redis-backend.ts';

const server = await startRedis();
if ('skip' in server) {
  test('redis backend', { skip: server.skip }, () => {});
} else {
  after(() => server.stop());
  let namespace = 0;
  // Each case gets its own key prefix, so cases never see each other's entries.
  backendCases('redis', (clock) => RedisBackend.connect({ url: server.url, keyPrefix: `test:${(namespace += 1)}:`, clock }));
}
