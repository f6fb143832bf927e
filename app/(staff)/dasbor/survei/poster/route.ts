import { getLocale } from "next-intl/server";

import { getCurrentStaff } from "@/lib/auth/session";
import { printSurveyPoster } from "@/lib/surveys/print";

/** The PDF download of /dasbor/survei (?kantor=<office code>); the data layer decides who gets it. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getCurrentStaff();
  if (!actor) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const officeCode = new URL(request.url).searchParams.get("kantor") ?? "";
  try {
    const printout = /^[a-z0-9-]{1,80}$/.test(officeCode) ? await printSurveyPoster(actor, officeCode, await getLocale()) : null;
    if (!printout) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
    return new Response(new Uint8Array(printout.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${printout.fileName}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    console.error("survey printout failed", error instanceof Error ? error.name : "unknown");
    return new Response("Error", { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
