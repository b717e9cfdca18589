import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, ReportFormat } from '../../../shared/contract';
import { api, unwrap } from '../../client';
import {
  Alert,
  Button,
  DateField,
  ErrorMessage,
  Panel,
  Select,
  useAsyncAction,
} from '../../components';
import { dayEnd, dayStart } from '../../stores/activity';
import { downloadFile } from '../notes/download';

/** Export the evidence report for a date range, as Markdown or JSON. */
export function ReportExport() {
  const { t } = useTranslation();
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [format, setFormat] = useState<ReportFormat>('markdown');
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [attempted, setAttempted] = useState(false);
  const exporting = useAsyncAction(async () => {
    const exported = await unwrap(
      api().activity.exportReport({ from: dayStart(fromDay)!, to: dayEnd(toDay)!, format }),
    );
    setFile(exported);
    downloadFile(exported);
  });

  const rangeError =
    !fromDay || !toDay
      ? t('activity:report.needRange')
      : fromDay > toDay
        ? t('activity:report.badRange')
        : null;

  return (
    <Panel
      title={t('activity:report.title')}
      description={t('activity:report.description')}
      id="report-title"
    >
      <form
        className="activity-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setAttempted(true);
          setFile(null);
          if (!rangeError) void exporting.run();
        }}
        noValidate
      >
        <DateField
          label={t('activity:report.from')}
          value={fromDay}
          onChange={(e) => setFromDay(e.target.value)}
        />
        <DateField
          label={t('activity:report.to')}
          value={toDay}
          onChange={(e) => setToDay(e.target.value)}
          error={attempted ? rangeError : null}
        />
        <Select
          label={t('activity:report.format')}
          value={format}
          onChange={(e) => setFormat(e.target.value as ReportFormat)}
          options={[
            { value: 'markdown', label: t('activity:report.markdown') },
            { value: 'json', label: t('activity:report.json') },
          ]}
        />
        <Button type="submit" variant="primary" busy={exporting.busy}>
          {t('activity:report.export')}
        </Button>
      </form>
      {exporting.error && <ErrorMessage error={exporting.error} />}
      {file && (
        <Alert
          tone="success"
          actions={
            <Button size="small" onClick={() => downloadFile(file)}>
              {t('activity:report.download', { name: file.fileName })}
            </Button>
          }
        >
          {t('activity:report.ready', { name: file.fileName })}
        </Alert>
      )}
    </Panel>
  );
}
