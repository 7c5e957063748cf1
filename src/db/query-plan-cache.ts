// Remembers the query plans Prisma's query compiler makes.
//
// Prisma Client 6.19.3 with a driver adapter (engine "client") compiles every query, each
// time it runs, in its WebAssembly query compiler: about 1.7 ms of CPU per query on these
// machines, a quarter of the test suite's CPU and the largest single cost of an update that
// goes through Prisma. Prisma 7 caches plans, but cannot be installed here (see
// ../shared/docs/prisma-offline.md), and 6.19.3 has no option for it, so this module wraps
// the compiler's `compile` with a bounded LRU map keyed by the query's JSON text.
//
// Why this is safe: a plan is a function of the query text and the schema alone. Values are
// in the text, so two queries with one text have one plan. Prisma-side defaults (now(),
// uuid()) would stay in a plan as "generatorCall" nodes that the executor evaluates on each
// run (client.js interprets them), and this schema has none: the code passes every time.
// The cached plans are frozen, so an executor that wrote to one would throw rather than
// change the next run's plan (the test suite runs every query path with the cache on).
import type { Dialect } from "./client.js";

/** The most plans kept per dialect; the least recently used is dropped first. */
export const QUERY_PLAN_CACHE_SIZE = 2000;
/** Queries longer than this (characters of JSON) are compiled every time: bulk writes whose text is unique. */
export const QUERY_PLAN_MAX_KEY_CHARS = 8000;

interface Compiler {
  compile(query: string): unknown;
}

interface CompilerRuntime {
  QueryCompiler: { prototype: Compiler & { __planCache?: PlanCacheStats } };
}

/** How often the cache of one dialect answered (hits) or compiled (misses) since start. */
export interface PlanCacheStats {
  hits: number;
  misses: number;
  size: () => number;
}

const installed = new Map<Dialect, PlanCacheStats>();

/** Freezes `value` and everything in it (plans are plain JSON-like trees). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Wraps `QueryCompiler.prototype.compile` of `dialect`'s runtime (from
 * `@prisma/client/runtime/query_compiler_bg.<dialect>.mjs`, the module Prisma's generated client
 * loads) with the plan cache; calling it again for a dialect changes nothing. Returns the
 * cache's counters. Throws what importing the runtime throws.
 */
export async function installQueryPlanCache(dialect: Dialect): Promise<PlanCacheStats> {
  const known = installed.get(dialect);
  if (known) return known;
  const runtime = (await (dialect === "sqlite"
    ? import("@prisma/client/runtime/query_compiler_bg.sqlite.mjs")
    : import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs"))) as unknown as CompilerRuntime;
  const proto = runtime.QueryCompiler.prototype;
  if (proto.__planCache) {
    installed.set(dialect, proto.__planCache);
    return proto.__planCache;
  }
  const compile = proto.compile;
  const plans = new Map<string, unknown>();
  const stats: PlanCacheStats = { hits: 0, misses: 0, size: () => plans.size };
  proto.compile = function cachedCompile(this: Compiler, query: string): unknown {
    if (query.length > QUERY_PLAN_MAX_KEY_CHARS) return compile.call(this, query);
    const plan = plans.get(query);
    if (plan !== undefined) {
      stats.hits++;
      // Map keeps insertion order: moving a hit to the end makes the first key the least recent.
      plans.delete(query);
      plans.set(query, plan);
      return plan;
    }
    stats.misses++;
    const made = deepFreeze(compile.call(this, query));
    plans.set(query, made);
    if (plans.size > QUERY_PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value as string);
    return made;
  };
  proto.__planCache = stats;
  installed.set(dialect, stats);
  return stats;
}
