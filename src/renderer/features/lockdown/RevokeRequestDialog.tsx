import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components';
import { useLockdownStore } from '../../stores/lockdown';

/** The tray's "Revoke…" lands here: nothing is revoked until the creator confirms. */
export function RevokeRequestDialog() {
  const { t } = useTranslation('lockdown');
  const request = useLockdownStore((s) => s.revokeRequest);
  // Mounted with the header on every screen: nothing to translate until the tray asks.
  if (request === null) return null;
  return (
    <ConfirmDialog
      open
      variant="danger"
      title={t('revoke.title', { session: request.label })}
      confirmLabel={t('revoke.button')}
      onCancel={() => void useLockdownStore.getState().cancelRevoke()}
      onConfirm={() => useLockdownStore.getState().confirmRevoke()}
    >
      <p>{t('revoke.body')}</p>
    </ConfirmDialog>
  );
}
