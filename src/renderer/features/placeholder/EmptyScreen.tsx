import { useTranslation } from 'react-i18next';
import { EmptyState, Screen } from '../../components';
import { useNavigationStore } from '../../stores/navigation';

/** The honest screen for a feature that has not landed: no fake data. */
export function EmptyScreen() {
  const { t } = useTranslation();
  const screen = useNavigationStore((state) => state.screen);
  return (
    <Screen title={t(`nav.${screen}`)}>
      <EmptyState title={t('empty.title')}>
        <p>{t('empty.body')}</p>
      </EmptyState>
    </Screen>
  );
}
