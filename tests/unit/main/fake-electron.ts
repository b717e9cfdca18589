import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Clipboard,
  CustomScheme,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Net,
  NotificationConstructorOptions,
  Protocol,
  SafeStorage,
  Settings,
  Shell,
} from 'electron';

/**
 * A recording stand-in for the slice of Electron's main-process API that `src/main/index.ts`
 * and the platform adapters call, for `vi.doMock('electron', () => fake.module)`. Each piece
 * is checked against electron.d.ts (`satisfies` / `implements`), and keeps the rules the real
 * one enforces where breaking them is a bug: windows and protocol handlers only after ready,
 * privileged schemes only before it, a second handler per channel refused, a closing window
 * that prevents `close` cancels `app.quit()`, an app with no `window-all-closed` listener
 * quits when its last window goes. Using a destroyed window or tray throws "Object has been
 * destroyed" in Electron; here it is recorded in `misuse` instead, so a test can see it
 * without an error escaping from code the app runs unawaited.
 */

/** The preventable event Electron passes to `close`, `before-quit` and `will-quit`. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => void (event.defaultPrevented = true),
  };
  return event;
}

export interface FakeElectronOptions {
  /** What `app.requestSingleInstanceLock()` answers (false: another instance runs). */
  singleInstanceLock?: boolean;
  isPackaged?: boolean;
  /** Command-line switches Chromium/Electron was started with (`app.commandLine.hasSwitch`). */
  switches?: string[];
  locale?: string;
  /** `app.getPath(name)`; a name not given throws, so nothing writes to a real profile. */
  paths?: Partial<Record<Parameters<App['getPath']>[0], string>>;
  online?: boolean;
  notificationsSupported?: boolean;
  /** What Linux's `safeStorage.getSelectedStorageBackend()` reports. */
  storageBackend?: ReturnType<SafeStorage['getSelectedStorageBackend']>;
  encryptionAvailable?: boolean;
}

type ProtocolHandler = Parameters<Protocol['handle']>[1];
type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export interface FakeMenuItem {
  label: string;
  type: NonNullable<MenuItemConstructorOptions['type']>;
  enabled: boolean;
  submenu?: FakeMenu;
  /** What the OS does when the user picks the item: nothing when it is disabled. */
  click(): void;
}

