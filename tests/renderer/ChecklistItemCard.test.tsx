import './isolate-features';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecklistItemCard } from '../../src/renderer/features/checklist/ChecklistItemCard';
import { applyLanguage } from '../../src/renderer/i18n';
import { evaluateAccountChecklist } from '../../src/shared/domain/checklist';

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
});

/** The item as main would send it for an account with `count` foreign management sessions. */
function foreignSessionsItem(count: number) {
  const { items } = evaluateAccountChecklist({
    now: new Date('2026-11-23T10:00:00Z'),
    policy: { passwordMaxAgeDays: 90, emailCheckMaxAgeDays: 30 },
    confirmations: {},
    lastOffboardingAt: null,
    loginSessions: [],
    managementSessions: Array.from({ length: count }, (_, i) => ({
      id: `m${i}`,
      label: `Manager ${i}`,
      active: true,
      reviewBy: null,
      createdInDoorman: false,
    })),
  });
  return items.find((item) => item.id === 'sessionsNotFromDoorman')!;
}

describe('a checklist item about many sessions', () => {
  it('counts them all, names the first ones and says where the rest are', () => {
    render(<ChecklistItemCard accountId="fansly_a" item={foreignSessionsItem(120)} />);
    expect(screen.getByText('Found: 120.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Found' }).children).toHaveLength(50);
    expect(screen.getByText('…and 70 more: the Sessions screen lists them all.')).toBeTruthy();
  });

  it('says nothing more when every session is named', () => {
    render(<ChecklistItemCard accountId="fansly_a" item={foreignSessionsItem(3)} />);
    expect(screen.getByRole('list', { name: 'Found' }).children).toHaveLength(3);
    expect(screen.queryByText(/more: the Sessions screen/)).toBeNull();
  });
});
