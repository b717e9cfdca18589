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

/**
 * Backup and restore. A restore is two steps: the file is checked and summarised (nothing
 * changes), then, after the creator confirms, staged to replace the data at restart.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [staged, setStaged] = useState<{ canRestartNow: boolean } | null>(null);

  const creating = useAsyncAction(async () => {
    const created = await unwrap(api().backup.create());
    setFile(created);
    downloadFile(created);
  });
  const inspecting = useAsyncAction(async (chosen: File) => {
    setSummary(null);
    setStaged(null);
    const text = await chosen.text();
    setContent(text);
    setSummary(await unwrap(api().backup.inspect({ content: text })));
  });
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
            if (chosen) void inspecting.run(chosen);
          }}
        />
        <span id="backup-restore-hint" className="field__hint">
          {t('backup:restoreHint')}
        </span>
      </div>
      {inspecting.busy && <p role="status">{t('backup:checking')}</p>}
      {inspecting.error && <ErrorMessage error={inspecting.error} variant="banner" />}
      {inspecting.error?.message && (
        <p className="field__hint" data-testid="backup-error-detail">
          {inspecting.error.message}
        </p>
      )}
      {summary && !staged && (
        <Alert
          tone="info"
          actions={
            <Button variant="danger" size="small" onClick={() => setConfirming(true)}>
              {t('backup:restore')}
            </Button>
          }
        >
          {t('backup:summary', {
            date: format.dateTime(summary.createdAt),
            version: summary.appVersion,
            notes: summary.notes,
            managers: summary.managers,
            activity: summary.activityEntries,
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
        open={confirming && content !== null}
        title={t('backup:confirmTitle')}
        confirmLabel={t('backup:confirm')}
        variant="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          const result = await unwrap(api().backup.restore({ content: content!, confirm: true }));
          setStaged({ canRestartNow: result.canRestartNow });
          setConfirming(false);
        }}
      >
        <p>{t('backup:confirmBody')}</p>
      </ConfirmDialog>
    </Panel>
  );
}
