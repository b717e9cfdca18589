import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../client';
import { StatusPill } from '../../components';
import { afterPaint } from '../../hooks/afterPaint';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useChecklistStore } from '../../stores/checklist';
import { useLockdownStore } from '../../stores/lockdown';
import { useNavigationStore } from '../../stores/navigation';
import { RevokeRequestDialog } from '../lockdown/RevokeRequestDialog';

/**
 * The app's overall security state in the header (a button to the checklist). Always
 * mounted, so it also answers the tray: "Lockdown…" opens the lockdown panel, "Revoke…"
 * opens a confirmation here whatever screen is shown.
 */
export function SecurityHeader() {
  const { t } = useTranslation('checklist');
  const state = useChecklistStore((s) => s.state);

  useEffect(() => {
    // The pill says "unknown" for the first frame; the state follows right after it.
    const cancelLoad = afterPaint(() => {
      void useChecklistStore.getState().load();
      void useLockdownStore.getState().loadRevokeRequest();
    });
    const stopListening = api().onNavigate(({ screen }) => {
      if (screen === 'lockdown') {
        useLockdownStore.getState().openPanel();
        useNavigationStore.getState().navigate('checklist', { focus: true });
      } else if (screen === 'revokeSession') {
        void useLockdownStore.getState().loadRevokeRequest();
      }
    });
    return () => {
      cancelLoad();
      stopListening();
    };
  }, []);
  // 'settings': the password and e-mail staleness limits change the checklist's result.
  useStateTopic(
    ['checklist', 'sessions', 'loginSessions', 'accounts', 'managers', 'settings'],
    () => void useChecklistStore.getState().load(),
  );

  return (
    <>
      <button
        type="button"
        className="security-header"
        onClick={() => useNavigationStore.getState().navigate('checklist', { focus: true })}
        title={t('headerHint')}
        aria-label={t('headerLabel', {
          state: t(`common:securityState.${state?.overall ?? 'unknown'}`),
        })}
      >
        <StatusPill state={state?.overall ?? 'unknown'} />
      </button>
      <RevokeRequestDialog />
    </>
  );
}
