/** The icons that tell a reply from a note, in the form and in the conversation (20×20 paths). */
export const MESSAGE_KIND_ICONS = {
  REPORTER_MESSAGE: "M10 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm-7 9a7 7 0 1 1 14 0H3Z",
  /** A speech bubble: it goes out to the reporter. */
  PUBLIC_REPLY: "M3.5 4A1.5 1.5 0 0 0 2 5.5v7A1.5 1.5 0 0 0 3.5 14H5v3l4-3h7.5a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 16.5 4h-13Z",
  /** A padlock: it stays with staff. */
  INTERNAL_NOTE: "M10 1a4.5 4.5 0 0 0-4.5 4.5V8H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 7V5.5a3 3 0 1 0-6 0V8h6Z",
} as const;
