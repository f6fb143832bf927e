import { Prisma } from "@/lib/generated/prisma/client";

import { AUDIT_ACTIONS } from "./actions";

/**
 * The audit trail's one database-wide advisory lock. Every append holds it shared (./record.ts),
 * so appends never wait on each other through it; a checkpoint's cut (./checkpoints.ts) and the
 * legacy chain's re-key (./rekey.ts) take it exclusively, to see no append in flight. Not
 * server-only: the checkpoint code runs in `npm run audit:verify`'s module graph too.
 */
export const AUDIT_CHAIN_LOCK = BigInt(0x4c41_5052); // "LAPR"

/** The system chain's own lock: advisory lock (class, 0), apart from the one above. */
export const SYSTEM_CHAIN_LOCK_CLASS = 0x4c41_5052;

/**
 * The newest audit seal (./seal.ts), by (createdAt, id): seals get strictly increasing createdAt,
 * so the (action, createdAt) index answers it from its last entry, without any lock.
 */
export const NEWEST_SEAL_SQL = Prisma.sql`SELECT "id", "hash" FROM "CaseEvent" WHERE "action" = ${AUDIT_ACTIONS.AUDIT_TRAIL_SEALED} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`;
