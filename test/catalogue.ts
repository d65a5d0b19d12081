import type { InputOf } from '../shared/ipc/contract';
import type { WorkshopDetail } from '../shared/workshops';
import type { TestCore } from './test-core';

/** A valid workshop form, a given number of days from the test clock's today. */
export function workshopForm(t: TestCore, categoryId: string, over: Partial<InputOf<'workshops:create'>> & { inDays?: number } = {}): InputOf<'workshops:create'> {
  const { inDays = 10, ...rest } = over;
  const day = new Date(t.clock.now().getTime() + inDays * 86_400_000).toISOString().slice(0, 10);
  return {
    title: 'Intro to Watercolour',
    summary: 'Loose, bright landscapes.',
    description: 'Paper and paints provided.',
    categoryId,
    tags: ['painting'],
    city: 'Berlin',
    venue: 'Studio 4',
    address: '',
    instructor: 'Mara Klein',
    startsLocal: `${day}T10:00`,
    endsLocal: `${day}T13:00`,
    timeZone: 'Europe/Berlin',
    capacity: 12,
    priceMinor: 2500,
    currency: 'EUR',
    registrationMode: 'automatic',
    waitlistEnabled: false,
    ...rest,
  };
}

/** Start and end for a workshop `minutes` from the test clock's now (in UTC, to the minute). */
export function startingIn(t: TestCore, minutes: number, durationMinutes = 120): Pick<InputOf<'workshops:create'>, 'startsLocal' | 'endsLocal' | 'timeZone'> {
  const at = (m: number) => new Date(Math.floor((t.clock.now().getTime() + m * 60_000) / 60_000) * 60_000).toISOString().slice(0, 16);
  return { startsLocal: at(minutes), endsLocal: at(minutes + durationMinutes), timeZone: 'UTC' };
}

export async function category(t: TestCore, name: string): Promise<string> {
  return (await t.must('admin', 'categories:create', { name })).id;
}

export async function publishedWorkshop(t: TestCore, categoryId: string, over: Parameters<typeof workshopForm>[2] = {}): Promise<WorkshopDetail> {
  const w = await t.must('admin', 'workshops:create', workshopForm(t, categoryId, over));
  return t.must('admin', 'workshops:publish', { id: w.id });
}
