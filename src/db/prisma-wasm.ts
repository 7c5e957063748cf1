// Run after `prisma generate` (npm run db:generate): gives each generated client its query
// compiler as a .wasm file instead of the base64 text Prisma 6.19.3's generated client
// imports. That module (2.5 MB of source for a 1.9 MB module) stays in the V8 heap for the
// life of the process, as every module's source does, beside the string constant parsed out
// of it: about 6 MiB of an idle bot's 100 MiB (bench/processes.ts). Reading the bytes from a
// file keeps nothing once the module is compiled.
//
// The file is decoded from Prisma's own base64 module, so it is the same WebAssembly, byte for
// byte; the loader in `internal/class.ts` is replaced by a read of `../query_compiler.wasm`
// (relative to the module, so it works from src/ under tsx and from dist/, where `npm run
// build` copies the file). A generated client whose loader does not look as expected stops
// this script with an error, rather than leaving a client that loads the old way unnoticed.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const generated = join(dirname(fileURLToPath(import.meta.url)), "generated");

/** The loader `prisma generate` writes into internal/class.ts for `dialect`. */
function prismaLoader(dialect: string): string {
  return [
    `    const { wasm } = await import("@prisma/client/runtime/query_compiler_bg.${dialect}.wasm-base64.mjs")`,
    "    return await decodeBase64AsWasm(wasm)",
  ].join("\n");
}

const fileLoader = [
  "    // Patched by src/db/prisma-wasm.ts: the compiler's bytes from a file, not a base64 module.",
  '    const { readFile } = await import("node:fs/promises")',
  '    return new WebAssembly.Module(await readFile(new URL("../query_compiler.wasm", import.meta.url)))',
].join("\n");

/**
 * Writes `generated/<dialect>/query_compiler.wasm` and points the dialect's generated client
 * at it. Idempotent. Throws when the generated loader is neither Prisma's nor already patched.
 */
export async function useWasmFile(dialect: "sqlite" | "postgresql"): Promise<void> {
  const { wasm } = (await import(`@prisma/client/runtime/query_compiler_bg.${dialect}.wasm-base64.mjs`)) as {
    wasm: string;
  };
  writeFileSync(join(generated, dialect, "query_compiler.wasm"), Buffer.from(wasm, "base64"));
  const classFile = join(generated, dialect, "internal", "class.ts");
  const source = readFileSync(classFile, "utf8");
  if (source.includes(fileLoader)) return;
  if (!source.includes(prismaLoader(dialect)))
    throw new Error(
      `${classFile}: the query compiler loader is not the one Prisma 6.19.3 generates; update src/db/prisma-wasm.ts`,
    );
  writeFileSync(classFile, source.replace(prismaLoader(dialect), fileLoader));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await useWasmFile("sqlite");
  await useWasmFile("postgresql");
}
