import { getTranslations } from "next-intl/server";

const protections = ["anonymous", "noIpAddress", "photoMetadata", "identityHidden", "receipt"] as const;

export async function ReporterProtection() {
  const t = await getTranslations("HomePage.protection");

  return (
    <section
      aria-labelledby="protection-title"
      className="space-y-5 rounded-2xl bg-brand-900 px-5 py-8 text-white sm:px-8"
    >
      <h2 id="protection-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <ul className="grid gap-5 md:grid-cols-2">
        {protections.map((protection) => (
          <li key={protection} className="flex gap-3">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 fill-accent-50">
              <path
                fillRule="evenodd"
                d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
                clipRule="evenodd"
              />
            </svg>
            <div>
              <h3 className="font-semibold">{t(`items.${protection}.title`)}</h3>
              <p className="mt-1 text-brand-100">{t(`items.${protection}.body`)}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
