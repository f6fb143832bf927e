"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type AdminNavItem = { href: string; label: string };

/** The administration's sections; the overview owns /dasbor/admin only, each section its prefix. */
export function AdminNav({ label, items }: { label: string; items: readonly AdminNavItem[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/dasbor/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="mb-6">
      <ul className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className="block rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-white aria-[current=page]:bg-white aria-[current=page]:font-semibold aria-[current=page]:text-brand-800 aria-[current=page]:shadow-sm"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
