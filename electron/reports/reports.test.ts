import { describe, expect, it } from 'vitest';
import type { ReportFilters } from '../../shared/reports';
import { utcToZonedLocal } from '../../shared/time';
import { REPORT_NOW, seedReportData } from '../../test/report-data';
import { testDatabaseKinds, useTestCore } from '../../test/test-core';
import { arrivals, attendanceReport, fillReport, moneyReport, registrationsOverTime } from './reports.service';

/*
 * Each figure against a recount in plain code from the rows themselves: the report's SQL and this
 * file share nothing but the tables.
 */

const NOVEMBER: ReportFilters = { from: '2026-11-01', to: '2026-11-30' };
const dayOf = (at: Date | string, zone: string) => utcToZonedLocal(new Date(at).toISOString(), zone).slice(0, 10);

describe.each(testDatabaseKinds())('reports on %s', (kind) => {
  const t = useTestCore(kind, (core) => seedReportData(core.core.ctx.db));
  const db = () => t.core.ctx.db;

  async function rows() {
    const [workshops, registrations, payments, categories, audit] = await Promise.all([
      db().selectFrom('workshop').selectAll().execute(),
      db().selectFrom('registration').selectAll().execute(),
      db().selectFrom('payment').selectAll().execute(),
      db().selectFrom('category').selectAll().execute(),
      db().selectFrom('audit_log').selectAll().execute(),
    ]);
    const events = await db().selectFrom('checkin_event').selectAll().execute();
    return { workshops, registrations, payments, categories, audit, events };
  }

  /** The workshops a filter covers, by the rule written out again: not drafts, local start day in range. */
  function scoped(all: Awaited<ReturnType<typeof rows>>, f: ReportFilters) {
    return all.workshops.filter((w) => {
      const day = dayOf(w.starts_at, w.time_zone);
      return w.status !== 'draft' && day >= f.from && day <= f.to && (!f.categoryId || w.category_id === f.categoryId) && (!f.city || w.city === f.city) && (!f.workshopId || w.id === f.workshopId);
    });
  }

  it('fill: confirmed, pending, waiting and the demand the waiting list showed, per workshop', async () => {
    const all = await rows();
    const report = await fillReport(db(), NOVEMBER);
    const expected = scoped(all, NOVEMBER).map((w) => {
      const regs = all.registrations.filter((r) => r.workshop_id === w.id);
      const wasWaiting = (id: string) => all.audit.some((a) => a.entity_id === id && ((a.after as { status?: string })?.status === 'waitlisted' || (a.before as { status?: string } | null)?.status === 'waitlisted'));
      const promoted = (id: string) => all.audit.some((a) => a.entity_id === id && a.action === 'registration.promote');
      return {
        workshopId: w.id,
        capacity: w.capacity,
        confirmed: regs.filter((r) => r.status === 'confirmed').length,
        pending: regs.filter((r) => r.status === 'pending').length,
        waitlisted: regs.filter((r) => r.status === 'waitlisted').length,
        waited: regs.filter((r) => r.status === 'waitlisted' || wasWaiting(r.id)).length,
        waitedGotSeat: regs.filter((r) => promoted(r.id)).length,
      };
    });
    expect(report.map(({ workshopId, capacity, confirmed, pending, waitlisted, waited, waitedGotSeat }) => ({ workshopId, capacity, confirmed, pending, waitlisted, waited, waitedGotSeat }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(report).toHaveLength(expected.length);
    // The ones a person would look for: the draft and October are out; Berlin had 3 on the list, 1 got a seat.
    expect(report.map((r) => r.workshopId)).not.toContain('w-draft');
    expect(report.map((r) => r.workshopId)).not.toContain('w-october');
    expect(report.find((r) => r.workshopId === 'w-berlin')).toMatchObject({ confirmed: 4, waitlisted: 1, waited: 3, waitedGotSeat: 1 });
  });

  it('a workshop near midnight counts on the day of its own zone', async () => {
    // Auckland 00:30 on the 16th (UTC: the 15th); Los Angeles 23:30 on the 20th (UTC: the 21st).
    expect((await fillReport(db(), { from: '2026-11-16', to: '2026-11-16' })).map((r) => r.workshopId)).toEqual(['w-auckland']);
    expect((await fillReport(db(), { from: '2026-11-15', to: '2026-11-15' })).map((r) => r.workshopId)).toEqual([]);
    expect((await fillReport(db(), { from: '2026-11-20', to: '2026-11-20' })).map((r) => r.workshopId)).toEqual(['w-la']);
    expect((await fillReport(db(), { from: '2026-11-21', to: '2026-11-21' })).map((r) => r.workshopId)).toEqual([]);
  });

  it('money: due, paid, outstanding, refunded, waived per workshop, category and month, each currency apart', async () => {
    const all = await rows();
    const report = await moneyReport(db(), NOVEMBER);
    const inScope = scoped(all, NOVEMBER);
    const voided = new Set(all.payments.filter((p) => p.kind === 'void').map((p) => String(p.voids_id)));
    const figures = (ws: typeof inScope) => {
      const byCurrency = new Map<string, { dueMinor: number; paidMinor: number; outstandingMinor: number; refundedMinor: number; waivedMinor: number }>();
      const line = (c: string) => byCurrency.get(c) ?? byCurrency.set(c, { dueMinor: 0, paidMinor: 0, outstandingMinor: 0, refundedMinor: 0, waivedMinor: 0 }).get(c)!;
      for (const r of all.registrations.filter((x) => ws.some((w) => w.id === x.workshop_id))) {
        const l = line(r.currency);
        if (r.status === 'confirmed') l.dueMinor += r.amount_due_minor;
        if (r.status === 'confirmed' && r.payment_status === 'unpaid') l.outstandingMinor += r.amount_due_minor;
        for (const p of all.payments.filter((x) => x.registration_id === r.id)) {
          const lp = line(p.currency);
          if (p.kind === 'payment' && !voided.has(String(p.id))) lp.paidMinor += p.amount_minor;
          if (p.kind === 'refund') lp.refundedMinor += p.amount_minor;
          if (p.kind === 'waiver') lp.waivedMinor += p.amount_minor;
        }
      }
      return [...byCurrency].map(([currency, f]) => ({ currency, ...f })).sort((a, b) => a.currency.localeCompare(b.currency));
    };
    const strip = <T extends { currency: string }>(xs: T[], key: keyof T) => xs.map((x) => ({ key: x[key], currency: x.currency, dueMinor: (x as never as { dueMinor: number }).dueMinor, paidMinor: (x as never as { paidMinor: number }).paidMinor, outstandingMinor: (x as never as { outstandingMinor: number }).outstandingMinor, refundedMinor: (x as never as { refundedMinor: number }).refundedMinor, waivedMinor: (x as never as { waivedMinor: number }).waivedMinor }));

    const perWorkshop = inScope.flatMap((w) => figures([w]).map((f) => ({ key: w.id, ...f })));
    expect(strip(report.byWorkshop, 'workshopId')).toEqual(expect.arrayContaining(perWorkshop));
    expect(report.byWorkshop).toHaveLength(perWorkshop.length);

    const categoryName = (id: string) => all.categories.find((c) => c.id === id)!.name;
    const perCategory = [...new Set(inScope.map((w) => w.category_id))].flatMap((c) => figures(inScope.filter((w) => w.category_id === c)).map((f) => ({ key: categoryName(c), ...f })));
    expect(strip(report.byCategory, 'category')).toEqual(expect.arrayContaining(perCategory));
    expect(report.byCategory).toHaveLength(perCategory.length);

    const monthOf = (w: (typeof inScope)[number]) => dayOf(w.starts_at, w.time_zone).slice(0, 7);
    const perMonth = [...new Set(inScope.map(monthOf))].flatMap((m) => figures(inScope.filter((w) => monthOf(w) === m)).map((f) => ({ key: m, ...f })));
    expect(strip(report.byMonth, 'month')).toEqual(expect.arrayContaining(perMonth));
    expect(report.byMonth).toHaveLength(perMonth.length);

    // Written out for the eye: Berlin took 2 × €25 (the undone cash payment is not counted), refunded €25, waived €25, owes €25.
    expect(report.byWorkshop.find((r) => r.workshopId === 'w-berlin')).toMatchObject({ currency: 'EUR', dueMinor: 10_000, paidMinor: 7_500, outstandingMinor: 2_500, refundedMinor: 2_500, waivedMinor: 2_500 });
    // Four currencies, four rows for November: never one total.
    expect(report.byMonth.map((r) => r.currency).sort()).toEqual(['EUR', 'JPY', 'NZD', 'USD']);
    // Tables read in order: workshops by start, months and categories by name, then currency.
    const inOrder = <T>(rows: T[], key: (r: T) => string) => expect(rows.map(key)).toEqual(rows.map(key).sort());
    inOrder(report.byMonth, (r) => `${r.month} ${r.currency}`);
    inOrder(report.byWorkshop, (r) => `${r.startsAt} ${r.workshopId} ${r.currency}`);
    inOrder(report.methods, (r) => `${r.currency} ${r.method}`);

    const perMethod = new Map<string, { payments: number; amountMinor: number }>();
    for (const p of all.payments.filter((x) => x.kind === 'payment' && !voided.has(String(x.id)))) {
      const r = all.registrations.find((x) => x.id === p.registration_id)!;
      if (!inScope.some((w) => w.id === r.workshop_id)) continue;
      const k = `${p.currency} ${p.method}`;
      const m = perMethod.get(k) ?? { payments: 0, amountMinor: 0 };
      perMethod.set(k, { payments: m.payments + 1, amountMinor: m.amountMinor + p.amount_minor });
    }
    expect(Object.fromEntries(report.methods.map((m) => [`${m.currency} ${m.method}`, { payments: m.payments, amountMinor: m.amountMinor }]))).toEqual(Object.fromEntries(perMethod));
  });

  it('attendance: checked in of confirmed, and the no-show rate once a workshop has ended', async () => {
    const all = await rows();
    const report = await attendanceReport(db(), NOVEMBER, REPORT_NOW);
    const inScope = scoped(all, NOVEMBER).filter((w) => w.status !== 'cancelled');
    const count = (ws: typeof inScope) => {
      const confirmed = all.registrations.filter((r) => r.status === 'confirmed' && ws.some((w) => w.id === r.workshop_id));
      // Effective check-ins: a check-in event no reversal points at, whatever checkin_id says.
      const reversed = new Set(all.events.filter((e) => e.kind === 'reversal').map((e) => String(e.reverses_id)));
      const came = confirmed.filter((r) => all.events.some((e) => e.registration_id === r.id && e.kind === 'check_in' && !reversed.has(String(e.id))));
      return { confirmed: confirmed.length, checkedIn: came.length };
    };
    const ended = (w: (typeof inScope)[number]) => new Date(w.ends_at).getTime() <= REPORT_NOW.getTime();
    for (const w of inScope) {
      const c = count([w]);
      expect(report.byWorkshop.find((r) => r.workshopId === w.id)).toEqual(expect.objectContaining({ ...c, ended: ended(w), noShowRate: ended(w) && c.confirmed ? (c.confirmed - c.checkedIn) / c.confirmed : null }));
    }
    expect(report.byWorkshop).toHaveLength(inScope.length);
    const past = inScope.filter(ended);
    for (const cat of all.categories) {
      const c = count(past.filter((w) => w.category_id === cat.id));
      if (c.confirmed) expect(report.byCategory.find((r) => r.category === cat.name)).toMatchObject(c);
    }
    for (const city of new Set(past.map((w) => w.city))) expect(report.byCity.find((r) => r.city === city)).toMatchObject(count(past.filter((w) => w.city === city)));
    // Tokyo has not happened yet: no no-show rate; Berlin's first: Cleo's check-in was reversed.
    expect(report.byWorkshop.find((r) => r.workshopId === 'w-tokyo')).toMatchObject({ ended: false, noShowRate: null });
    expect(report.byWorkshop.find((r) => r.workshopId === 'w-berlin')).toMatchObject({ confirmed: 4, checkedIn: 3, noShowRate: 0.25 });
  });

  it('registrations over time: by day and by week of the request in the workshop zone, by state', async () => {
    const all = await rows();
    const f = NOVEMBER;
    for (const per of ['day', 'week'] as const) {
      const report = await registrationsOverTime(db(), { ...f, per });
      const expected = new Map<string, number>();
      for (const r of all.registrations) {
        const w = all.workshops.find((x) => x.id === r.workshop_id)!;
        const day = dayOf(r.requested_at, w.time_zone);
        if (day < f.from || day > f.to) continue;
        const d = new Date(`${day}T00:00:00Z`);
        const period = per === 'day' ? day : new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
        expected.set(`${period} ${r.status}`, (expected.get(`${period} ${r.status}`) ?? 0) + 1);
      }
      expect(Object.fromEntries(report.map((r) => [`${r.period} ${r.status}`, r.count]))).toEqual(Object.fromEntries(expected));
    }
    // Ben asked at 23:50 Berlin time on the 1st (22:50 UTC): the 1st, not the 2nd.
    const days = await registrationsOverTime(db(), { from: '2026-11-01', to: '2026-11-01', per: 'day', workshopId: 'w-berlin' });
    expect(days).toEqual([{ period: '2026-11-01', status: 'confirmed', count: 2 }]);
  });

  it('arrivals: effective check-ins in 5-minute buckets from the start, for one workshop and for one day', async () => {
    const all = await rows();
    const recount = (ws: string[]) => {
      const m = new Map<number, number>();
      for (const r of all.registrations.filter((x) => ws.includes(x.workshop_id) && x.checkin_id)) {
        const e = all.events.find((x) => String(x.id) === String(r.checkin_id))!;
        const w = all.workshops.find((x) => x.id === r.workshop_id)!;
        const b = Math.floor((new Date(e.at).getTime() - new Date(w.starts_at).getTime()) / 300_000) * 5;
        m.set(b, (m.get(b) ?? 0) + 1);
      }
      return [...m].sort((a, b) => a[0] - b[0]).map(([offsetMinutes, checkIns]) => ({ offsetMinutes, checkIns }));
    };
    expect(await arrivals(db(), { ...NOVEMBER, workshopId: 'w-berlin' })).toEqual({ workshops: 1, buckets: recount(['w-berlin']) });
    expect(recount(['w-berlin'])).toEqual([{ offsetMinutes: -15, checkIns: 1 }, { offsetMinutes: 0, checkIns: 2 }]);
    // Hana's first scan at −31 was reversed; the one that counts is at −22.
    expect(await arrivals(db(), { from: '2026-11-16', to: '2026-11-16' })).toEqual({ workshops: 1, buckets: [{ offsetMinutes: -25, checkIns: 1 }] });
  });

  it('filters narrow every figure by category and city', async () => {
    const pottery = await fillReport(db(), { ...NOVEMBER, categoryId: 'cat-pottery' });
    expect(pottery.map((r) => r.workshopId).sort()).toEqual(['w-auckland', 'w-berlin-2', 'w-cancelled']);
    const berlin = await moneyReport(db(), { ...NOVEMBER, city: 'Berlin' });
    expect(new Set(berlin.byWorkshop.map((r) => r.workshopId))).toEqual(new Set(['w-berlin', 'w-berlin-2', 'w-cancelled']));
    expect(berlin.byCategory.map((r) => r.currency)).toEqual(['EUR', 'EUR']);
  });
});
