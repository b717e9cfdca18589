import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_GATEWAY_BASE_URL,
  checkGatewayBaseUrl,
  type Settings,
} from '../../../shared/contract';
import { Button, Panel, TextField, errorText, useAsyncAction } from '../../components';
import { useSettingsStore } from '../../stores/settings';

/**
 * The gateway's address. Checked here with the same rule main uses, so a mistake is
 * explained before anything is sent; main still checks again.
 */
export function GatewayPanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((state) => state.update);
  // null: not edited, so the field follows the saved value (e.g. changed from elsewhere).
  const [draft, setDraft] = useState<string | null>(null);
  // The rule that failed, not its sentence, so a language switch re-translates it.
  const [problem, setProblem] = useState<Exclude<
    ReturnType<typeof checkGatewayBaseUrl>,
    'ok'
  > | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? settings.gatewayBaseUrl;

  const save = useAsyncAction(async (url: string) => {
    await update({ gatewayBaseUrl: url });
    setDraft(null);
    setSaved(true);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = value.trim();
    const verdict = url === '' ? 'notUrl' : checkGatewayBaseUrl(url);
    setSaved(false);
    if (verdict !== 'ok') {
      save.reset();
      setProblem(verdict);
      return;
    }
    setProblem(null);
    void save.run(url);
  };

  const fieldError = problem
    ? t(`gateway.problem.${problem}`)
    : save.error
      ? errorText(t, save.error)
      : null;
  const dirty = draft !== null && draft.trim() !== settings.gatewayBaseUrl;

  return (
    <Panel title={t('gateway.title')} id="settings-gateway" description={t('gateway.description')}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('gateway.url')}
          hint={t('gateway.urlHint')}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          error={fieldError}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
            setSaved(false);
          }}
        />
        <div className="settings__row">
          <Button type="submit" variant="primary" busy={save.busy} disabled={!dirty}>
            {t('common:save')}
          </Button>
          {settings.gatewayBaseUrl !== DEFAULT_GATEWAY_BASE_URL && (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(DEFAULT_GATEWAY_BASE_URL);
                setProblem(null);
                setSaved(false);
              }}
            >
              {t('gateway.useDefault')}
            </Button>
          )}
          <span role="status" className="settings__saved">
            {saved ? t('saved') : ''}
          </span>
        </div>
      </form>
    </Panel>
  );
}
