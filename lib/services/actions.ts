"use server";

import { requireAdmin } from "@/lib/admin/guard";
import { runReferenceAction } from "@/lib/admin/reference-action";
import type { ReferenceFormState } from "@/lib/admin/reference-form";

import { SERVICE_FORM_FIELDS, feeAddSchema, feeDeleteSchema, serviceCreateSchema, serviceUpdateSchema } from "./schemas";
import { addServiceFee, createService, deleteServiceFee, updateService } from "./services";

/**
 * Server Actions of /dasbor/admin/layanan. Each is a public endpoint: it re-reads the session
 * (admins only, 404 for anyone else), validates with zod, and calls a data function that checks
 * the role again.
 */

const SERVICE_PAGES = ["/dasbor/admin/layanan", "/lapor"] as const;
const servicePage = (serviceId: number, status: string) => `/dasbor/admin/layanan/${serviceId}?status=${status}`;

export async function createServiceAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "createService",
    actorId: actor.id,
    formData,
    fields: SERVICE_FORM_FIELDS.create,
    schema: serviceCreateSchema,
    run: async (input) => servicePage((await createService(actor, input)).id, "created"),
    revalidate: SERVICE_PAGES,
  });
}

export async function updateServiceAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "updateService",
    actorId: actor.id,
    formData,
    fields: SERVICE_FORM_FIELDS.update,
    schema: serviceUpdateSchema,
    run: async (input) => {
      await updateService(actor, input);
      return servicePage(input.serviceId, "saved");
    },
    revalidate: SERVICE_PAGES,
  });
}

export async function addServiceFeeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "addServiceFee",
    actorId: actor.id,
    formData,
    fields: SERVICE_FORM_FIELDS.addFee,
    schema: feeAddSchema,
    run: async (input) => {
      await addServiceFee(actor, input);
      return servicePage(input.serviceId, "feeAdded");
    },
    revalidate: SERVICE_PAGES,
  });
}

export async function deleteServiceFeeAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "deleteServiceFee",
    actorId: actor.id,
    formData,
    fields: SERVICE_FORM_FIELDS.deleteFee,
    schema: feeDeleteSchema,
    run: async (input) => {
      await deleteServiceFee(actor, input);
      return servicePage(input.serviceId, "feeDeleted");
    },
    revalidate: SERVICE_PAGES,
  });
}
