import { createHash } from "node:crypto";

/**
 * The digest a signed checkpoint (version 2, ./checkpoints.ts) carries: one SHA-256 over the head
 * of every chain as it stood at the checkpoint's sequence (the last event of each chain with an
 * id at or below it), one line per chain, in a fixed order: the legacy chain (versions 1 and 2),
 * the system chain (events of no case), then each case's chain by case id (the database's uuid
 * order, which is that of the lowercase text). A chain with no event up to the sequence has no
 * line. Deleting a chain's tail, a whole chain, or editing any head changes the digest; anyone
 * can recompute it from the trail (lib/audit/verify.ts). Pure apart from node:crypto.
 */

export const HEADS_DIGEST_HEADER = "lapor-imigrasi audit heads v1\n";

export const LEGACY_CHAIN_LABEL = "legacy";
export const SYSTEM_CHAIN_LABEL = "system";

export type ChainHead = { chain: string; id: bigint; hash: string };

export type HeadsDigest = { add(head: ChainHead): void; readonly chains: number; digest(): string };

export function createHeadsDigest(): HeadsDigest {
  const hash = createHash("sha256").update(HEADS_DIGEST_HEADER);
  let chains = 0;
  return {
    add(head) {
      hash.update(`${head.chain} ${head.id} ${head.hash}\n`);
      chains += 1;
    },
    get chains() {
      return chains;
    },
    digest() {
      return hash.digest("hex");
    },
  };
}

/** The digest of a list of heads already in the order above (for tests and independent tools). */
export function computeHeadsDigest(heads: readonly ChainHead[]): string {
  const digest = createHeadsDigest();
  for (const head of heads) digest.add(head);
  return digest.digest();
}
