import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the template databases once per run (test/helpers/database.ts).
    globalSetup: ["test/global-setup.ts"],
    // Each test file gets its own databases, fake Bot API and port, so files run side by side.
    // Most of a test's time is spent waiting on I/O (HTTP to the fake, the database), so
    // more workers than cores pays: vitest's default (cores − 1) would run one file at a
    // time on a 2-core machine (`--maxWorkers` overrides it).
    pool: "forks",
    maxWorkers: Math.max(4, availableParallelism() * 2),
    // A worker process runs file after file without re-importing Prisma, grammY and the
    // generated clients for each (about a second of CPU per file); every file still builds
    // its own app, fake and databases. `--isolate` restores a fresh process per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
