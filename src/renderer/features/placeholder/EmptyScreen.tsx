import { useTranslation } from 'react-i18next';

/** The honest screen for a feature that has not landed: no fake data. */
export function EmptyScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
    </section>
  );
}
