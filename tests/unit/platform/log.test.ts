import { describe, expect, it } from 'vitest';
import {
  createMemoryLogger,
  forgetSecret,
  redact,
  registerSecret,
} from '../../../src/main/platform/log';

describe('log redaction', () => {
  it('removes a registered secret as is, URL-encoded and JSON-escaped', () => {
    const secret = 'fk_live "quoted"/key+1=2&x';
    registerSecret(secret);
    try {
      const log = createMemoryLogger();
      log.warn(`asked https://gw.example/v1?key=${encodeURIComponent(secret)}`);
      log.error('body', { apiKeyHolder: secret, nested: [secret] });
      log.info(`plain ${secret} end`);
      const text = log.lines.join('\n');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
      expect(text.match(/\[redacted\]/g)).toHaveLength(4);
    } finally {
      forgetSecret(secret);
    }
  });

  it('leaves text without secrets alone', () => {
    expect(redact('nothing to hide here: 42')).toBe('nothing to hide here: 42');
  });
});
