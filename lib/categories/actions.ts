"use server";

import { requireAdmin } from "@/lib/admin/guard";
import { runReferenceAction } from "@/lib/admin/reference-action";
import type { ReferenceFormState } from "@/lib/admin/reference-form";

import { createCategory, reinstateCategory, retireCategory, updateCategory } from "./categories";
import { CATEGORY_FORM_FIELDS, categoryCreateSchema, categoryStatusSchema, categoryUpdateSchema } from "./schemas";

/**
 * Server Actions of /dasbor/admin/kategori. Each is a public endpoint: it re-reads the session
 * (admins only, 404 for anyone else), validates with zod, and calls a data function that checks
 * the role again.
 */

const CATEGORY_PAGES = ["/dasbor/admin/kategori", "/lapor"] as const;
const categoryPage = (categoryId: number, status: string) => `/dasbor/admin/kategori/${categoryId}?status=${status}`;

export async function createCategoryAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "createCategory",
    actorId: actor.id,
    formData,
    fields: CATEGORY_FORM_FIELDS.create,
    schema: categoryCreateSchema,
    run: async (input) => categoryPage((await createCategory(actor, input)).id, "created"),
    revalidate: CATEGORY_PAGES,
  });
}

export async function updateCategoryAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "updateCategory",
    actorId: actor.id,
    formData,
    fields: CATEGORY_FORM_FIELDS.update,
    schema: categoryUpdateSchema,
    run: async (input) => {
      await updateCategory(actor, input);
      return categoryPage(input.categoryId, "saved");
    },
    revalidate: CATEGORY_PAGES,
  });
}

export async function retireCategoryAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "retireCategory",
    actorId: actor.id,
    formData,
    fields: CATEGORY_FORM_FIELDS.status,
    schema: categoryStatusSchema,
    run: async (input) => {
      await retireCategory(actor, input);
      return categoryPage(input.categoryId, "retired");
    },
    revalidate: CATEGORY_PAGES,
  });
}

export async function reinstateCategoryAction(_previous: ReferenceFormState, formData: FormData): Promise<ReferenceFormState> {
  const actor = await requireAdmin();
  return runReferenceAction({
    name: "reinstateCategory",
    actorId: actor.id,
    formData,
    fields: CATEGORY_FORM_FIELDS.status,
    schema: categoryStatusSchema,
    run: async (input) => {
      await reinstateCategory(actor, input);
      return categoryPage(input.categoryId, "reinstated");
    },
    revalidate: CATEGORY_PAGES,
  });
}
