import type { TFunction } from 'i18next';
import { createMainTranslator } from '../platform/i18n';

export type OverallState = 'secure' | 'attention' | 'atRisk' | 'unknown';

export type TrayMenuItem =
  | { kind: 'action'; id: string; label: string; enabled: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] };

/** What the tray shows; features add to it (accounts, sessions) as they land. */
export interface TrayState {
  language: 'en' | 'ru';
  overall: OverallState;
  /** Extra sections contributed by features, shown between the state line and Quit. */
  sections: TrayMenuItem[][];
}

const resources = {
  en: {
    tray: {
      open: 'Open Doorman',
      quit: 'Quit Doorman',
      state: {
        secure: 'Account secure',
        attention: 'Needs attention',
        atRisk: 'At risk: open Doorman',
        unknown: 'Security state unknown',
      },
      tooltip: 'Doorman: {{state}}',
    },
  },
  ru: {
    tray: {
      open: 'Открыть Doorman',
      quit: 'Выйти из Doorman',
      state: {
        secure: 'Аккаунт защищён',
        attention: 'Требует внимания',
        atRisk: 'Под угрозой: откройте Doorman',
        unknown: 'Состояние защиты неизвестно',
      },
      tooltip: 'Doorman: {{state}}',
    },
  },
} as const;

const translate = createMainTranslator(resources, 'tray');

export function trayT(language: 'en' | 'ru'): TFunction {
  return translate(language);
}

/** Pure: the same state always gives the same menu, so it is unit tested without Electron. */
export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  const t = trayT(state.language);
  const items: TrayMenuItem[] = [
    { kind: 'action', id: 'open', label: t('open'), enabled: true },
    { kind: 'label', label: t(`state.${state.overall}`) },
  ];
  for (const section of state.sections) {
    if (section.length === 0) continue;
    items.push({ kind: 'separator' }, ...section);
  }
  items.push(
    { kind: 'separator' },
    { kind: 'action', id: 'quit', label: t('quit'), enabled: true },
  );
  return items;
}

export function trayTooltip(state: TrayState): string {
  const t = trayT(state.language);
  return t('tooltip', { state: t(`state.${state.overall}`) });
}
