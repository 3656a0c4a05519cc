import type { Channel, OutputOf, ParsedInputOf } from '../../shared/contract';

export type Handler<C extends Channel> = (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** The handlers of one domain: every channel whose name starts with `<domain>:`. */
export type HandlerMap<Domain extends string> = { [C in Channel as C extends `${Domain}:${string}` ? C : never]: Handler<C> };

export type Handlers = { [C in Channel]: Handler<C> };
