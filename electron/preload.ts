import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../shared/ipc/channel-name';
import type { Api } from '../shared/ipc/contract';

// The whole surface the renderer gets: one typed `invoke`, and `on` for the events the main process
// decided this window may receive. Channel checks, input validation and access control all happen in
// the main process.
const api: Api = {
  invoke: (channel, input, meta) => ipcRenderer.invoke(IPC_INVOKE, channel, input, meta),
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
