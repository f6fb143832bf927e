import { AdminRuleError } from "@/lib/admin/errors";

/** The fields of the staff forms a refusal can point at. */
export type StaffFormField = "name" | "email" | "role" | "scopeLevel" | "officeId" | "regionalOfficeId";

/**
 * A refusal about one field of a staff form (an email already in use, a scope without its office):
 * an AdminRuleError whose message the form shows next to that field.
 */
export class StaffFieldError extends AdminRuleError {
  constructor(
    readonly field: StaffFormField,
    code: string,
  ) {
    super(code);
    this.name = "StaffFieldError";
  }
}
