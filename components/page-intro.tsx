import type { ReactNode } from "react";

type PageIntroProps = {
  title: string;
  lead?: string;
  children?: ReactNode;
};

// The page's only <h1>, its lead paragraph and anything that belongs right under them.
export function PageIntro({ title, lead, children }: PageIntroProps) {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight text-balance text-brand-900 sm:text-4xl">{title}</h1>
      {lead ? <p className="text-lg text-slate-700">{lead}</p> : null}
      {children}
    </div>
  );
}
