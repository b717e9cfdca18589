import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SESSION_LABEL_MAX,
  type ManagementSession,
  type PermissionCatalogue,
} from '../../../shared/contract/sessions';
import {
  Button,
  ErrorMessage,
  focusFirstIn,
  Panel,
  TextField,
  useAsyncAction,
} from '../../components';
import { api, ClientError, unwrap } from '../../client';
import { useSessionsStore } from '../../stores/sessions';
import { TwoFactorStep } from '../twofa/TwoFactorStep';
import { AccessCard } from './AccessCard';
import { PermissionPicker } from './PermissionPicker';

/** Name and access level. Fansly asks for the creator's 2FA code: the step runs, then one retry. */
export function EditSessionForm({
  session,
  catalogue,
  onDone,
}: {
  session: ManagementSession;
  catalogue: PermissionCatalogue;
  onDone: () => void;
}) {
  const { t } = useTranslation('sessions');
  const [label, setLabel] = useState(session.label);
  const [permissions, setPermissions] = useState<string[]>(session.permissions);
  const [needsCode, setNeedsCode] = useState(false);
  // The form (or the 2FA step) replaces the detail that held focus: its first field takes it.
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    focusFirstIn(panelRef.current);
  }, [needsCode]);

  const save = useAsyncAction(async (twoFactorChallengeId?: string) => {
    const changedLabel = label.trim() !== session.label;
    const changedAccess =
      permissions.length !== session.permissions.length ||
      permissions.some((p) => !session.permissions.includes(p));
    try {
      const updated = await unwrap(
        api().sessions.edit({
          accountId: session.accountId,
          sessionId: session.id,
          ...(changedLabel ? { label: label.trim() } : {}),
          ...(changedAccess ? { permissions } : {}),
          ...(twoFactorChallengeId ? { twoFactorChallengeId } : {}),
        }),
      );
      useSessionsStore.getState().upsert(updated);
      onDone();
    } catch (error) {
      if (
        error instanceof ClientError &&
        error.error.code === 'twoFactorRequired' &&
        !twoFactorChallengeId
      ) {
        setNeedsCode(true);
        return;
      }
      throw error;
    }
  });

  if (needsCode) {
    return (
      <Panel title={t('edit.twofaTitle')} id="edit-twofa-title" ref={panelRef}>
        <TwoFactorStep
          accountId={session.accountId}
          reason={t('edit.twofaReason')}
          autoSend
          onVerified={(challengeId) => {
            setNeedsCode(false);
            void save.run(challengeId);
          }}
          onCancel={() => setNeedsCode(false)}
        />
      </Panel>
    );
  }

  const trimmed = label.trim();
  return (
    <Panel title={t('edit.title')} id="edit-session-title" ref={panelRef}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed && permissions.length) void save.run();
        }}
      >
        <TextField
          label={t('create.label')}
          value={label}
          maxLength={SESSION_LABEL_MAX}
          onChange={(event) => setLabel(event.target.value)}
          required
        />
        <div className="create-flow__access">
          <PermissionPicker catalogue={catalogue} value={permissions} onChange={setPermissions} />
          <AccessCard permissions={permissions} catalogue={catalogue} />
        </div>
        {save.error && <ErrorMessage error={save.error} />}
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            busy={save.busy}
            disabled={!trimmed || permissions.length === 0}
          >
            {t('edit.save')}
          </Button>
          <Button variant="ghost" onClick={onDone} disabled={save.busy}>
            {t('create.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
