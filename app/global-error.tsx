"use client";

// Only the error texts: this module is part of every page's JavaScript.
import en from "@/messages/error/en.json";
import id from "@/messages/error/id.json";
import "./globals.css";

// Replaces the root layout when the root layout itself fails, so neither the
// locale nor next-intl is available here: show the message in both languages.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="id">
      <body className="min-h-dvh bg-slate-50">
        <main className="mx-auto max-w-3xl space-y-6 px-4 py-12">
          <title>{id.Error.title}</title>
          <div className="space-y-2">
            <h1 className="text-3xl font-bold text-brand-900">{id.Error.title}</h1>
            <p className="text-lg text-slate-700">{id.Error.body}</p>
          </div>
          <div lang="en" className="space-y-2">
            <h2 className="text-2xl font-bold text-brand-900">{en.Error.title}</h2>
            <p className="text-lg text-slate-700">{en.Error.body}</p>
          </div>
          <button
            type="button"
            onClick={retry}
            className="rounded-lg bg-accent-700 px-5 py-2.5 font-semibold text-white hover:bg-accent-800"
          >
            {id.Error.retry} / <span lang="en">{en.Error.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
