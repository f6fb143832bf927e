import fs from "node:fs";
import { printStep, runCommand } from "./processes";

const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Returns the path of the Chromium the end-to-end tests drive. Playwright cannot download its
 * own browser on these machines, so it uses Debian's, installed here when running as root.
 */
export async function ensureChromium(): Promise<string> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  if (fs.existsSync(chromiumPath)) return chromiumPath;

  const isRoot = process.getuid?.() === 0;
  if (chromiumPath === DEFAULT_CHROMIUM_PATH && isRoot && fs.existsSync("/usr/bin/apt-get")) {
    printStep(`${chromiumPath} is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const installed =
      (await runCommand("apt-get", ["update"], { env })) === 0 &&
      (await runCommand("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env })) === 0;
    if (installed && fs.existsSync(chromiumPath)) return chromiumPath;
  }
  throw new Error(
    `Chromium is not installed at ${chromiumPath}, so the end-to-end tests cannot run.\n` +
      "Install Debian's Chromium as root:  apt-get update && apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary.",
  );
}
