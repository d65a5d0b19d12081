import { webContents } from 'electron';
import { IPC_EVENT } from '../../shared/ipc/channel-name';
import type { Core } from '../core/create-core';
import { surfaceOf } from './windows';

/**
 * Passes every station's app events on to the windows that may receive them (by their surface and
 * the role of whoever is signed in there) — never to a window that may not.
 */
export function forwardEvents(core: Core): () => void {
  return core.events.subscribe((name, payload) => {
    for (const wc of webContents.getAllWebContents()) {
      const surface = surfaceOf(wc.id);
      if (!surface || wc.isDestroyed() || !core.mayReceive(`wc:${wc.id}`, surface, name)) continue;
      wc.send(IPC_EVENT, name, payload);
    }
  });
}
