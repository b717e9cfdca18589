import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Manager } from '../../../shared/domain/manager';
import {
  SESSION_LABEL_MAX,
  SENT_TO_MAX,
  type CreateSessionResult,
  type PermissionCatalogue,
} from '../../../shared/contract/sessions';
import type { AppError } from '../../../shared/errors';
import {
  Alert,
  Button,
  Checkbox,
  DateField,
  ErrorMessage,
  focusFirstIn,
  Panel,
  Select,
  Spinner,
  TextField,
  useAsyncAction,
} from '../../components';
import { api, ClientError, unwrap } from '../../client';
import { useFormat } from '../../format';
import { useSessionsStore } from '../../stores/sessions';
import { TwoFactorStep } from '../twofa/TwoFactorStep';
import { AccessCard } from './AccessCard';
import { PermissionPicker } from './PermissionPicker';
import { localDay } from '../../../shared/domain/calendar';

type Step = 'who' | 'access' | 'confirm' | 'twofa' | 'link';
const DISCLAIMER = ['responsibility', 'support', 'once', 'several'] as const;

function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The guided create flow: who it is for, the access level beside its plain-language card,
 * a review-by date, Fansly's disclaimer, create (with a 2FA step when asked), then the link
 * once. One request id per attempt, so a double click or a retry never creates twice.
 */
