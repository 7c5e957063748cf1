// `npm run bench`: inbound throughput and memory, the delivery engine's figures, in one run
// (not part of `npm test`; the process benches need `npm run build`, which runs on install).
// Run it alone: it measures throughput and time, and shares the machine with nothing.
import { benchBroadcast } from "./broadcast.js";
import { compareFloods, floodLine, inboundRounds } from "./inbound.js";
import { bareTapLatency, benchLatency, latencyLines } from "./latency.js";
import { benchMemory, benchWebhook, type MemoryResult, memoryLine, webhookLine } from "./processes.js";
import { benchClaims } from "./queue-claims.js";
import { benchReminderPass } from "./reminder-pass.js";
import { benchSendRate } from "./send-rate.js";
import { benchStats } from "./stats.js";
import { printStats } from "./stats-print.js";

const fixed = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  const users = Number(process.env.BENCH_INBOUND_USERS ?? 2000);
  console.log(
    `== Inbound: ${users} updates through the polling intake, against a bare grammY bot on the same fake`,
  );
  const rounds = inboundRounds();
  for (const kind of ["start", "rsvp"] as const)
    for (const c of await compareFloods(kind, users, ["sqlite", "postgresql"], rounds))
      console.log(floodLine(c, users));
  const memory = {} as Record<"bare" | "npm" | "node", MemoryResult>;
  for (const kind of ["bare", "npm", "node"] as const) memory[kind] = await benchMemory(kind, users);
  for (const r of Object.values(memory)) console.log(memoryLine(r, users));
  for (const kind of ["npm", "node"] as const)
    console.log(
      `${memory[kind].label} against the bare bot: RSS ${fixed(memory[kind].idleMiB / memory.bare.idleMiB, 2)}× idle, ${fixed(memory[kind].afterFloodMiB / memory.bare.afterFloodMiB, 2)}× after the flood; PSS ${fixed(memory[kind].idlePssMiB / memory.bare.idlePssMiB, 2)}× / ${fixed(memory[kind].afterFloodPssMiB / memory.bare.afterFloodPssMiB, 2)}×`,
    );
  {
    const one = await benchWebhook(1, users);
    const two = await benchWebhook(2, users);
    console.log(webhookLine(one, two));
  }

  console.log("== Sending against a fake Bot API enforcing 30 msg/s overall and 1 msg/s per chat");
  for (const [messages, rate] of [
    [600, 25],
    [300, 30],
  ] as const) {
    const r = await benchSendRate(messages, rate);
    console.log(
      `SEND_RATE_PER_SECOND=${rate}: ${r.messages} messages in ${fixed(r.seconds)} s = ${fixed(r.perSecond)} msg/s = ${fixed(r.ofCap * 100)} % of the 30/s cap; 429 answers: ${r.rateLimited}`,
    );
  }

  const recipients = Number(process.env.BENCH_BROADCAST_RECIPIENTS ?? 10_000);
  console.log(`\n== A broadcast to ${recipients} citizens against the same fake (30 msg/s enforced)`);
  {
    const r = await benchBroadcast(recipients, 25);
    console.log(
      `SEND_RATE_PER_SECOND=${r.configuredRate}: ${r.delivered} of ${r.recipients} delivered in ${fixed(r.seconds)} s = ${fixed(r.perSecond)} msg/s = ${fixed((r.perSecond / r.configuredRate) * 100)} % of the configured cap; 429 answers: ${r.rateLimited}`,
    );
  }

  const latencyCases = Number(process.env.BENCH_LATENCY_CASES ?? 1000);
  const lanes = Number(process.env.BENCH_LATENCY_LANES ?? 3);
  console.log(
    `\n== Latency of case messages: ${latencyCases} cases idle, then ${latencyCases} during a broadcast to ${recipients} citizens`,
  );
  {
    const reference = await bareTapLatency(200);
    for (const dialect of ["sqlite", "postgresql"] as const)
      for (const line of latencyLines(
        await benchLatency(dialect, latencyCases, recipients, lanes, reference),
      ))
        console.log(line);
  }

  console.log("\n== Queue claims");
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const r = await benchClaims(dialect, 5000, 10_000);
    console.log(
      `${dialect}: ${fixed(r.claimsPerSecond, 0)} single-job claims/s; reference SELECT … LIMIT 1 + UPDATE ${fixed(r.pairsPerSecond, 0)}/s = ${fixed(r.claimsPerSecond / r.pairsPerSecond, 2)}×; ${fixed(r.workerJobsPerSecond, 0)} jobs/s through a worker (claim 25, no-op, complete each)`,
    );
  }

  console.log("\n== Reminder pass over 1,000,000 cases, 10,000 due");
  for (const dialect of ["sqlite", "postgresql"] as const) {
    const r = await benchReminderPass(dialect, 1_000_000);
    console.log(`${dialect}: ${r.rows} rows inserted in ${fixed(r.insertSeconds)} s; ${r.due} due`);
    console.log(`  plan of the due query: ${r.plan}`);
    console.log(
      `  reference full scan: ${fixed(r.scanMs, 0)} ms; reminder pass: ${fixed(r.passMs, 0)} ms (${r.reminded} cases marked, ${r.messages} messages queued) = ${fixed(r.passMs / r.scanMs, 2)}× the scan`,
    );
    console.log(
      `  the next pass, nothing due: ${fixed(r.idlePassMs, 1)} ms = ${fixed(r.idlePassMs / r.scanMs, 3)}× the scan`,
    );
  }

  const cases = Number(process.env.BENCH_STATS_CASES ?? 1_000_000);
  console.log(`\n== Statistics over ${cases} cases and ${cases * 5} timeline events`);
  for (const dialect of ["sqlite", "postgresql"] as const) printStats(await benchStats(dialect, cases));
}

await main();
process.exit(0);
