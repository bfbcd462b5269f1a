import { desc } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { sha256Hex } from "../hash";
import { canonicalJson } from "./canonical-json";
import { auditEvents } from "./schema";

export type AuditEventInput = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Facts about the change. Never subject ids or their hashes. */
  payload: Record<string, unknown>;
  occurredAt: string;
};

/**
 * Appends one audit event chained to the previous one. Call it inside the
 * transaction that makes the change, so both commit or neither does.
 */
export function appendAuditEvent(
  transaction: BetterSQLite3Database,
  event: AuditEventInput,
): void {
  const previous = transaction
    .select({ sequence: auditEvents.sequence, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.sequence))
    .limit(1)
    .get();
  const sequence = (previous?.sequence ?? 0) + 1;
  const previousHash = previous?.hash ?? null;
  const hash = sha256Hex(canonicalJson({ sequence, ...event, previousHash }));

  transaction
    .insert(auditEvents)
    .values({ sequence, ...event, previousHash, hash })
    .run();
}