export function CreateSessionFlow({
  accountId,
  catalogue,
  existingLabels,
  onClose,
}: {
  accountId: string;
  catalogue: PermissionCatalogue;
  existingLabels: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation('sessions');
  const [step, setStep] = useState<Step>('who');
  const [label, setLabel] = useState('');
  const [managerId, setManagerId] = useState('');
  const [managers, setManagers] = useState<Manager[] | null>(null);
  const [newManager, setNewManager] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [reviewBy, setReviewBy] = useState(() => localDay(new Date(Date.now() + 30 * 86_400_000)));
  const [accepted, setAccepted] = useState(false);
  const [result, setResult] = useState<CreateSessionResult | null>(null);
  const requestId = useRef(newRequestId());
  // Each step replaces the one before, and with it the focused element: the new step's first
  // field takes focus, not <body>. The first step focuses its name field itself (autoFocus).
  const panelRef = useRef<HTMLElement>(null);
  const focusedStep = useRef(step);
  useEffect(() => {
    if (focusedStep.current === step) return;
    focusedStep.current = step;
    focusFirstIn(panelRef.current);
  }, [step]);

  useEffect(() => {
    let alive = true;
    void api()
      .managers.list()
      .then((answer) => {
        if (alive && answer.ok) setManagers(answer.data.filter((m) => !m.offboardedAt));
      });
    return () => {
      alive = false;
    };
  }, []);

  const addManager = useAsyncAction(async () => {
    const created = await unwrap(api().managers.create({ name: newManager.trim() }));
    setManagers((list) => [...(list ?? []), created]);
    setManagerId(created.id);
    setNewManager('');
  });

  const create = useAsyncAction(async (twoFactorChallengeId?: string) => {
    try {
      const answer = await unwrap(
        api().sessions.create({
          accountId,
          requestId: requestId.current,
          label: label.trim(),
          permissions,
          managerId: managerId || null,
          reviewBy: reviewBy || null,
          disclaimerAccepted: true,
          ...(twoFactorChallengeId ? { twoFactorChallengeId } : {}),
        }),
      );
      setResult(answer);
      useSessionsStore.getState().upsert(answer.session);
      useSessionsStore.getState().select(answer.session.id);
      setStep('link');
    } catch (error) {
      const code = error instanceof ClientError ? error.error.code : 'internal';
      if (code === 'twoFactorRequired' && !twoFactorChallengeId) {
        requestId.current = newRequestId();
        setStep('twofa');
        return;
      }
      // 'offline' may mean "not sure it was made": the same id then only looks, never posts.
      if (code !== 'offline') requestId.current = newRequestId();
      throw error;
    }
  });

  const trimmed = label.trim();
  const labelError =
    trimmed.length > SESSION_LABEL_MAX
      ? t('create.labelTooLong', { max: SESSION_LABEL_MAX })
      : null;
  const duplicate = existingLabels.some(
    (l) => l.trim().toLocaleLowerCase() === trimmed.toLocaleLowerCase(),
  );

  if (step === 'link' && result) {
    return <LinkOnce accountId={accountId} result={result} onDone={onClose} />;
  }

  return (
    <Panel
      ref={panelRef}
      title={t('create.title')}
      id="create-session-title"
      className="create-flow"
    >
      <ol className="create-flow__steps" aria-label={t('create.stepsLabel')}>
        {(['who', 'access', 'confirm'] as const).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {i + 1}. {t(`create.steps.${s}`)}
          </li>
        ))}
      </ol>

      {step === 'who' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed && !labelError) setStep('access');
          }}
        >
          <TextField
            label={t('create.label')}
            hint={t('create.labelHint')}
            value={label}
            maxLength={SESSION_LABEL_MAX + 20}
            onChange={(event) => setLabel(event.target.value)}
            error={labelError}
            required
            autoFocus
          />
          {duplicate && (
            <Alert tone="warning" title={t('create.duplicateTitle')}>
              {t('create.duplicateBody')}
            </Alert>
          )}
          {managers === null ? (
            <Spinner />
          ) : (
            <Select
              label={t('create.manager')}
              value={managerId}
              onChange={(event) => setManagerId(event.target.value)}
              options={[
                { value: '', label: t('create.noManager') },
                ...managers.map((m) => ({ value: m.id, label: m.name })),
              ]}
            />
          )}
          <div className="create-flow__inline">
            <TextField
              label={t('create.newManager')}
              value={newManager}
              maxLength={120}
              onChange={(event) => setNewManager(event.target.value)}
            />
            <Button
              disabled={!newManager.trim()}
              busy={addManager.busy}
              onClick={() => void addManager.run()}
            >
              {t('create.addManager')}
            </Button>
          </div>
          {addManager.error && <ErrorMessage error={addManager.error} />}
          <div className="form-actions">
            <Button type="submit" variant="primary" disabled={!trimmed || !!labelError}>
              {t('create.next')}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              {t('create.cancel')}
            </Button>
          </div>
        </form>
      )}

      {step === 'access' && (
        <div>
          <div className="create-flow__access">
            <PermissionPicker catalogue={catalogue} value={permissions} onChange={setPermissions} />
            <AccessCard permissions={permissions} catalogue={catalogue} />
          </div>
          <div className="form-actions">
            <Button variant="ghost" onClick={() => setStep('who')}>
              {t('create.back')}
            </Button>
            <Button
              variant="primary"
              disabled={permissions.length === 0}
              onClick={() => setStep('confirm')}
            >
              {t('create.next')}
            </Button>
          </div>
          {permissions.length === 0 && (
            <p className="field__hint">{t('create.choosePermission')}</p>
          )}
        </div>
      )}

      {step === 'confirm' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (accepted) void create.run();
          }}
        >
          <DateField
            label={t('create.reviewBy')}
            hint={t('create.reviewByHint')}
            value={reviewBy}
            onChange={(event) => setReviewBy(event.target.value)}
          />
          <Alert tone="info" title={t('disclaimer.title')}>
            <ul className="create-flow__disclaimer">
              {DISCLAIMER.map((key) => (
                <li key={key}>{t(`disclaimer.${key}`)}</li>
              ))}
            </ul>
          </Alert>
          <Checkbox
            label={t('disclaimer.accept')}
            checked={accepted}
            onChange={(event) => setAccepted(event.target.checked)}
          />
          {create.error && <CreateError error={create.error} />}
          <div className="form-actions">
            <Button variant="ghost" onClick={() => setStep('access')} disabled={create.busy}>
              {t('create.back')}
            </Button>
            <Button type="submit" variant="primary" disabled={!accepted} busy={create.busy}>
              {t('create.submit')}
            </Button>
          </div>
        </form>
      )}

      {step === 'twofa' && (
        <TwoFactorStep
          accountId={accountId}
          reason={t('create.twofaReason')}
          autoSend
          onVerified={(challengeId) => {
            setStep('confirm');
            void create.run(challengeId);
          }}
          onCancel={() => setStep('confirm')}
        />
      )}
    </Panel>
  );
}

