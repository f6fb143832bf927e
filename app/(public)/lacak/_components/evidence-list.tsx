import { getFormatter, getTranslations } from "next-intl/server";

import { formatFileSize } from "@/components/file-size";
import type { TrackedEvidence } from "@/lib/reports/tracking";

/** The reporter's files: name, size and SHA-256, so they can check what the office holds. Never a download. */
export async function EvidenceList({ evidence, isCompact = false }: { evidence: TrackedEvidence[]; isCompact?: boolean }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations("TrackedCase.evidence")]);
  const fileSize = (bytes: number) => formatFileSize(format, bytes);

  return (
    <ul className={isCompact ? "mt-1 space-y-1" : "space-y-3"}>
      {evidence.map((file) => (
        <li key={`${file.sha256}-${file.createdAt}`} className={isCompact ? "text-sm" : "rounded-lg bg-slate-50 p-3"}>
          <p className="break-words">
            <span className="font-medium text-slate-900">{file.fileName}</span>{" "}
            <span className="text-slate-700">({fileSize(file.sizeBytes)})</span>
          </p>
          <p className={isCompact ? "text-slate-700" : "mt-1 text-sm text-slate-700"}>
            {t("fingerprint")}: <span className="font-mono break-all text-slate-900">{file.sha256}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
