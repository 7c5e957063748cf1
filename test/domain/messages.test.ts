import { describe, expect, it } from "vitest";
import {
  deliveryPolicy,
  messageKey,
  messageSchema,
  type OutgoingMessage,
} from "../../src/domain/messages.js";

describe("message contracts", () => {
  it("reads every family's payload and refuses one that does not fit its kind", () => {
    const good: OutgoingMessage[] = [
      { kind: "concern_new", recipientId: 4, concernId: 9, eventId: 17 },
      { kind: "escalation", recipientId: 4, concernId: 9, referralId: 2, level: "red" },
      { kind: "digest", recipientId: 4, date: "2026-11-24" },
      { kind: "announce", recipientId: 4, activityId: 3 },
      { kind: "broadcast", recipientId: 4, broadcastId: 8 },
    ];
    for (const message of good) expect(messageSchema.parse(message)).toEqual(message);
    expect(messageSchema.safeParse({ kind: "concern_new", recipientId: 4, concernId: 9 }).success).toBe(
      false,
    );
    expect(messageSchema.safeParse({ kind: "digest", recipientId: 4, date: "24.11.2026" }).success).toBe(
      false,
    );
    expect(messageSchema.safeParse({ kind: "broadcast", recipientId: 0, broadcastId: 8 }).success).toBe(
      false,
    );
    expect(messageSchema.safeParse({ kind: "telegram", recipientId: 4 }).success).toBe(false);
  });

  it("keys each message so that its cause replayed queues it once (the keys jobs were queued under before)", () => {
    expect(messageKey({ kind: "concern_rated", recipientId: 4, concernId: 9, eventId: 17 })).toBe(
      "concern_rated:17:4",
    );
    expect(messageKey({ kind: "unaccepted", recipientId: 4, concernId: 9 })).toBe("reminder:unaccepted:9:4");
    expect(messageKey({ kind: "escalation", recipientId: 4, concernId: 9, level: "amber" })).toBe(
      "reminder:escalation:amber:c9:4",
    );
    expect(
      messageKey({ kind: "escalation", recipientId: 4, concernId: 9, referralId: 2, level: "red" }),
    ).toBe("reminder:escalation:red:r2:4");
    expect(
      messageKey({
        kind: "escalations",
        recipientId: 4,
        level: "red",
        at: "2026-11-24T02:20:00.000Z",
        concernIds: [9, 3],
      }),
    ).toBe("reminder:escalations:red:2026-11-24T02:20:00.000Z:c9:4");
    expect(messageKey({ kind: "follow_up", recipientId: 4, concernId: 9 })).toBe("reminder:follow-up:9:4");
    expect(messageKey({ kind: "digest", recipientId: 4, date: "2026-11-24" })).toBe(
      "reminder:digest:2026-11-24:4",
    );
    expect(messageKey({ kind: "reminder_2h", recipientId: 4, activityId: 3 })).toBe("act-r2:3:4");
    // Approval and rejection share a key: a proposal is decided once.
    expect(messageKey({ kind: "approved", recipientId: 4, activityId: 3 })).toBe(
      messageKey({ kind: "rejected", recipientId: 4, activityId: 3 }),
    );
    expect(messageKey({ kind: "broadcast", recipientId: 4, broadcastId: 8 })).toBe("bc:8:4");
  });

  it("makes people's own words urgent and re-sent after an uncertain attempt, and reminders neither", () => {
    expect(deliveryPolicy("concern_message_to_citizen")).toMatchObject({
      urgent: true,
      ifUncertain: "resend-with-note",
    });
    expect(deliveryPolicy("concern_outcome")).toMatchObject({
      urgent: false,
      ifUncertain: "resend-with-note",
    });
    expect(deliveryPolicy("follow_up")).toMatchObject({ urgent: false, ifUncertain: "assume-delivered" });
    expect(deliveryPolicy("reminder_2h").urgent).toBe(true);
    expect(deliveryPolicy("cancelled").ifUncertain).toBe("resend-with-note");
  });

  it("queues what people wait for before bulk notices, and gives a broadcast fewer attempts", () => {
    expect(deliveryPolicy("concern_new").priority).toBeGreaterThan(
      deliveryPolicy("concern_accepted").priority,
    );
    expect(deliveryPolicy("concern_accepted").priority).toBeGreaterThan(deliveryPolicy("broadcast").priority);
    expect(deliveryPolicy("announce").priority).toBeLessThan(deliveryPolicy("approval_request").priority);
    expect(deliveryPolicy("broadcast")).toMatchObject({ family: "broadcast", maxAttempts: 5 });
    expect(deliveryPolicy("digest")).toMatchObject({ family: "reminder", priority: -1 });
    expect(deliveryPolicy("concern_new").maxAttempts).toBeUndefined();
  });
});
