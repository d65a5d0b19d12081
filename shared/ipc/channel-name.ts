/** The one IPC channel the preload and the main process use for every call (kept apart so the preload bundles nothing else). */
export const IPC_INVOKE = 'api:invoke';
