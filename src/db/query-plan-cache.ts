// Remembers the query plans Prisma's query compiler makes for reads that repeat.
//
// Prisma Client 6.19.3 with a driver adapter (engine "client") compiles every query, each
// time it runs, in its WebAssembly query compiler: 0.6–1.7 ms of CPU per query on these
// machines (a quiet process vs the test suite's busy workers), a quarter of the test suite's
// CPU. Prisma 7 caches plans, but cannot be installed here (../shared/docs/prisma-offline.md)
// and 6.19.3 has no option for it, so this module wraps the compiler's `compile` with a
// bounded LRU map keyed by the query's JSON text. Hand-written because no library can reach
// inside Prisma's runtime; it is a few lines over a Map.
//
// Why a plan can be reused: a plan is a function of the query text, the schema and what the
// compiler was built with (the datamodel, the provider, the adapter's connection info). Values
// are in the text, so two queries with one text have one plan; Prisma-side defaults (now(),
// uuid()) would stay in a plan as "generatorCall" nodes that the executor evaluates on each
// run, and this schema has none. This project has one schema and one kind of adapter per
// dialect (PrismaPg without a `schema` option), so one cache per dialect is right; a second
// schema or adapter option per dialect would need a cache per compiler. Plans are frozen, so
// an executor that wrote to one would throw instead of changing the next run's plan.
//
// What is kept: only reads (find…, count, aggregate, groupBy; writes carry new values and
// people's text every time), and only on their second sighting, so that a one-off read (a new
// user's id) takes no room. Batched reads (Prisma's `compileBatch`: findUniques in one tick,
// array transactions) and texts over QUERY_PLAN_MAX_KEY_CHARS are compiled every time.
import { createRequire } from "node:module";
import type { Dialect } from "./client.js";

/** The most plans kept per dialect (about 2–12 KiB each); the least recently used goes first. */
export const QUERY_PLAN_CACHE_SIZE = 500;
/** Queries longer than this (characters of JSON) are compiled every time. */
export const QUERY_PLAN_MAX_KEY_CHARS = 8000;
/** How many once-seen texts are remembered (as 32-bit hashes) while waiting for a second sighting. */
const SEEN_ONCE_LIMIT = 10_000;

/** How often the cache answered (hits) or compiled (misses) since start, and its size. */
export interface PlanCacheStats {
  hits: number;
  misses: number;
  size: () => number;
}

export interface PlanCacheOptions {
  maxPlans: number;
  maxKeyChars: number;
}

const READ_ACTION = /^\{"modelName":"[^"]*","action":"(?:find\w*|count|aggregate|groupBy)"/;

/** FNV-1a over the text's UTF-16 code units (RFC draft-eastlake-fnv): the once-seen set's key. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Freezes `value` and everything in it (plans are plain JSON-like trees). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * `compile` (query JSON text → plan) with the cache in front: a read's plan is kept from its
 * second compilation on, frozen, in an LRU map of at most `maxPlans`; anything else, and texts
 * over `maxKeyChars` characters, goes straight to `compile`. Returns the wrapped function and
 * its counters. What `compile` throws is thrown, and nothing is kept.
 */
export function withPlanCache(
  compile: (this: unknown, query: string) => unknown,
  { maxPlans, maxKeyChars }: PlanCacheOptions,
): { compile: (this: unknown, query: string) => unknown; stats: PlanCacheStats } {
  const plans = new Map<string, unknown>();
  const seenOnce = new Set<number>();
  const stats: PlanCacheStats = { hits: 0, misses: 0, size: () => plans.size };
  // `this` is the compiler the call came to: a kept plan serves every compiler of the runtime.
  function cached(this: unknown, query: string): unknown {
    if (typeof query !== "string" || query.length > maxKeyChars || !READ_ACTION.test(query))
      return compile.call(this, query);
    const plan = plans.get(query);
    if (plan !== undefined) {
      stats.hits++;
      // Map keeps insertion order: moving a hit to the end makes the first key the least recent.
      plans.delete(query);
      plans.set(query, plan);
      return plan;
    }
    stats.misses++;
    const made = compile.call(this, query);
    const hash = fnv1a(query);
    if (!seenOnce.has(hash)) {
      if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear();
      seenOnce.add(hash);
      return made;
    }
    seenOnce.delete(hash);
    plans.set(query, deepFreeze(made));
    if (plans.size > maxPlans) plans.delete(plans.keys().next().value as string);
    return made;
  }
  return { compile: cached, stats };
}

interface CompilerRuntime {
  QueryCompiler: { prototype: { compile(query: string): unknown; __planCache?: PlanCacheStats } };
}

const unsupported: PlanCacheStats = { hits: 0, misses: 0, size: () => 0 };

/**
 * Wraps `QueryCompiler.prototype.compile` of `dialect`'s runtime (from
 * `@prisma/client/runtime/query_compiler_bg.<dialect>.mjs`, the module Prisma's generated client
 * loads) with the plan cache (withPlanCache, QUERY_PLAN_CACHE_SIZE plans); a second call for a
 * dialect changes nothing and returns the same counters. Installs nothing (and returns zero
 * counters) for a Prisma Client other than 6.19.x, whose runtime this was written against.
 * Throws what importing the runtime throws.
 */
export async function installQueryPlanCache(dialect: Dialect): Promise<PlanCacheStats> {
  const { version } = createRequire(import.meta.url)("@prisma/client/package.json") as { version: string };
  if (!version.startsWith("6.19.")) return unsupported;
  const runtime = (await (dialect === "sqlite"
    ? import("@prisma/client/runtime/query_compiler_bg.sqlite.mjs")
    : import("@prisma/client/runtime/query_compiler_bg.postgresql.mjs"))) as unknown as CompilerRuntime;
  const proto = runtime.QueryCompiler.prototype;
  if (!proto.__planCache) {
    const { compile, stats } = withPlanCache(proto.compile, {
      maxPlans: QUERY_PLAN_CACHE_SIZE,
      maxKeyChars: QUERY_PLAN_MAX_KEY_CHARS,
    });
    proto.compile = compile;
    proto.__planCache = stats;
  }
  return proto.__planCache;
}
