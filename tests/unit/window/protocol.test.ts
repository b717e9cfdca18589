import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest, responseHeaders } from '../../../src/main/window/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/window/options';

const ROOT = path.resolve('/srv/doorman/renderer');

describe('serving app://doorman from the renderer folder', () => {
  it('maps paths inside the folder to files', () => {
    expect(resolveAppRequest('app://doorman/index.html', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppRequest('app://doorman/', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppRequest('app://doorman/assets/index-abc.js?v=1#x', ROOT)).toBe(
      path.join(ROOT, 'assets/index-abc.js'),
    );
  });

  it.each([
    'app://doorman/../secret.txt',
    'app://doorman/%2e%2e/secret.txt',
    'app://doorman/assets/%2e%2e/%2e%2e/%2e%2e/secret.txt',
  ])('keeps dot segments the URL parser resolves inside the folder: %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBe(path.join(ROOT, 'secret.txt'));
  });

  it.each([
    'app://doorman/..%2fsecret.txt',
    'app://doorman/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://doorman/assets/..%2f..%2f..%2fetc/passwd',
    'app://doorman/..%5c..%5csecret.txt',
    'app://doorman/index.html%00.png',
    'app://doorman/%E0%A4%A',
    'app://other/index.html',
    'app://doorman.evil/index.html',
    'not a url',
  ])('refuses %s (encoded separators, NUL, bad encoding, other hosts)', (url) => {
    expect(resolveAppRequest(url, ROOT)).toBeNull();
  });

  it('answers with the CSP and no sniffing, typed by extension', () => {
    expect(responseHeaders('/x/index.html')).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    expect(responseHeaders('/x/app.js')['content-type']).toBe('text/javascript; charset=utf-8');
    expect(responseHeaders('/x/blob.bin')['content-type']).toBe('application/octet-stream');
  });
});
