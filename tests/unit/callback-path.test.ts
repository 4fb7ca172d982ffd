import { describe, expect, it } from 'vitest';
import { callbackPath } from '@/app/_components/auth/callbackPath';

const SITE = 'http://127.0.0.1:3300';

describe('callbackPath: where sign-in goes next', () => {
  it('keeps a page of this site with its query and fragment', () => {
    expect(callbackPath('/admin?action=sign_in_failed#x', SITE)).toBe('/admin?action=sign_in_failed#x');
    expect(callbackPath(`${SITE}/ingestion/rejected`, SITE)).toBe('/ingestion/rejected');
  });

  it('sends every other site, scheme or unreadable value to the cockpit', () => {
    for (const value of ['/\\evil.example/pwn', '/\t/evil.example/pwn', '//evil.example', 'http://evil.example/', 'javascript:alert(1)', 'http://[', null, '']) {
      expect(callbackPath(value, SITE), String(value)).toBe('/');
    }
  });
});