export interface FakeMenu {
  items: FakeMenuItem[];
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

export function createFakeElectron(options: FakeElectronOptions = {}) {
  /** Notable calls in order ('app.ready' marks the moment `whenReady` resolves). */
  const calls: string[] = [];
  /** Calls Electron would refuse with "Object has been destroyed". */
  const misuse: string[] = [];
  let ready = false;
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  const windows: FakeBrowserWindow[] = [];
  let quittingViaApp = false;

  class FakeApp extends EventEmitter {
    readonly isPackaged = options.isPackaged ?? false;
    readonly commandLine = {
      hasSwitch: (name: string) => (options.switches ?? []).includes(name),
    } satisfies Pick<Electron.CommandLine, 'hasSwitch'>;
    quitCount = 0;
    readonly loginItemSettings: Settings[] = [];
    readonly #paths = new Map<string, string>(Object.entries(options.paths ?? {}));

    requestSingleInstanceLock() {
      calls.push('app.requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    whenReady() {
      calls.push('app.whenReady');
      return whenReady;
    }
    isReady() {
      return ready;
    }
    /** As Electron: before-quit, then every window is closed (one that refuses cancels the quit), then will-quit. */
    quit() {
      calls.push('app.quit');
      this.quitCount += 1;
      const beforeQuit = fakeEvent();
      this.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) return;
      quittingViaApp = true;
      try {
        for (const window of [...windows]) {
          window.close();
          if (!window.destroyed) return;
        }
      } finally {
        quittingViaApp = false;
      }
      const willQuit = fakeEvent();
      this.emit('will-quit', willQuit);
      if (!willQuit.defaultPrevented) calls.push('app.exited');
    }
    relaunch() {
      calls.push('app.relaunch');
    }
    getPath(name: Parameters<App['getPath']>[0]) {
      const value = this.#paths.get(name);
      if (value === undefined) throw new Error(`fake electron: no '${name}' path was given`);
      return value;
    }
    setPath(name: string, value: string) {
      calls.push(`app.setPath:${name}`);
      this.#paths.set(name, value);
    }
    getName() {
      return 'Doorman';
    }
    getVersion() {
      return '0.0.0-fake';
    }
    getLocale() {
      return options.locale ?? 'en-US';
    }
    setLoginItemSettings(settings: Settings) {
      this.loginItemSettings.push(settings);
    }
  }
  const app = new FakeApp() satisfies Pick<
    App,
    | 'requestSingleInstanceLock'
    | 'whenReady'
    | 'isReady'
    | 'quit'
    | 'relaunch'
    | 'getPath'
    | 'setPath'
    | 'getName'
    | 'getVersion'
    | 'getLocale'
    | 'setLoginItemSettings'
    | 'isPackaged'
  >;

  let nextWebContentsId = 1;
  class FakeWebContents extends EventEmitter {
    readonly id = nextWebContentsId++;
    /** `[channel, ...args]` of every `send`. */
    readonly sent: unknown[][] = [];
    readonly mainFrame = { url: '' };
    windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
    destroyed = false;

    send(channel: string, ...args: unknown[]) {
      if (this.destroyed) misuse.push(`webContents.send(${channel}) after destroy`);
      this.sent.push([channel, ...args]);
    }
    setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]) {
      this.windowOpenHandler = handler;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  class FakeBrowserWindow
    extends EventEmitter
    implements
      Pick<
        BrowserWindow,
        | 'loadURL'
        | 'show'
        | 'hide'
        | 'focus'
        | 'isMinimized'
        | 'minimize'
        | 'restore'
        | 'isVisible'
        | 'close'
        | 'destroy'
        | 'isDestroyed'
      >
  {
    readonly #contents = new FakeWebContents();
    visible: boolean;
    minimized = false;
    focusCount = 0;
    destroyed = false;

    constructor(readonly options: BrowserWindowConstructorOptions = {}) {
      super();
      if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
      this.visible = options.show ?? true;
      windows.push(this);
      // Electron announces every WebContents, the main window's included.
      app.emit('web-contents-created', fakeEvent(), this.#contents);
    }
    get webContents() {
      this.#use('webContents');
      return this.#contents;
    }
    #use(what: string) {
      if (this.destroyed) misuse.push(`BrowserWindow.${what} after destroy`);
    }
    async loadURL(url: string) {
      this.#use('loadURL');
      this.#contents.mainFrame.url = url;
    }
    show() {
      this.#use('show');
      this.visible = true;
    }
    hide() {
      this.#use('hide');
      this.visible = false;
    }
    focus() {
      this.#use('focus');
      this.focusCount += 1;
    }
    isMinimized() {
      this.#use('isMinimized');
      return this.minimized;
    }
    minimize() {
      this.minimized = true;
    }
    restore() {
      this.#use('restore');
      this.minimized = false;
      this.visible = true;
    }
    isVisible() {
      return this.visible;
    }
    /** The close button (or app.quit): `close` may be prevented; otherwise the window is destroyed. */
    close() {
      const event = fakeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.visible = false;
      this.#contents.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      this.emit('closed');
      if (windows.length === 0 && !quittingViaApp) {
        // Electron's default, unless someone listens: the last window closing quits.
        if (app.listenerCount('window-all-closed') === 0) app.quit();
        else app.emit('window-all-closed');
      }
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  const privilegedSchemes: CustomScheme[] = [];
  const protocolHandlers = new Map<string, ProtocolHandler>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: CustomScheme[]) {
      if (ready)
        throw new Error('registerSchemesAsPrivileged should be called before app is ready');
      calls.push('protocol.registerSchemesAsPrivileged');
      privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler) {
      if (!ready) throw new Error('The protocol module can only be used after app is ready');
      if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      calls.push(`protocol.handle:${scheme}`);
      protocolHandlers.set(scheme, handler);
    },
  } satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

  const fetched: string[] = [];
  const net = {
    /**
     * file: URLs are read from disk. A missing file rejects, as Chromium's file loader fails
     * the request (net::ERR_FILE_NOT_FOUND) rather than answering 404. Anything else is a
     * blocked network.
     */
    async fetch(input: string | Request) {
      const url = typeof input === 'string' ? input : input.url;
      fetched.push(url);
      if (!url.startsWith('file:')) throw new TypeError(`fake electron: no network (${url})`);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(fileURLToPath(url));
      } catch {
        throw new Error('net::ERR_FILE_NOT_FOUND');
      }
      return new Response(new Uint8Array(bytes), { status: 200 });
    },
    isOnline: () => options.online ?? true,
  } satisfies Pick<Net, 'fetch' | 'isOnline'>;

