import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { pickFeeInForce } from "./fee-history";

/** Reads fee histories for lib/fees/fee-history.ts. */

type FeeReader = Pick<Prisma.TransactionClient, "serviceFee">;

/** The fee of each service in force on `day` ("YYYY-MM-DD", Asia/Jakarta). */
export async function findFeesInForce(serviceIds: readonly number[], day: string, client: FeeReader = db): Promise<Map<number, number>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await client.serviceFee.findMany({
    where: { serviceId: { in: [...serviceIds] } },
    select: { serviceId: true, feeRupiah: true, effectiveFrom: true },
  });
  const fees = new Map<number, number>();
  for (const serviceId of serviceIds) {
    const fee = pickFeeInForce(
      rows.filter((row) => row.serviceId === serviceId),
      day,
    );
    if (fee !== null) fees.set(serviceId, fee);
  }
  return fees;
}

export async function findFeeInForce(serviceId: number, day: string, client: FeeReader = db): Promise<number | null> {
  return (await findFeesInForce([serviceId], day, client)).get(serviceId) ?? null;
}
