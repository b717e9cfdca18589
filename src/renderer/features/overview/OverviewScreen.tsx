import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Overview } from '../../../shared/contract';
import {
  Alert,
  Button,
  EmptyState,
  ErrorMessage,
  Panel,
  Screen,
  Select,
  Spinner,
  StatusPill,
} from '../../components';
import { useFormat } from '../../format';
import { afterPaint } from '../../hooks/afterPaint';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useNavigationStore } from '../../stores/navigation';
import { useOverviewStore } from '../../stores/overview';
import { useSelectionStore } from '../../stores/selection';
import { useSessionsStore } from '../../stores/sessions';
import { accountLabel } from '../accounts/account-label';
import { AccessList } from './AccessList';
import './overview.css';

const go = (screen: 'accounts' | 'sessions' | 'checklist', tab?: 'management' | 'logins') =>
  useNavigationStore.getState().navigate(screen, { focus: true, tab });

/**
 * The start screen: who can get into the account, with what power, and whether it is locked
 * down, at a glance; every part leads to the screen where it can be acted on. Its data comes
 * in one answer from main (asked for before React loads, see main.tsx); stale lists are then
 * refreshed from the gateway in the background.
 */
export function OverviewScreen() {
  const { t } = useTranslation('overview');
  const overview = useOverviewStore((s) => s.overview);
  const loadError = useOverviewStore((s) => s.loadError);
  const selected = useSelectionStore((s) => s.selectedAccountId);

  useEffect(() => {
    const shown = useOverviewStore.getState().overview;
    if (shown === null || (selected !== null && selected !== shown.accountId)) {
      void useOverviewStore.getState().load();
    }
  }, [selected]);
  const shownAccount = overview?.accountId ?? null;
  // Asks the gateway (and main to write) only once the screen is painted: the start screen
  // shows the last-known lists first, then their refresh.
  useEffect(() => {
    if (shownAccount) return afterPaint(() => void useOverviewStore.getState().refreshStale());
  }, [shownAccount]);
  // 'settings': the staleness limits change the security card's checklist result.
  useStateTopic(
    ['vault', 'accounts', 'sessions', 'loginSessions', 'checklist', 'managers', 'settings'],
    () => void useOverviewStore.getState().load(),
  );

  if (!overview) {
    return loadError ? (
      <ErrorMessage
        error={loadError}
        variant="banner"
        actions={
          <Button onClick={() => void useOverviewStore.getState().load()}>
            {t('common:retry')}
          </Button>
        }
      />
    ) : (
      <Spinner />
    );
  }
  const account = overview.accounts.find((a) => a.accountId === overview.accountId);
  if (!overview.keySet || !account) {
    // A first run starts on Accounts (see main.tsx); this is for a key removed or an account
    // disconnected since.
    const missing = overview.keySet ? 'noAccount' : 'noKey';
    return (
      <Screen title={t('title')} description={t('description')}>
        {loadError && <ErrorMessage error={loadError} variant="banner" />}
        <EmptyState
          title={t(`${missing}.title`)}
          action={
            <Button variant="primary" onClick={() => go('accounts')}>
              {t(`${missing}.action`)}
            </Button>
          }
        >
          <p>{t(`${missing}.body`)}</p>
        </EmptyState>
      </Screen>
    );
  }
  return <AccountOverview overview={overview} account={account} />;
}

