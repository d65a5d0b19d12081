import { z } from 'zod';
import type { Audience, Surface } from '../roles';

/**
 * What a call does to stored state, so a retry is always safe:
 * - 'read' changes nothing;
 * - 'write' changes state once: it must carry a client-generated request id, its outcome is stored
 *   with the change, and a repeat of the same id returns that outcome instead of acting again;
 * - 'repeatable' changes state in a way that is harmless to repeat (signing in or out, setting a
 *   value again, a fresh temporary password replacing one nobody saw).
 */
export type Effect = 'read' | 'write' | 'repeatable';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  effect: Effect;
  /** Parsed in the main process on every call; the renderer reuses it for instant feedback. */
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
  /** Who may call it. 'public' admits signed-out callers too. */
  audience: readonly Audience[];
  /** Which windows may call it; organiser channels leave out 'kiosk'. */
  surfaces: readonly Surface[];
  /** Still callable by an account that must change its password first. */
  allowedBeforePasswordChange?: boolean;
  /** Also open to anyone while the database has no account at all (the first-run screen). */
  openDuringFirstRun?: boolean;
}

export const output = <T>(): T => undefined as unknown as T;

/** Keeps the literal effect, so the type of the write channels can be read off the contract. */
export const channel = <I extends z.ZodType, O, E extends Effect>(def: ChannelDef<I, O> & { effect: E }): ChannelDef<I, O> & { effect: E } => def;

/** For channels that take nothing: accepts `{}` or nothing at all. */
export const noInput = z.object({}).strict().optional();

export const EVERYWHERE: readonly Surface[] = ['workstation', 'kiosk'];
export const WORKSTATION: readonly Surface[] = ['workstation'];
export const KIOSK: readonly Surface[] = ['kiosk'];
export const SIGNED_IN: readonly Audience[] = ['admin', 'staff', 'attendee'];
export const ADMIN: readonly Audience[] = ['admin'];
export const ORGANISERS: readonly Audience[] = ['admin', 'staff'];
