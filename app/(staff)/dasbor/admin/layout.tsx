import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

import { requireAdmin } from "@/lib/admin/guard";

import { AdminNav } from "./_components/admin-nav";
import { ADMIN_SECTIONS } from "./_components/admin-sections";

// A second line of defence: every admin page, action and data function checks the role itself,
// but nothing of the administration renders for anyone but an admin (others get a 404).
export default async function AdminLayout({ children }: Readonly<{ children: ReactNode }>) {
  await requireAdmin();
  const t = await getTranslations("AdminShell");
  const items = [{ href: "/dasbor/admin", label: t("overview") }, ...ADMIN_SECTIONS.map((section) => ({ href: section.href, label: t(section.key) }))];
  return (
    <>
      <AdminNav label={t("navLabel")} items={items} />
      {children}
    </>
  );
}
