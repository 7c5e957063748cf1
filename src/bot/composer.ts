// grammY's Composer with the same methods and order of middleware, but a flat chain.
//
// Why not grammY's own: its `use` nests each middleware in an async `concat` wrapper and its
// `filter` (behind command, callbackQuery, on, chatType, hears) builds a new Composer per
// update per handler it passes (`branch` → `lazy`). An update that reaches a handler deep in
// the bot's few hundred filters keeps all those async frames alive until the handler is done,
// which under load is hundreds of milliseconds: measured on the tap flood
// (bench/inbound.ts), about 280 KB allocated per update and a quarter of the CPU in
// scavenges copying them. Here a chain is an array walked by index, and a filter that does
// not match is stepped over in a loop, so nothing is allocated for the filters an update
// passes. Everything else (lazy, route, fork, errorBoundary, the filter
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

/** A filter or branch kept in the chain as data, so that one that does not match costs a call. */
class Branch<C extends Context> {
  constructor(
    readonly predicate: (ctx: C) => MaybePromise<boolean>,
    readonly yes: MiddlewareFn<C>,
    /** Undefined: pass on to the rest of the chain (a filter). */
    readonly no: MiddlewareFn<C> | undefined,
  ) {}
}

/** A chain's link: a middleware, a nested chain (from `use`), or a branch. */
type Link<C extends Context> = MiddlewareFn<C> | Composer<C> | Branch<C>;

/** The `next` of chain[index]: the rest of the chain, once ("`next` already called before!" twice). */
function nextAfter<C extends Context>(
  chain: Link<C>[],
  index: number,
  ctx: C,
  last: NextFunction,
): NextFunction {
  let called = false;
  return () => {
    if (called) return Promise.reject(new Error("`next` already called before!"));
    called = true;
    return dispatch(chain, index + 1, ctx, last);
  };
}

/**
 * Runs chain[index..] on ctx, then `last`; a middleware that does not call its next ends it.
 * Branches whose predicate answers false at once, and nested chains that are empty, are
 * stepped over in a loop: no closure, no promise, no stack frame for each filter passed.
 */
function dispatch<C extends Context>(
  chain: Link<C>[],
  index: number,
  ctx: C,
  last: NextFunction,
): Promise<void> {
  try {
    for (; index < chain.length; index++) {
      const link = chain[index]!;
      // The same promise when the middleware returned one: no wrapper per level to keep alive.
      if (typeof link === "function")
        return Promise.resolve(link(ctx, nextAfter(chain, index, ctx, last))) as Promise<void>;
      if (link instanceof Composer) {
        if (link.links.length === 0) continue;
        return dispatch(link.links, 0, ctx, nextAfter(chain, index, ctx, last));
      }
      const matched = link.predicate(ctx);
      if (isPromise(matched)) {
        const at = index;
        return Promise.resolve(matched).then(async (ok) => {
          const then = ok ? link.yes : link.no;
          if (then) await then(ctx, nextAfter(chain, at, ctx, last));
          else await dispatch(chain, at + 1, ctx, last);
        });
      }
      const then = matched ? link.yes : link.no;
      if (then) return Promise.resolve(then(ctx, nextAfter(chain, index, ctx, last))) as Promise<void>;
    }
    return last();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * A drop-in for grammY's Composer (same methods, same order of middleware, the same
 * "`next` already called before!" error) whose chain does not nest: see the top of this file.
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  /** The chain, walked by dispatch (read by the dispatch of an enclosing chain). */
  readonly links: Link<C>[];
  private readonly run: MiddlewareFn<C>;

  constructor(...middleware: Middleware<C>[]) {
    super();
    const links: Link<C>[] = middleware.map(toFunction);
    this.links = links;
    this.run = (ctx, next) => dispatch(links, 0, ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    return this.run;
  }

  override use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.links.push(composer);
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.links.push(new Branch(predicate, composer.run, undefined));
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
    // As grammY's: the composer returned holds what is added after the branch, run when it calls next.
    this.links.push(new Branch(predicate, yes, no));
    return this.use();
  }
}
