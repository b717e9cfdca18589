import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { applyLanguage } from '../../src/renderer/i18n';
import { ErrorBoundary } from '../../src/renderer/shell/ErrorBoundary';

afterEach(cleanup);
beforeAll(async () => {
  await applyLanguage('en');
});

it('a broken screen shows a notice with Try again instead of blanking the window', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  let broken = true;
  function Flaky() {
    if (broken) throw new Error('render failed');
    return <p>Recovered</p>;
  }
  render(
    <ErrorBoundary>
      <Flaky />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert').textContent).toMatch(/stopped working/);
  broken = false;
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(screen.getByText('Recovered')).toBeTruthy();
  vi.restoreAllMocks();
});
