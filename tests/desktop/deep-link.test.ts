import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLink } from '../../main/policy/deep-link.js';

describe('deep links', () => {
  it('reads the room id of peace-messenger://room/{room_id}', () => {
    expect(parseDeepLink('peace-messenger://room/abcd-1234-efgh')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger://room/abcd-1234-efgh/')).toBe('abcd-1234-efgh');
    expect(parseDeepLink('peace-messenger:room/abcd-1234-efgh')).toBe('abcd-1234-efgh');
  });

  it('rejects other schemes, paths and malformed ids', () => {
    for (const url of [
      'https://room/abcd-1234-efgh',
      'peace-messenger://call/abcd-1234-efgh',
      'peace-messenger://room/short',
      'peace-messenger://room/abcd-1234-efgh/extra',
      'peace-messenger://room/abcd%2F..%2Fx-1234',
      'peace-messenger://room/',
    ]) {
      expect(parseDeepLink(url)).toBeNull();
    }
  });

  it('finds the link on a second instance command line (Windows, Linux)', () => {
    expect(findDeepLinkInArgv(['/opt/peace', '--no-sandbox', 'peace-messenger://room/abcd-1234-efgh'])).toBe(
      'abcd-1234-efgh',
    );
    expect(findDeepLinkInArgv(['/opt/peace', '.'])).toBeNull();
  });
});
