import { z } from 'zod';

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
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  /** Id of the last row of the previous page (newest first). */
  beforeId: z.string().regex(/^\d+$/).optional(),
});
