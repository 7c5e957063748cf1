import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the template databases once per run (test/helpers/database.ts).
    globalSetup: ["test/global-setup.ts"],
    // Each test file gets its own databases, fake Bot API and port, so files run side by side.
    // A worker waits on I/O (HTTP to the fake, the database) about a fifth of its time, so one
    // worker more than cores pays: vitest's default (cores − 1) would run one file at a time on
    // a 2-core machine. Measured on 2 cores, 4 December, the whole suite: 2 workers 228 s,
    // 3 workers 212 s, 4 workers 219 s (`--maxWorkers` overrides it).
    pool: "forks",
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // A worker process runs file after file without re-importing Prisma, grammY and the
    // generated clients for each (about a second of CPU per file); every file still builds
    // its own app, fake and databases. `--isolate` restores a fresh process per file.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
