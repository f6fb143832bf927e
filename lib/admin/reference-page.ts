import "server-only";

import { notFound } from "next/navigation";

import { AdminNotFoundError } from "./errors";

/** What the reference-data pages share: reading a record id from the path, a notice from the query, and 404s. */

/** The record id in a path segment; anything but a positive integer is a 404. */
export function parseRecordId(segment: string): number {
  if (!/^\d{1,9}$/.test(segment) || Number(segment) < 1) notFound();
  return Number(segment);
}

/** The ?status= notice a Server Action redirected with, if it is one the page knows. */
export function readStatusNotice<const Notice extends string>(value: string | string[] | undefined, notices: readonly Notice[]): Notice | null {
  const first = Array.isArray(value) ? value[0] : value;
  return notices.includes(first as Notice) ? (first as Notice) : null;
}

/** Runs a data function; AdminNotFoundError (a missing record or one the actor may not see) becomes the 404 page. */
export async function loadOrNotFound<Result>(load: () => Promise<Result>): Promise<Result> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AdminNotFoundError) notFound();
    throw error;
  }
}
