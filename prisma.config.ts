import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI reaches the database only through this adapter (the schema's `url` is a
// placeholder). `prisma generate` never calls it; the commands that do need DATABASE_URL,
// which the npm scripts set to the database they picked.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: use `npm run db:migrate`, or set it to the database to work on.");
    return new PrismaPg({ connectionString });
  },
});
