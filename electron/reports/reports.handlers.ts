import type { DomainHandlers } from '../core/handler';
import { exportToFile, saveSignInSheet } from './exports.service';
import { arrivals, attendanceReport, fillReport, moneyReport, registrationsOverTime } from './reports.service';

export const reportsHandlers: DomainHandlers<'reports'> = {
  'reports:fill': ({ ctx, input }) => fillReport(ctx.db, input),
  'reports:money': ({ ctx, input }) => moneyReport(ctx.db, input),
  'reports:attendance': ({ ctx, input }) => attendanceReport(ctx.db, input, ctx.now()),
  'reports:registrations': ({ ctx, input }) => registrationsOverTime(ctx.db, input),
  'reports:arrivals': ({ ctx, input }) => arrivals(ctx.db, input),
  'reports:export': ({ ctx, caller, input }) => exportToFile(ctx, caller, input),
  'reports:signInSheet': ({ ctx, caller, input }) => saveSignInSheet(ctx, caller, input),
};
