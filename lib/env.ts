import { z } from "zod";

/**
 * The one validated view of the environment. Every variable the app reads at
 * run time is declared here (and documented in README.md, "Configuration").
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. `npm start` sets it to the embedded database when unset. */
  DATABASE_URL: z.string().url(),
  /** Connections per app instance. Keep it small behind a pooler such as PgBouncer. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

export function getEnvironment(): Environment {
  if (cached) return cached;
  const parsed = environmentSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