  const defaultSession = {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null) {
      defaultSession.permissionCheckHandler = handler;
    },
  };
  const session = {
    get defaultSession() {
      if (!ready) throw new Error('Session can only be received when app is ready');
      return defaultSession;
    },
  };

  const openedExternally: string[] = [];
  const shell = {
    async openExternal(url: string) {
      openedExternally.push(url);
    },
  } satisfies Pick<Shell, 'openExternal'>;

  const ipcHandlers = new Map<string, InvokeListener>();
  const ipcMain = {
    handle(channel: string, listener: InvokeListener) {
      if (ipcHandlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel);
    },
  } satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

  class FakeNativeImage {
    #template = false;
    constructor(readonly path: string) {}
    setTemplateImage(option: boolean) {
      this.#template = option;
    }
    isTemplateImage() {
      return this.#template;
    }
    /** Electron gives an empty image for a path it cannot read. */
    isEmpty() {
      return !fs.existsSync(this.path);
    }
  }
  const nativeImage = {
    createFromPath: (path: string) => new FakeNativeImage(path),
  };

  const buildMenu = (template: MenuItemConstructorOptions[]): FakeMenu => ({
    items: template.map((options) => {
      if (options.label === undefined && options.role === undefined && options.type === undefined)
        throw new Error(
          'Invalid template for MenuItem: must have at least one of label, role or type',
        );
      const submenu = Array.isArray(options.submenu) ? buildMenu(options.submenu) : undefined;
      const item: FakeMenuItem = {
        label: options.label ?? '',
        type: options.type ?? (submenu ? 'submenu' : 'normal'),
        enabled: options.enabled ?? true,
        ...(submenu ? { submenu } : {}),
        click: () => {
          if (item.enabled && item.type === 'normal')
            options.click?.(item as never, undefined, {} as never);
        },
      };
      return item;
    }),
  });
  const Menu = { buildFromTemplate: buildMenu };

  const trays: FakeTray[] = [];
  class FakeTray extends EventEmitter {
    /** Every tooltip set, oldest first. */
    readonly toolTips: string[] = [];
    contextMenu: FakeMenu | null = null;
    destroyed = false;
    constructor(public image: FakeNativeImage) {
      super();
      if (!ready) throw new Error('Cannot create Tray before app is ready');
      trays.push(this);
    }
    #use(what: string) {
      if (this.destroyed) misuse.push(`Tray.${what} after destroy`);
    }
    setImage(image: FakeNativeImage) {
      this.#use('setImage');
      this.image = image;
    }
    setToolTip(toolTip: string) {
      this.#use('setToolTip');
      this.toolTips.push(toolTip);
    }
    setContextMenu(menu: FakeMenu | null) {
      this.#use('setContextMenu');
      this.contextMenu = menu;
    }
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }

  /** Only weakly held, so a test can tell whether the app keeps its notifications alive. */
  const notifications: WeakRef<FakeNotification>[] = [];
  const shownNotifications: NotificationConstructorOptions[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported() {
      return options.notificationsSupported ?? true;
    }
    constructor(readonly options: NotificationConstructorOptions = {}) {
      super();
      notifications.push(new WeakRef(this));
    }
    show() {
      shownNotifications.push(this.options);
    }
  }

  const clipboardState = { text: '', reads: 0 };
  const clipboard = {
    writeText: async (text: string) => void (clipboardState.text = text),
    readText: async () => {
      clipboardState.reads += 1;
      return clipboardState.text;
    },
    clear: () => void (clipboardState.text = ''),
  } satisfies Pick<Clipboard, 'writeText' | 'readText' | 'clear'>;

  const backendAsked: string[] = [];
  const safeStorage = {
    getSelectedStorageBackend: () => {
      backendAsked.push('getSelectedStorageBackend');
      return options.storageBackend ?? 'gnome_libsecret';
    },
    isAsyncEncryptionAvailable: async () => options.encryptionAvailable ?? true,
    encryptStringAsync: async (plain: string) =>
      Buffer.concat([Buffer.from('FAKE:'), Buffer.from(plain, 'utf8').reverse()]),
    decryptStringAsync: async (encrypted: Buffer) => {
      if (encrypted.subarray(0, 5).toString() !== 'FAKE:')
        throw new Error('Error while decrypting');
      return {
        shouldReEncrypt: false,
        result: Buffer.from(encrypted.subarray(5)).reverse().toString('utf8'),
      };
    },
  } satisfies Pick<
    SafeStorage,
    | 'getSelectedStorageBackend'
    | 'isAsyncEncryptionAvailable'
    | 'encryptStringAsync'
    | 'decryptStringAsync'
  >;

  return {
    /**
     * What `import ... from 'electron'` gives the code under test. Typed loosely on the way
     * out (each piece is checked above): its classes carry EventEmitter's static side, whose
     * types the declaration output cannot name.
     */
    module: {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain,
      net,
      protocol,
      session,
      shell,
      Tray: FakeTray,
      Menu,
      nativeImage,
      Notification: FakeNotification,
      clipboard,
      safeStorage,
    } as Record<string, unknown>,
    app,
    calls,
    misuse,
    windows,
    trays,
    privilegedSchemes,
    protocolHandlers,
    fetched,
    defaultSession,
    openedExternally,
    ipcHandlers,
    notifications,
    shownNotifications,
    clipboardState,
    backendAsked,
    /** The moment Electron emits `ready` and `whenReady()` resolves. */
    becomeReady() {
      ready = true;
      calls.push('app.ready');
      app.emit('ready');
      markReady();
    },
    /** Electron's side of a renderer's `ipcRenderer.invoke`, from the given sender and frame. */
    invoke(
      channel: string,
      sender: { id: number; mainFrame: unknown },
      frame: { url: string } | null,
      ...args: unknown[]
    ) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`no handler for '${channel}'`);
      const event = { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
      return handler(event, ...args) as Promise<unknown>;
    },
  };
}

export type FakeWindow = FakeElectron['windows'][number];
