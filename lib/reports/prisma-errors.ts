import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether an error is a unique-constraint violation (P2002) on the given constraint. Through the
 * pg driver adapter Prisma names the violated index in `meta.driverAdapterError`, not in
 * `meta.target`, so both are checked.
 */
export function isUniqueViolation(error: unknown, constraint: { index: string; fields: readonly string[] }): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } }
    | undefined;
  const violated = meta?.driverAdapterError?.cause?.constraint;
  if (violated?.index === constraint.index) return true;
  if (violated?.fields && constraint.fields.every((field) => violated.fields?.includes(field))) return true;
  const target = meta?.target;
  return Array.isArray(target) && constraint.fields.every((field) => target.includes(field));
}
