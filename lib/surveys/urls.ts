/** Where a QR card or the poster sends a visitor. Pure (the site's address is a parameter). */
export function buildSurveyUrl(siteAddress: string, officeCode: string, invitationCode?: string): string {
  const base = `${siteAddress}/survei/${encodeURIComponent(officeCode)}`;
  return invitationCode ? `${base}?kode=${encodeURIComponent(invitationCode)}` : base;
}
