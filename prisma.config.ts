import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI must always see a DATABASE_URL: without one `prisma generate`
// falls back to downloading a native engine, which these machines cannot reach.
// The default points at the embedded database that `npm start` serves.
process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:54329/postgres";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
