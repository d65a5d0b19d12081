import { z } from 'zod';
import { boundedInt, text } from './text';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  station: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const listAuditInput = z.object({
  entityType: text().max(60).optional(),
  entityId: text().max(200).optional(),
  limit: boundedInt(1, 500, 'The page size').default(100),
  /** Id of the last row of the previous page (newest first). */
  beforeId: text().regex(/^\d{1,18}$/, 'Not a valid position in the log.').optional(),
});
