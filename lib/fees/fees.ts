import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { pickFeeInForce } from "./fee-history";

/** Reads a service's fee history for lib/fees/fee-history.ts. */

type FeeReader = Pick<Prisma.TransactionClient, "serviceFee">;

/** The fee of a service in force on `day` ("YYYY-MM-DD", Asia/Jakarta), or null when it has no fee. */
export async function findFeeInForce(serviceId: number, day: string, client: FeeReader = db): Promise<number | null> {
  const history = await client.serviceFee.findMany({ where: { serviceId }, select: { feeRupiah: true, effectiveFrom: true } });
  return pickFeeInForce(history, day);
}
