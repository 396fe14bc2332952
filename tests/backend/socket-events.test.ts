import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onEvent } from '../../backend/lib/socket-events.js';
import type { AppServer } from '../../backend/plugins/realtime.js';

describe('socket event validation shared by every connection', () => {
  const http = createServer();
  // The contract's `call_cancel` schema, shared by every connection: compiled once, checked always.
  const server: AppServer = new Server(http);
  const clients: Socket[] = [];
  let url = '';
  beforeAll(async () => {
    server.on('connection', (socket) =>
      onEvent(socket, 'call_cancel', async (p) => ({ call_id: `echo-${p.call_id}` }), console),
    );
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await new Promise((r) => server.close(r));
  });

  const connect = () =>
    new Promise<Socket>((resolve, reject) => {
      const c = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
      clients.push(c);
      c.once('connect', () => resolve(c));
      c.once('connect_error', reject);
    });

  it('rejects bad payloads and passes good ones on the first, second and third connection alike', async () => {
    for (const socket of [await connect(), await connect(), await connect()]) {
      for (const bad of [{}, { call_id: '' }, { call_id: 7 }, 'nope', null, { call_id: 'x', extra: 1 }]) {
        expect(await socket.emitWithAck('call_cancel', bad)).toMatchObject({
          ok: false,
          error: { code: 'invalid_payload', message: expect.stringContaining('call_cancel') },
        });
      }
      expect(await socket.emitWithAck('call_cancel', { call_id: 'c1' })).toEqual({
        ok: true,
        call_id: 'echo-c1',
      });
    }
  });
});
