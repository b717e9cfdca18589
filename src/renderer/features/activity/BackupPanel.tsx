import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary, ExportedFile } from '../../../shared/contract';
import { api, unwrap } from '../../client';
import {
  Alert,
  Button,
  ConfirmDialog,
  ErrorMessage,
  Panel,
  useAsyncAction,
} from '../../components';
import { useFormat } from '../../format';
import { downloadFile } from '../notes/download';

/** A chosen file that main checked: what the summary shows and what a restore sends. */
interface CheckedBackup {
  fileName: string;
  content: string;
  summary: BackupSummary;
}

/**
 * Backup and restore. A restore is two steps: the file is checked and summarised (nothing
 * changes), then, after the creator confirms, staged to replace the data at restart.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState<CheckedBackup | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [staged, setStaged] = useState<{ canRestartNow: boolean } | null>(null);

  const creating = useAsyncAction(async () => {
    const created = await unwrap(api().backup.create());
    setFile(created);
    downloadFile(created);
  });
  // The newest choice wins: a file chosen while another is checked replaces it.
  const inspecting = useAsyncAction(
    async (chosen: File): Promise<CheckedBackup> => {
      const content = await chosen.text();
      const summary = await unwrap(api().backup.inspect({ content }));
      return { fileName: chosen.name, content, summary };
    },
    { latestWins: true },
  );
  const inspect = async (chosen: File) => {
    setChoice(chosen.name);
    setChecked(null);
    setStaged(null);
    const result = await inspecting.run(chosen);
    if (result) setChecked(result);
  };
  const restarting = useAsyncAction(() => unwrap(api().backup.restartNow()));

  return (
    <Panel title={t('backup:title')} description={t('backup:description')} id="backup-title">
      <div className="row-actions">
        <Button variant="primary" busy={creating.busy} onClick={() => void creating.run()}>
          {t('backup:create')}
        </Button>
      </div>
      {creating.error && <ErrorMessage error={creating.error} />}
      {file && (
        <Alert
          tone="success"
          actions={
            <Button size="small" onClick={() => downloadFile(file)}>
              {t('backup:download', { name: file.fileName })}
            </Button>
          }
        >
          {t('backup:ready', { name: file.fileName })}
        </Alert>
      )}

      <div className="field">
        <label htmlFor="backup-restore-file" className="field__label">
          {t('backup:restoreLabel')}
        </label>
        <input
          id="backup-restore-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="backup-restore-hint"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void inspect(chosen);
          }}
        />
        <span id="backup-restore-hint" className="field__hint">
          {t('backup:restoreHint')}
        </span>
      </div>
      {inspecting.busy && <p role="status">{t('backup:checking', { name: choice })}</p>}
      {inspecting.error &&
        (inspecting.error.reason ? (
          // Why this file cannot be restored, in the creator's language.
          <Alert tone="danger">
            <p data-testid="backup-error-detail" data-error-code={inspecting.error.code}>
              {t(`backup:reasons.${inspecting.error.reason}`, {
                defaultValue: t('errors:invalidInput'),
              })}
            </p>
          </Alert>
        ) : (
          <ErrorMessage error={inspecting.error} variant="banner" />
        ))}
      {checked && !staged && (
        <Alert
          tone="info"
          actions={
            <Button variant="danger" size="small" onClick={() => setConfirming(true)}>
              {t('backup:restore')}
            </Button>
          }
        >
          {t('backup:summary', {
            name: checked.fileName,
            date: format.dateTime(checked.summary.createdAt),
            version: checked.summary.appVersion,
            notes: checked.summary.notes,
            managers: checked.summary.managers,
            activity: checked.summary.activityEntries,
          })}
        </Alert>
      )}
      {staged && (
        <Alert
          tone="success"
          actions={
            staged.canRestartNow ? (
              <Button size="small" busy={restarting.busy} onClick={() => void restarting.run()}>
                {t('backup:restartNow')}
              </Button>
            ) : undefined
          }
        >
          {t('backup:staged')} {staged.canRestartNow ? null : t('backup:restartManually')}
        </Alert>
      )}
      {restarting.error && <ErrorMessage error={restarting.error} />}
      <ConfirmDialog
        open={confirming && checked !== null}
        title={t('backup:confirmTitle')}
        confirmLabel={t('backup:confirm')}
        variant="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          const result = await unwrap(
            api().backup.restore({ content: checked!.content, confirm: true }),
          );
          setStaged({ canRestartNow: result.canRestartNow });
          setConfirming(false);
        }}
      >
        <p>{t('backup:confirmBody')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
