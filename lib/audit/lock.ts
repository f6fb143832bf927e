/**
 * The audit trail's one database-wide advisory lock. Every append holds it shared (./record.ts),
 * so appends never wait on each other through it; a checkpoint's cut (./checkpoints.ts) and the
 * legacy chain's re-key (./rekey.ts) take it exclusively, to see no append in flight. Not
 * server-only: the checkpoint code runs in `npm run audit:verify`'s module graph too.
 */
export const AUDIT_CHAIN_LOCK = BigInt(0x4c41_5052); // "LAPR"
