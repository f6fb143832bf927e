import { randomUUID } from "node:crypto";

import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { SectionCard } from "@/components/section-card";
import { getTrackedObjection } from "@/lib/objections/tracked-objection";
import { getTrackedCase } from "@/lib/reports/tracking";
import { getTrackedRetaliation } from "@/lib/rules/tracked-retaliation";

import { OpenCaseForm } from "./_components/open-case-form";
import { TrackedCaseView } from "./_components/tracked-case-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("TrackPage");
  return { title: t("metaTitle") };
}

export default async function TrackPage() {
  const locale = await getLocale();
  const trackedCase = await getTrackedCase(locale);

  if (trackedCase) {
    const [trackedObjection, trackedRetaliation] = await Promise.all([getTrackedObjection(), getTrackedRetaliation()]);
    return (
      <ClientMessages namespaces={["TrackedCase.messageForm", "TrackedCase.rating", "Objection.form", "Retaliation.question", "Retaliation.reported", "ReportErrors", "EvidencePicker", "FileChooser", "Forms"]}>
        <TrackedCaseView
          trackedCase={trackedCase}
          workingDaysLeft={trackedCase.workingDaysLeft}
          messageIdempotencyKey={randomUUID()}
          trackedObjection={trackedObjection}
          objectionIdempotencyKey={randomUUID()}
          trackedRetaliation={trackedRetaliation}
        />
      </ClientMessages>
    );
  }

  const t = await getTranslations("TrackPage");
  return (
    <div className="space-y-8">
      <PageIntro title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
        <SectionCard title={t("form.title")}>
          <ClientMessages namespaces={["TrackPage.form", "ReportErrors", "Forms"]}>
            <OpenCaseForm />
          </ClientMessages>
        </SectionCard>
        <div className="space-y-6">
          <SectionCard title={t("safety.title")}>
            <p>{t("safety.body")}</p>
          </SectionCard>
          <SectionCard title={t("lostKey.title")}>
            <p>{t("lostKey.body")}</p>
          </SectionCard>
        </div>
      </div>
    </div>
  );
}

