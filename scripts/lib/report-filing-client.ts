import { createHash, randomBytes, randomUUID } from "node:crypto";

/**
 * Files a report over HTTP the way a browser does, without a browser: it loads /lapor, keeps the
 * form's hidden fields (the Server Action's reference and the submission's idempotency key),
 * and posts the form as multipart. Evidence goes either inside the form post (the no-JavaScript
 * path) or first through the upload endpoint, the form then carrying the files' tokens (the
 * JavaScript path). A filed report is answered with a redirect to the receipt page and the
 * receipt cookie (post/redirect/get): the client follows it with the cookies it was given, as a
 * browser does, and a filing counts as acknowledged only when that page shows the receipt.
 */

export type EvidencePath = "form" | "upload";

export type SentFile = { name: string; bytes: Buffer; sha256: string };

export type FilingAttempt = {
  /** A unique word in the description, to find the case (or its absence) in the database. */
  marker: string;
  evidencePath: EvidencePath;
  files: SentFile[];
  /** "receipt": the reporter saw a tracking code; "refused": an answer without one; "failed": no answer. */
  outcome: "receipt" | "refused" | "failed";
  trackingCode?: string;
  /** The SHA-256 of every file the receipt lists. */
  receiptHashes?: string[];
  detail?: string;
};

/** A tiny PDF with unique content: the server stores PDFs byte for byte, so its hash is known beforehand. */
export function createUniquePdf(name: string): SentFile {
  const bytes = Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% Bukti ${randomBytes(12).toString("hex")}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
  return { name, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

const HTML_ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", "#39": "'", "#x27": "'" };

function decodeHtml(text: string): string {
  return text.replace(/&(amp|quot|lt|gt|apos|#39|#x27);/g, (_, name: string) => HTML_ENTITIES[name] ?? "");
}

function readAttribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeHtml(match[1]!) : null;
}

type ReportFormPage = { actionPath: string; hiddenFields: [string, string][] };

/** The report form of a /lapor page: where it posts and its hidden fields. */
export function readReportForm(html: string): ReportFormPage | null {
  const forms = html.split(/<form\b/).slice(1);
  const form = forms.find((candidate) => candidate.includes('name="idempotencyKey"'));
  if (!form) return null;
  const body = form.slice(0, form.indexOf("</form>"));
  const openingTag = body.slice(0, body.indexOf(">"));
  const hiddenFields: [string, string][] = [];
  for (const [input] of body.matchAll(/<input\b[^>]*>/g)) {
    if (readAttribute(input, "type") !== "hidden") continue;
    const name = readAttribute(input, "name");
    if (name) hiddenFields.push([name, readAttribute(input, "value") ?? ""]);
  }
  const action = readAttribute(openingTag, "action");
  return { actionPath: action && action.startsWith("/") ? action : "/lapor", hiddenFields };
}

function readReceipt(html: string): { trackingCode: string; hashes: string[] } | null {
  const code = /data-testid="tracking-code"[^>]*>\s*(LI-[0-9A-Z]{4}-[0-9A-Z]{4})\s*</.exec(html);
  if (!code) return null;
  const hashes = [...html.matchAll(/data-testid="evidence-sha256"[^>]*>([0-9a-f]{64})</g)].map((match) => match[1]!);
  return { trackingCode: code[1]!, hashes };
}

/** The report the filing sends: an anonymous pungli report at a seeded office. */
function reportFields(marker: string): Record<string, string> {
  const sixDaysAgo = new Date(Date.now() + 7 * 60 * 60 * 1000 - 6 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    kind: "PUNGLI",
    officeCode: "kanim-denpasar",
    serviceCode: "paspor-el-10th",
    categoryCode: "PUNGLI",
    incidentDate: sixDaysAgo,
    incidentPlace: "Loket 4, lantai 2",
    description: `${marker} Petugas di loket meminta uang tambahan supaya paspor cepat selesai.`,
    amountDemanded: "1.500.000",
    amountPaid: "1500000",
    paymentMethod: "CASH",
    brokerInvolved: "yes",
    receiptGiven: "no",
    accusedDescription: "Petugas berseragam biru di loket 4.",
    reporterMode: "ANONYMOUS",
  };
}

const REQUEST_TIMEOUT_MS = 120_000;

/** The report form as a browser holds it after loading /lapor: where it posts and its hidden fields. */
export type LoadedReportForm = ReportFormPage;

export async function loadReportForm(baseUrl: string): Promise<LoadedReportForm | string> {
  const page = await fetch(`${baseUrl}/lapor`, { headers: { origin: baseUrl, "accept-language": "id" }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const form = page.ok ? readReportForm(await page.text()) : null;
  return form ?? `GET /lapor answered ${page.status} without the report form`;
}

export async function fileReportOverHttp(
  baseUrl: string,
  options: {
    marker: string;
    files: SentFile[];
    evidencePath: EvidencePath;
    form?: LoadedReportForm;
    /**
     * false: the filing counts as acknowledged when the form post answers with the redirect to the
     * receipt page and sets the receipt cookie (the case is committed by then), without loading
     * that page. Default true: only a loaded receipt page showing the tracking code counts.
     */
    loadReceiptPage?: boolean;
  },
): Promise<FilingAttempt> {
  const attempt: FilingAttempt = { marker: options.marker, evidencePath: options.evidencePath, files: options.files, outcome: "failed" };
  const browserHeaders = { origin: baseUrl, "accept-language": "id" };
  try {
    // A form loaded earlier is filled in again as a reporter filing a second report would, with a new submission id.
    const loaded = options.form ? withNewSubmissionId(options.form) : await loadReportForm(baseUrl);
    if (typeof loaded === "string") return { ...attempt, detail: loaded };
    const form = loaded;

    const body = new FormData();
    for (const [name, value] of form.hiddenFields) body.append(name, value);
    for (const [name, value] of Object.entries(reportFields(options.marker))) body.append(name, value);
    for (const file of options.files) {
      const blob = new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" });
      if (options.evidencePath === "form") {
        body.append("evidence", blob, file.name);
        continue;
      }
      const upload = new FormData();
      upload.append("file", blob, file.name);
      const uploaded = await fetch(`${baseUrl}/api/laporan/bukti`, {
        method: "POST",
        headers: browserHeaders,
        body: upload,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const answer = (await uploaded.json().catch(() => null)) as { token?: string } | null;
      if (!uploaded.ok || !answer?.token) return { ...attempt, detail: `upload answered ${uploaded.status}` };
      body.append("evidenceToken", answer.token);
    }

    const response = await fetch(`${baseUrl}${form.actionPath}`, {
      method: "POST",
      headers: { ...browserHeaders, accept: "text/html" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const location = response.headers.get("location");
    if (response.status !== 303 || !location) {
      await response.arrayBuffer();
      return { ...attempt, outcome: "refused", detail: `the form post answered ${response.status} without a redirect to the receipt` };
    }
    await response.arrayBuffer();
    if (options.loadReceiptPage === false) {
      const setsReceipt = response.headers.getSetCookie().some((header) => header.startsWith("tanda-terima=") && !/max-age=0/i.test(header));
      if (!setsReceipt || new URL(location, baseUrl).pathname !== "/lapor/tanda-terima") {
        return { ...attempt, outcome: "refused", detail: `the form post redirected to ${location} without the receipt cookie` };
      }
      return { ...attempt, outcome: "receipt" };
    }
    // The cookies the answer set (the receipt cookie, the tracking session), as a browser sends them back.
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0]!)
      .join("; ");
    const receiptPage = await fetch(new URL(location, baseUrl), {
      headers: { "accept-language": "id", accept: "text/html", cookie },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const html = await receiptPage.text();
    const receipt = readReceipt(html);
    if (!receipt) return { ...attempt, outcome: "refused", detail: `the receipt page (${location}) answered ${receiptPage.status} without a receipt` };
    return { ...attempt, outcome: "receipt", trackingCode: receipt.trackingCode, receiptHashes: receipt.hashes };
  } catch (error) {
    return { ...attempt, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function withNewSubmissionId(form: LoadedReportForm): LoadedReportForm {
  return { ...form, hiddenFields: form.hiddenFields.map(([name, value]) => [name, name === "idempotencyKey" ? randomUUID() : value]) };
}