/**
 * Main answers a create with `offline` when it could not tell whether Fansly made the
 * session, so "not created" would be wrong: say it may exist and to check before repeating.
 */
function CreateError({ error }: { error: AppError }) {
  const { t } = useTranslation('sessions');
  if (error.code === 'offline') {
    return (
      <Alert tone="warning" title={t('create.uncertainTitle')}>
        <p data-error-code={error.code}>{t('create.uncertainBody')}</p>
      </Alert>
    );
  }
  return <ErrorMessage error={error} />;
}

/** The link, once: Copy through main (cleared after a minute), where it went, and a warning. */
function LinkOnce({
  accountId,
  result,
  onDone,
}: {
  accountId: string;
  result: CreateSessionResult;
  onDone: () => void;
}) {
  const { t } = useTranslation('sessions');
  const format = useFormat();
  // It replaced the Create button that had focus: its heading takes it, read out first.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [sentTo, setSentTo] = useState('');
  const [copied, setCopied] = useState<number | null>(null);
  const copy = useAsyncAction(async () => {
    if (!result.copyToken) return;
    const answer = await unwrap(api().sessions.copyLink({ copyToken: result.copyToken }));
    setCopied(answer.clearsAfterSeconds);
  });
  const save = useAsyncAction(async () => {
    const session = await unwrap(
      api().sessions.updateDetails({
        accountId,
        sessionId: result.session.id,
        sentTo: sentTo.trim(),
      }),
    );
    useSessionsStore.getState().upsert(session);
    return session;
  });
  const finish = async () => {
    // A note that did not save keeps the view open with the error and what was typed.
    if (sentTo.trim() && sentTo.trim() !== result.session.sentTo && !(await save.run())) return;
    if (result.copyToken) void api().sessions.forgetLink({ copyToken: result.copyToken });
    onDone();
  };

  return (
    <Panel
      title={t('link.title', { label: result.session.label })}
      id="link-once-title"
      headingRef={headingRef}
    >
      {result.link ? (
        <>
          <Alert tone="warning" title={t('link.onceTitle')}>
            {t('link.onceBody')}
          </Alert>
          <TextField
            label={t('link.label')}
            value={result.link}
            readOnly
            onFocus={(event) => event.target.select()}
            data-testid="one-time-link"
          />
          <div className="form-actions">
            <Button variant="primary" busy={copy.busy} onClick={() => void copy.run()}>
              {t('link.copy')}
            </Button>
          </div>
          {copied !== null && (
            <p role="status" data-testid="link-copied">
              {t('link.copied', { seconds: copied })}
            </p>
          )}
          {copy.error && <ErrorMessage error={copy.error} />}
        </>
      ) : result.repeated ? (
        <Alert tone="info" title={t('link.repeatedTitle')}>
          {t('link.repeatedBody')}
        </Alert>
      ) : (
        <Alert tone="danger" title={t('link.lostTitle')}>
          {t('link.lostBody')}
        </Alert>
      )}
      <p>
        {t('link.reviewBy', {
          date: result.session.reviewBy ? format.date(result.session.reviewBy) : '—',
        })}
      </p>
      <TextField
        label={t('link.sentTo')}
        hint={t('link.sentToHint')}
        value={sentTo}
        maxLength={SENT_TO_MAX}
        onChange={(event) => setSentTo(event.target.value)}
      />
      {save.error && <ErrorMessage error={save.error} />}
      <div className="form-actions">
        <Button variant="primary" busy={save.busy} onClick={() => void finish()}>
          {t('link.done')}
        </Button>
      </div>
    </Panel>
  );
}
