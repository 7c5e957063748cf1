// grammY's Composer with the same methods and order of middleware, but a flat chain.
//
// Why not grammY's own: its `use` nests each middleware in an async `concat` wrapper and its
// `filter` (behind command, callbackQuery, on, chatType, hears) builds a new Composer per
// update per handler it passes (`branch` → `lazy`). An update that reaches a handler deep in
// the bot's few hundred filters keeps all those async frames alive until the handler is done,
// which under load is hundreds of milliseconds: measured on the tap flood
// (bench/inbound.ts), about 280 KB allocated per update and a quarter of the CPU in
// scavenges copying them. Here a chain is an array walked by index, and a filter that does
// not match calls `next` directly, so nothing is allocated for the handlers an update passes
// but a `next` closure each. Everything else (lazy, route, fork, errorBoundary, the filter
// queries themselves) is grammY's, inherited unchanged.
import {
  type Context,
  Composer as GrammyComposer,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}

/** The function of a middleware; an object's (a plain grammY Composer) asked at each call, as grammY does. */
function toFunction<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  if (typeof middleware === "function") return middleware;
  if (middleware instanceof Composer) return middleware.middleware();
  return (ctx, next) => middleware.middleware()(ctx, next);
}

/** Runs chain[index..] on ctx, then `last`; a middleware that does not call its next ends it. */
function dispatch<C extends Context>(
  chain: MiddlewareFn<C>[],
  index: number,
  ctx: C,
  last: NextFunction,
): Promise<void> {
  if (index === chain.length) return last();
  let called = false;
  const next: NextFunction = () => {
    if (called) return Promise.reject(new Error("`next` already called before!"));
    called = true;
    return dispatch(chain, index + 1, ctx, last);
  };
  try {
    // The same promise when the middleware returned one: no wrapper per level to keep alive.
    return Promise.resolve(chain[index]!(ctx, next)) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

/**
 * A drop-in for grammY's Composer (same methods, same order of middleware, the same
 * "`next` already called before!" error) whose chain does not nest: see the top of this file.
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  private readonly chain: MiddlewareFn<C>[];
  private readonly run: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    super();
    const chain = middleware.map(toFunction);
    this.chain = chain;
    this.run = (ctx, next) => dispatch(chain, 0, ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.chain.push(composer.run);
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.branch(predicate, composer, pass as MiddlewareFn<C>);
    return composer;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    const yes = toFunction(Array.isArray(trueMiddleware) ? new Composer(...trueMiddleware) : trueMiddleware);
    const no = toFunction(
      Array.isArray(falseMiddleware) ? new Composer(...falseMiddleware) : falseMiddleware,
    );
    return this.use((ctx, next) => {
      const matched = predicate(ctx);
      if (isPromise(matched)) return matched.then((ok) => (ok ? yes : no)(ctx, next));
      return (matched ? yes : no)(ctx, next);
    });
  }
}
