"use server";

import { runReferenceAction } from "@/lib/admin/reference-action";
import type { ReferenceFormState } from "@/lib/admin/reference-form";
import { requireStaff } from "@/lib/auth/session";

import { TEMPLATE_FORM_FIELDS, templateCreateSchema, templateStatusSchema, templateUpdateSchema } from "./schemas";
import { createReplyTemplate, deactivateReplyTemplate, reactivateReplyTemplate, updateReplyTemplate } from "./templates";

/**
 * Server Actions of /dasbor/templat. Each is a public endpoint: it re-reads the session and
 * validates with zod; the data function decides whether this actor may edit this template (a
 * 404 for anyone who may not, see ./access.ts).
 */

const TEMPLATES_PATH = "/dasbor/templat";
const listPage = (officeId: number | null, status: string) => `${TEMPLATES_PATH}?${officeId === null ? "" : `office=${officeId}&`}status=${status}`;

export async function createReplyTemplateAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireStaff();
  return runReferenceAction({
    name: "createReplyTemplate",
    actorId: actor.id,
    formData,
    fields: TEMPLATE_FORM_FIELDS.create,
    schema: templateCreateSchema,
    run: async (input) => {
      await createReplyTemplate(actor, input);
      return listPage(input.officeId, "created");
    },
    revalidate: [TEMPLATES_PATH],
  });
}

export async function updateReplyTemplateAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireStaff();
  return runReferenceAction({
    name: "updateReplyTemplate",
    actorId: actor.id,
    formData,
    fields: TEMPLATE_FORM_FIELDS.update,
    schema: templateUpdateSchema,
    run: async (input) => listPage((await updateReplyTemplate(actor, input)).officeId, "saved"),
    revalidate: [TEMPLATES_PATH],
  });
}

export async function deactivateReplyTemplateAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireStaff();
  return runReferenceAction({
    name: "deactivateReplyTemplate",
    actorId: actor.id,
    formData,
    fields: TEMPLATE_FORM_FIELDS.status,
    schema: templateStatusSchema,
    run: async (input) => listPage((await deactivateReplyTemplate(actor, input)).officeId, "deactivated"),
    revalidate: [TEMPLATES_PATH],
  });
}

export async function reactivateReplyTemplateAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireStaff();
  return runReferenceAction({
    name: "reactivateReplyTemplate",
    actorId: actor.id,
    formData,
    fields: TEMPLATE_FORM_FIELDS.status,
    schema: templateStatusSchema,
    run: async (input) => listPage((await reactivateReplyTemplate(actor, input)).officeId, "reactivated"),
    revalidate: [TEMPLATES_PATH],
  });
}
