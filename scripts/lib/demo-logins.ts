import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./processes";

type DemoStaffModule = {
  demoStaff?: { email: string; password?: string; role: string; scopeLabel: string }[];
  DEMO_PASSWORD?: string;
  DEMO_RECEIPT_KEY?: string;
  DEMO_TRACKING_CODES?: { inProgress: string; resolved: string };
};

/** Prints the demo staff accounts listed in prisma/demo-staff.ts, if that file exists. */
export async function printDemoLogins(): Promise<void> {
  const modulePath = path.join(PROJECT_ROOT, "prisma", "demo-staff.ts");
  if (!fs.existsSync(modulePath)) {
    console.log("Demo logins: prisma/demo-staff.ts does not exist yet.");
    return;
  }
  let demo: DemoStaffModule;
  try {
    demo = (await import(pathToFileURL(modulePath).href)) as DemoStaffModule;
  } catch (error) {
    console.log(`Demo logins: could not load prisma/demo-staff.ts (${String(error)}).`);
    return;
  }
  const accounts = demo.demoStaff ?? [];
  if (accounts.length === 0) {
    console.log("Demo logins: prisma/demo-staff.ts lists no accounts.");
    return;
  }
  const rows = accounts.map((account) => [account.email, account.password ?? demo.DEMO_PASSWORD ?? "?", account.scopeLabel]);
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log("Demo logins (the seed creates these accounts outside production):");
  for (const [email, password, scope] of rows) {
    console.log(`  ${email!.padEnd(widths[0]!)}  ${password!.padEnd(widths[1]!)}  ${scope}`);
  }
  console.log("  Supervisors and admins enroll a TOTP authenticator at their first sign-in.");
  console.log("  Every office also has petugas.<office>@demo.lapor-imigrasi.id with the same password.");
  if (demo.DEMO_RECEIPT_KEY) {
    const codes = demo.DEMO_TRACKING_CODES;
    const examples = codes ? `${codes.inProgress} (in progress) or ${codes.resolved} (resolved, not yet rated)` : "any demo tracking code";
    console.log(`Demo cases: open ${examples} on /lacak with the key ${demo.DEMO_RECEIPT_KEY}.`);
  }
}
