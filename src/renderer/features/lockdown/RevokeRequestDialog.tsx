import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components';
import { useLockdownStore } from '../../stores/lockdown';

/** The tray's "Revoke…" lands here: nothing is revoked until the creator confirms. */
export function RevokeRequestDialog() {
  const { t } = useTranslation('lockdown');
  const request = useLockdownStore((s) => s.revokeRequest);
  return (
    <ConfirmDialog
      open={request !== null}
      variant="danger"
      title={t('revoke.title', { session: request?.label ?? '' })}
      confirmLabel={t('revoke.button')}
      onCancel={() => void useLockdownStore.getState().cancelRevoke()}
      onConfirm={() => useLockdownStore.getState().confirmRevoke()}
    >
      <p>{t('revoke.body')}</p>
    </ConfirmDialog>
  );
}
