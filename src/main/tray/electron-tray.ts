import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import {
  buildTrayMenu,
  trayTooltip,
  type OverallState,
  type TrayMenuItem,
  type TrayState,
} from './menu-model';

function toElectron(
  items: TrayMenuItem[],
  onAction: (id: string) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: toElectron(item.items, onAction) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.id) };
    }
  });
}

/** macOS wants monochrome template images; other systems get coloured state icons. */
export function trayIconPath(
  resourcesDir: string,
  overall: OverallState,
  platform: NodeJS.Platform,
): string {
  const name = overall === 'secure' || overall === 'unknown' ? 'normal' : overall;
  const suffix = platform === 'darwin' ? 'Template' : '';
  return path.join(resourcesDir, 'tray', `tray-${name}${suffix}.png`);
}

export class ElectronTray {
  private tray: Tray | null = null;

  constructor(
    private readonly deps: {
      resourcesDir: string;
      platform: NodeJS.Platform;
      onAction: (id: string) => void;
      onClick: () => void;
    },
  ) {}

  render(state: TrayState): void {
    const icon = nativeImage.createFromPath(
      trayIconPath(this.deps.resourcesDir, state.overall, this.deps.platform),
    );
    if (this.deps.platform === 'darwin') icon.setTemplateImage(true);
    if (!this.tray) {
      this.tray = new Tray(icon);
      this.tray.on('click', () => this.deps.onClick());
    } else {
      this.tray.setImage(icon);
    }
    this.tray.setToolTip(trayTooltip(state));
    this.tray.setContextMenu(
      Menu.buildFromTemplate(toElectron(buildTrayMenu(state), this.deps.onAction)),
    );
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }
}
