"use server";

import { requireAdmin } from "@/lib/admin/guard";
import { runReferenceAction } from "@/lib/admin/reference-action";
import type { ReferenceFormState } from "@/lib/admin/reference-form";

import { closeOffice, createOffice, reopenOffice, updateOffice } from "./offices";
import { OFFICE_FORM_FIELDS, officeCreateSchema, officeStatusSchema, officeUpdateSchema } from "./schemas";

/**
 * Server Actions of /dasbor/admin/kantor. Each is a public endpoint: it re-reads the session
 * (admins only, 404 for anyone else), validates with zod, and calls a data function that checks
 * the role again.
 */

const OFFICE_PAGES = ["/dasbor/admin/kantor", "/lapor"] as const;

export async function createOfficeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "createOffice",
    actorId: actor.id,
    formData,
    fields: OFFICE_FORM_FIELDS.create,
    schema: officeCreateSchema,
    run: async (input) => `/dasbor/admin/kantor/${(await createOffice(actor, input)).id}?status=created`,
    revalidate: OFFICE_PAGES,
  });
}

export async function updateOfficeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "updateOffice",
    actorId: actor.id,
    formData,
    fields: OFFICE_FORM_FIELDS.update,
    schema: officeUpdateSchema,
    run: async (input) => {
      await updateOffice(actor, input);
      return `/dasbor/admin/kantor/${input.officeId}?status=saved`;
    },
    revalidate: OFFICE_PAGES,
  });
}

export async function closeOfficeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "closeOffice",
    actorId: actor.id,
    formData,
    fields: OFFICE_FORM_FIELDS.status,
    schema: officeStatusSchema,
    run: async (input) => {
      await closeOffice(actor, input);
      return `/dasbor/admin/kantor/${input.officeId}?status=closed`;
    },
    revalidate: OFFICE_PAGES,
  });
}

export async function reopenOfficeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "reopenOffice",
    actorId: actor.id,
    formData,
    fields: OFFICE_FORM_FIELDS.status,
    schema: officeStatusSchema,
    run: async (input) => {
      await reopenOffice(actor, input);
      return `/dasbor/admin/kantor/${input.officeId}?status=reopened`;
    },
    revalidate: OFFICE_PAGES,
  });
}
