import "server-only";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";

import { describeError } from "@/lib/logging";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "./errors";
import { readFormValues, toReferenceFieldErrors, type ReferenceFormState, type ReferenceRuleCode } from "./reference-form";

/**
 * The one shape of a reference-data Server Action (offices, services and fees, categories, reply
 * templates), after the caller has re-read the session: validate the FormData with zod, run the
 * data function (which checks authorization again and writes in one transaction), then go to
 * the page that shows the result. Expected refusals come back as codes with everything typed; a
 * record the actor may not touch is a 404, like a missing one; anything else is logged without
 * the form's content and answered with a generic message.
 */

type ReferenceActionOptions<Data> = {
  /** Names the action in the logs. */
  name: string;
  actorId: string;
  formData: FormData;
  fields: readonly string[];
  schema: z.ZodType<Data>;
  /** Does the work; returns the address to show afterwards (with a ?status= notice). */
  run: (data: Data) => Promise<string>;
  /** Pages whose content the change affects, besides the one redirected to. */
  revalidate?: readonly string[];
};

export async function runReferenceAction<Data>(options: ReferenceActionOptions<Data>): Promise<ReferenceFormState> {
  const values = readFormValues(options.formData, options.fields);
  const failure = (message: Extract<ReferenceFormState, { status: "error" }>["message"]): ReferenceFormState => ({ status: "error", message, fieldErrors: {}, values });

  const parsed = options.schema.safeParse(values);
  if (!parsed.success) return { status: "error", message: "invalid", fieldErrors: toReferenceFieldErrors(parsed.error), values };

  let destination: string;
  try {
    destination = await options.run(parsed.data);
  } catch (error) {
    if (error instanceof AdminNotFoundError) notFound();
    if (error instanceof AdminConflictError) return failure("conflict");
    if (error instanceof AdminRuleError) return failure(error.code as ReferenceRuleCode);
    console.error(`Reference action "${options.name}" failed for staff ${options.actorId}`, describeError(error));
    return failure("unexpected");
  }
  for (const path of options.revalidate ?? []) revalidatePath(path);
  redirect(destination);
}
