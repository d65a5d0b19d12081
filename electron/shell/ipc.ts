import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_INVOKE } from '../../shared/ipc/channel-name';
import type { Dispatch } from '../core/dispatch';
import { surfaceOf } from './windows';

/** The only ipcMain handler: checks who is asking, then hands the call to the shared dispatcher. */
export function registerIpc(getDispatch: () => Dispatch | null, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown, meta: unknown): Promise<Result<unknown>> => {
    const surface = surfaceOf(event.sender.id);
    // Only our own page in our own windows may call: not an iframe, not a page navigated elsewhere.
    if (!surface || !event.senderFrame || event.senderFrame !== event.sender.mainFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not use the app.' } };
    }
    const dispatch = getDispatch();
    if (!dispatch) return { ok: false, error: { code: 'UNAVAILABLE', message: 'The app is still starting. Try again in a moment.' } };
    return dispatch({ clientId: `wc:${event.sender.id}`, surface }, channel, input, meta);
  });
}
