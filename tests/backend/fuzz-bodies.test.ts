import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitRaw, type TestBackend } from '../helpers/backend.js';
import { TEST_JITSI_ENV } from '../helpers/calls.js';
import { ENGINES, useBackendOn } from '../helpers/engines.js';
import { type Fixture, makeFixture, routeRows, socketEventRows } from '../helpers/route-rows.js';

/** Values a client can send that a schema or a database may choke on. */
const hostile = fc.oneof(
  // Weighted: the values known to break a schema or a database come up in most runs, not by luck.
  {
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      '\u202e',
      ' ',
      'x'.repeat(20_000),
      -1,
      2 ** 53,
      1e308,
      null,
      [],
      {},
    ),
    weight: 3,
  },
  { arbitrary: fc.jsonValue(), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
);

/** The valid body with one field swapped for a hostile value or one field added, or anything at all. */
function bodiesNear(valid: unknown): fc.Arbitrary<unknown> {
  if (!valid || typeof valid !== 'object') return fc.oneof(hostile, fc.constant(valid));
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constantFrom(...keys).chain((key) => hostile.map((value) => ({ ...valid, [key]: value }))),
    hostile.map((value) => ({ ...valid, extra: value })),
    hostile,
  );
}

const TABLES = ['users', 'conversations', 'members', 'messages', 'rooms', 'calls', 'blocks'] as const;

describe.each(ENGINES)('random bodies and payloads on $name', (engine) => {
  const { skip } = engine;
  const server = useBackendOn(engine, {
    ...TEST_JITSI_ENV,
    MESSAGES_PER_MINUTE: '100000',
    CONVERSATIONS_PER_MINUTE: '100000',
    ROOMS_PER_MINUTE: '100000',
    CALL_INVITATIONS_PER_MINUTE: '100000',
  });
  let b: TestBackend;
  let f: Fixture;

  beforeAll(async () => {
    if (skip) return;
    b = server.backend;
    f = await makeFixture(b);
  });

  /** Row counts of every table a request may write: a refused request must leave them as they were. */
  const counts = async () =>
    Promise.all(
      TABLES.map(async (table) => {
        const row = await b.app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }),
    );

  it.skipIf(skip)('every route with a body: never a 5xx, never a partial row', async () => {
    let fuzzed = 0;
    for (const [route, row] of Object.entries(routeRows)) {
      const [method = ''] = route.split(' ');
      const { path, body } = row.request(f);
      if (body === undefined) continue;
      fuzzed++;
      const token = row.access === 'public' || row.access === 'jitsi' ? null : f.alice.token;
      await fc.assert(
        fc.asyncProperty(bodiesNear(body), async (candidate) => {
          const before = await counts();
          const res = await b.api(token, method, path, candidate);
          expect(res.status, `${route} ${JSON.stringify(candidate).slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await counts(), route).toEqual(before);
        }),
        { numRuns: 40 },
      );
    }
    expect(fuzzed).toBeGreaterThanOrEqual(8);
    expect((await b.api(null, 'GET', '/healthz')).status).toBe(200);
  });

  it.skipIf(skip).each(Object.keys(socketEventRows))(
    '%s: every payload is answered, never with an internal error',
    async (event) => {
      const socket = await b.connect(f.alice.token);
      await fc.assert(
        fc.asyncProperty(bodiesNear(socketEventRows[event]!(f)), async (candidate) => {
          const ack = await emitRaw(socket, event, candidate);
          expect(ack.ok || ack.error.code, JSON.stringify(candidate).slice(0, 200)).not.toBe(
            'internal_error',
          );
        }),
        { numRuns: 40 },
      );
      expect(socket.connected).toBe(true);
    },
  );
});
