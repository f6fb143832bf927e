/**
 * Searching the office list of /transparansi by name, city or province: every word typed must
 * appear, ignoring case and accents. Pure and shared by the server (the `?q=` form, without
 * JavaScript) and the browser (live filtering), so both find the same offices.
 */

export const MAX_OFFICE_SEARCH_LENGTH = 100;

export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The text an office is found by, normalised once when the list is rendered. */
export function officeSearchText(office: { name: string; city: string; province: string }): string {
  return normalizeSearchText(`${office.name} ${office.city} ${office.province}`);
}

export function matchesOfficeSearch(searchText: string, query: string): boolean {
  const words = normalizeSearchText(query).split(" ").filter(Boolean);
  return words.every((word) => searchText.includes(word));
}
