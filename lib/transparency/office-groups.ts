/**
 * The offices of /transparansi by province, provinces in alphabetical order (Indonesian
 * collation), offices in the order given within each. Pure.
 */
export function groupOfficesByProvince<Office extends { province: string }>(offices: readonly Office[]): { province: string; offices: Office[] }[] {
  const byProvince = new Map<string, Office[]>();
  for (const office of offices) byProvince.set(office.province, [...(byProvince.get(office.province) ?? []), office]);
  const collator = new Intl.Collator("id");
  return [...byProvince.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([province, members]) => ({ province, offices: members }));
}
