import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/renderer/features/sessions/SessionList';
import { applyLanguage } from '../../../src/renderer/i18n';
import { managementSession as session } from './fixtures';
import { giveElementsSize } from '../layout';

const labels = () =>
  screen.queryAllByRole('option').map((row) => row.querySelector('span')?.textContent);

describe('the sessions list', () => {
  beforeEach(() => {
    applyLanguage('en');
    // jsdom lays nothing out: give the list a view 400 px high, room for every row here.
    giveElementsSize(400);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the new matches in the rows already in view, with the selection following the session', () => {
    const all = [session(1), session(2, { status: 'revoked' }), session(3, { managerId: 'm1' })];
    const names = new Map([['m1', 'Anna']]);
    const onSelect = vi.fn();
    const props = { catalogue: null, managerNames: names, onSelect };
    const { rerender } = render(<SessionList sessions={all} selectedId="ms_3" {...props} />);
    expect(labels()).toEqual(['Manager 1', 'Manager 2', 'Manager 3']);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Manager 3');
    expect(screen.getByRole('option', { name: /Manager 2/ }).textContent).toContain('Revoked');

    // A search leaves only the third session: the first row now shows it, all of it.
    rerender(<SessionList sessions={[all[2]!]} selectedId="ms_3" {...props} />);
    expect(labels()).toEqual(['Manager 3']);
    const row = screen.getByRole('option', { selected: true });
    expect(row.id).toBe('session-row-ms_3');
    expect(row.textContent).toContain('Anna');
    expect(row.textContent).toContain('Active');
    expect(row.textContent).not.toContain('Revoked');

    fireEvent.click(row);
    expect(onSelect).toHaveBeenCalledWith('ms_3');
    rerender(<SessionList sessions={all} selectedId="ms_3" {...props} />);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'ArrowUp' });
    expect(onSelect).toHaveBeenLastCalledWith('ms_2');
  });

  it('tells assistive tech how many sessions match, not only the rows drawn', () => {
    const all = Array.from({ length: 200 }, (_, i) => session(i));
    const props = { catalogue: null, managerNames: new Map<string, string>(), onSelect: vi.fn() };
    const { rerender } = render(<SessionList sessions={all} selectedId={null} {...props} />);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeLessThan(200); // only the rows in view are in the DOM
    expect(options.map((o) => o.getAttribute('aria-setsize'))).toEqual(options.map(() => '200'));
    expect(options.map((o) => o.getAttribute('aria-posinset'))).toEqual(
      options.map((_, i) => String(i + 1)),
    );

    // A search that leaves three: the rows in view say so.
    rerender(<SessionList sessions={all.slice(0, 3)} selectedId={null} {...props} />);
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-setsize'))).toEqual([
      '3',
      '3',
      '3',
    ]);
  });
});
