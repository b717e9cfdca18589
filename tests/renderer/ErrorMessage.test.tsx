import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n, { applyLanguage } from '../../src/renderer/i18n';
import { ErrorMessage } from '../../src/renderer/components';
import { ClientError } from '../../src/renderer/client';
import { ERROR_CODES, type AppError } from '../../src/shared/errors';

afterEach(cleanup);

describe.each(['en', 'ru'] as const)('ErrorMessage in %s', (lng) => {
  beforeEach(async () => {
    await applyLanguage(lng);
  });

  it.each(ERROR_CODES)('turns "%s" into a translated sentence', (code) => {
    expect(i18n.exists(`errors:${code}`, { lng, fallbackLng: false })).toBe(true);
    const error: AppError = { code, message: 'technical detail from main', retryAfterSeconds: 7 };
    render(<ErrorMessage error={error} />);
    const shown = screen.getByRole('alert');
    expect(shown.textContent).not.toContain('technical detail from main');
    expect(shown.textContent).not.toContain(`errors:`);
    expect(shown.textContent!.length).toBeGreaterThan(10);
    expect(shown.dataset.errorCode).toBe(code);
  });

  it('says how many seconds to wait when rate limited', () => {
    render(
      <ErrorMessage
        error={new ClientError({ code: 'rateLimited', message: '', retryAfterSeconds: 12.2 })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('13');
  });

  it('still reads well when the gateway gave no wait time', () => {
    render(<ErrorMessage error={{ code: 'rateLimited', message: '' }} />);
    expect(screen.getByRole('alert').textContent).not.toContain('{{');
  });

  it('treats anything thrown that is not an AppError as internal', () => {
    render(<ErrorMessage error={new Error('boom at /home/me/secret')} variant="banner" />);
    const shown = screen.getByRole('alert');
    expect(shown.textContent).not.toContain('/home/me');
    expect(shown.querySelector('[data-error-code="internal"]')).not.toBeNull();
  });
});

it('English and Russian sentences differ for every code', async () => {
  for (const code of ERROR_CODES) {
    expect(i18n.t(`errors:${code}`, { lng: 'ru' })).not.toBe(
      i18n.t(`errors:${code}`, { lng: 'en' }),
    );
  }
  await applyLanguage('en');
});
