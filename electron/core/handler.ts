import type { Channel, OutputOf, ParsedInputOf } from '../../shared/ipc/contract';
import type { Caller } from './caller';
import type { CoreContext } from './context';

export interface HandlerArgs<C extends Channel> {
  input: ParsedInputOf<C>;
  caller: Caller;
  ctx: CoreContext;
}

export type Handler<C extends Channel> = (args: HandlerArgs<C>) => Promise<OutputOf<C>>;

/** All handlers of one domain: the type demands one for every '<domain>:*' channel in the contract. */
export type DomainHandlers<D extends string> = { [C in Extract<Channel, `${D}:${string}`>]: Handler<C> };

export type Handlers = { [C in Channel]: Handler<C> };

/**
 * How a repeated 'write' request gets its answer when only the entity it made was stored
 * (single-statement writes, see core/requests.ts): read that entity again.
 */
export type Replayer<C extends Channel> = (args: { ctx: CoreContext; caller: Caller; entityId: string }) => Promise<OutputOf<C>>;

export type Replayers = { [C in Channel]?: Replayer<C> };
