/**
 * What of an error may go to the logs. Prisma's validation errors print the arguments of the
 * failed call, which can include a reporter's name, email or phone; other errors keep their
 * first message line, cut short. Never log a form, a secret key, an address or a raw error.
 */
export function describeError(error: unknown): { name: string; code?: string; message?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const rawCode: unknown = (error as Error & { code?: unknown }).code;
  const code = typeof rawCode === "string" ? rawCode : undefined;
  if (error.name === "PrismaClientValidationError") return { name: error.name, code };
  return { name: error.name, code, message: error.message.split("\n")[0]?.slice(0, 300) };
}
