import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

// The IpcRendererEvent is never handed to the page: it would expose `sender`.
const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (channel, listener) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);
