import exifr from "exifr";
import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

import { POST as uploadEvidence } from "@/app/api/laporan/bukti/route";
import { sweepStagedEvidence } from "@/lib/attachments/staging";
import { db } from "@/lib/db";

import { createJpegWithGps, createOversizedFile, createPdf, createTextFile, toBlob } from "../fixtures/evidence-files";
import { occupyEvidenceProcessing } from "../fixtures/evidence-processing";
import { createNextRequestStandIn } from "../fixtures/next-request";
import { listStoredFiles, storageRoot } from "../fixtures/reports";

const nextRequest = vi.hoisted(() => ({ standIn: undefined as unknown as ReturnType<typeof createNextRequestStandIn> }));
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn: create } = await import("../fixtures/next-request");
  nextRequest.standIn = create();
  return nextRequest.standIn.headersModule;
});
vi.mock("next/server", () => ({ after: vi.fn() }));
// Who is signed in, if anyone: desk officers' uploads are not counted against the client's limit.
const session = vi.hoisted(() => ({ current: null as { id: string; role: "OFFICER" | "SUPERVISOR" } | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentStaff: async () => session.current }));

afterAll(() => {
  vi.restoreAllMocks();
});

let clientNumber = 0;
/** Each test uploads as its own client, so the upload limit of one never reaches another. */
function asNewClient() {
  clientNumber += 1;
  nextRequest.standIn.useClientAddress(`198.18.0.${clientNumber}`);
}

function uploadRequest(file: Blob | null, fileName = "bukti.jpg", headers: Record<string, string> = {}) {
  const body = new FormData();
  if (file) body.append("file", file, fileName);
  return new Request("http://localhost:3000/api/laporan/bukti", { method: "POST", body, headers: { origin: "http://localhost:3000", host: "localhost:3000", ...headers } });
}

/** Every attempt the abuse limits have counted (each test is its own client, so this is this test's). */
async function countedUploads(): Promise<number> {
  return (await db.rateLimitBucket.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
}

function stagedFileCount() {
  return listStoredFiles("staging").length;
}

describe("POST /api/laporan/bukti", () => {
  it("stages a photo without its GPS position and answers with a token and the stored file's details", async () => {
    asNewClient();
    const response = await uploadEvidence(uploadRequest(toBlob(await createJpegWithGps()), "IMG_2031.JPG"));

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const staged = await response.json();
    expect(staged).toMatchObject({ token: expect.any(String), fileName: "IMG_2031.jpg", mediaType: "image/jpeg", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const storageKey: string = JSON.parse(Buffer.from(staged.token.split(".")[0], "base64url").toString()).k;
    const stored = readFileSync(path.join(storageRoot(), ...storageKey.split("/")));
    expect(stored.byteLength).toBe(staged.sizeBytes);
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(storageKey).not.toContain("IMG_2031");
  });

  it("refuses a text file named .jpg with 415 and writes nothing", async () => {
    asNewClient();
    const before = stagedFileCount();

    const response = await uploadEvidence(uploadRequest(toBlob(createTextFile()), "foto.jpg"));

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: "fileTypeNotAllowed" });
    expect(stagedFileCount()).toBe(before);
  });

  it("refuses a file over 10 MiB with 413 and writes nothing", async () => {
    asNewClient();
    const before = stagedFileCount();

    const response = await uploadEvidence(uploadRequest(toBlob(createOversizedFile())));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "fileTooLarge" });
    expect(stagedFileCount()).toBe(before);
  });

  it("refuses a declared body over 11 MiB before reading it", async () => {
    asNewClient();
    const read = vi.fn();
    // highWaterMark 0: the stream produces nothing until someone reads.
    const body = new ReadableStream({ pull: read }, { highWaterMark: 0 });
    const request = new Request("http://localhost:3000/api/laporan/bukti", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(12 * 1024 * 1024), origin: "http://localhost:3000", host: "localhost:3000" },
      duplex: "half",
    } as RequestInit);

    const response = await uploadEvidence(request);

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "fileTooLarge" });
    expect(read).not.toHaveBeenCalled();
  });

  it("stops reading an undeclared body as soon as it passes 11 MiB", async () => {
    asNewClient();
    const chunk = new Uint8Array(1024 * 1024);
    let chunksSent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksSent += 1;
        if (chunksSent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost:3000/api/laporan/bukti", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x", origin: "http://localhost:3000", host: "localhost:3000" },
      duplex: "half",
    } as RequestInit);

    const response = await uploadEvidence(request);

    expect(response.status).toBe(413);
    expect(chunksSent).toBeLessThan(15);
  });

  it("answers 503 with Retry-After while every image processing slot is taken, writes nothing, and accepts the photo once one is free", async () => {
    asNewClient();
    const photo = toBlob(await createJpegWithGps());
    const before = stagedFileCount();
    const countedBefore = await countedUploads();
    const occupied = occupyEvidenceProcessing();
    let refused: Response;
    try {
      refused = await uploadEvidence(uploadRequest(photo, "IMG_2032.JPG"));
    } finally {
      await occupied.release();
    }

    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.json()).toEqual({ error: "serverBusy" });
    expect(stagedFileCount()).toBe(before);
    expect(await countedUploads()).toBe(countedBefore); // the busy answer costs no upload

    const retried = await uploadEvidence(uploadRequest(photo, "IMG_2032.JPG"));
    expect(retried.status).toBe(200);
  });

  it("answers 400 when the request carries no file", async () => {
    asNewClient();
    const response = await uploadEvidence(uploadRequest(null));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "fileMissing" });
  });

  it("refuses an upload posted from another site", async () => {
    asNewClient();
    const response = await uploadEvidence(uploadRequest(toBlob(createPdf()), "a.pdf", { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "forbidden" });
  });

  it("refuses the 31st upload of a client within an hour", async () => {
    asNewClient();
    const statuses: number[] = [];
    for (let upload = 0; upload < 31; upload += 1) statuses.push((await uploadEvidence(uploadRequest(toBlob(createPdf()), "a.pdf"))).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const refused = await uploadEvidence(uploadRequest(toBlob(createPdf()), "a.pdf"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.json()).toEqual({ error: "rateLimited" });

    // The same address (an office's shared one): an officer taking a report in at the desk is not refused; a supervisor is.
    try {
      session.current = { id: "00000000-0000-4000-8000-000000000001", role: "OFFICER" };
      expect((await uploadEvidence(uploadRequest(toBlob(createPdf()), "surat.pdf"))).status).toBe(200);
      session.current = { id: "00000000-0000-4000-8000-000000000002", role: "SUPERVISOR" };
      expect((await uploadEvidence(uploadRequest(toBlob(createPdf()), "surat.pdf"))).status).toBe(429);
    } finally {
      session.current = null;
    }
  });
});

describe("sweeping staged evidence", () => {
  it("deletes files staged more than 25 hours ago and keeps newer ones", async () => {
    asNewClient();
    const fresh = await (await uploadEvidence(uploadRequest(toBlob(createPdf()), "baru.pdf"))).json();
    const freshKey: string = JSON.parse(Buffer.from(fresh.token.split(".")[0], "base64url").toString()).k;

    await sweepStagedEvidence(new Date(Date.now() + 24 * 60 * 60 * 1000));
    expect(listStoredFiles("staging")).toContain(freshKey.replace("staging/", ""));

    await sweepStagedEvidence(new Date(Date.now() + 25 * 60 * 60 * 1000 + 1000));
    expect(listStoredFiles("staging")).toEqual([]);
  });
});
