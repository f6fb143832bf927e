"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A dashboard menu link that knows its section: the queue owns /dasbor and the case pages, the
 * intake owns /dasbor/kasus/baru (a prefix match would mark both as current there), statistics
 * owns /dasbor/statistik, the administration /dasbor/admin, the reply templates /dasbor/templat.
 */
type DashboardSection = "queue" | "intake" | "statistics" | "surveys" | "admin" | "templates" | "volumes" | "signals";

function isInSection(pathname: string, section: DashboardSection): boolean {
  if (section === "intake") return pathname === "/dasbor/kasus/baru";
  if (section === "statistics") return pathname === "/dasbor/statistik" || pathname.startsWith("/dasbor/statistik/");
  if (section === "admin") return pathname === "/dasbor/admin" || pathname.startsWith("/dasbor/admin/");
  if (section === "surveys") return pathname === "/dasbor/survei" || pathname.startsWith("/dasbor/survei/");
  if (section === "volumes") return pathname === "/dasbor/volume";
  if (section === "signals") return pathname === "/dasbor/sinyal" || pathname.startsWith("/dasbor/sinyal/");
  if (section === "templates") return pathname === "/dasbor/templat" || pathname.startsWith("/dasbor/templat/");
  return pathname === "/dasbor" || (pathname.startsWith("/dasbor/kasus/") && pathname !== "/dasbor/kasus/baru");
}

export function DashboardNavLink({ href, section, children }: { href: string; section: DashboardSection; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <Link
      href={href}
      aria-current={isInSection(pathname, section) ? "page" : undefined}
      className="block rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
    >
      {children}
    </Link>
  );
}
