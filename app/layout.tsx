import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [common, t] = await Promise.all([getTranslations("Common"), getTranslations("Metadata")]);
  const productName = common("productName");

  return {
    title: { default: productName, template: `%s · ${productName}` },
    description: t("description"),
    applicationName: productName,
  };
}

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("Common")]);

  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-md bg-brand-900 font-semibold text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:px-4 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <ClientMessages namespaces={["Error"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
