import path from "node:path";

/**
 * Where mails go, in words, for the start banner (scripts/serve.ts) and the admins' mail page:
 * the SMTP server's host (never its credentials), or the folder of captured .eml files.
 */
export function describeMailDestinationOf(settings: { smtpUrl: string | undefined; captureDir: string | undefined }): string {
  if (settings.smtpUrl) {
    try {
      return `SMTP server ${new URL(settings.smtpUrl).host}`;
    } catch {
      return "SMTP server (SMTP_URL is not a valid address)";
    }
  }
  return `.eml files in ${path.resolve(settings.captureDir || ".data/mail")} (SMTP_URL is not set)`;
}
