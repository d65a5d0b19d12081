/** The one IPC channel the preload and the main process use for every call (kept apart so the preload bundles nothing else). */
export const IPC_INVOKE = 'api:invoke';
/** The one channel main → renderer events arrive on (name and payload inside). */
export const IPC_EVENT = 'api:event';
