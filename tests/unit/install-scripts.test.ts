import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/**
 * npm 11 runs no dependency's install script unless package.json's allowScripts approves it,
 * and warns on every install about each one it neither approved nor denied. Every such script
 * must be decided there, so that a warning on install means a new one to review.
 */
describe("allowScripts in package.json", () => {
  it("decides every installed dependency's install script", async () => {
    const { stdout } = await run("npm", ["install-scripts", "ls"], { cwd: process.cwd() });
    expect(stdout).toContain("No packages with unreviewed install scripts.");
  }, 60_000);
});
