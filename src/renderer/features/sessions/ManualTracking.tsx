import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FANSLY_LOGIN_SESSIONS_URL,
  FANSLY_MANAGEMENT_URL,
  SESSION_LABEL_MAX,
  type PermissionCatalogue,
} from '../../../shared/contract/sessions';
import {
  Alert,
  Button,
  DateField,
  ErrorMessage,
  Panel,
  TextField,
  useAsyncAction,
} from '../../components';
import { api, unwrap } from '../../client';
import { useSessionsStore } from '../../stores/sessions';
import { AccessCard } from './AccessCard';
import { PermissionPicker } from './PermissionPicker';
import { localDay } from '../../../shared/domain/calendar';

/** Buttons that open fansly.com's own pages (paths assumed: Fansly documents no deep links). */
export function OpenOnFansly({ which }: { which: 'management' | 'sessions' }) {
  const { t } = useTranslation('sessions');
  const url = which === 'management' ? FANSLY_MANAGEMENT_URL : FANSLY_LOGIN_SESSIONS_URL;
  const open = useAsyncAction(async () => {
    await unwrap(api().app.openExternal({ url }));
  });
  return (
    <>
      <Button onClick={() => void open.run()} busy={open.busy}>
        {which === 'management' ? t('manual.openManagement') : t('manual.openSessions')}
      </Button>
      {open.error && <ErrorMessage error={open.error} />}
    </>
  );
}

/** The clearly labelled fallback when the gateway has no session routes. */
export function ManualTrackingBanner() {
  const { t } = useTranslation('sessions');
  return (
    <Alert tone="info" title={t('manual.title')}>
      <p>{t('manual.body')}</p>
      <div className="form-actions">
        <OpenOnFansly which="management" />
      </div>
    </Alert>
  );
}

/** Records a session the creator made on fansly.com: name, access level, date, manager. */
export function RecordManualForm({
  accountId,
  catalogue,
  managers,
  onDone,
}: {
  accountId: string;
  catalogue: PermissionCatalogue;
  managers: readonly { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation('sessions');
  const [label, setLabel] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [createdOn, setCreatedOn] = useState(() => localDay(new Date()));
  const [managerId, setManagerId] = useState('');
  const record = useAsyncAction(async () => {
    const session = await unwrap(
      api().sessions.recordManual({
        accountId,
        label: label.trim(),
        permissions,
        createdOn,
        managerId: managerId || null,
      }),
    );
    useSessionsStore.getState().upsert(session);
    useSessionsStore.getState().select(session.id);
    onDone();
  });
  return (
    <Panel title={t('manual.recordTitle')} id="record-manual-title">
      <p>{t('manual.recordHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (label.trim() && createdOn) void record.run();
        }}
      >
        <TextField
          label={t('create.label')}
          value={label}
          maxLength={SESSION_LABEL_MAX}
          onChange={(event) => setLabel(event.target.value)}
          required
        />
        <DateField
          label={t('manual.createdOn')}
          value={createdOn}
          onChange={(event) => setCreatedOn(event.target.value)}
          required
        />
        <label className="field__label" htmlFor="manual-manager">
          {t('create.manager')}
        </label>
        <select
          id="manual-manager"
          className="field__control field__control--select"
          value={managerId}
          onChange={(event) => setManagerId(event.target.value)}
        >
          <option value="">{t('create.noManager')}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <div className="create-flow__access">
          <PermissionPicker catalogue={catalogue} value={permissions} onChange={setPermissions} />
          <AccessCard permissions={permissions} catalogue={catalogue} />
        </div>
        {record.error && <ErrorMessage error={record.error} />}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={record.busy} disabled={!label.trim()}>
            {t('manual.record')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('create.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
