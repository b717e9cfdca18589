import { useTranslation } from 'react-i18next';
import { CHECKLIST_LINKS, type ConfirmableItemId } from '../../../shared/domain/checklist';
import { api, unwrap } from '../../client';
import { Alert, Button, ErrorMessage, useAsyncAction } from '../../components';
import { useChecklistStore } from '../../stores/checklist';

const GUIDED: readonly ConfirmableItemId[] = [
  'passwordChanged',
  'twoFactorReAdded',
  'emailSessionsChecked',
];

/** After a lockdown: what only the creator can do, each marked done on the checklist. */
export function GuidedSteps({ accountIds }: { accountIds: string[] }) {
  const { t } = useTranslation('lockdown');
  return (
    <section className="lockdown__guided" aria-labelledby="lockdown-guided-title">
      <h4 id="lockdown-guided-title">{t('guided.title')}</h4>
      <Alert tone="warning" title={t('guided.warningTitle')}>
        {t('guided.warning')}
      </Alert>
      <ol>
        {GUIDED.map((itemId) => (
          <GuidedStep key={itemId} itemId={itemId} accountIds={accountIds} />
        ))}
      </ol>
    </section>
  );
}

function GuidedStep({ itemId, accountIds }: { itemId: ConfirmableItemId; accountIds: string[] }) {
  const { t } = useTranslation('lockdown');
  const state = useChecklistStore((s) => s.state);
  const done = accountIds.every((accountId) => {
    const item = state?.accounts
      .find((a) => a.accountId === accountId)
      ?.items.find((i) => i.id === itemId);
    return item?.status === 'done';
  });
  const open = useAsyncAction(() =>
    unwrap(api().app.openExternal({ url: CHECKLIST_LINKS[itemId] })),
  );
  const mark = useAsyncAction(async () => {
    for (const accountId of accountIds) {
      await useChecklistStore.getState().confirm({ accountId, itemId });
    }
  });
  return (
    <li data-guided={itemId} data-done={done}>
      <p>
        <strong>{t(`guided.${itemId}.title`)}</strong> {t(`guided.${itemId}.how`)}
      </p>
      <div className="lockdown__guided-actions">
        <Button variant="secondary" size="small" busy={open.busy} onClick={() => void open.run()}>
          {t('guided.open')}
        </Button>
        {done ? (
          <span className="lockdown__guided-done">{t('guided.done')}</span>
        ) : (
          <Button size="small" busy={mark.busy} onClick={() => void mark.run()}>
            {t('guided.markDone')}
          </Button>
        )}
      </div>
      {(open.error || mark.error) && <ErrorMessage error={open.error ?? mark.error} />}
    </li>
  );
}
