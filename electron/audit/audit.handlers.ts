import type { DomainHandlers } from '../core/handler';
import { listAudit } from './audit.service';

export const auditHandlers: DomainHandlers<'audit'> = {
  'audit:list': ({ ctx, input }) => listAudit(ctx.db, input),
};