function AccountOverview({ overview, account }: { overview: Overview; account: Account }) {
  const { t } = useTranslation('overview');
  const format = useFormat();
  const loadError = useOverviewStore((s) => s.loadError);
  const { management, logins, security, lockdown } = overview;
  const managerNames = useMemo(
    () => new Map(overview.managers.map((m) => [m.id, m.name])),
    [overview.managers],
  );
  const active = management?.active ?? [];
  const notFromDoorman = active.filter((s) => !s.createdInDoorman && s.source === 'gateway');
  // Nothing listed yet (or recorded by hand): "0" and an all-clear would be claims never checked.
  const accessUnchecked = active.length === 0 && !management?.asOf && management?.mode !== 'manual';
  const loginsUnchecked =
    !logins || (logins.open === 0 && (logins.mode === 'manual' || logins.asOf === null));
  const notChecked = <span className="overview-card__unchecked">{t('cards.notChecked')}</span>;

  const openSession = (sessionId: string) => {
    const sessions = useSessionsStore.getState();
    // open() switches the sessions screen to this account first (which clears its selection).
    if (sessions.accountId !== account.accountId) void sessions.open(account.accountId);
    sessions.select(sessionId);
    go('sessions', 'management');
  };

  return (
    <Screen
      title={t('title')}
      description={
        <span data-testid="overview-as-of">
          @{account.username}
          {' · '}
          {management?.asOf ? format.asOf(management.asOf) : t('neverRefreshed')}
        </span>
      }
      actions={<AccountPicker accounts={overview.accounts} shown={account.accountId} />}
    >
      {loadError && <ErrorMessage error={loadError} variant="banner" />}
      {lockdown?.status === 'running' && (
        <Alert tone="warning" title={t('lockdown.running')}>
          <Button onClick={() => go('checklist')}>{t('lockdown.follow')}</Button>
        </Alert>
      )}
      {/* Also after a restart: a lockdown Doorman was closed during comes back as failed. */}
      {lockdown?.status === 'failed' && (
        <Alert tone="danger" title={t('lockdown.failed')}>
          <Button onClick={() => go('checklist')}>{t('lockdown.review')}</Button>
        </Alert>
      )}
      {management?.offline && (
        <Alert tone="warning" title={t('offline.title')}>
          {t('offline.body')}
        </Alert>
      )}

      <div className="overview-cards">
        <SummaryCard
          title={t('cards.access.title')}
          figure={accessUnchecked ? notChecked : active.length}
          action={
            <Button onClick={() => go('sessions', 'management')}>{t('cards.access.action')}</Button>
          }
        >
          {management?.mode === 'manual'
            ? t('cards.access.manual')
            : accessUnchecked
              ? t('cards.access.notChecked')
              : notFromDoorman.length > 0
                ? t('cards.access.notFromDoorman', { count: notFromDoorman.length })
                : t('cards.access.detail', { count: active.length })}
        </SummaryCard>
        <SummaryCard
          title={t('cards.logins.title')}
          figure={loginsUnchecked ? notChecked : logins.open}
          tone={logins && logins.unrecognised > 0 ? 'danger' : undefined}
          action={
            <Button onClick={() => go('sessions', 'logins')}>{t('cards.logins.action')}</Button>
          }
        >
          {loginsUnchecked
            ? t(logins?.mode === 'manual' ? 'cards.logins.noneRecorded' : 'cards.logins.notChecked')
            : logins.unrecognised > 0
              ? t('cards.logins.unrecognised', { count: logins.unrecognised })
              : t('cards.logins.allRecognised')}
        </SummaryCard>
        <SummaryCard
          title={t('cards.security.title')}
          figure={<StatusPill state={security?.overall ?? 'unknown'} />}
          action={<Button onClick={() => go('checklist')}>{t('cards.security.action')}</Button>}
        >
          {security
            ? security.needsAttention > 0
              ? t('cards.security.open', {
                  count: security.needsAttention,
                  total: security.total,
                })
              : t('cards.security.allDone')
            : t('cards.security.unknown')}
        </SummaryCard>
      </div>

      <Panel title={t('who.title')} id="overview-who" description={t('who.description')}>
        {active.length === 0 ? (
          <p className="overview-nobody">
            {management?.asOf || management?.mode === 'manual' ? t('who.nobody') : t('who.notYet')}
          </p>
        ) : (
          <AccessList sessions={active} managerNames={managerNames} onOpen={openSession} />
        )}
      </Panel>
    </Screen>
  );
}

function SummaryCard({
  title,
  figure,
  tone,
  action,
  children,
}: {
  title: string;
  figure: ReactNode;
  tone?: 'danger';
  action: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`overview-card${tone ? ` overview-card--${tone}` : ''}`}>
      <h3>{title}</h3>
      <div className="overview-card__figure">{figure}</div>
      <p>{children}</p>
      {action}
    </section>
  );
}

/** Which account the app shows (every screen follows); only with more than one. */
function AccountPicker({ accounts, shown }: { accounts: Account[]; shown: string }) {
  const { t } = useTranslation('overview');
  if (accounts.length < 2) return null;
  return (
    <Select
      label={t('account')}
      value={shown}
      onChange={(event) => useSelectionStore.getState().selectAccount(event.target.value || null)}
      options={accounts.map((a) => ({ value: a.accountId, label: accountLabel(a) }))}
    />
  );
}
