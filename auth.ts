import NextAuth from "next-auth";

import { createAuthConfig } from "@/auth.config";

/** Auth.js for the staff side; see auth.config.ts for how it is set up and why. */
export const { handlers, auth, signIn, signOut } = NextAuth(createAuthConfig);
