import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE } from '../shared/ipc/channel-name';
import type { Api } from '../shared/ipc/contract';

// The whole surface the renderer gets: one typed `invoke`. Channel checks, input validation and
// access control all happen in the main process.
const api: Api = {
  invoke: (channel, input, meta) => ipcRenderer.invoke(IPC_INVOKE, channel, input, meta),
};

contextBridge.exposeInMainWorld('api', api);
