/** Where the staff administration lives, for links and revalidation. */
export const STAFF_LIST_PATH = "/dasbor/admin/petugas";
export const NEW_STAFF_PATH = `${STAFF_LIST_PATH}/baru`;

export function staffDetailPath(staffId: string): string {
  return `${STAFF_LIST_PATH}/${staffId}`;
}
