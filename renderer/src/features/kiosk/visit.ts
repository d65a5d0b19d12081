import { queryClient } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';

/**
 * Ends a visit: the screen goes back to the start at once (nothing of the visitor stays on it),
 * every query result this visit loaded is dropped from memory, the kiosk's store forgets the forms'
 * results and the signed-in name, the history entries of the visit lead nowhere, and whoever signed
 * in is signed out in the main process.
 */
export async function endVisit(): Promise<void> {
  useKiosk.getState().clearVisit();
  queryClient.clear();
  await kioskApi.signOut();
}

