import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/platform/external-links';

describe('which links Doorman opens in the browser', () => {
  it.each([
    'https://fansly.com/',
    'https://fansly.com/settings/security',
    'https://www.fansly.com/',
    'https://apifansly.com/docs',
    'https://docs.apifansly.com/',
    'https://FANSLY.com/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://fansly.com/',
    'https://fansly.com.evil.example/',
    'https://evilfansly.com/',
    'https://fansly.co/',
    'https://user:pass@fansly.com/',
    'https://user@fansly.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://doorman/index.html',
    'fansly.com',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
