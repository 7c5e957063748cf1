// Renders access_changed (src/domain/messages.ts): an administrator suspended, resumed or
// removed someone's role. The person is told what it means for them; a staff member who
// received their open cases is told how many, and where to find them.

import type { Database } from "../../db/client.js";
import { findAccessAudit, parseAuditDetail } from "../../db/queries/access-audit.js";
import type { MessageOf } from "../../domain/messages.js";
import type { Renderer } from "../../jobs/delivery.js";
import { escapeHtml } from "../format.js";
import { htmlMessage } from "./parts.js";

const roleKeys = new Set(["representative", "staff", "department", "admin"]);

export function createAccessChangeRenderer({ db }: { db: Database }): Renderer<"access_changed"> {
  return async (message: MessageOf<"access_changed">, { t }) => {
    const entry = await findAccessAudit(db.prisma, message.auditId);
    if (!entry || (entry.action !== "suspend" && entry.action !== "resume" && entry.action !== "remove"))
      return undefined;
    const role = t(`people-role-${entry.role && roleKeys.has(entry.role) ? entry.role : "other"}`);
    const codes = parseAuditDetail(entry.detail).codes || "—";
    if (message.to === "heir")
      return htmlMessage(
        t("access-heir", {
          name: escapeHtml(entry.subjectLabel),
          role,
          action: entry.action,
          cases: message.cases,
        }),
      );
    return htmlMessage(
      t(`access-subject-${entry.action}`, { role, codes: escapeHtml(codes), cases: message.cases }),
    );
  };
}
