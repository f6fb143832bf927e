import type { ReactNode } from "react";

type SectionCardProps = {
  title: string;
  children: ReactNode;
};

// A white card holding one <h2> section of a page.
export function SectionCard({ title, children }: SectionCardProps) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 className="text-xl font-semibold text-brand-900">{title}</h2>
      <div className="mt-3 space-y-3 text-slate-700">{children}</div>
    </section>
  );
}
