// Prisma's query compiler runtimes, which the generated clients load and ship no types for
// (query-plan-cache.ts wraps their QueryCompiler).
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export const QueryCompiler: { prototype: { compile(query: string): unknown } };
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export const QueryCompiler: { prototype: { compile(query: string): unknown } };
}
