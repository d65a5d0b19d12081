import { z } from 'zod';
import type { Audience, Surface } from '../roles';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
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

export const channel = <I extends z.ZodType, O>(def: ChannelDef<I, O>): ChannelDef<I, O> => def;

/** For channels that take nothing: accepts `{}` or nothing at all. */
export const noInput = z.object({}).strict().optional();

export const EVERYWHERE: readonly Surface[] = ['workstation', 'kiosk'];
export const WORKSTATION: readonly Surface[] = ['workstation'];
export const SIGNED_IN: readonly Audience[] = ['admin', 'staff', 'attendee'];
export const ADMIN: readonly Audience[] = ['admin'];
export const ORGANISERS: readonly Audience[] = ['admin', 'staff'];
