// The delivery task: one handler for every message family's task id (src/db/outbox.ts). It
// reads the job's payload as a message contract (src/domain/messages.ts) and hands it to the
// delivery engine (src/jobs/delivery.ts), which renders it at send time, so that a queued job
// stays small and current.
import { messageTasks } from "../../db/outbox.js";
import { messageSchema } from "../../domain/messages.js";
import type { DeliveryEngine } from "../delivery.js";
import { PermanentJobError } from "../errors.js";
import type { TaskHandlers } from "../worker.js";

/** Broadcast sends queued before messages had kinds: `{ broadcastId, userId }`. */
function upgradeLegacyPayload(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null || "kind" in payload) return payload;
  if (!("broadcastId" in payload) || !("userId" in payload)) return payload;
  return { kind: "broadcast", broadcastId: payload.broadcastId, recipientId: payload.userId };
}

/** The handlers of every message task, all delivering through `engine`. */
export function createDeliverTasks(engine: DeliveryEngine): TaskHandlers {
  const handler: TaskHandlers[string] = async (payload, job, context) => {
    const parsed = messageSchema.safeParse(upgradeLegacyPayload(payload));
    if (!parsed.success) throw new PermanentJobError(`malformed payload: ${parsed.error.message}`);
    const { note } = await engine.deliver(parsed.data, job, context);
    return note ? { note } : undefined;
  };
  return Object.fromEntries(Object.values(messageTasks).map((task) => [task, handler]));
}
