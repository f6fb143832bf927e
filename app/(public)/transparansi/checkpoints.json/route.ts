import { getPublishedCheckpoints } from "@/lib/transparency/audit-checkpoints";

/**
 * Every signed daily checkpoint of the audit chain, with the public key, as a file to keep: a
 * saved copy lets anyone show later that the trail up to one of these days was rewritten
 * (`npm run audit:verify -- --checkpoints checkpoints.json`).
 */
export async function GET() {
  const document = await getPublishedCheckpoints();
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="lapor-imigrasi-audit-checkpoints.json"`,
      "Cache-Control": "no-store",
    },
  });
}

export const dynamic = "force-dynamic";
