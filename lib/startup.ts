import { checkEnvironment, describeEnvironmentProblems, type Environment } from "@/lib/env";

/** The exit code of a refused start: EX_CONFIG from sysexits.h, "configuration error". */
export const EXIT_INVALID_CONFIGURATION = 78;

/**
 * The validated environment of a starting server, or the end of the process with every problem
 * printed: an instance that cannot serve must not come up and answer each request with a 500.
 * Called from instrumentation.ts in the Node.js runtime only.
 */
export function requireValidEnvironment(): Environment {
  const checked = checkEnvironment(process.env);
  if (checked.ok) return checked.environment;
  console.error(describeEnvironmentProblems(checked.problems));
  process.exit(EXIT_INVALID_CONFIGURATION);
}
