import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerDraft } from '../../../shared/contract';
import type { Manager } from '../../../shared/domain/manager';
import {
  Button,
  DateField,
  ErrorMessage,
  Panel,
  TextField,
  useAsyncAction,
} from '../../components';

interface Values {
  name: string;
  organisation: string;
  contact: string;
  role: string;
  contractStart: string;
  contractEnd: string;
  noticePeriodDays: string;
}

function valuesOf(manager: Manager | null): Values {
  return {
    name: manager?.name ?? '',
    organisation: manager?.organisation ?? '',
    contact: manager?.contact ?? '',
    role: manager?.role ?? '',
    contractStart: manager?.contractStart ?? '',
    contractEnd: manager?.contractEnd ?? '',
    noticePeriodDays: manager?.noticePeriodDays?.toString() ?? '',
  };
}

/** Create or edit a manager; checks what it can before asking main (which checks again). */
export function ManagerForm({
  manager,
  onSubmit,
  onCancel,
}: {
  manager: Manager | null;
  onSubmit: (draft: ManagerDraft) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(manager));
  const [touched, setTouched] = useState(false);
  const save = useAsyncAction(onSubmit);

  const notice = values.noticePeriodDays.trim();
  const noticeNumber = notice === '' ? null : Number(notice);
  const errors = {
    name: values.name.trim() ? null : t('managers:form.nameRequired'),
    contractEnd:
      values.contractStart && values.contractEnd && values.contractEnd < values.contractStart
        ? t('managers:form.endBeforeStart')
        : null,
    noticePeriodDays:
      noticeNumber === null ||
      (Number.isInteger(noticeNumber) && noticeNumber >= 0 && noticeNumber <= 3650)
        ? null
        : t('managers:form.noticeInvalid'),
  };
  const valid = !errors.name && !errors.contractEnd && !errors.noticePeriodDays;

  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) =>
      setValues({ ...values, [key]: event.target.value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    void save.run({
      name: values.name.trim(),
      organisation: values.organisation.trim(),
      contact: values.contact.trim(),
      role: values.role.trim(),
      contractStart: values.contractStart || null,
      contractEnd: values.contractEnd || null,
      noticePeriodDays: noticeNumber,
    });
  };

  return (
    <Panel title={manager ? t('managers:form.editTitle') : t('managers:form.createTitle')}>
      <form onSubmit={submit} noValidate>
        <div className="manager-form__grid">
          <TextField
            label={t('managers:form.name')}
            required
            maxLength={120}
            error={touched ? errors.name : null}
            {...field('name')}
          />
          <TextField
            label={t('managers:form.organisation')}
            maxLength={120}
            {...field('organisation')}
          />
          <TextField
            label={t('managers:form.contact')}
            hint={t('managers:form.contactHint')}
            maxLength={200}
            {...field('contact')}
          />
          <TextField label={t('managers:form.role')} maxLength={120} {...field('role')} />
          <DateField label={t('managers:form.contractStart')} {...field('contractStart')} />
          <DateField
            label={t('managers:form.contractEnd')}
            error={errors.contractEnd}
            {...field('contractEnd')}
          />
          <TextField
            label={t('managers:form.noticePeriodDays')}
            inputMode="numeric"
            error={errors.noticePeriodDays}
            {...field('noticePeriodDays')}
          />
        </div>
        {save.error && <ErrorMessage error={save.error} />}
        <div className="row-actions">
          <Button type="submit" variant="primary" busy={save.busy}>
            {t('managers:form.save')}
          </Button>
          <Button onClick={onCancel}>{t('managers:form.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );
}
