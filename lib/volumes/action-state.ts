import type { VolumeCsvError } from "./csv";

/** What the forms of /dasbor/volume answer (./actions.ts); codes are Volumes.errors keys. */

export const VOLUMES_PATH = "/dasbor/volume";

export type VolumeErrorCode = "invalid" | "monthInvalid" | "officeUnknown" | "countsInvalid" | "nothingEntered" | "fileMissing" | "fileTooLarge" | "fileHasErrors" | "unexpected";

export type VolumeFormState = {
  error?: VolumeErrorCode;
  /** Service id -> what was typed, where it is not a whole count. */
  fieldErrors?: Record<string, "countInvalid" | "countTooLarge">;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
};

export type VolumeImportState = { error?: VolumeErrorCode; csvErrors?: VolumeCsvError[]; month?: string };
