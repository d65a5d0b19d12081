import { QueryClient } from '@tanstack/react-query';
import type { Result } from '../../../shared/errors';
import { onReconnect } from '../features/connection/connection.store';
import { onEvent } from './events';

/** A refused call, as react-query sees it: the Result's error, kept whole for the screen to show. */
export class ApiError extends Error {
  constructor(readonly error: Extract<Result<unknown>, { ok: false }>['error']) {
    super(error.message);
  }
}

/** For a query function: the data, or an ApiError carrying the code and field messages. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new ApiError(r.error);
  return r.data;
}

/**
 * Server state in the renderer (lists, counts, search results) lives here, loaded through the
 * features' *.api.ts. Events from the main process say what changed; the queries about it are
 * marked stale and read again — so another station's check-in shows without a reload.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

onEvent('registrations:changed', ({ workshopId }) => {
  void queryClient.invalidateQueries({ queryKey: ['workshop', workshopId] });
  void queryClient.invalidateQueries({ queryKey: ['desk'] });
  // The approval queue spans every workshop.
  void queryClient.invalidateQueries({ queryKey: ['queue'] });
});
// Notifications may have been missed while the line was down: read everything again.
onEvent('app:resync', () => void queryClient.invalidateQueries());
onReconnect(() => void queryClient.invalidateQueries());
