import "server-only";

// next-intl's own entry re-exports this, but under the react-server condition (scripts run
// outside Next.js) it also pulls in React hooks; the core translator needs none.
import { createTranslator } from "use-intl/core";

import { loadMessages } from "@/i18n/messages";

/**
 * The translations an export is written with. A job runs outside any request (in the worker),
 * so the language is the one stored with the job, not the cookie of whoever is looking.
 */
export async function loadExportTranslators(locale: "id" | "en") {
  const messages = await loadMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "Exports" }),
    labels: createTranslator({ locale, messages, namespace: "CaseLabels" }),
  };
}

export type ExportTranslators = Awaited<ReturnType<typeof loadExportTranslators>>;
