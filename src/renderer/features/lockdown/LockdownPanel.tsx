import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockdownRun, LockdownStep } from '../../../shared/contract';
import type { AccountChecklist } from '../../../shared/domain/checklist';
import {
  Alert,
  Badge,
  Button,
  ConfirmDialog,
  ErrorMessage,
  Panel,
  Select,
  Spinner,
  errorText,
  useAsyncAction,
  type BadgeTone,
} from '../../components';
import { useLockdownStore } from '../../stores/lockdown';
import { GuidedSteps } from './GuidedSteps';
import './lockdown.css';

const STEP_TONE: Record<LockdownStep['status'], BadgeTone> = {
  pending: 'neutral',
  running: 'info',
  done: 'good',
  failed: 'danger',
};

/**
 * Lockdown: one confirmation, then every management session revoked and every other login
 * closed, step by step; failed steps can be retried alone; then the steps only the creator
 * can take on fansly.com.
 */
export function LockdownPanel({ accounts }: { accounts: AccountChecklist[] }) {
  const { t } = useTranslation('lockdown');
  const run = useLockdownStore((s) => s.run);
  const loadError = useLockdownStore((s) => s.loadError);
  const close = useAsyncAction(() => useLockdownStore.getState().closePanel());

  return (
    <Panel className="lockdown" id="lockdown-title" title={t('title')}>
      {loadError && <ErrorMessage error={loadError} />}
      {run ? <Progress run={run} /> : <Start accounts={accounts} />}
      {run?.status === 'done' && <GuidedSteps accountIds={run.accountIds} />}
      {run?.status !== 'running' && (
        <div className="lockdown__footer">
          <Button variant="ghost" busy={close.busy} onClick={() => void close.run()}>
            {run ? t('closeFinished') : t('cancel')}
          </Button>
        </div>
      )}
      {close.error && <ErrorMessage error={close.error} />}
    </Panel>
  );
}

function Start({ accounts }: { accounts: AccountChecklist[] }) {
  const { t } = useTranslation('lockdown');
  const [scope, setScope] = useState<string>(
    accounts.length === 1 ? accounts[0]!.accountId : 'all',
  );
  const [confirming, setConfirming] = useState(false);
  const chosen = accounts.find((a) => a.accountId === scope);
  const target = chosen ? chosen.label : t('allAccounts');

  return (
    <>
      <p>{t('intro')}</p>
      <ul className="lockdown__what">
        <li>{t('what.revoke')}</li>
        <li>{t('what.close')}</li>
      </ul>
      {accounts.length > 1 && (
        <Select
          label={t('scopeLabel')}
          value={scope}
          onChange={(event) => setScope(event.target.value)}
          options={[
            { value: 'all', label: t('allAccounts') },
            ...accounts.map((a) => ({ value: a.accountId, label: a.label })),
          ]}
        />
      )}
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('startButton', { target })}
      </Button>
      <ConfirmDialog
        open={confirming}
        variant="danger"
        title={t('confirm.title', { target })}
        confirmLabel={t('confirm.button')}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await useLockdownStore
            .getState()
            .start(chosen ? { scope: 'account', accountId: chosen.accountId } : { scope: 'all' });
          setConfirming(false);
        }}
      >
        <p>{t('confirm.body')}</p>
        <p>{t('confirm.managersOut')}</p>
      </ConfirmDialog>
    </>
  );
}

function Progress({ run }: { run: LockdownRun }) {
  const { t } = useTranslation('lockdown');
  const retry = useAsyncAction(() => useLockdownStore.getState().retry());
  const failed = run.steps.filter((s) => s.status === 'failed').length;
  return (
    <>
      <p role="status" className="lockdown__status" data-status={run.status}>
        {run.status === 'running' && <Spinner label={t('running')} />}{' '}
        {t(`runStatus.${run.status}`)}
      </p>
      <ol className="lockdown__steps" aria-label={t('stepsLabel')}>
        {run.steps.map((step) => (
          <li key={step.id} data-step-status={step.status} data-kind={step.kind}>
            <span className="lockdown__step-text">{stepText(t, step)}</span>{' '}
            <Badge tone={STEP_TONE[step.status]}>{t(`stepStatus.${step.status}`)}</Badge>
            {step.error && (
              <p className="lockdown__step-error">
                {step.error.code === 'unsupported' ? t('unsupported') : errorText(t, step.error)}
              </p>
            )}
          </li>
        ))}
      </ol>
      {run.status === 'failed' && (
        <Alert
          tone="danger"
          title={t('failed.title', { count: failed })}
          actions={
            <Button busy={retry.busy} onClick={() => void retry.run()}>
              {t('failed.retry')}
            </Button>
          }
        >
          {t('failed.body')}
        </Alert>
      )}
      {retry.error && <ErrorMessage error={retry.error} />}
    </>
  );
}

function stepText(
  t: (key: string, options?: Record<string, unknown>) => string,
  step: LockdownStep,
) {
  const account = step.accountLabel;
  switch (step.kind) {
    case 'listSessions':
      return t('step.listSessions', { account });
    case 'revokeSession':
      return t('step.revokeSession', { account, session: step.subjectLabel ?? '' });
    case 'closeLogins':
      return t('step.closeLogins', { account });
  }
}
