/**
 * Preloaded into the Portkey gateway (`node --import`): its Node entry listens on a port with no
 * host, that is on every interface. The benchmark keeps all traffic on loopback, so a listen
 * without a host is given 127.0.0.1.
 */
import { Server } from 'node:net';

const listen = Server.prototype.listen;
Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return (listen as (...values: unknown[]) => Server).apply(this, args);
} as typeof listen;
