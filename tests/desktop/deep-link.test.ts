import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from '../../main/policy/deep-link.js';

describe('deep links', () => {
  it('reads the room id of peace-messenger://room/{room_id}', () => {
    expect(parseDeepLink('peace-messenger://room/abcd-1234-efgh')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger://room/abcd-1234-efgh/')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger:room/abcd-1234-efgh')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger:///room/abcd-1234-efgh')).toBe('abcd-1234-efgh');
    // Case and percent-encoding as some launchers hand them over.
    expect(parseDeepLink('PEACE-MESSENGER://room/ABCD-1234-EFGH')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger://room/abcd%2D1234-efgh')).toBe('abcd-1234-efgh');
  });

  it('rejects other schemes, paths and malformed ids', () => {
    for (const url of [
      'https://room/abcd-1234-efgh',
      'peace-messenger://call/abcd-1234-efgh',
      'peace-messenger://room/short',
      'peace-messenger://room/abcd-1234-efgh/extra',
      'peace-messenger://room/abcd%2F..%2Fx-1234',
      'peace-messenger://room/',
      'peace-messenger://xroom/abcd-1234-efgh',
      'peace-messenger://my/room/abcd-1234-efgh',
      'not a url',
    ]) {
      expect(parseDeepLink(url)).toBeNull();
    }
  });

  it('finds the link on a second instance command line (Windows, Linux)', () => {
    expect(findDeepLinkInArgv(['/opt/peace', '--no-sandbox', 'peace-messenger://room/abcd-1234-efgh'])).toBe(
      'abcd-1234-efgh',
    );
    expect(findDeepLinkInArgv(['/opt/peace', '.'])).toBeNull();
    // The first usable link wins; a broken one before it is skipped, and so is a look-alike.
    expect(
      findDeepLinkInArgv([
        'peace-messenger://room/bad',
        'x-peace-messenger://room/aaaa-1111-bbbb',
        'PEACE-MESSENGER://room/cccc-2222-dddd',
        'peace-messenger://room/eeee-3333-ffff',
      ]),
    ).toBe('cccc-2222-dddd');
  });
});
