import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGIN_DEVICE_MAX, LOGIN_NOTE_MAX } from '../../../shared/contract/logins';
import {
  Button,
  Checkbox,
  DateField,
  ErrorMessage,
  Panel,
  TextField,
  useAsyncAction,
} from '../../components';
import { api, unwrap } from '../../client';
import { useLoginsStore } from '../../stores/logins';

/**
 * Manual tracking: records a login session the creator saw on fansly.com (device, place,
 * IP, last used, whether it is them, a note). Kept as a hand-made record, never as the gateway's.
 */
export function RecordManualLoginForm({
  accountId,
  onDone,
}: {
  accountId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('logins');
  const [device, setDevice] = useState('');
  const [city, setCity] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [ip, setIp] = useState('');
  const [lastUsedOn, setLastUsedOn] = useState('');
  const [recognised, setRecognised] = useState(false);
  const [note, setNote] = useState('');
  const record = useAsyncAction(async () => {
    await unwrap(
      api().logins.recordManual({
        accountId,
        device: device.trim(),
        city: city.trim() || null,
        countryCode: countryCode.trim() || null,
        ip: ip.trim() || null,
        lastUsedOn: lastUsedOn || null,
        recognised,
        note: note.trim(),
      }),
    );
    await useLoginsStore.getState().reload();
    onDone();
  });
  return (
    <Panel title={t('manual.recordTitle')} id="record-manual-login-title">
      <p>{t('manual.recordHint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (device.trim()) void record.run();
        }}
      >
        <TextField
          label={t('manual.device')}
          value={device}
          maxLength={LOGIN_DEVICE_MAX}
          onChange={(event) => setDevice(event.target.value)}
          required
        />
        <TextField
          label={t('manual.city')}
          value={city}
          maxLength={120}
          onChange={(event) => setCity(event.target.value)}
        />
        <TextField
          label={t('manual.country')}
          value={countryCode}
          maxLength={10}
          onChange={(event) => setCountryCode(event.target.value)}
        />
        <TextField
          label={t('manual.ip')}
          value={ip}
          maxLength={100}
          onChange={(event) => setIp(event.target.value)}
        />
        <DateField
          label={t('manual.lastUsedOn')}
          value={lastUsedOn}
          onChange={(event) => setLastUsedOn(event.target.value)}
        />
        <Checkbox
          label={t('manual.isMe')}
          checked={recognised}
          onChange={(event) => setRecognised(event.target.checked)}
        />
        <TextField
          label={t('manual.note')}
          value={note}
          maxLength={LOGIN_NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
        />
        {record.error && <ErrorMessage error={record.error} />}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={record.busy} disabled={!device.trim()}>
            {t('manual.record')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('manual.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
