/**
 * The look of the public forms' controls. A plain module (no "use client"), so server
 * components (the tracking page's close button) and client forms share the same strings.
 */

export const inputClassName =
  "block w-full rounded-lg border-2 border-slate-500 bg-white px-3 py-2.5 text-base text-slate-900 aria-[invalid=true]:border-red-700";

export const buttonClassName =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-accent-700 px-5 py-2.5 font-semibold text-white hover:bg-accent-800 disabled:cursor-not-allowed disabled:bg-slate-500";

export const secondaryButtonClassName =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border-2 border-brand-800 bg-white px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50";
