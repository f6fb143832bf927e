"use client";

import { useEffect, useRef, useState } from "react";

import type { StagedEvidence } from "@/lib/attachments/evidence-token";
import { checkEvidenceSelection, REPORT_LIMITS } from "@/lib/reports/limits";

/**
 * The browser side of evidence uploads. Each chosen file is sent on its own to the upload
 * endpoint, one after the other (a slow connection then finishes files one by one instead of
 * stalling on all of them), with XMLHttpRequest because fetch cannot report upload progress.
 * A file the server accepted becomes a token that the form submits instead of the file.
 */

const UPLOAD_URL = "/api/laporan/bukti";

export type EvidenceItem =
  | { id: string; state: "staged"; evidence: StagedEvidence }
  | { id: string; state: "waiting" | "uploading"; fileName: string; sizeBytes: number; progress: number }
  | { id: string; state: "failed"; fileName: string; sizeBytes: number; error: string };

type UploadOutcome = { ok: true; evidence: StagedEvidence } | { ok: false; error: string };

let lastItemNumber = 0;
const nextItemId = () => `evidence-${(lastItemNumber += 1)}`;

export function useEvidenceUploads(initiallyStaged: readonly StagedEvidence[]) {
  const [items, setItems] = useState<EvidenceItem[]>(() =>
    initiallyStaged.map((evidence) => ({ id: `staged-${evidence.token.slice(-16)}`, state: "staged", evidence })),
  );
  /** A problem with the whole choice (too many files): nothing of it was kept. */
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const queue = useRef<{ id: string; file: File }[]>([]);
  const isRunning = useRef(false);
  const currentRequest = useRef<XMLHttpRequest | null>(null);

  useEffect(() => () => currentRequest.current?.abort(), []);

  const update = (id: string, change: (item: EvidenceItem) => EvidenceItem) =>
    setItems((current) => current.map((item) => (item.id === id ? change(item) : item)));

  async function runQueue() {
    if (isRunning.current) return;
    isRunning.current = true;
    for (let next = queue.current.shift(); next; next = queue.current.shift()) {
      const { id, file } = next;
      update(id, (item) => ({ ...item, state: "uploading", progress: 0 }) as EvidenceItem);
      const outcome = await uploadFile(file, (progress) => update(id, (item) => ({ ...item, progress }) as EvidenceItem), currentRequest);
      update(id, () =>
        outcome.ok
          ? { id, state: "staged", evidence: outcome.evidence }
          : { id, state: "failed", fileName: file.name, sizeBytes: file.size, error: outcome.error },
      );
    }
    isRunning.current = false;
  }

  /** Checks a choice of files and queues those that may be sent. */
  function addFiles(files: readonly File[]) {
    if (files.length === 0) return;
    const alreadyAccepted = items.filter((item) => item.state !== "failed").length;
    const problems = checkEvidenceSelection({ alreadyAccepted, files });
    if (problems.includes("tooManyFiles")) {
      setSelectionError("tooManyFiles");
      return;
    }
    setSelectionError(null);
    const added: EvidenceItem[] = files.map((file) => {
      const id = nextItemId();
      const error = file.size === 0 ? "fileEmpty" : file.size > REPORT_LIMITS.fileBytes ? "fileTooLarge" : null;
      if (error) return { id, state: "failed", fileName: file.name, sizeBytes: file.size, error };
      queue.current.push({ id, file });
      return { id, state: "waiting", fileName: file.name, sizeBytes: file.size, progress: 0 };
    });
    setItems((current) => [...current, ...added]);
    void runQueue();
  }

  function remove(id: string) {
    queue.current = queue.current.filter((entry) => entry.id !== id);
    setItems((current) => current.filter((item) => item.id !== id));
    setSelectionError(null);
  }

  /** Forgets every file, e.g. after a message with them was sent. */
  function clear() {
    queue.current = [];
    setItems([]);
    setSelectionError(null);
  }

  const isUploading = items.some((item) => item.state === "waiting" || item.state === "uploading");
  const staged = items.flatMap((item) => (item.state === "staged" ? [item.evidence] : []));

  return { items, staged, selectionError, isUploading, addFiles, remove, clear };
}

function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  currentRequest: { current: XMLHttpRequest | null },
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    currentRequest.current = request;
    request.open("POST", UPLOAD_URL);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      const body: unknown = request.response;
      if (request.status === 200 && isStagedEvidence(body)) resolve({ ok: true, evidence: body });
      else resolve({ ok: false, error: readErrorCode(body) ?? (request.status === 413 ? "fileTooLarge" : "unexpected") });
    });
    request.addEventListener("error", () => resolve({ ok: false, error: "uploadFailed" }));
    request.addEventListener("abort", () => resolve({ ok: false, error: "uploadFailed" }));
    request.addEventListener("loadend", () => {
      if (currentRequest.current === request) currentRequest.current = null;
    });
    const body = new FormData();
    body.append("file", file);
    request.send(body);
  });
}

function isStagedEvidence(body: unknown): body is StagedEvidence {
  if (!body || typeof body !== "object") return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.token === "string" &&
    typeof candidate.fileName === "string" &&
    typeof candidate.mediaType === "string" &&
    typeof candidate.sizeBytes === "number" &&
    typeof candidate.sha256 === "string"
  );
}

function readErrorCode(body: unknown): string | null {
  if (!body || typeof body !== "object" || !("error" in body)) return null;
  return typeof body.error === "string" ? body.error : null;
}
