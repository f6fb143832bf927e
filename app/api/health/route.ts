import { db } from "@/lib/db";
import { checkEnvironment } from "@/lib/env";

/**
 * Liveness and database check for load balancers and monitoring. Never "ok" for an instance that
 * cannot serve: an invalid environment (which normally stops the instance at start, see
 * instrumentation.ts) or an unreachable database answers 503.
 */
export async function GET() {
  const startedAt = performance.now();
  if (!checkEnvironment(process.env).ok) {
    console.error("health check: the environment is not valid (see the start log)");
    return Response.json(
      { status: "error", configuration: "invalid" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json(
      { status: "ok", database: "ok", latencyMs: Math.round(performance.now() - startedAt) },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}

export const dynamic = "force-dynamic";
