import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend, type TestUser } from '../helpers/backend.js';

/**
 * Names people see (display names, group titles) refuse invisible format characters that could make
 * one name pass for another, and every validation error names its field and rule so clients can word
 * it in the user's language.
 */
describe('name hygiene and validation details', () => {
  let b: TestBackend;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    b = await startBackend();
    alice = await b.register('alice', 'Alice');
    bob = await b.register('bob', 'Bob');
  });
  afterAll(async () => b.close());

  const register = (username: string, display_name: string) =>
    b.api(null, 'POST', '/api/v1/auth/register', { username, password: 'long enough pw', display_name });

  it.each([
    ['right-to-left override', 'Ali\u202Eecila'],
    ['left-to-right isolate', '\u2066Alice'],
    ['right-to-left mark', 'Alice\u200F'],
    ['zero-width space', 'Al\u200Bice'],
    ['byte order mark', '\uFEFFAlice'],
    ['Arabic letter mark', 'Alice\u061C'],
  ])('refuses a display name with a %s, naming the field and rule', async (_name, displayName) => {
    const res = await register(`spoof${displayName.length}${displayName.codePointAt(0)}`, displayName);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'display_name', rule: 'pattern' });
  });

  it('keeps names that need joiners: an emoji family (ZWJ) and Persian (ZWNJ), plus Chinese', async () => {
    for (const [username, name] of [
      ['family', 'Fam 👨\u200D👩\u200D👧'],
      ['persian', 'می\u200Cخواهم'],
      ['chinese', '爱丽丝'],
    ]) {
      const res = await register(username as string, name as string);
      expect(res.status, name).toBe(201);
      expect(res.body.user.display_name).toBe(name);
    }
  });

  it('refuses a group title with a bidi override', async () => {
    const res = await b.api(alice.token, 'POST', '/api/v1/conversations', {
      type: 'group',
      title: 'Team \u202Egnp.exe',
      member_ids: [bob.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'title', rule: 'pattern' });
  });

  it('names the field, rule and limit of a too-long password and of a missing field', async () => {
    const long = await b.api(null, 'POST', '/api/v1/auth/register', {
      username: 'longpw',
      password: 'x'.repeat(201),
      display_name: 'L',
    });
    expect(long.body.error).toMatchObject({ field: 'password', rule: 'maxLength', limit: 200 });
    const missing = await b.api(null, 'POST', '/api/v1/auth/register', {
      username: 'nopw',
      display_name: 'N',
    });
    expect(missing.body.error).toMatchObject({ field: 'password', rule: 'required' });
    const tooLong = await b.api(alice.token, 'POST', `/api/v1/conversations/${'x'}/messages`, {
      body: 'y'.repeat(10001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ field: 'body', rule: 'maxLength', limit: 10000 });
  });
});
