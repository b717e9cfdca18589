import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PermissionCatalogue } from '../../../src/shared/contract/sessions';
import {
  BUILT_IN_PERMISSION_IDS,
  BUILT_IN_PERMISSION_LABELS,
} from '../../../src/shared/domain/permissions';
import { AccessCard } from '../../../src/renderer/features/sessions/AccessCard';
import { PermissionPicker } from '../../../src/renderer/features/sessions/PermissionPicker';
import { applyLanguage } from '../../../src/renderer/i18n';

const builtIn: PermissionCatalogue = {
  source: 'builtIn',
  permissions: BUILT_IN_PERMISSION_IDS.map((id) => ({
    id,
    label: BUILT_IN_PERMISSION_LABELS[id],
    builtInId: id,
  })),
};

/** A gateway naming the same access its own way (ids from the fake gateway). */
const gateway: PermissionCatalogue = {
  source: 'gateway',
  permissions: [
    { id: 'messages', label: 'Messages', builtInId: 'messages' },
    { id: 'wallet', label: 'Wallet balance', builtInId: 'walletBalance' },
    { id: 'settings', label: 'Settings', builtInId: 'settings' },
    { id: 'x-vip', label: 'VIP tools', builtInId: null },
  ],
};

function Harness({ catalogue }: { catalogue: PermissionCatalogue }) {
  const [value, setValue] = useState<string[]>([]);
  return (
    <>
      <PermissionPicker catalogue={catalogue} value={value} onChange={setValue} />
      <AccessCard permissions={value} catalogue={catalogue} />
    </>
  );
}

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(cleanup);

describe('the access card beside the picker', () => {
  it('a preset ticks its permissions and the card grades and explains them', () => {
    render(<Harness catalogue={builtIn} />);
    expect(screen.getByText('Low risk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Messaging' }));
    expect((screen.getByRole('checkbox', { name: 'Messages' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByRole('checkbox', { name: 'Settings' }) as HTMLInputElement).checked).toBe(
      false,
    );
    expect(screen.getByText('Medium risk')).toBeTruthy();
    expect(screen.getByText('Read your messages and write to fans as you')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wallet balance' }));
    expect(screen.getByText('High risk')).toBeTruthy();
    expect(screen.getByText('Delete your account')).toBeTruthy();
    expect(screen.getByText('Create or delete payout methods')).toBeTruthy();
  });

  it('grades gateway ids by meaning; an access it cannot name is shown by the gateway’s label', () => {
    render(<Harness catalogue={gateway} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'VIP tools' }));
    expect(screen.getByText('Medium risk')).toBeTruthy();
    expect(screen.getByText('VIP tools (as named by the gateway)')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Messages' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wallet balance' }));
    expect(screen.getByText('High risk')).toBeTruthy();
  });

  it('speaks Russian, with the fixed list from Fansly', async () => {
    await applyLanguage('ru');
    render(<AccessCard permissions={['posts']} catalogue={builtIn} />);
    expect(screen.getByText('Низкий риск')).toBeTruthy();
    expect(screen.getByText('Удалить ваш аккаунт')).toBeTruthy();
    expect(
      screen.getByText('Создавать, изменять и удалять посты, менять главную страницу'),
    ).toBeTruthy();
  });
});
